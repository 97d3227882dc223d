import { z } from "zod";
import { foldedText } from "../text/normalize.js";
import { choicesOk, listKey, slotMistake, slotNames } from "./intent-choices.js";

/** The shape of `knowledge/intents.yaml` and the mistakes `dvc-bot check` names in it (see `intents.ts`). */

/** The intents the engine knows, by name. The order of the engine's table decides precedence. */
export const INTENT_NAMES = [
  "cancel",
  "greeting",
  "menu",
  "help",
  "bot-question",
  "person",
  "survey",
  "thanks",
  "forgery",
  "bribe",
  "account-access",
  "identity-misuse",
  "personal-data",
  "dossier-status",
  "renamed-places",
  "translation",
  "not-covered",
  "out-of-domain",
  "general-knowledge",
  "penalty",
  "complaint",
  "district-offices",
  "elderly-allowance",
  "sim-owner",
  "payment-failed",
  "survivor-allowance",
] as const;
export type IntentName = (typeof INTENT_NAMES)[number];

/** Written between two words of a phrase: up to three other words (`GAP_WORDS` in intents.ts) may stand there ("bằng … giả"). */
export const GAP = /\s*(?:…|\.\.\.)\s*/u;
const phrase = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .refine((p) => p.split(GAP).every((part) => part.trim() !== ""), "\"…\" phải đứng giữa hai chữ (\"bằng … giả\"), không ở đầu hay cuối cụm")
  .refine(
    (p) => p.split(/\s+/u).every((word) => !word.includes("/") || word.startsWith("/") || choicesOk(word)),
    'mỗi lựa chọn quanh "/" là một chữ, không để trống, không có "…" ("tới/đến đâu rồi", không phải "tới/ đến" hay "tệ/kém...quá"); số như "24/7" thì viết "24 7"',
  );
/** A phrase that may name lists ("ghi … <tỉnh cũ>"): each "<name>" stands as whole words. */
const listedPhrase = phrase.superRefine((p, ctx) => {
  const mistake = slotMistake(p);
  if (mistake) ctx.addIssue({ code: "custom", message: mistake });
});
const phrases = z.array(listedPhrase).default([]);
const regex = z.string().superRefine((source, ctx) => {
  try {
    new RegExp(source, "u");
  } catch (err) {
    ctx.addIssue({ code: "custom", message: `not a valid pattern (${(err as Error).message})` });
  }
});

const wordsSchema = z
  .object({
    /** The whole message is one of these (ignoring `particles` at either end). */
    exact: phrases,
    /** The message begins with one of these and adds at most a few words ("cảm ơn bạn nhiều"). */
    starts: phrases,
    /** One of these appears anywhere in the message. */
    contains: phrases,
    /** Every group has one of its phrases somewhere in the message. */
    all: z.array(z.array(listedPhrase).min(1)).default([]),
    /** None of these may appear: "bị làm giả giấy tờ thì báo ở đâu" is a victim asking, not a request to forge. */
    unless: phrases,
    /**
     * A `contains`, `all` or `over` phrase of this intent that touches the words of one of these does not count:
     * "thêm con vào tài khoản của mẹ" holds "vào" (a way into an account) only inside "thêm con vào", so it is a parent
     * asking; "hack vneid của chồng để thêm con vào" keeps "hack". `exact`, `starts`, `patterns` and `unless` read it all.
     */
    ignore: phrases,
    /**
     * For an intent tried after the search: one of these takes the message even when the search
     * names an entry firmly — a service no entry covers, said next to one that has an entry
     * ("đã đăng ký kết hôn … xin thẻ tạm trú cho chồng"). `unless` still vetoes, or `over_unless` when given.
     */
    over: phrases,
    /**
     * When given, what vetoes an `over` phrase instead of `unless`: "tuần sau có rét đậm không, định đi làm hộ
     * chiếu" is still the weather, though `unless` keeps "hộ chiếu" for a `contains` phrase.
     */
    over_unless: phrases,
    /**
     * Words a "…" in this intent's `contains` and `all` phrases never stands for, written with their accents: in
     * `account-access`, "vneid … của vợ" is not "số điện thoại đăng ký vneid là sim của vợ" — the SIM is hers, the account
     * is the writer's. A word typed bare stops the gap too ("so" may be "số"). One word of letters or digits each, as
     * the message has it after short forms are written out ("sđt" is read "số điện thoại": write "số").
     */
    gap_stops: z
      .array(z.string().trim().regex(/^[\p{L}\p{N}]+$/u, 'một chữ (chỉ chữ cái, chữ số), không có khoảng trắng, "/", "!", "…"'))
      .default([])
      .refine((ws) => new Set(ws.map((w) => w.normalize("NFC").toLowerCase())).size === ws.length, "một chữ ghi hai lần"),
    /** Regular expressions tested on the message as typed (for codes such as dossier numbers). */
    patterns: z.array(regex).default([]),
    /** Entries offered as one-tap choices with the intent's reply (the lawful way, the contacts). */
    offer: z.array(z.string()).default([]),
    /**
     * `penalty` only: entries that answer a question about a fine themselves ("khai sinh trễ bị phạt
     * không": the late-registration guide says there is a fee, not a fine). When the search's best
     * entry is one of these, its card answers instead of the intent's reply.
     */
    answered_by: z.array(z.string()).default([]),
  })
  .strict();

/** Intents tried after the search: the only ones whose `over` phrases mean anything (see `intent-replies.ts`). */
export const AFTER_SEARCH: ReadonlySet<IntentName> = new Set<IntentName>(["not-covered", "out-of-domain", "general-knowledge", "penalty", "complaint", "district-offices", "elderly-allowance", "sim-owner", "payment-failed", "survivor-allowance"]);
/** Intents whose reply shows the entries listed in `offer`. */
export const OFFERING: ReadonlySet<IntentName> = new Set<IntentName>(["bot-question", "person", "forgery", "bribe", "account-access", "identity-misuse", "personal-data", "renamed-places", "complaint", "district-offices", "elderly-allowance", "sim-owner", "payment-failed", "survivor-allowance"]);
/** Intents that read `answered_by`. */
const ANSWERED_BY: ReadonlySet<IntentName> = new Set<IntentName>(["penalty"]);

/** A key the intent's reply never reads is a mistake staff should see, not a silently ignored line. */
const KEY_MISTAKES: ReadonlyArray<{ key: "over" | "over_unless" | "offer" | "answered_by"; ok: ReadonlySet<IntentName>; message: (name: IntentName) => string }> = [
  {
    key: "over",
    ok: AFTER_SEARCH,
    message: (name) =>
      `"over" chỉ dùng cho ý định xét sau khi tìm kiếm (${[...AFTER_SEARCH].join(", ")}); "${name}" được xét trước, nên ghi các cụm này vào "contains"`,
  },
  {
    key: "over_unless",
    ok: AFTER_SEARCH,
    message: (name) => `"over_unless" chỉ dùng cùng "over", cho ý định xét sau khi tìm kiếm (${[...AFTER_SEARCH].join(", ")}); "${name}" dùng "unless"`,
  },
  {
    key: "offer",
    ok: OFFERING,
    message: (name) =>
      `câu trả lời của "${name}" không gợi ý bài theo "offer" (chỉ ${[...OFFERING].join(", ")} có); xóa dòng này` +
      (name === "penalty" ? `; bài tự trả lời câu hỏi về phạt thì ghi ở "answered_by"` : ""),
  },
  { key: "answered_by", ok: ANSWERED_BY, message: (name) => `"answered_by" chỉ dùng cho "penalty", không dùng cho "${name}"; xóa dòng này` },
];

export const intentsSchema = z
  .object({
    /** Little words that do not change an exact match ("chào ạ", "menu nhé"). */
    particles: phrases,
    /** Entries offered when the citizen asks a facet but no procedure is in the conversation. */
    popular: z.array(z.string()).default([]),
    /**
     * Words typed without accents read with this phrase's accents when the whole phrase is there
     * ("gia bao nhieu" is "giá bao nhiêu"): a forgery phrase's "giả" is then not found in a price
     * question, and "mua bằng lái giá bao nhiêu" is still a request to buy one.
     */
    readings: z
      .array(
        phrase
          .refine((p) => !GAP.test(p), 'một cách đọc là các chữ liền nhau, không có "…"')
          .refine((p) => !/[<>]/u.test(p), "một cách đọc không dùng danh sách (<…>): viết từng cách đọc một dòng"),
      )
      .default([]),
    /**
     * Named lists of phrases a phrase refers to as "<name>" ("ghi … <tỉnh cũ>", "<tỉnh cũ> nhập/gộp"): one line stands for
     * one phrase per item, and a list is kept in one place for every phrase that needs it.
     */
    lists: z
      .record(
        z.string().refine((n) => listKey(n) !== "" && !/[<>]/u.test(n), 'tên danh sách viết không có "<", ">" ("tỉnh cũ:", dùng trong cụm là "<tỉnh cũ>")'),
        z.array(phrase.refine((p) => !/[<>]/u.test(p), "một mục của danh sách không dùng danh sách khác (<…>)")).min(1),
      )
      .transform((lists) => Object.fromEntries(Object.entries(lists).map(([name, items]) => [listKey(name), items])))
      .default({}),
    intents: z
      .object(Object.fromEntries(INTENT_NAMES.map((n) => [n, wordsSchema.optional()])) as Record<IntentName, z.ZodOptional<typeof wordsSchema>>)
      .strict()
      .superRefine((intents, ctx) => {
        for (const name of INTENT_NAMES) {
          const w = intents[name];
          for (const { key, ok, message } of KEY_MISTAKES) {
            if (w && w[key].length > 0 && !ok.has(name)) ctx.addIssue({ code: "custom", path: [name, key], message: message(name) });
          }
        }
      })
      .default({}),
  })
  .strict()
  .superRefine((data, ctx) => {
    // Every "<name>" a phrase uses names a list of `lists`.
    const check = (p: string, path: PropertyKey[]) => {
      for (const name of slotNames(p)) {
        if (Object.hasOwn(data.lists, name)) continue;
        const near = Object.keys(data.lists).find((n) => foldedText(n) === foldedText(name));
        const hint = near ? ` — có phải "<${near}>"?` : "";
        ctx.addIssue({ code: "custom", path, message: `chưa có danh sách "${name}" trong "lists" (cụm "${p}")${hint}` });
      }
    };
    for (const name of INTENT_NAMES) {
      const w = data.intents[name];
      if (!w) continue;
      for (const key of ["exact", "starts", "contains", "unless", "ignore", "over", "over_unless"] as const) w[key].forEach((p, i) => check(p, ["intents", name, key, i]));
      w.all.forEach((group, g) => group.forEach((p, i) => check(p, ["intents", name, "all", g, i])));
    }
  });
export type IntentsData = z.infer<typeof intentsSchema>;
export type Words = z.infer<typeof wordsSchema>;
