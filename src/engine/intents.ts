import { existsSync } from "node:fs";
import { join } from "node:path";
import { accentKey, nfc, rawTokens, rawWords, tokens, typedAsWritten, wordForms, writtenKey } from "../text/normalize.js";
import { createPhraseTable, type PhraseTable } from "../text/phrases.js";
import { displayPath, parseYamlItems, zodProblems, type Problem, type YamlItem } from "../source/yaml-source.js";
import { fillSlots, phraseVariants } from "./intent-choices.js";
import { compileGapStops, stopsGap, type GapStops } from "./gap-stops.js";
import { GAP, INTENT_NAMES, intentsSchema, type IntentName, type IntentsData, type Words } from "./intents-schema.js";

export { AFTER_SEARCH, INTENT_NAMES, intentsSchema, OFFERING, type IntentName, type IntentsData } from "./intents-schema.js";

/**
 * Intents: what a message asks for when it is not a question about a procedure (a greeting, a
 * request for a person, a request to forge papers…). The engine keeps the ordered list of
 * intents and what each one does; the words that recognise them live in `knowledge/intents.yaml`
 * so staff can add the ways citizens really say things without touching code.
 */

/** The data file, next to synonyms.yaml. The knowledge loader leaves it to this module. */
export const INTENTS_FILE = "intents.yaml";

/** A message as the matcher sees it, computed once per message. */
export interface MessageForms {
  /** Folded tokens ("chào" → "chao"). */
  folded: string[];
  /** The accent key of each token the citizen typed with accents; null where typed without. */
  accented: Array<string | null>;
  /** The message as typed (NFC), for `patterns`. */
  text: string;
  /**
   * For each token, the typed word it comes from: a short form written out ("sổ đỏ" → seven words)
   * still counts as the words typed when a phrase's "…" counts the words between (absent: one each).
   */
  typedAt?: number[];
  /**
   * For each token, whether a clause mark (comma, full stop…) comes before it: two words written next to each other
   * in a phrase are not read across one ("Tôi là ký giả, chữ ký …" holds no "ký giả chữ ký"). Absent: none.
   */
  breaks?: boolean[];
}

export function messageForms(text: string): MessageForms {
  const t = nfc(text);
  const folded: string[] = [];
  const accented: Array<string | null> = [];
  const breaks: boolean[] = [];
  for (const r of rawWords(t)) {
    const w = wordForms(r.raw);
    folded.push(w.folded);
    accented.push(w.accented);
    breaks.push(r.brk);
  }
  return { folded, accented, text: t, breaks };
}

interface Phrase {
  folded: string[];
  accented: string[];
  /** Token k may come up to GAP_WORDS words after token k-1 ("bằng … giả" matches "bằng đại học giả"). */
  gapBefore: boolean[];
  /** Token k must be typed with its accents ("giả!": "gia" typed bare may be "già", "giá"). */
  strict: boolean[];
  /** Words no "…" of this phrase stands for (its intent's `gap_stops`, for `contains` and `all` phrases), folded with their accents. */
  gapStops?: GapStops | undefined;
}

/** Written right after a word of a phrase ("giả!"): that word matches only when typed with these accents. */
export const STRICT_MARK = "!";

/** Words a "…" in a phrase stands for, at most: "làm bằng … giả" reaches "làm bằng đại học giả". */
const GAP_WORDS = 3;

/** A short form citizens type, read as its full words ("ko" → "không"), with the accents of the full form. */
type Expansions = PhraseTable<{ folded: string[]; accented: string[]; written: Array<string | null> }>;

/** Words after a `starts` phrase that still read as the same short message ("cảm ơn bạn nhiều nhé"). */
const STARTS_MAX_EXTRA_WORDS = 3;

/** Where a phrase sits in the table: "greeting exact", "forgery all 1"… (the key of a word list). */
type ListKey = string;

interface CompiledIntent {
  exact: ListKey;
  starts: ListKey;
  contains: ListKey;
  all: ListKey[];
  unless: ListKey;
  /** Words that do not count for the intent's other phrases (none listed: undefined). */
  ignore: ListKey | undefined;
  over: ListKey;
  /** What vetoes an `over` phrase: `over_unless` when given, else `unless`. */
  overUnless: ListKey;
  patterns: RegExp[];
  offer: string[];
  answeredBy: string[];
}

/** What a message contains, found in one pass over its words (every intent then just looks up). */
interface Found {
  /** Lists with a phrase anywhere in the message. */
  anywhere: Set<ListKey>;
  /** Where each list's phrases stand: [first word, word after the last) (for an intent's `ignore`). */
  spans: Map<ListKey, Array<[number, number]>>;
  /** Lists with a phrase that is the whole message, particles trimmed. */
  whole: Set<ListKey>;
  /** Lists with a phrase that opens the message (particles trimmed) and the words after it. */
  opening: Map<ListKey, number>;
}

export interface IntentTable {
  /**
   * True when the message says this intent in one of the ways staff listed. With `wholeOnly`
   * only `exact` phrases count: inside a guided flow, free text ("nhân viên tư vấn rất nhiệt
   * tình" as a survey comment) is the flow's input, and only a whole-message command interrupts.
   */
  matches(name: IntentName, message: MessageForms, wholeOnly?: boolean): boolean;
  /** True when the message has one of this intent's `over` phrases and none of its `unless` ones. */
  overrides(name: IntentName, message: MessageForms): boolean;
  /** Entries to offer with this intent's reply. */
  offers(name: IntentName): string[];
  /** Entries whose card answers what this intent asks (`answered_by`). */
  answeredBy(name: IntentName): string[];
  readonly popular: readonly string[];
  /** The data it was built from (for the live version's fingerprint). */
  readonly data: IntentsData;
}

/**
 * The table of `data`. `abbreviations` are the knowledge's (synonyms.yaml): "ko cần thi" reads as
 * "không cần thi" in messages and in the phrases alike, so staff write each phrase once.
 */
export function createIntentTable(data: IntentsData = intentsSchema.parse({}), abbreviations: Readonly<Record<string, string>> = {}): IntentTable {
  const table = compileTable(data, abbreviations);
  const foundOf = new WeakMap<MessageForms, Found>();
  const foundIn = (message: MessageForms): Found => {
    let found = foundOf.get(message);
    if (!found) foundOf.set(message, (found = scan(table, read(expand(message, table.expansions), table.readings))));
    return found;
  };
  return {
    matches(name, message, wholeOnly = false) {
      const w = table.byName.get(name);
      return !!w && says(w, foundIn(message), message, wholeOnly);
    },
    overrides(name, message) {
      const w = table.byName.get(name);
      if (!w) return false;
      const found = foundIn(message);
      return heldOutsideIgnore(w, found, w.over) && !found.anywhere.has(w.overUnless);
    },
    offers: (name) => table.byName.get(name)?.offer ?? [],
    answeredBy: (name) => table.byName.get(name)?.answeredBy ?? [],
    popular: data.popular,
    data,
  };
}

/** The intents' phrases, compiled once per table. */
interface CompiledTable {
  /** Every phrase of every list, keyed by its first folded word: a message is scanned once. */
  byFirst: Map<string, Array<{ list: ListKey; phrase: Phrase }>>;
  particles: Phrase[];
  byName: Map<IntentName, CompiledIntent>;
  expansions: Expansions;
  /** `readings`, keyed by their first folded word. */
  readings: Map<string, Phrase[]>;
  /** The lists whose spans `heldOutsideIgnore` reads: those of intents with an `ignore` (most messages record none). */
  spanned: Set<ListKey>;
}

/** Words of a message or phrase with the abbreviations written out ("ko cần thi" → "không cần thi"). */
function expand<T extends { folded: string[]; accented: Array<string | null>; typedAt?: number[]; breaks?: boolean[] }>(m: T, expansions: Expansions): T {
  if (expansions.maxLength === 0) return m;
  const folded: string[] = [];
  const accented: Array<string | null> = [];
  const typedAt: number[] = [];
  const breaks: boolean[] = [];
  for (let i = 0; i < m.folded.length; ) {
    const hit = expansions.matchAt(m.folded, i, m.breaks);
    // A word typed with accents must have the short form's ("hồ sơ do cơ quan làm": "sơ do" is not "sổ đỏ").
    const asWritten = hit?.value.written.every((a, k) => typedAsWritten(a, m.accented[i + k]));
    if (hit && asWritten && hit.value.folded.join(" ") !== m.folded.slice(i, i + hit.length).join(" ")) {
      folded.push(...hit.value.folded);
      accented.push(...hit.value.accented);
      typedAt.push(...hit.value.folded.map(() => i));
      breaks.push(...hit.value.folded.map((_, k) => k === 0 && (m.breaks?.[i] ?? false)));
      i += hit.length;
    } else {
      folded.push(m.folded[i]!);
      accented.push(m.accented[i] ?? null);
      typedAt.push(i);
      breaks.push(m.breaks?.[i] ?? false);
      i++;
    }
  }
  return { ...m, folded, accented, typedAt, breaks };
}

function compilePhrase(p: string, expansions: Expansions, gapStops?: GapStops): Phrase {
  const folded: string[] = [];
  const accented: string[] = [];
  const gapBefore: boolean[] = [];
  const strict: boolean[] = [];
  p.split(GAP).forEach((part, n) => {
    const strictWords = new Set(part.split(/\s+/).flatMap((w) => (w.endsWith(STRICT_MARK) ? tokens(w.slice(0, -1)) : [])));
    const words = expand({ folded: tokens(part), accented: rawTokens(part).map(accentKey) }, expansions);
    words.folded.forEach((w, k) => {
      folded.push(w);
      accented.push(words.accented[k] ?? w);
      gapBefore.push(n > 0 && k === 0);
      strict.push(strictWords.has(w));
    });
  });
  return { folded, accented, gapBefore, strict, gapStops: gapBefore.some(Boolean) ? gapStops : undefined };
}

function compileExpansions(abbreviations: Readonly<Record<string, string>>): Expansions {
  return createPhraseTable(
    Object.entries(abbreviations).map(([from, to]) => [from, { folded: tokens(to), accented: rawTokens(to).map(accentKey), written: rawTokens(from).map(writtenKey) }]),
  );
}

function compileTable(data: IntentsData, abbreviations: Readonly<Record<string, string>>): CompiledTable {
  const expansions = compileExpansions(abbreviations);
  const byFirst: CompiledTable["byFirst"] = new Map();
  const add = (list: ListKey, phrases: readonly string[], gapStops?: GapStops): ListKey => {
    for (const phrase of phrases.flatMap((p) => fillSlots(p, data.lists)).flatMap(phraseVariants).map((p) => compilePhrase(p, expansions, gapStops))) {
      const first = phrase.folded[0];
      if (first === undefined) continue;
      const bucket = byFirst.get(first);
      if (bucket) bucket.push({ list, phrase });
      else byFirst.set(first, [{ list, phrase }]);
    }
    return list;
  };
  const byName = new Map<IntentName, CompiledIntent>();
  for (const name of INTENT_NAMES) {
    const w: Words | undefined = data.intents[name];
    if (!w) continue;
    const stops = compileGapStops(w.gap_stops);
    byName.set(name, {
      exact: add(`${name} exact`, w.exact),
      starts: add(`${name} starts`, w.starts),
      contains: add(`${name} contains`, w.contains, stops),
      all: w.all.map((group, g) => add(`${name} all ${g}`, group, stops)),
      unless: add(`${name} unless`, w.unless),
      ignore: w.ignore.length > 0 ? add(`${name} ignore`, w.ignore) : undefined,
      over: add(`${name} over`, w.over),
      overUnless: w.over_unless.length > 0 ? add(`${name} over_unless`, w.over_unless) : `${name} unless`,
      patterns: w.patterns.map((s) => new RegExp(s, "u")),
      offer: w.offer,
      answeredBy: w.answered_by,
    });
  }
  const readings = new Map<string, Phrase[]>();
  for (const reading of data.readings.flatMap(phraseVariants).map((p) => compilePhrase(p, expansions))) {
    const first = reading.folded[0];
    if (first !== undefined) readings.set(first, [...(readings.get(first) ?? []), reading]);
  }
  const spanned = new Set([...byName.values()].flatMap((w) => (w.ignore ? [w.ignore, w.contains, w.over, ...w.all] : [])));
  return { byFirst, particles: data.particles.map((p) => compilePhrase(p, expansions)), byName, expansions, readings, spanned };
}

/**
 * The message with words typed bare given the accents of a reading they spell out whole ("gia bao
 * nhieu" → "giá bao nhiêu"). A word typed with other accents ("giả bao nhiêu") rules the reading out.
 */
function read<T extends MessageForms>(m: T, readings: ReadonlyMap<string, readonly Phrase[]>): T {
  if (readings.size === 0) return m;
  let accented: Array<string | null> | undefined;
  for (let i = 0; i < m.folded.length; i++) {
    for (const r of readings.get(m.folded[i]!) ?? []) {
      const fits = r.folded.every((w, k) => m.folded[i + k] === w && (m.accented[i + k] ?? r.accented[k]) === r.accented[k]);
      if (!fits) continue;
      accented ??= [...m.accented];
      r.folded.forEach((_, k) => (accented![i + k] = r.accented[k]!));
    }
  }
  return accented ? { ...m, accented } : m;
}

/**
 * Where the phrase ends when it starts at word `i` of the message, or -1. With accents typed,
 * "bằng" is not "băng" and "chào" is not "cháo": a typed accent must agree.
 */
function phraseEnd(m: MessageForms, p: Phrase, i: number, k = 0): number {
  if (k === p.folded.length) return i;
  const skips = k > 0 && p.gapBefore[k] ? GAP_WORDS : 0;
  // The words skipped are counted as typed: "dịch vụ làm sổ đỏ không cần giấy tờ" skips two.
  // Without a gap the next word must follow at once, even inside a written-out short form
  // ("giấy đất" is not in "giấy chứng nhận quyền sử dụng đất"). (No closure here: this runs for every phrase tried.)
  const typedAt = m.typedAt;
  const from = typedAt?.[i] ?? i;
  for (let j = i; j < m.folded.length; j++) {
    if (skips === 0 ? j !== i : (typedAt?.[j] ?? j) - from > skips) break;
    // A gap does not stand for a stop word ("vneid là sim của vợ": the SIM is hers, not the account).
    if (j > i && stopsGap(p.gapStops, m, j - 1)) break;
    // Words written next to each other in a phrase are not read across a clause mark ("Tôi là ký giả, chữ ký …"). A "…"
    // may cross one: "có 20 sim chính chủ, bán cho ai cần", "giấy đóng dấu sẵn ko, e tự điền tên".
    if (k > 0 && skips === 0 && m.breaks?.[j]) break;
    const typed = m.accented[j];
    if (m.folded[j] !== p.folded[k] || (typed && typed !== p.accented[k]) || (!typed && p.strict[k])) continue;
    const end = phraseEnd(m, p, j + 1, k + 1);
    if (end >= 0) return end;
  }
  return -1;
}

/** Word range of the message without particles at either end ("chào ad ạ" → "chào"). */
function coreRange(m: MessageForms, particles: readonly Phrase[]): [number, number] {
  let start = 0;
  let end = m.folded.length;
  for (let changed = true; changed; ) {
    changed = false;
    for (const p of particles) {
      if (end - start > p.folded.length && phraseEnd(m, p, start) === start + p.folded.length) (start += p.folded.length), (changed = true);
      if (end - start > p.folded.length && phraseEnd(m, p, end - p.folded.length) === end) (end -= p.folded.length), (changed = true);
    }
  }
  return [start, end];
}

/** What `byFirst` gives a word no phrase starts with (one shared empty list, not one per word). */
const NO_PHRASES: readonly never[] = [];

/** The lists whose phrases the message holds: anywhere, as its whole core (particles aside), and how near its opening. */
function scan(table: CompiledTable, m: MessageForms): Found {
  const found: Found = { anywhere: new Set(), spans: new Map(), whole: new Set(), opening: new Map() };
  const [start, end] = coreRange(m, table.particles);
  for (let i = 0; i < m.folded.length; i++) {
    for (const { list, phrase } of table.byFirst.get(m.folded[i]!) ?? NO_PHRASES) {
      const stop = phraseEnd(m, phrase, i);
      if (stop < 0) continue;
      found.anywhere.add(list);
      if (table.spanned.has(list)) found.spans.set(list, [...(found.spans.get(list) ?? []), [i, stop]]);
      if (i !== start || stop > end) continue;
      if (stop === end) found.whole.add(list);
      const after = end - stop;
      found.opening.set(list, Math.min(after, found.opening.get(list) ?? after));
    }
  }
  return found;
}

/** Whether the message holds one of the list's phrases clear of the intent's `ignore` phrases ("vào" of "thêm con vào"). */
function heldOutsideIgnore(w: CompiledIntent, found: Found, list: ListKey): boolean {
  const ignored = w.ignore ? found.spans.get(w.ignore) : undefined;
  if (!ignored) return found.anywhere.has(list);
  return (found.spans.get(list) ?? []).some(([a, b]) => ignored.every(([c, d]) => b <= c || d <= a));
}

/** Whether what the message contains says this intent (see {@link IntentTable.matches}). */
function says(w: CompiledIntent, found: Found, message: MessageForms, wholeOnly: boolean): boolean {
  if (!wholeOnly && heldOutsideIgnore(w, found, w.over) && !found.anywhere.has(w.overUnless)) return true;
  if (found.anywhere.has(w.unless)) return false;
  if (found.whole.has(w.exact)) return true;
  if (wholeOnly) return false;
  if ((found.opening.get(w.starts) ?? Infinity) <= STARTS_MAX_EXTRA_WORDS) return true;
  if (heldOutsideIgnore(w, found, w.contains)) return true;
  if (w.all.length > 0 && w.all.every((group) => heldOutsideIgnore(w, found, group))) return true;
  return w.patterns.some((re) => re.test(message.text));
}

export interface LoadIntentsResult {
  table: IntentTable;
  problems: Problem[];
  /** The file as parsed (its values and lines), for `dvc-bot check`'s warnings: absent when it is missing or not valid YAML, present even when the schema rejects it. */
  source?: YamlItem | undefined;
}

/**
 * Reads `intents.yaml` from the knowledge folder. A missing file means no intent words (the bot
 * still answers questions); a broken one is reported as `path:line: message` problems, checked
 * against the entry ids that exist when `entryIds` is given. `abbreviations`: see {@link createIntentTable}.
 */
export function loadIntents(knowledgeDir: string, entryIds?: ReadonlySet<string>, abbreviations: Readonly<Record<string, string>> = {}): LoadIntentsResult {
  const file = join(knowledgeDir, INTENTS_FILE);
  if (!existsSync(file)) return { table: createIntentTable(), problems: [] };
  const shown = displayPath(file);
  const { items, problems } = parseYamlItems(file, shown);
  const item = items[0];
  if (!item) return { table: createIntentTable(), problems };
  const parsed = intentsSchema.safeParse(item.value);
  if (!parsed.success) return { table: createIntentTable(), problems: [...problems, ...zodProblems(item, parsed.error, "intents: ")], source: item };
  if (entryIds) {
    const unknown = (id: string, path: PropertyKey[]) => {
      if (!entryIds.has(id)) problems.push({ file: shown, line: item.lineOf(path), message: `intents: unknown entry id "${id}"` });
    };
    parsed.data.popular.forEach((id, i) => unknown(id, ["popular", i]));
    for (const name of INTENT_NAMES) {
      const w = parsed.data.intents[name];
      w?.offer.forEach((id, i) => unknown(id, ["intents", name, "offer", i]));
      w?.answered_by.forEach((id, i) => unknown(id, ["intents", name, "answered_by", i]));
    }
  }
  return { table: createIntentTable(parsed.data, abbreviations), problems, source: item };
}
