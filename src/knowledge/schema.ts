import { z } from "zod";
import { SCHEMA } from "./staff-messages.js";

/**
 * The knowledge schema. Staff write these fields in YAML; every entry is validated at load and
 * by `dvc-bot check`. Facts carry a source and a reviewed date; fee, time and code are optional
 * on purpose: when unknown they are left out and the card sends the citizen to the portal.
 */

const text = z.string().trim().min(1, SCHEMA.notEmpty);
/** One word, no space ("hông", "không"): a regional word and the word it is read as (`dialect`). */
const oneWord = text.refine((s) => !/\s/.test(s), SCHEMA.oneWord);
const isoDate = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, SCHEMA.isoDate));

export const ENTRY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const entryId = z.string().regex(ENTRY_ID, SCHEMA.entryId);

/** Online level (toàn trình / một phần: Luật Chuyển đổi số 148/2025/QH15, Điều 3 khoản 15; before 01/7/2026 Decree 42/2022), with the legacy scale it replaced. */
export const LEVELS = ["toan-trinh", "mot-phan", "khong-truc-tuyen"] as const;
export type Level = (typeof LEVELS)[number];
/** Legacy "mức độ" that people and old lists still use for each level. */
export const LEGACY_LEVEL: Record<Level, 4 | 3 | 2> = { "toan-trinh": 4, "mot-phan": 3, "khong-truc-tuyen": 2 };

/** Where the procedure is handled. Since 1/7/2025 local government has two tiers (tỉnh, xã). */
export const TIERS = ["trung-uong", "tinh", "xa", "huyen"] as const;
export type Tier = (typeof TIERS)[number];

/** How a dossier is submitted; fees and times are given per channel. */
export const CHANNELS = ["truc-tiep", "truc-tuyen", "buu-chinh", "moi-kenh"] as const;
export type FeeChannel = (typeof CHANNELS)[number];

export const sourceSchema = z.union([
  text,
  z.object({ title: text, url: z.url().optional() }).strict(),
]);

/**
 * A fact that is true only for a period (a fee halved until 31/12/2026, a paper no longer needed
 * from 1/1/2026): cards read it for the day they are asked, so nobody edits a file on the day a
 * rule ends. `until` is the last day it applies. `basis` names the document and article.
 */
const period = {
  from: isoDate.optional(),
  until: isoDate.optional(),
  basis: text.optional(),
};
const periodInOrder = (p: { from?: string | undefined; until?: string | undefined }) => !p.from || !p.until || p.from <= p.until;
const periodOrderMessage = { message: SCHEMA.periodOrder, path: ["until"] };

/** A line of text, or the same with a period and its legal basis. */
export const datedTextSchema = z.union([
  text,
  z.object({ text, ...period }).strict().refine(periodInOrder, periodOrderMessage),
]);
export type DatedText = z.infer<typeof datedTextSchema>;

export const feeSchema = z
  .object({
    channel: z.enum(CHANNELS, { error: SCHEMA.oneOf(CHANNELS) }),
    /** Amount in đồng; 0 = free. Leave out when it depends on the case and say so in `note`. */
    amount: z.number().int().nonnegative().optional(),
    /** Which case this fee is for ("Cấp đổi thẻ", "Cấp lại thẻ bị mất"); lines of one case form a timeline. */
    case: text.optional(),
    /** Who or what qualifies ("tài khoản định danh điện tử mức 2, nộp trực tuyến"). */
    condition: text.optional(),
    note: text.optional(),
    ...period,
  })
  .strict()
  .refine((f) => f.amount !== undefined || f.note !== undefined, SCHEMA.feeNeedsAmountOrNote)
  .refine(periodInOrder, periodOrderMessage);

const timeSchema = z
  .object({
    channel: z.enum(CHANNELS, { error: SCHEMA.oneOf(CHANNELS) }),
    text: text,
    ...period,
  })
  .strict()
  .refine(periodInOrder, periodOrderMessage);

const documentSchema = z.union([
  text,
  z.object({ name: text, copies: text.optional(), note: text.optional(), ...period }).strict().refine(periodInOrder, periodOrderMessage),
]);

const common = {
  id: entryId,
  title: text,
  /** Other names citizens use ("hộ khẩu", "sổ đỏ"); matched like the title. */
  aliases: z.array(text).default([]),
  /** Extra search words that are not names (situations, objects). */
  keywords: z.array(text).default([]),
  /**
   * For an entry about one situation only ("Sau sáp nhập tỉnh, xã có phải đổi căn cước…"): phrases one of which a question
   * says when it is about that situation ("sáp nhập", "tỉnh cũ"). A question saying none of them scores the entry down
   * (× `weights.contextMissing`, search/context-fit.ts). Empty: any question may be answered with it.
   */
  only_when: z.array(text).default([]),
  /**
   * Situations the entry does not cover though its words are there ("nhà xưởng", "nhà kho" under the permit for houses):
   * a question saying one of them is never answered with the entry, which may still be offered (search/context-fit.ts).
   */
  not_when: z.array(text).default([]),
  /**
   * Beside `not_when`: the entry's own situation ("xây nhà cho con ra ở riêng, cạnh nhà xưởng của công ty": "ra ở riêng"),
   * or another reading of its words typed bare ("nha xuong cap": "nhà xuống cấp"): a question saying one of these is the
   * entry's after all — unless the phrase shares only part of the excluded one ("sửa nhà" of "sửa nhà kho").
   */
  except_when: z.array(text).default([]),
  /** One or two sentences shown first on the card. */
  summary: text.optional(),
  link: z.url().optional(),
  related: z.array(entryId).default([]),
  /** What usually comes next ("khai sinh" → "thường trú", "thẻ BHYT cho trẻ"). */
  next: z.array(entryId).default([]),
  source: z.union([sourceSchema, z.array(sourceSchema).min(1)]),
  reviewed: isoDate,
  /** Set by import for entries a person has not checked yet. */
  needs_review: z.boolean().default(false),
};

export const procedureSchema = z
  .object({
    ...common,
    kind: z.literal("procedure"),
    /** National procedure code (e.g. "1.004222"), only when confirmed. */
    code: z.string().regex(/^\d\.\d{6}$|^[0-9A-Za-z.-]+$/, SCHEMA.code).optional(),
    field: text,
    tier: z.enum(TIERS, { error: SCHEMA.oneOf(TIERS) }),
    agency: text,
    level: z.enum(LEVELS, { error: SCHEMA.oneOf(LEVELS) }),
    /** Why it is only partly online (one in-person step, paper result…). */
    level_note: text.optional(),
    who: text.optional(),
    documents: z.array(documentSchema).default([]),
    fees: z.array(feeSchema).default([]),
    /**
     * What the citizen receives, for a benefit (an allowance, a pension, a funeral grant): "bao nhiêu
     * tiền" about a benefit asks this, not the fee; the fee answer shows it first.
     */
    benefit: z.array(datedTextSchema).default([]),
    times: z.array(timeSchema).default([]),
    steps: z.array(datedTextSchema).default([]),
    result: text.optional(),
    legal: z.array(datedTextSchema).default([]),
    /** Where it was filed before the 1/7/2025 reform, when that moved. */
    reform_note: text.optional(),
    notes: z.array(datedTextSchema).default([]),
  })
  .strict();

export const guideSchema = z
  .object({
    ...common,
    kind: z.enum(["guide", "faq"]),
    body: text.optional(),
    steps: z.array(datedTextSchema).default([]),
    notes: z.array(datedTextSchema).default([]),
    /** A flow id that walks the citizen through this guide interactively. */
    flow: z.string().optional(),
  })
  .strict()
  .refine((g) => g.body !== undefined || g.steps.length > 0, SCHEMA.guideNeedsBody);

export const entrySchema = z.discriminatedUnion("kind", [procedureSchema, guideSchema]);

export type Procedure = z.infer<typeof procedureSchema>;
export type Guide = z.infer<typeof guideSchema>;
export type Entry = z.infer<typeof entrySchema>;
export type EntryKind = Entry["kind"];
export type Fee = z.infer<typeof feeSchema>;
export type TimeLine = z.infer<typeof timeSchema>;
export type DocumentLine = z.infer<typeof documentSchema>;

/** Synonyms file: groups of phrases that mean the same; the first phrase is the canonical one. */
export const synonymsSchema = z
  .object({
    /** Two-way: every phrase in a group is searched as the first one. */
    groups: z.array(z.array(text).min(2)).default([]),
    /** One-way rewrites of what citizens type ("ko" → "không"). */
    abbreviations: z.record(z.string(), text).default({}),
    /** Words that carry no topic ("cho tôi hỏi", "thủ tục"): never enough to match on. */
    stopwords: z.array(text).default([]),
    /**
     * Phrases asking for one part of a card, per part. Each part given replaces the built-in
     * list for that part (src/knowledge/language.ts); parts left out keep it.
     */
    facets: z
      .object({
        documents: z.array(text).optional(),
        fee: z.array(text).optional(),
        time: z.array(text).optional(),
        where: z.array(text).optional(),
        online: z.array(text).optional(),
        steps: z.array(text).optional(),
      })
      .strict()
      .optional(),
    /** Function words of questions ("cho", "với"); replaces the built-in list when given. */
    function_words: z.array(text).optional(),
    /** Place names, weak however typed; replaces the built-in list when given. */
    places: z.array(text).optional(),
    /** Words before a place name ("xã", "phường", "TP"); replaces the built-in list when given. */
    place_markers: z.array(text).optional(),
    /**
     * Regional words read as the common word only when typed with exactly these accents ("hông" → "không"; "hong"
     * typed bare may be "hỏng"); replaces the built-in list when given.
     */
    dialect: z.record(oneWord, oneWord).optional(),
  })
  .strict();
export type Synonyms = z.infer<typeof synonymsSchema>;
