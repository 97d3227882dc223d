import { z } from "zod";
import { textKey, tokens } from "../text/normalize.js";
import { REVIEW, SCHEMA } from "./staff-messages.js";
import { addDays, type Period } from "./dated.js";
import type { Entry } from "./schema.js";
import type { Problem, YamlItem } from "../source/yaml-source.js";
import { phraseAt, phraseList, textWords } from "./search/word-lists.js";
import { excludedBy } from "./search/context-fit.js";

/**
 * What staff must look at again: entries not re-checked for a year, time-bound facts that have
 * ended or end soon, and citations of documents that a newer one replaced (listed by staff in
 * `superseded.yaml`). Warnings, not errors: the bot keeps serving; `check --strict` fails on them.
 */

/** The file where staff list replaced documents (any folder depth). */
export const SUPERSEDED_FILE = "superseded.yaml";

/** Staff-tunable limits of the review warnings. */
export const REVIEW_DEFAULTS = {
  /** An entry whose `reviewed` is older than this many days is due for a re-check. */
  staleAfterDays: 365,
  /** A fact that ends within this many days is flagged ahead of time. */
  endsSoonDays: 30,
};

const docNumber = z.string().trim().min(3, SCHEMA.docNumber);
export const supersededSchema = z
  .object({
    /** The replaced document as cited ("25/2021/TT-BTC"). */
    old: docNumber,
    /** What replaced it ("28/2026/TT-BTC"). */
    new: docNumber,
    /** From when the new one is in force (YYYY-MM-DD); before that the old one is still right. */
    from: z
      .union([z.string(), z.date()])
      .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
      .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, SCHEMA.isoDate))
      .optional(),
    /** Other ways the old document is cited ("Luật Xây dựng 2014"). */
    names: z.array(z.string().trim().min(3, SCHEMA.docNumber)).default([]),
    note: z.string().trim().min(1).optional(),
  })
  .strict();
export const supersededFileSchema = z.array(supersededSchema);
export type Superseded = z.infer<typeof supersededSchema> & { file: string; line: number };

/** A place in a file that states a time-bound fact. */
export interface DatedFactRef extends Period {
  line: number;
  what: string;
}

/** A citation of a document and where it is. */
export interface CitationRef {
  line: number;
  text: string;
}

/** What the review needs of one entry, as plain data (it is cached with the knowledge). */
export interface EntryReview {
  id: string;
  file: string;
  reviewed: string;
  reviewedLine: number;
  dated: DatedFactRef[];
  citations: CitationRef[];
  /** Line of each of the entry's keywords, in order. */
  keywordLines: number[];
  /** Line of each of the entry's aliases, in order. */
  aliasLines: number[];
}

/** Collects the dated facts and citations of an entry with their lines. */
export function entryReview(entry: Entry, item: YamlItem): EntryReview {
  const dated: DatedFactRef[] = [];
  const citations: CitationRef[] = [];
  const lists: Array<keyof typeof REVIEW.factName> = entry.kind === "procedure" ? ["fees", "benefit", "times", "documents", "steps", "notes", "legal"] : ["steps", "notes"];
  for (const field of lists) {
    const items = (entry as Record<string, unknown>)[field] as unknown[];
    items.forEach((value, i) => {
      const line = item.lineOf([field, i]);
      if (typeof value === "string") {
        // The amounts a benefit pays name their source in the line: a replaced decree must be flagged there too.
        if (field === "legal" || field === "benefit") citations.push({ line, text: value });
        return;
      }
      const v = value as Period & { text?: string };
      if (v.from || v.until) dated.push({ line, what: REVIEW.factName[field], from: v.from, until: v.until });
      if (v.basis) citations.push({ line: item.lineOf([field, i, "basis"]), text: v.basis });
      if ((field === "legal" || field === "benefit") && v.text) citations.push({ line, text: v.text });
    });
  }
  const sources = Array.isArray(entry.source) ? entry.source : [entry.source];
  sources.forEach((s, i) => {
    const path = Array.isArray(entry.source) ? ["source", i] : ["source"];
    citations.push({ line: item.lineOf(path), text: typeof s === "string" ? s : s.title });
  });
  const keywordLines = entry.keywords.map((_, i) => item.lineOf(["keywords", i]));
  const aliasLines = entry.aliases.map((_, i) => item.lineOf(["aliases", i]));
  // Fields are read in a fixed order; staff read the warnings in the order of the file's lines.
  dated.sort((a, b) => a.line - b.line);
  citations.sort((a, b) => a.line - b.line);
  return { id: entry.id, file: item.file, reviewed: entry.reviewed, reviewedLine: item.lineOf(["reviewed"]), dated, citations, keywordLines, aliasLines };
}

/** Folds a citation for matching: case, spacing and "số" do not matter. */
function citationKey(text: string): string {
  return textKey(text, { accents: "keep", keep: "all" }).replace(/ số /g, " ");
}

/** Document numbers in a text ("Nghị định 335/2026/NĐ-CP" → "335/2026/nđ-cp"), as citation keys. */
const DOCUMENT_NUMBER = /\d{1,4}\/\d{4}\/[\p{L}\d-]+/gu;

/** Where `number` stands in `key` as a whole number, not inside a longer one ("5/2021/tt-btc" in "25/2021/tt-btc"); -1 when nowhere. */
function numberAt(key: string, number: string): number {
  for (let at = key.indexOf(number); at >= 0; at = key.indexOf(number, at + 1)) {
    if (!/[0-9.]/.test(key[at - 1] ?? "") && !/[0-9a-z]/.test(key[at + number.length] ?? "")) return at;
  }
  return -1;
}

/** A superseded-list entry as citations are compared with it, keyed once per check. */
interface SupersededKeys {
  s: Superseded;
  old: string;
  names: string[];
  /** The replacing text's number: the first in `new` (others in its brackets are context: "Nghị định 374/2025/NĐ-CP (hướng dẫn Luật Việc làm 74/2025/QH15)"). */
  replacement: string | undefined;
}

function supersededKeys(s: Superseded): SupersededKeys {
  return { s, old: citationKey(s.old), names: s.names.map(citationKey), replacement: citationKey(s.new).match(DOCUMENT_NUMBER)?.[0] };
}

function cites(key: string, k: SupersededKeys): boolean {
  const at = numberAt(key, k.old);
  if (at >= 0 && saysReplaced(key, at, k.replacement)) return false;
  return at >= 0 || k.names.some((n) => key.includes(n));
}

/**
 * A citation that names the replacing text and says it replaces ("Nghị định 188/2025/NĐ-CP … thay Nghị định
 * 146/2018/NĐ-CP") already tells the old one, named at `at`, is gone.
 */
function saysReplaced(key: string, at: number, replacement: string | undefined): boolean {
  if (replacement === undefined || numberAt(key, replacement) < 0) return false;
  // "thay" (or "thay thế") before the old text in the same clause ("thay Thông tư 25/2021/TT-BTC", "thay Nghị định
  // 28/2015/NĐ-CP, 61/2020/NĐ-CP") — not "thay đổi", not "chưa thay thế", not a "thay" after it.
  const clause = key.slice(Math.max(0, at - 80), at).split(/[;()—]/).pop() ?? "";
  return at > 0 && /(?:^|[^\p{L}])(?<!chưa )thay(?! đổi)(?:[^\p{L}]|$)/u.test(clause);
}

const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** Every review warning for `today`, in file order. Messages are Vietnamese: staff read them. */
export function reviewWarnings(reviews: readonly EntryReview[], superseded: readonly Superseded[], today: string, limits = REVIEW_DEFAULTS): Problem[] {
  const out: Problem[] = [];
  const staleBefore = addDays(today, -limits.staleAfterDays);
  const soon = addDays(today, limits.endsSoonDays);
  const replaced = superseded.filter((s) => !s.from || s.from <= today).map(supersededKeys);
  for (const r of reviews) {
    if (r.reviewed < staleBefore) {
      out.push({ file: r.file, line: r.reviewedLine, message: REVIEW.stale(r.id, r.reviewed) });
    }
    for (const f of r.dated) {
      if (f.until && f.until < today) {
        out.push({ file: r.file, line: f.line, message: REVIEW.ended(f.what, f.until) });
      } else if (f.until && f.until <= soon) {
        out.push({ file: r.file, line: f.line, message: REVIEW.endsSoon(f.what, f.until, daysBetween(today, f.until)) });
      }
    }
    for (const c of r.citations) {
      const key = citationKey(c.text);
      for (const k of replaced) {
        if (cites(key, k)) out.push({ file: r.file, line: c.line, message: REVIEW.superseded(k.s.old, k.s.new, k.s.from) });
      }
    }
  }
  return out;
}

/**
 * A keyword of one entry that is the title or an alias of another ("mất hộ chiếu" as a keyword of
 * "Cấp hộ chiếu" while it names "Trình báo mất hộ chiếu"): the name already sends that question to
 * its entry, and the keyword makes the two compete for it, so a citizen may get the wrong card.
 * Names are compared folded (accents, case and spacing do not matter; abbreviations are not expanded). A keyword
 * written twice in one entry is named too, at its second line.
 */
export function keywordClashWarnings(entries: readonly Entry[], reviews: readonly EntryReview[]): Problem[] {
  const key = (text: string) => tokens(text).join(" ");
  const namedBy = new Map<string, Entry>();
  for (const e of entries) for (const n of [e.title, ...e.aliases]) if (!namedBy.has(key(n))) namedBy.set(key(n), e);
  const byId = new Map(entries.map((e) => [e.id, e] as const));
  const out: Problem[] = [];
  for (const r of reviews) {
    const entry = byId.get(r.id);
    if (!entry) continue;
    const own = new Set([entry.title, ...entry.aliases].map(key));
    const firstLine = new Map<string, number>();
    entry.keywords.forEach((k, i) => {
      const line = r.keywordLines[i] ?? 1;
      const folded = key(k);
      // The same keyword written twice in one entry (two staff adding it a week apart): it adds nothing.
      const earlier = firstLine.get(folded);
      if (earlier !== undefined) {
        out.push({ file: r.file, line, message: REVIEW.keywordRepeated(k, earlier) });
        return; // its first line already carries any clash
      }
      firstLine.set(folded, line);
      const other = own.has(folded) ? undefined : namedBy.get(folded);
      if (other) out.push({ file: r.file, line, message: REVIEW.keywordIsName(k, other.title, other.id) });
    });
  }
  return out;
}

/**
 * `dvc-bot check` warnings for an entry about one situation (`only_when`): a keyword of it that says none of its
 * situation's phrases ("mã tỉnh trên biển xe" under a merger guide whose list lacks "mã tỉnh") is a question the entry
 * is meant for, yet such a question is scored down as not about the situation — add the phrase it uses, or drop the
 * keyword. Read as the search reads a message against the list (search/context-fit.ts).
 */
export function onlyWhenWarnings(entries: readonly Entry[], reviews: readonly EntryReview[]): Problem[] {
  const byId = new Map(entries.map((e) => [e.id, e] as const));
  const out: Problem[] = [];
  for (const r of reviews) {
    const entry = byId.get(r.id);
    if (!entry || entry.only_when.length === 0) continue;
    const phrases = phraseList(entry.only_when);
    entry.keywords.forEach((k, i) => {
      const words = textWords(k);
      if (!words.some((_, at) => phraseAt(words, at, phrases) > 0)) out.push({ file: r.file, line: r.keywordLines[i] ?? 1, message: REVIEW.keywordOutsideSituation(k) });
    });
  }
  return out;
}

/**
 * `dvc-bot check` warnings for an entry's `not_when`: an alias or keyword of the entry that says one of the situations it
 * does not cover ("xây nhà xưởng" under a permit whose list has "nhà xưởng") and none of its `except_when` names a
 * question the entry is meant for, yet such a question is never answered with it — drop the phrase from `not_when`, or
 * the alias, keyword. Read as the search reads a message against the lists (search/context-fit.ts), as typed (the search
 * also reads short forms written out).
 */
export function notWhenWarnings(entries: readonly Entry[], reviews: readonly EntryReview[]): Problem[] {
  const byId = new Map(entries.map((e) => [e.id, e] as const));
  const out: Problem[] = [];
  for (const r of reviews) {
    const entry = byId.get(r.id);
    if (entry && entry.not_when.length === 0 && entry.except_when.length > 0) out.push({ file: r.file, line: 1, message: REVIEW.exceptWithoutNot });
    if (!entry || entry.not_when.length === 0) continue;
    const notWhen = phraseList(entry.not_when);
    const except = phraseList(entry.except_when);
    const check = (name: string, line: number) => {
      const words = textWords(name);
      if (!excludedBy([words], notWhen, except)) return;
      // The phrase to name: the first of the list the name says.
      const said = entry.not_when.find((_, k) => excludedBy([words], [notWhen[k]!], []));
      if (said) out.push({ file: r.file, line, message: REVIEW.nameExcluded(name, said) });
    };
    entry.aliases.forEach((a, i) => check(a, r.aliasLines[i] ?? 1));
    entry.keywords.forEach((k, i) => check(k, r.keywordLines[i] ?? 1));
  }
  return out;
}
