import { accentKey, canonicalSyllable, clauseTokens, fold, hasDiacritics, rawWords, tokens, typedAsWritten, wordForms, writtenKey } from "../text/normalize.js";
import { createPhraseTable, type PhraseTable } from "../text/phrases.js";
import { languageOf, type Facet } from "./language.js";
import { readDeaths } from "./death-reading.js";
import { stripPlaceNames } from "./place-names.js";
import type { Synonyms } from "./schema.js";

export type { Facet };

export interface QueryToken {
  /** Folded canonical form. */
  t: string;
  /** Filler or facet word: counts little towards a match. */
  weak: boolean;
  /** Why it is weak: a facet word, a staff stopword, or a built-in function word. */
  weakKind?: "facet" | "stop" | "function" | undefined;
  /** For a facet word or a word of a longer filler phrase: all words of the phrase ("mất bao nhiêu tiền", "bao nhiêu"), which only count together. */
  phrase?: string[] | undefined;
  /** The citizen's accented form, when they typed accents. */
  accented?: string | undefined;
  /** A clause mark (",", ".", "?", a new line…) stands before it: it forms no pair or phrase with the word before (see `pairable`). */
  brk: boolean;
}

/**
 * A question token with all its fields, absent ones undefined: every token then has one hidden
 * class, so the stages that read thousands of them stay optimised whatever words a message has.
 */
export function queryToken(t: string, weak: boolean, weakKind?: QueryToken["weakKind"], phrase?: string[], accented?: string, brk = false): QueryToken {
  return { t, weak, weakKind, phrase, accented, brk };
}

/**
 * Whether word `i` may form a pair or phrase with the word before it: no clause mark between them.
 * "tháng trước, bà nội mất" holds no "trước bạ"; every reading of two adjacent words asks this.
 */
export function pairable(words: ReadonlyArray<{ brk: boolean }>, i: number): boolean {
  return i > 0 && i < words.length && !words[i]!.brk;
}

/** The word right before word `i` when the two may pair (see `pairable`), else undefined. */
export function pairedBefore<W extends { brk: boolean }>(words: readonly W[], i: number): W | undefined {
  return pairable(words, i) ? words[i - 1] : undefined;
}

/** The word right after word `i` when the two may pair (see `pairable`), else undefined. */
export function pairedAfter<W extends { brk: boolean }>(words: readonly W[], i: number): W | undefined {
  return pairable(words, i + 1) ? words[i + 1] : undefined;
}

export interface AnalyzedQuery {
  tokens: QueryToken[];
  facets: Set<Facet>;
  /** Adjacent pairs of strong tokens (folded), the phrase evidence. */
  bigrams: string[];
  hadDiacritics: boolean;
}

export interface Analyzer {
  query(text: string): AnalyzedQuery;
  /** Index-side: a field's words (see FieldWords). */
  field(text: string): FieldWords;
  /** [folded canonical syllable, accent key, a clause mark before it (see `QueryToken.brk`)] of each word of a text. */
  wordForms(text: string): Array<[string, string, boolean]>;
  /** The spellings (accent keys) of a one-word function word ("cho", "làm", "từ") by its folded form; undefined for other words. */
  functionSpellings(folded: string): readonly string[] | undefined;
}

/**
 * A field's words as the index reads them: `written`, clause by clause (a clause mark ends one: no pair runs
 * over it), abbreviations expanded; `segments`, those clauses and then the canonical phrase of each synonym
 * found in them (whose words and pairs the field has too).
 */
export interface FieldWords {
  written: string[][];
  segments: string[][];
}

export interface AnalyzerOptions {
  /** Questions are cut to this many characters: a 20,000-character paste is still answered fast. */
  maxQueryChars?: number;
}

/** The role a filler or facet phrase gives its words; `accented`: the phrase as written, when its accents matter. */
type Weak = ({ kind: "facet"; facet: Facet } | { kind: "stop" } | { kind: "function" }) & { accented?: string[] };

/** The phrase tables of one synonyms file, built once per analyzer. */
interface Tables {
  abbreviations: PhraseTable<string[]>;
  /** How each short form and synonym phrase is written (see {@link typedAsWritten}). */
  spellings: Spellings;
  /** Synonym variant → canonical phrase (index side). */
  canonical: PhraseTable<string[]>;
  /** Every synonym phrase, canonical ones included → canonical phrase (question side). */
  anyName: PhraseTable<string[]>;
  weakPhrases: PhraseTable<Weak>;
  placeMarkers: PhraseTable<true>;
  /** A regional word as typed with its accents (`accentKey`) → the common word it is read as (see `LanguageLists.dialect`). */
  dialect: ReadonlyMap<string, Word>;
}

/** One word of a question while it is read: folded, as typed, and the synonym name it is part of. */
interface Word {
  t: string;
  accented: string | undefined;
  /** [start, end) of the synonym name this word belongs to, or null. */
  named: [number, number] | null;
  /** A clause mark stands before it (see `QueryToken.brk`). */
  brk: boolean;
}

export function createAnalyzer(synonyms: Synonyms, options: AnalyzerOptions = {}): Analyzer {
  const maxQueryChars = options.maxQueryChars ?? 300;
  const tables = buildTables(synonyms);
  const functionWords = new Map<string, string[]>();
  for (const w of languageOf(synonyms).functionWords) {
    const folded = tokens(w);
    if (folded.length === 1) functionWords.set(folded[0]!, [...(functionWords.get(folded[0]!) ?? []), accentKey(w)]);
  }
  return {
    query: (text) => analyseQuestion(text, tables, maxQueryChars),
    field(text) {
      const written = clauseTokens(text).map((clause) => replacePhrases(clause, tables.abbreviations).words).filter((words) => words.length > 0);
      return { written, segments: [...written, ...written.flatMap((words) => replacePhrases(words, tables.canonical).replaced)] };
    },
    wordForms: (text) => rawWords(text).map((w): [string, string, boolean] => [canonicalSyllable(fold(w.raw)), accentKey(w.raw), w.brk]),
    functionSpellings: (folded) => functionWords.get(folded),
  };
}

function buildTables(synonyms: Synonyms): Tables {
  const variants = (withCanonical: boolean) =>
    synonyms.groups.flatMap((group) => {
      const target = tokens(group[0]!);
      return (withCanonical ? group : group.slice(1)).map((phrase): [string, string[]] => [phrase, target]);
    });
  // Staff stopwords and function words are written as Vietnamese ("nha" the particle has no marks,
  // so typed "nhà" is not it); place names are listed folded and match however they are typed.
  // With accents typed, "hội" is not the filler "hỏi" and "đỏ" is not "đó".
  const withAccents = (phrase: string): { accented: string[] } => ({ accented: [accentKey(phrase)] });
  const language = languageOf(synonyms);
  return {
    abbreviations: createPhraseTable<string[]>(Object.entries(synonyms.abbreviations).map(([from, to]) => [from, tokens(to)])),
    spellings: spellingsOf([...Object.keys(synonyms.abbreviations), ...synonyms.groups.flat()]),
    canonical: createPhraseTable<string[]>(variants(false)),
    // Canonical phrases map to themselves too, so a name typed in its canonical form is recognised whole.
    anyName: createPhraseTable<string[]>(variants(true)),
    weakPhrases: createPhraseTable<Weak>(
      mergeSpellings([
        ...Object.entries(language.facets).flatMap(([facet, phrases]) => phrases.map((p): [string, Weak] => [p, { kind: "facet", facet: facet as Facet, ...withAccents(p) }])),
        ...synonyms.stopwords.map((s): [string, Weak] => [s, { kind: "stop", ...withAccents(s) }]),
        ...language.functionWords.map((s): [string, Weak] => [s, { kind: "function", ...withAccents(s) }]),
        ...language.places.map((s): [string, Weak] => [s, { kind: "stop" }]),
      ]),
    ),
    placeMarkers: createPhraseTable<true>(language.placeMarkers.map((m): [string, true] => [m, true])),
    dialect: new Map(
      Object.entries(language.dialect).map(([typed, meant]): [string, Word] => {
        const forms = wordForms(meant.trim());
        return [accentKey(typed.trim()), { t: forms.folded, accented: forms.accented ?? undefined, named: null, brk: false }];
      }),
    ),
  };
}

/** Normalise stage: the question's words, their roles (topic, facet, filler) and its word pairs. */
function analyseQuestion(text: string, tables: Tables, maxQueryChars: number): AnalyzedQuery {
  const cut = stripPlaceNames(keepEnds(text, maxQueryChars), tables.placeMarkers);
  const typed = rawWords(cut).map((w): Word => {
    const forms = wordForms(w.raw);
    // A regional word typed with its accents is the common word ("hông" → "không"); typed bare it stays as it is.
    const meant = forms.accented ? tables.dialect.get(forms.accented) : undefined;
    if (meant) return { ...meant, brk: w.brk };
    return { t: forms.folded, accented: forms.accented ?? undefined, named: null, brk: w.brk };
  });
  const expanded = replaceTyped(typed, tables.abbreviations, false, tables.spellings);
  // Synonym phrases first ("căn cước công dân", "hộ khẩu"): their words are a name, so they are
  // never taken for filler even where a syllable collides ("căn"/"cần" → "can").
  const words = replaceTyped(expanded, tables.anyName, true, tables.spellings);
  const hadDiacritics = hasDiacritics(cut);
  const { kind, phraseOf, facets } = markWeak(words, tables.weakPhrases, hadDiacritics);
  const result = readDeaths(words.map((w, i) => queryToken(w.t, kind[i] !== undefined, kind[i], phraseOf[i], w.accented, w.brk)));
  const bigrams: string[] = [];
  for (let i = 0; i + 1 < result.length; i++) {
    if (!result[i]!.weak && !result[i + 1]!.weak && pairable(result, i + 1)) bigrams.push(`${result[i]!.t} ${result[i + 1]!.t}`);
  }
  return { tokens: result, facets, bigrams, hadDiacritics };
}

/**
 * Replaces phrases of a table by their value in a question's words. A replacement word keeps the
 * accents typed at its place when it is the same word ("căn cước công dân" → "căn cước"); a new
 * word ("hk" → "hộ khẩu") counts as typed bare. With `mark`, the words of a match are marked as
 * one name.
 */
function replaceTyped(words: Word[], table: PhraseTable<string[]>, mark: boolean, spellings: Spellings): Word[] {
  const folded = words.map((w) => w.t);
  const breaks = words.map((w) => w.brk);
  const out: Word[] = [];
  for (let i = 0; i < words.length; ) {
    const m = table.matchAt(folded, i, breaks);
    if (!m || !spelledAsWritten(words, i, m.length, spellings)) {
      out.push(words[i++]!);
      continue;
    }
    const span: [number, number] = [out.length, out.length + m.value.length];
    m.value.forEach((t, k) => {
      const at = k < m.length ? words[i + k]! : undefined;
      out.push({ t, accented: at?.t === t ? at.accented : undefined, named: mark ? span : null, brk: k === 0 && words[i]!.brk });
    });
    i += m.length;
  }
  return out;
}

/** How each way a phrase is written spells its words (`writtenKey`), by its folded words ("so do" → [["sổ", "đỏ"]]). */
type Spellings = Map<string, Array<Array<string | null>>>;

function spellingsOf(phrases: readonly string[]): Spellings {
  const out: Spellings = new Map();
  for (const p of phrases) {
    const key = tokens(p).join(" ");
    const words = rawWords(p).map((w) => writtenKey(w.raw));
    out.set(key, [...(out.get(key) ?? []), words]);
  }
  return out;
}

/**
 * Whether the `length` words at `i` may be the phrase they fold to: a word typed with accents must have the accents
 * of some way the phrase is written ("hồ sơ do cơ quan làm": "sơ do" is not "sổ đỏ"; see `typedAsWritten`).
 */
function spelledAsWritten(words: readonly Word[], i: number, length: number, spellings: Spellings): boolean {
  const written = spellings.get(words.slice(i, i + length).map((w) => w.t).join(" "));
  return !written || written.some((spelled) => spelled.every((a, k) => typedAsWritten(a, words[i + k]?.accented)));
}

/** Replaces phrases of a table by their value (index side); reports the spans replaced. */
function replacePhrases(words: string[], table: PhraseTable<string[]>): { words: string[]; replaced: string[][] } {
  const out: string[] = [];
  const replaced: string[][] = [];
  for (let i = 0; i < words.length; ) {
    const m = table.matchAt(words, i);
    if (m) {
      out.push(...m.value);
      replaced.push(m.value);
      i += m.length;
    } else out.push(words[i++]!);
  }
  return { words: out, replaced };
}

/**
 * Facet phrases, then filler. A facet phrase that is a whole name ("trực tuyến") still says what
 * to show; one inside a longer name ("lệ phí trước bạ") is part of that name. In a message typed
 * with accents, each word typed with marks must carry the phrase's marks; words typed bare (or
 * expanded from an abbreviation: "ko" → "không") agree with any.
 */
function markWeak(words: Word[], weakPhrases: PhraseTable<Weak>, accentedMessage: boolean) {
  const folded = words.map((w) => w.t);
  const breaks = words.map((w) => w.brk);
  const facets = new Set<Facet>();
  const kind: Array<QueryToken["weakKind"]> = new Array(words.length).fill(undefined);
  const phraseOf: Array<string[] | undefined> = new Array(words.length).fill(undefined);
  const accentsFit = (from: number, length: number, spellings: string[]) =>
    spellings.some((phrase) => {
      const marks = phrase.split(" ");
      if (marks.length !== length) return true;
      return marks.every((mark, k) => words[from + k]!.accented === undefined || words[from + k]!.accented === mark);
    });
  for (let i = 0; i < words.length; ) {
    const m = weakPhrases.matchAt(folded, i, breaks);
    if (!m) {
      i++;
      continue;
    }
    const spans = words.slice(i, i + m.length).map((w) => w.named);
    const isFacet = m.value.kind === "facet" && spans.every((sp) => !sp || (sp[0] >= i && sp[1] <= i + m.length));
    const accentsAgree = !accentedMessage || !m.value.accented || accentsFit(i, m.length, m.value.accented);
    if (!accentsAgree || !(isFacet || (m.value.kind !== "facet" && !spans.some(Boolean)))) {
      i++;
      continue;
    }
    if (m.value.kind === "facet") facets.add(m.value.facet);
    const phrase = m.value.kind === "facet" || m.length > 1 ? folded.slice(i, i + m.length) : undefined;
    for (let k = i; k < i + m.length; k++) (kind[k] = m.value.kind), (phraseOf[k] = phrase);
    i += m.length;
  }
  return { kind, phraseOf, facets };
}

/**
 * One table entry per folded phrase: "à", "ạ" and "a" all fold to "a". The first listing decides
 * the role; the accented spellings of all listings are kept, and one listed without accents
 * (places) matches however it is typed.
 */
function mergeSpellings<W extends { accented?: string[] }>(pairs: Array<[string, W]>): Array<[string, W]> {
  const byKey = new Map<string, [string, W]>();
  for (const [phrase, value] of pairs) {
    const key = tokens(phrase).join(" ");
    const seen = byKey.get(key);
    // A copy, with its own list of spellings: later listings push to it.
    if (!seen) byKey.set(key, [phrase, value.accented ? { ...value, accented: [...value.accented] } : { ...value }]);
    else if (!value.accented) delete seen[1].accented;
    else if (seen[1].accented) seen[1].accented.push(...value.accented);
  }
  return [...byKey.values()];
}

/**
 * A long message keeps its start (often the topic) and its end (usually the question), so a
 * story with the question last is still read; the middle goes first. Cuts fall between words.
 */
function keepEnds(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, Math.floor(max / 3)).replace(/\S*$/, "");
  const tail = text.slice(text.length - (max - head.length)).replace(/^\S*/, "");
  return `${head} … ${tail}`;
}

export type { PhraseTable };
