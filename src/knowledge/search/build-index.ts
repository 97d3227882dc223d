import type { Analyzer } from "../analyze.js";
import type { Entry } from "../schema.js";
import type { SearchWeights } from "./weights.js";

/** One entry as search sees it: its words by field, its word pairs, its names one by one. */
export interface DocIndex {
  entry: Entry;
  /** Tokens of the title and each alias, with their IDF and its sum. */
  names: Array<{ tokens: string[]; idf: number[]; weight: number }>;
  /** Syllable → the names (indexes into `names`) that contain it. */
  nameIndex: Map<string, number[]>;
  nameTokens: Set<string>;
  nameBigrams: Set<string>;
  keywordTokens: Set<string>;
  keywordBigrams: Set<string>;
  textTokens: Set<string>;
  /** Accented spellings of the words of its names (typed accents that agree earn a small edge). */
  accentKeys: Set<string>;
  /** Folded syllable → the accented spellings it has in this entry's names and keywords (sets shared between entries: read only). */
  accentForms: Map<string, ReadonlySet<string>>;
}

/** The whole index: built once per knowledge load, read by every stage. */
export interface IndexData {
  docs: DocIndex[];
  /** Syllable → the entries that have it (ascending), with the weight of the best field it is in. */
  postings: Map<string, { docs: Int32Array; field: Float64Array }>;
  /** Name/keyword word pair → the entries that have it (ascending). */
  pairPostings: Map<string, Int32Array>;
  docFreq: Map<string, number>;
  /** Word pairs that name something somewhere ("giấy phép", "khai sinh"). */
  knownBigrams: Set<string>;
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

export function buildIndex(entries: readonly Entry[], analyzer: Analyzer, weights: SearchWeights): IndexData {
  const docs: DocIndex[] = [];
  const postingLists = new Map<string, { docs: number[]; field: number[] }>();
  const pairLists = new Map<string, number[]>();
  const docFreq = new Map<string, number>();
  // Agencies, fields and stock phrases repeat across thousands of entries: analyse each text once.
  const analyse = memo((text: string) => analyzer.field(text));
  const wordFormsOf = memo((text: string) => analyzer.wordForms(text));
  const shared = createInterner();

  entries.forEach((entry, docNo) => {
    const doc = indexEntry(entry, analyse, wordFormsOf, shared);
    for (const t of new Set([...doc.nameTokens, ...doc.keywordTokens, ...doc.textTokens])) {
      const field = doc.nameTokens.has(t) ? weights.field.name : doc.keywordTokens.has(t) ? weights.field.keyword : weights.field.text;
      const list = postingLists.get(t);
      if (list) list.docs.push(docNo), list.field.push(field);
      else postingLists.set(t, { docs: [docNo], field: [field] });
      docFreq.set(t, (docFreq.get(t) ?? 0) + 1);
    }
    for (const b of new Set([...doc.nameBigrams, ...doc.keywordBigrams])) push(pairLists, b, docNo);
    docs.push(doc);
  });
  // Typed arrays: the first pass walks thousands of postings per question, and they are half the
  // size of number arrays and hold no pointers for the garbage collector to trace.
  const postings: IndexData["postings"] = new Map();
  for (const [t, list] of postingLists) postings.set(t, { docs: Int32Array.from(list.docs), field: Float64Array.from(list.field) });
  const pairPostings: IndexData["pairPostings"] = new Map();
  for (const [b, list] of pairLists) pairPostings.set(b, Int32Array.from(list));

  const n = Math.max(docs.length, 1);
  const idfCache = new Map<string, number>();
  const idf = (t: string): number => {
    let v = idfCache.get(t);
    if (v === undefined) {
      const df = docFreq.get(t) ?? 0;
      v = Math.log(1 + (n - df + 0.5) / (df + 0.5));
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
    knownBigrams: new Set(pairPostings.keys()),
    nameWords: new Set(docs.flatMap((d) => [...d.nameTokens, ...d.keywordTokens])),
    accentFormsAll,
    shortestName,
    idf,
    maxIdf: Math.log(1 + (n + 0.5) / 0.5),
  };
}

function indexEntry(entry: Entry, analyse: (text: string) => string[][], wordFormsOf: (text: string) => Array<[string, string]>, shared: Interner): DocIndex {
  const nameTexts = [entry.title, ...entry.aliases];
  const nameSegments = nameTexts.map(analyse);
  const doc: DocIndex = {
    entry,
    names: [],
    nameIndex: new Map(),
    nameTokens: new Set(),
    nameBigrams: new Set(),
    keywordTokens: new Set(),
    keywordBigrams: new Set(),
    textTokens: new Set(),
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
  for (const text of entry.keywords) collect(analyse(text), doc.keywordTokens, doc.keywordBigrams, shared);
  for (const text of bodyTexts(entry)) collect(analyse(text), doc.textTokens, null, shared);
  // Names are kept per title/alias so "how much of this name does the question cover" is exact.
  doc.names = nameSegments.map((segments) => ({ tokens: [...new Set(segments.flat())], idf: [], weight: 0 }));
  doc.names.forEach((name, i) => {
    for (const t of name.tokens) push(doc.nameIndex, t, i);
  });
  return doc;
}

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
