import type { Entry } from "../knowledge/schema.js";
import { INTENT_WARNINGS } from "../knowledge/staff-messages.js";
import type { Problem, YamlItem } from "../source/yaml-source.js";
import { foldedText, hasDiacritics, tokens } from "../text/normalize.js";
import { createPhraseTable, type PhraseTable } from "../text/phrases.js";
import { CHOICE, fillSlots, listKey, phraseVariants, slotNames } from "./intent-choices.js";
import { createIntentTable, messageForms, STRICT_MARK, type IntentTable } from "./intents.js";
import { GAP, INTENT_NAMES, intentsSchema, type IntentName, type IntentsData } from "./intents-schema.js";

/**
 * `dvc-bot check` warnings on intents.yaml that the schema cannot see: a "/" written inside two two-word names
 * ("chủ tịch/lãnh đạo") chooses one word, so the line reads "chủ tịch đạo" or "chủ lãnh đạo" and matches neither
 * name. Flagged when the word before the choice with its first option, and its last option with the word after, are
 * both word pairs the knowledge or the file's other phrases use: then two names were most likely meant. Also when a "/"
 * joins two spellings of one name of a synonym group (knowledge/synonyms.yaml `groups`) and one of them is several
 * words ("cavet/cà vẹt giả" reads "cavet vẹt giả"; "hộ chiếu/passport mỹ" reads "hộ passport mỹ"): one name was meant.
 * `item`: the file as loadIntents parsed it (`Sources.intentsSource`), read once for the table and for these warnings.
 */
export function slashSplitWarnings(item: YamlItem | undefined, entries: readonly Entry[], groups: ReadonlyArray<readonly string[]>): Problem[] {
  if (!item) return [];
  // A phrase with "<list>" is read item by item, as the table compiles it.
  const lists = listsOf(item.value);
  const phrases = phrasesOf(item.value).flatMap(({ phrase, path }) => fillSlots(phrase, lists).map((filled) => ({ phrase: filled, path })));
  const known = knownPairs([...entries.flatMap((e) => [e.title, ...e.aliases, ...e.keywords]), ...phrases.flatMap(({ phrase }) => phrase.split(GAP))]);
  // Group names, longest first at each word (the first group naming a phrase wins, as in the synonym table).
  const groupOf = createPhraseTable(groups.flatMap((g, i) => g.map((name): [string, number] => [name, i])));
  const out: Problem[] = [];
  for (const { phrase, path } of phrases) {
    const names = splitNames(phrase, known);
    const spellings = names ? null : splitSpellings(phrase, groupOf);
    if (names) out.push({ file: item.file, line: item.lineOf(path), message: INTENT_WARNINGS.slashSplit(phrase, names) });
    else if (spellings) out.push({ file: item.file, line: item.lineOf(path), message: INTENT_WARNINGS.slashSpellings(phrase, spellings) });
  }
  return out;
}

/**
 * Every adjacent word pair of these texts, folded ("chu tich"): the entries' names and keywords and the intents'
 * own phrases (a word with a "/" pairs with nothing). Not body text, where any two words meet ("bệnh ở").
 */
function knownPairs(texts: readonly string[]): Set<string> {
  const pairs = new Set<string>();
  for (const text of texts) {
    const words = text.split(/\s+/u).map((w) => (w.includes("/") ? "" : tokens(w).join(" ")));
    for (let i = 0; i + 1 < words.length; i++) if (words[i] && words[i + 1]) pairs.add(`${words[i]} ${words[i + 1]}`);
  }
  return pairs;
}

/** Each "/" choice of a phrase: the words of its part ("…" splits parts), where the choice is, and its options. */
function* choicesOf(phrase: string): Generator<{ words: string[]; k: number; options: string[] }> {
  for (const part of phrase.split(GAP)) {
    const words = part.trim().split(/\s+/u);
    for (let k = 0; k < words.length; k++) if (CHOICE.test(words[k]!)) yield { words, k, options: words[k]!.split("/") };
  }
}

/** The two names a "/" between them splits ("chủ tịch", "lãnh đạo"), or null. */
function splitNames(phrase: string, known: ReadonlySet<string>): [string, string] | null {
  for (const { words, k, options } of choicesOf(phrase)) {
    if (k === 0 || k + 1 >= words.length) continue;
    const first = `${words[k - 1]} ${options[0]}`;
    const last = `${options[options.length - 1]} ${words[k + 1]}`;
    if (known.has(foldedText(first)) && known.has(foldedText(last))) return [first, last];
  }
  return null;
}

/**
 * The two spellings of one synonym-group name a "/" joins ("cavet", "cà vẹt" of "cavet/cà vẹt giả"; "hộ chiếu",
 * "passport" of "hộ chiếu/passport mỹ"), or null: the last option with the words after it, or the words before the
 * first option with it, make a name of several words of a group (`groupOf`: longest match) that another option names
 * alone. A choice of one-word names ("cccd/cmnd giả") is what "/" is for.
 */
function splitSpellings(phrase: string, groupOf: PhraseTable<number>): [string, string] | null {
  const nameAt = (words: readonly string[]) => groupOf.matchAt(words, 0);
  // The group an option names by itself, if any.
  const alone = (o: string) => {
    const folded = tokens(o);
    const hit = nameAt(folded);
    return hit && hit.length === folded.length ? hit.value : undefined;
  };
  for (const { words, k, options } of choicesOf(phrase)) {
    // A name starting at the last option and running into the words after the choice (one word each: "cà vẹt").
    const last = options[options.length - 1]!;
    const right = nameAt(tokens([last, ...words.slice(k + 1)].join(" ")));
    if (right && right.length > tokens(last).length) {
      const other = options.slice(0, -1).find((o) => alone(o) === right.value);
      if (other) return [other, [last, ...words.slice(k + 1, k + right.length)].join(" ")];
    }
    // A name ending at the first option, started by the words before the choice ("hộ chiếu" of "hộ chiếu/passport").
    for (let from = 0; from < k; from++) {
      const before = [...words.slice(from, k), options[0]!];
      const folded = tokens(before.join(" "));
      const left = nameAt(folded);
      if (!left || left.length !== folded.length) continue;
      const other = options.slice(1).find((o) => alone(o) === left.value);
      if (other) return [before.join(" "), other];
    }
  }
  return null;
}

/** The file's `lists` as written (names as typed), or none when it has no such map. */
function writtenLists(value: unknown): Record<string, unknown> {
  const lists = (value as { lists?: unknown } | null)?.lists;
  return lists && typeof lists === "object" ? (lists as Record<string, unknown>) : {};
}

/** The file's named lists, keyed as the table reads them (`listKey`); none when the file has no valid `lists`. */
function listsOf(value: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, items] of Object.entries(writtenLists(value))) if (Array.isArray(items)) out[listKey(name)] = items.filter((i): i is string => typeof i === "string");
  return out;
}

/** Keys of intents.yaml whose strings are not phrases (regular expressions, entry ids, single gap-stop words). */
const NOT_PHRASES = new Set(["patterns", "offer", "answered_by", "popular", "gap_stops"]);

/** Each phrase of the file's intents (and readings, particles…), with its YAML path (for the line); list items are read where a phrase uses them. */
function phrasesOf(value: unknown): Array<{ phrase: string; path: PropertyKey[] }> {
  const out: Array<{ phrase: string; path: PropertyKey[] }> = [];
  const walk = (node: unknown, path: PropertyKey[]) => {
    if (typeof node === "string") out.push({ phrase: node, path });
    else if (Array.isArray(node)) node.forEach((child, i) => walk(child, [...path, i]));
    else if (node && typeof node === "object") {
      for (const [key, child] of Object.entries(node)) if (!NOT_PHRASES.has(key) && !(path.length === 0 && key === "lists")) walk(child, [...path, key]);
    }
  };
  walk(value, []);
  return out;
}

/**
 * `dvc-bot check` warnings for a `contains` or `over` phrase that can never answer: every way of writing it holds one
 * of the same intent's vetoes (`unless`, or `over_unless` for `over` when it lists any, as the engine reads them) —
 * "là đúng hay sai" under an intent whose `unless` lists "sai" is silently dead. A "…" is tried with a word in it, each
 * "/" with each of its choices (`phraseVariants`, as the table compiles them). `data`: the file as the schema read it
 * (`IntentTable.data`; nothing to judge when the schema rejected it), `item` for the lines.
 */
export function vetoedPhraseWarnings(item: YamlItem | undefined, data: IntentsData, abbreviations: Readonly<Record<string, string>> = {}): Problem[] {
  if (!item) return [];
  const out: Problem[] = [];
  for (const name of INTENT_NAMES) {
    const w = data.intents[name];
    if (!w || w.unless.length + w.over_unless.length === 0) continue;
    const unless = containsTable(name, w.unless, data.lists, abbreviations);
    const overKey = w.over_unless.length > 0 ? "over_unless" : "unless";
    const overVeto = overKey === "over_unless" ? containsTable(name, w.over_unless, data.lists, abbreviations) : unless;
    for (const [key, veto, vetoKey] of [["contains", unless, "unless"], ["over", overVeto, overKey]] as const) {
      w[key].forEach((phrase, i) => {
        // A phrase with "<list>": each item it stands for on its own ("<tỉnh cũ> cũ" → "hà giang cũ" blocked by "hà giang cũ").
        for (const filled of fillSlots(phrase, data.lists)) {
          if (instancesOf(filled).every((text) => veto.matches(name, messageForms(text)))) {
            out.push({ file: item.file, line: item.lineOf(["intents", name, key, i]), message: INTENT_WARNINGS.vetoed(filled, vetoKey) });
          }
        }
      });
    }
  }
  return out;
}

/**
 * `dvc-bot check` warnings for an `ignore` phrase that does nothing: no way of writing it (each "/" choice, typed with
 * its accents or bare) holds a `contains`, `all` or `over` phrase of the same intent, so no phrase is ever left out for it.
 */
export function ignoreWarnings(item: YamlItem | undefined, data: IntentsData, abbreviations: Readonly<Record<string, string>> = {}): Problem[] {
  if (!item) return [];
  const out: Problem[] = [];
  for (const name of INTENT_NAMES) {
    const w = data.intents[name];
    if (!w || w.ignore.length === 0) continue;
    const others = containsTable(name, [...w.contains, ...w.all.flat(), ...w.over], data.lists, abbreviations);
    w.ignore.forEach((phrase, i) => {
      const texts = fillSlots(phrase, data.lists).flatMap(instancesOf);
      if (!texts.flatMap((text) => [text, foldedText(text)]).some((text) => others.matches(name, messageForms(text)))) {
        out.push({ file: item.file, line: item.lineOf(["intents", name, "ignore", i]), message: INTENT_WARNINGS.ignoreUnused(phrase) });
      }
    });
  }
  return out;
}

/** A table whose only phrases are these (an intent's vetoes, or its other phrases), as `contains` of the intent (none: it matches nothing). */
function containsTable(name: IntentName, phrases: readonly string[], lists: IntentsData["lists"], abbreviations: Readonly<Record<string, string>>): IntentTable {
  return createIntentTable(intentsSchema.parse({ lists, intents: { [name]: { contains: phrases } } }), abbreviations);
}

/** Every way of writing a phrase: each "…" with one word in it ("zz"), each "/" choice, the accent marks ("!") dropped. */
function instancesOf(phrase: string): string[] {
  return phraseVariants(phrase.split(GAP).join(" zz ")).map((text) => text.split(" ").map((w) => (w.endsWith(STRICT_MARK) ? w.slice(0, -1) : w)).join(" "));
}

/**
 * `dvc-bot check` warnings for an intent's `gap_stops` that do nothing: a stop written as a short form that synonyms.yaml
 * writes out before matching ("sđt" is read "số điện thoại", so it never stops a gap), and stops on an intent none of whose
 * `contains` / `all` phrases has a "…". At the stop's line, or at the key's.
 */
export function gapStopWarnings(item: YamlItem | undefined, data: IntentsData, abbreviations: Readonly<Record<string, string>> = {}): Problem[] {
  if (!item) return [];
  const short = new Map(Object.entries(abbreviations).map(([from, to]) => [tokens(from).join(" "), to] as const));
  const out: Problem[] = [];
  for (const name of INTENT_NAMES) {
    const w = data.intents[name];
    if (!w || w.gap_stops.length === 0) continue;
    w.gap_stops.forEach((stop, i) => {
      const full = short.get(tokens(stop).join(" "));
      if (full !== undefined) out.push({ file: item.file, line: item.lineOf(["intents", name, "gap_stops", i]), message: INTENT_WARNINGS.gapStopShortForm(stop, full) });
    });
    if (![...w.contains, ...w.all.flat()].some((p) => GAP.test(p))) {
      out.push({ file: item.file, line: item.lineOf(["intents", name, "gap_stops"]), message: INTENT_WARNINGS.gapStopsUnused(name) });
    }
  }
  return out;
}

/**
 * `dvc-bot check` warnings for a named list (`lists` in intents.yaml) no phrase uses: edits to it change nothing, which
 * staff would not see otherwise (a list renamed on one side, a phrase deleted). At the list's line.
 */
export function unusedListWarnings(item: YamlItem | undefined): Problem[] {
  if (!item) return [];
  const used = new Set(phrasesOf(item.value).flatMap(({ phrase }) => slotNames(phrase)));
  return Object.keys(writtenLists(item.value))
    .filter((name) => !used.has(listKey(name)))
    .map((name) => ({ file: item.file, line: item.lineOf(["lists", name]), message: INTENT_WARNINGS.unusedList(listKey(name)) }));
}

/**
 * `dvc-bot check` warnings for a "!" after a word written without accents ("mua!", "bang!"): "!" asks that the word be
 * typed with the accents it is written with, and a bare word has none, so the phrase (or that "/" choice) never matches —
 * typed bare it fails the mark, typed with accents it is another word. At the phrase's line; list items are read where a
 * phrase uses them.
 */
export function bareStrictWarnings(item: YamlItem | undefined): Problem[] {
  if (!item) return [];
  const lists = listsOf(item.value);
  const out: Problem[] = [];
  for (const { phrase, path } of phrasesOf(item.value)) {
    const words = fillSlots(phrase, lists)
      .flatMap((filled) => filled.split(/[\s/]+/))
      .filter((w) => w.endsWith(STRICT_MARK) && !hasDiacritics(w.slice(0, -1)))
      .map((w) => w.slice(0, -1));
    if (words.length > 0) out.push({ file: item.file, line: item.lineOf(path), message: INTENT_WARNINGS.bareStrict(phrase, [...new Set(words)]) });
  }
  return out;
}
