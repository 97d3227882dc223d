import type { Analyzer, FieldWords } from "../analyze.js";
import type { Entry } from "../schema.js";
import type { SearchWeights } from "./weights.js";
import { createTopicTest, modifierPairs } from "./modifier-pairs.js";
import { createVariantTest } from "./variant-pairs.js";
import { markPairOnlyWords, markRareWords, pairReadings } from "./pair-readings.js";
import { positionIn } from "./positions.js";

/** Where an entry has a word or word pair: the best field it is in (names over keywords over body text). */
export const NAME = 0;
export const KEYWORD = 1;
export const TEXT = 2;
export const ABSENT = -1;

/** The entries that have a word or pair, ascending, with the best field each has it in (NAME, KEYWORD or TEXT). */
export interface Postings {
  docs: Int32Array;
  field: Uint8Array;
}

/**
 * The field entry `d` has a word or pair in, or ABSENT: a binary search in its postings. Scoring
 * asks this for a question's few words across its shortlist, so the lists stay hot in cache, where
 * each entry's own sets would be a cold lookup each.
 */
export function fieldIn(list: Postings | undefined, d: number): number {
  if (!list) return ABSENT;
  const at = positionIn(list.docs, d);
  return at < 0 ? ABSENT : list.field[at]!;
}

/** One entry as search sees it: its words by field, its word pairs, its names one by one. */
export interface DocIndex {
  entry: Entry;
  /**
   * Tokens of the title and each alias, with their IDF and its sum, the word pairs of that name
   * (interned), and its words that stand only in pairs they rarely stand in (see markRareWords).
   */
  names: Array<{ tokens: string[]; idf: number[]; weight: number; pairs: string[]; rare: readonly string[] }>;
  /** Syllable → the names (indexes into `names`) that contain it. */
  nameIndex: Map<string, number[]>;
  nameTokens: Set<string>;
  nameBigrams: Set<string>;
  keywordTokens: Set<string>;
  keywordBigrams: Set<string>;
  /**
   * Words of its names and keywords that stand there only inside pairs they rarely stand in ("điện" of
   * the keyword "xe điện", "dịch" of "chứng thực bản dịch"), with those pairs: another reading of the
   * word than a question's pair puts it in (see score.ts, coverage).
   */
  pairOnly: Map<string, readonly string[]>;
  /** Accented spellings of the words of its names (typed accents that agree earn a small edge). */
  accentKeys: Set<string>;
  /** Folded syllable → the accented spellings it has in this entry's names and keywords (sets shared between entries: read only). */
  accentForms: Map<string, ReadonlySet<string>>;
}

/** The whole index: built once per knowledge load, read by every stage. */
export interface IndexData {
  docs: DocIndex[];
  /** Syllable → the entries that have it, by field (body text included). */
  postings: Map<string, Postings>;
  /** Name/keyword word pair → the entries that have it (ascending). */
  pairPostings: Map<string, Int32Array>;
  docFreq: Map<string, number>;
  /** Whether the word pair names something somewhere ("giấy phép", "khai sinh"); asked without building the "a b" string. */
  knownPair(a: string | undefined, b: string | undefined): boolean;
  /** Whether the word pair is in some entry's title or aliases (not only its keywords). */
  namePair(a: string, b: string): boolean;
  /**
   * Whether some name or keyword has the pair `a b` with its function word (`a` when `first`, else `b`)
   * spelled as another word: "khai tử" (not "từ"), "căn cước" (not "cần"); "làm căn cước cho con" has
   * the function words themselves ("làm", "cho"), so it says nothing of "lam", "cho" typed bare.
   */
  namesFunctionWord(a: string, b: string, first: boolean): boolean;
  /** Whether some name or keyword has the function word `m` between `a` and `b` ("VNeID cho trẻ em"). */
  namesBetween(a: string, m: string, b: string): boolean;
  /**
   * Whether, in the known pair `a b`, the word `a` (when `first`, else `b`) is bound to its partner:
   * at least `share` of its occurrences in all entry texts are in this pair ("dịch" of "dịch vụ",
   * "hiểm" of "bảo hiểm"), so it is part of a longer word there, not a word of its own ("lại" of "làm lại").
   */
  bound(a: string, b: string, first: boolean): boolean;
  /**
   * Whether the name pair is a modifier ("lần đầu"): it says which variant, not which thing — several entries
   * of unrelated topics hold it in their names, never alone (see `SearchWeights.modifier`, modifierPairs).
   */
  modifier(pair: string): boolean;
  /**
   * Whether the name pair only ever says a variant of a procedure ("quá hạn", "hết hạn" in the shipped knowledge): every name holding it
   * holds another name's rare words too (see `SearchWeights.modifier`, createVariantTest).
   */
  variant(pair: string): boolean;
  /** Words found in some entry's names or keywords (the rest are only ever in body text). */
  nameWords: Set<string>;
  /** Folded syllable → every accented spelling it has in any entry's names or keywords. */
  accentFormsAll: Map<string, string[]>;
  /** IDF weight of each entry's lightest name (a typed array: read for thousands of entries per search). */
  shortestName: Float64Array;
  /** Rarity of a word: BM25's IDF over entries. */
  idf(t: string): number;
  /** The IDF of a word no entry has (the rarest possible). */
  maxIdf: number;
}

/** See SearchWeights.boundShare and rareShare. */
export interface PairShares {
  boundShare: number;
  rareShare: number;
  modifier: SearchWeights["modifier"];
}

/** `shares` is required: its values live in DEFAULT_WEIGHTS only (createSearchIndex passes the weights). */
export function buildIndex(entries: readonly Entry[], analyzer: Analyzer, shares: PairShares): IndexData {
  const docs: DocIndex[] = [];
  const postingDocs = new Map<string, number[]>();
  const postingFields = new Map<string, number[]>();
  const pairDocs = new Map<string, number[]>();
  // Agencies, fields and stock phrases repeat across thousands of entries: analyse each text once.
  const analyse = memo((text: string) => analyzer.field(text));
  const wordFormsOf = memo((text: string) => analyzer.wordForms(text));
  const shared = createInterner();

  entries.forEach((entry, docNo) => {
    const { doc, textTokens } = indexEntry(entry, analyse, wordFormsOf, shared);
    for (const t of new Set([...doc.nameTokens, ...doc.keywordTokens, ...textTokens])) {
      push(postingDocs, t, docNo);
      push(postingFields, t, doc.nameTokens.has(t) ? NAME : doc.keywordTokens.has(t) ? KEYWORD : TEXT);
    }
    for (const b of new Set([...doc.nameBigrams, ...doc.keywordBigrams])) push(pairDocs, b, docNo);
    docs.push(doc);
  });
  // Typed arrays: the first pass walks thousands of postings per question, and they are a fraction
  // of the size of number arrays and hold no pointers for the garbage collector to trace.
  const fields = pack(postingFields, (n) => new Uint8Array(n));
  const postings = new Map([...pack(postingDocs, (n) => new Int32Array(n))].map(([t, docs]) => [t, { docs, field: fields.get(t)! }] as const));
  const pairPostings = pack(pairDocs, (n) => new Int32Array(n));
  const docFreq = new Map([...postings].map(([t, list]) => [t, list.docs.length] as const));
  const knownPair = pairLookup(pairPostings.keys());

  const functionWordNames = functionWordReadings(entries, analyzer, wordFormsOf);
  const namePair = pairLookup(docs.flatMap((doc) => [...doc.nameBigrams]));
  const { bound, rare } = pairReadings(entries, analyse, knownPair, shares);
  markRareWords(docs, rare);
  entries.forEach((entry, d) => markPairOnlyWords(entry, docs[d]!, analyse, rare));
  const n = Math.max(docs.length, 1);
  const idfCache = new Map<string, number>();
  const idf = (t: string): number => {
    let v = idfCache.get(t);
    if (v === undefined) {
      v = idfOf(docFreq.get(t) ?? 0, n);
      idfCache.set(t, v);
    }
    return v;
  };
  for (const doc of docs) {
    for (const name of doc.names) {
      name.idf = name.tokens.map(idf);
      name.weight = name.idf.reduce((a, b) => a + b, 0);
    }
  }
  const shortestName = Float64Array.from(docs, (doc) => {
    const w = Math.min(...doc.names.map((nm) => nm.weight).filter((x) => x > 0));
    return Number.isFinite(w) ? w : 1;
  });
  const roles = pairRoles(docs, pairPostings, analyse, idf, idfOf(0, n), shares.modifier);
  const accentFormsAll = new Map<string, string[]>();
  for (const doc of docs) {
    for (const [folded, forms] of doc.accentForms) {
      const list = accentFormsAll.get(folded) ?? [];
      for (const f of forms) if (!list.includes(f)) list.push(f);
      accentFormsAll.set(folded, list);
    }
  }
  return {
    docs,
    postings,
    pairPostings,
    docFreq,
    namePair,
    knownPair,
    namesFunctionWord: (a, b, first) => functionWordNames.has(`${a} ${b}${first ? "<" : ">"}`),
    namesBetween: (a, m, b) => functionWordNames.has(`${a} ${m} ${b}`),
    bound: (a, b, first) => bound.has(`${a} ${b}${first ? "<" : ">"}`),
    ...roles,
    nameWords: new Set(docs.flatMap((d) => [...d.nameTokens, ...d.keywordTokens])),
    accentFormsAll,
    shortestName,
    idf,
    maxIdf: idfOf(0, n),
  };
}

/** Which name pairs say a variant, not a thing (see `SearchWeights.modifier`): modifiers weigh less, variants make a follow-up. */
function pairRoles(
  docs: DocIndex[],
  pairPostings: ReadonlyMap<string, Int32Array>,
  analyse: (text: string) => FieldWords,
  idf: (t: string) => number,
  maxIdf: number,
  m: SearchWeights["modifier"],
): Pick<IndexData, "modifier" | "variant"> {
  const floor = m.commonWord * maxIdf;
  const topics = createTopicTest(docs, idf, floor);
  const modifiers = modifierPairs(docs, topics, m.entries, m.unrelated, floor);
  const { unrelatedTopics } = topics;
  const common = m.variantWord * maxIdf;
  return {
    modifier: (pair) => modifiers.has(pair),
    variant: createVariantTest(docs, pairPostings, { analyse, idf, floor, common, baseWords: m.baseWords, unrelatedTopics, topics: m.variantTopics }),
  };
}

/**
 * The word pairs of names and keywords in which a word that folds to a function word is another
 * word ("khai tử", "căn cước"), as "a b<" (the first is) or "a b>" (the second is); and every
 * function word with its two neighbours, as "a m b" ("vneid cho tre"). Read from the texts as
 * written: the folded pairs of the index no longer tell "cho" from "chợ".
 */
function functionWordReadings(entries: readonly Entry[], analyzer: Analyzer, wordFormsOf: (text: string) => Array<[string, string, boolean]>): Set<string> {
  const out = new Set<string>();
  const other = (folded: string, accented: string) => {
    const spellings = analyzer.functionSpellings(folded);
    return spellings !== undefined && !spellings.includes(accented);
  };
  for (const entry of entries) {
    for (const text of [entry.title, ...entry.aliases, ...entry.keywords]) {
      const forms = wordFormsOf(text);
      for (let i = 0; i + 1 < forms.length; i++) {
        const [fa, aa] = forms[i]!;
        const [fb, ab, broken] = forms[i + 1]!;
        // No pair runs over a clause mark ("Khai, nộp lệ phí").
        if (broken) continue;
        if (other(fa, aa)) out.add(`${fa} ${fb}<`);
        if (other(fb, ab)) out.add(`${fa} ${fb}>`);
        const next = forms[i + 2];
        if (next && !next[2] && analyzer.functionSpellings(fb) !== undefined) out.add(`${fa} ${fb} ${next[0]}`);
      }
    }
  }
  return out;
}

/** The idf of a word in `df` of `n` entries; with `df` 0, the rarest possible (`IndexData.maxIdf`). */
function idfOf(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** Whether `a b` is one of the pairs, asked without building the "a b" string. */
function pairLookup(pairs: Iterable<string>): (a: string | undefined, b: string | undefined) => boolean {
  const byFirst = new Map<string, Set<string>>();
  for (const pair of pairs) {
    const [a, b] = pair.split(" ") as [string, string];
    const seconds = byFirst.get(a);
    if (seconds) seconds.add(b);
    else byFirst.set(a, new Set([b]));
  }
  return (a, b) => a !== undefined && b !== undefined && (byFirst.get(a)?.has(b) ?? false);
}

function indexEntry(
  entry: Entry,
  analyse: (text: string) => FieldWords,
  wordFormsOf: (text: string) => Array<[string, string, boolean]>,
  shared: Interner,
): { doc: DocIndex; textTokens: Set<string> } {
  const nameTexts = [entry.title, ...entry.aliases];
  const nameSegments = nameTexts.map((text) => analyse(text).segments);
  const doc: DocIndex = {
    entry,
    names: [],
    nameIndex: new Map(),
    nameTokens: new Set(),
    nameBigrams: new Set(),
    keywordTokens: new Set(),
    keywordBigrams: new Set(),
    pairOnly: new Map(),
    accentKeys: new Set(nameTexts.flatMap((n) => wordFormsOf(n).filter(([f, a]) => f !== a).map(([, a]) => a))),
    accentForms: new Map(),
  };
  const accentForms = new Map<string, Set<string>>();
  for (const text of [...nameTexts, ...entry.keywords]) {
    for (const [folded, accented] of wordFormsOf(text)) {
      const forms = accentForms.get(folded);
      if (forms) forms.add(accented);
      else accentForms.set(folded, new Set([accented]));
    }
  }
  for (const [folded, forms] of accentForms) doc.accentForms.set(folded, shared.set(forms));
  for (const segments of nameSegments) collect(segments, doc.nameTokens, doc.nameBigrams, shared);
  for (const text of entry.keywords) collect(analyse(text).segments, doc.keywordTokens, doc.keywordBigrams, shared);
  // Body words are only read through the postings: the entry does not keep a set of them.
  const textTokens = new Set<string>();
  for (const text of bodyTexts(entry)) collect(analyse(text).segments, textTokens, null, shared);
  // Names are kept per title/alias so "how much of this name does the question cover" is exact.
  doc.names = nameSegments.map((segments) => {
    const pairs = new Set<string>();
    collect(segments, new Set(), pairs, shared);
    return { tokens: [...new Set(segments.flat())], idf: [], weight: 0, pairs: [...pairs], rare: NO_WORDS };
  });
  doc.names.forEach((name, i) => {
    for (const t of name.tokens) push(doc.nameIndex, t, i);
  });
  return { doc, textTokens };
}

const NO_WORDS: readonly string[] = [];

/** The texts of an entry that search reads besides names and keywords. */
export function bodyTexts(entry: Entry): string[] {
  const out: string[] = [];
  if (entry.summary) out.push(entry.summary);
  if (entry.kind === "procedure") {
    out.push(entry.field, entry.agency);
    if (entry.code) out.push(entry.code);
  } else if (entry.body) out.push(entry.body);
  return out;
}

function collect(segments: string[][], tokens: Set<string>, bigrams: Set<string> | null, shared: Interner): void {
  for (const seg of segments) {
    seg.forEach((t, i) => {
      tokens.add(t);
      if (bigrams && i + 1 < seg.length) bigrams.add(shared.string(`${t} ${seg[i + 1]}`));
    });
  }
}

interface Interner {
  /** One string object per distinct word pair across all entries. */
  string(s: string): string;
  /** One set object per distinct set of accented spellings ("đăng ký" is in thousands of names). */
  set(forms: Set<string>): ReadonlySet<string>;
}

/** Thousands of entries hold the same pairs and spellings: keep one copy of each for the index's lifetime. */
function createInterner(): Interner {
  const strings = new Map<string, string>();
  const sets = new Map<string, ReadonlySet<string>>();
  return {
    string(s) {
      const seen = strings.get(s);
      if (seen !== undefined) return seen;
      strings.set(s, s);
      return s;
    },
    set(forms) {
      const key = [...forms].join(" ");
      const seen = sets.get(key);
      if (seen) return seen;
      sets.set(key, forms);
      return forms;
    },
  };
}

/** Every list as a view into one shared buffer: a typed array of its own would cost more than a short list holds. */
function pack<A extends Int32Array | Uint8Array>(lists: Map<string, number[]>, create: (length: number) => A): Map<string, A> {
  let total = 0;
  for (const list of lists.values()) total += list.length;
  const all = create(total);
  const packed = new Map<string, A>();
  let at = 0;
  for (const [key, list] of lists) {
    all.set(list, at);
    packed.set(key, all.subarray(at, at + list.length) as A);
    at += list.length;
  }
  return packed;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Memoises a text → value function for one index build (the memo is dropped with the closure). */
function memo<V>(f: (text: string) => V): (text: string) => V {
  const cache = new Map<string, V>();
  return (text) => {
    let v = cache.get(text);
    if (v === undefined) {
      v = f(text);
      cache.set(text, v);
    }
    return v;
  };
}
