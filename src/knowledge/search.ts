import Fuse from "fuse.js";
import { createAnalyzer, type AnalyzedQuery, type Analyzer, type Facet, type QueryToken } from "./analyze.js";
import type { Entry, Synonyms } from "./schema.js";

/**
 * Vietnamese-aware retrieval over the knowledge base.
 *
 * An inverted index over folded syllables finds candidates (no linear scan, so ~6,000 entries
 * stay sub-millisecond); fuse.js corrects typos per syllable against the index vocabulary (short
 * strings, where Bitap is good). Each candidate then gets a calibrated score in 0..1 built from
 * what a person would check: how much of the question (weighted by rarity) the entry's names
 * cover, how much of the entry's name the question covers, and whether word pairs match as
 * phrases. Filler and facet words ("cho tôi hỏi", "lệ phí") weigh little, so they can never make
 * a match on their own.
 */

export interface SearchHit {
  entry: Entry;
  /** 0..1, higher is better; comparable across questions (a confidence, not a raw rank score). */
  score: number;
  /** The parts of the score, for tuning and for staff asking "why this answer?". */
  why: HitEvidence;
}

export interface HitEvidence {
  /** Share of the question's weight found in the entry (names count fully, body text less). */
  coverage: number;
  /** Same, counting names and keywords only. */
  nameCoverage: number;
  /** Share of the entry's best name that the question covers. */
  namePrecision: number;
  /** Share of the question's word pairs found as pairs in the entry's names. */
  phrase: number;
  /** Weight share of strong question words found nowhere in the entry. */
  missing: number;
  /** Word pairs of the question that name something elsewhere and share no word with this entry's names. */
  foreignPairs: number;
}

/**
 * What to do with a question, decided by search so every caller reads it the same way:
 * - `answer`: one entry fits; show its card.
 * - `clarify`: the best candidates are close variants of one thing (khai sinh / khai sinh có yếu
 *   tố nước ngoài / đăng ký lại khai sinh); ask which one, with these options (best first).
 * - `facet-only`: the message asks only for a facet ("lệ phí bao nhiêu", "ở đâu") and names no
 *   entry; apply it to the conversation's topic, or ask which procedure. Never a guessed entry.
 * - `unknown`: nothing fits; `suggestions` are plausibly related entries (may be empty).
 */
export type SearchDecision =
  | { kind: "answer"; hit: SearchHit }
  | { kind: "clarify"; options: SearchHit[] }
  | { kind: "facet-only" }
  | { kind: "unknown"; suggestions: SearchHit[] };

export interface SearchResult {
  hits: SearchHit[];
  /** What to do with the question (see SearchDecision). `confident`/`ambiguous` are kept for older callers. */
  decision: SearchDecision;
  /** True when the decision is `answer` or `clarify` (kept for older callers; prefer `decision`). */
  confident: boolean;
  /** True when the decision is `clarify` (kept for older callers; prefer `decision`). */
  ambiguous: boolean;
  facets: Set<Facet>;
  /** Strong words of the question that matched nothing (even fuzzily). */
  unknownWords: string[];
  /** How many words of the question carry a topic (not filler, not facet words). */
  strongWords: number;
}

export interface SearchOptions {
  limit?: number;
}

export interface SearchIndex {
  search(question: string, options?: SearchOptions): SearchResult;
  readonly size: number;
  readonly analyzer: Analyzer;
}

export interface SearchTuning {
  /** Score from which an answer is given. */
  answerThreshold: number;
  /** Share of the question's weight that must be covered for an answer. */
  minCoverage: number;
  /** Within this score distance of the best, another entry counts as a near tie. */
  tieMargin: number;
  /** Share of the entry's best name the question must cover ("con" alone names nothing). */
  minNamePrecision: number;
}

export const DEFAULT_TUNING: SearchTuning = { answerThreshold: 0.56, minCoverage: 0.55, tieMargin: 0.04, minNamePrecision: 0.3 };

const FIELD_WEIGHT = { name: 1, keyword: 0.85, text: 0.45 } as const;
const FUZZY_FACTOR = 0.8;
/**
 * How many entries, best by the first pass, are scored in full: the shortlist grows with the
 * number of entries competing (the first pass ignores name length, so at catalogue size a short
 * exact name can rank below dozens of long names sharing the same words).
 */
const shortlistSize = (competing: number): number => Math.min(32, Math.max(20, Math.ceil(competing / 60)));
/** Share of all entries above which a word is too common for the first pass (catalogue size only). */
const COMMON_SHARE = 0.08;
/** Keeps a touched entry's first-pass value above zero (zero means "not touched"). */
const ROUGH_EPSILON = 1e-9;
const WEAK_FACTOR = 0.2;
const PAIR_FACTOR = 0.6;
const ACCENT_MISMATCH = 0.5;

/** A question word after typo correction: what it matched in the index, and how surely. */
interface Resolved {
  t: string;
  weak: boolean;
  weakKind: QueryToken["weakKind"];
  accented: string | undefined;
  match: string | null;
  factor: number;
}

interface DocIndex {
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
  accentKeys: Set<string>;
  /** Folded syllable → the accented spellings it has in this entry's names and keywords. */
  accentForms: Map<string, Set<string>>;
}

export function createSearchIndex(entries: readonly Entry[], synonyms: Synonyms, tuning: SearchTuning = DEFAULT_TUNING): SearchIndex {
  const analyzer = createAnalyzer(synonyms);
  const docs: DocIndex[] = [];
  /** Syllable → the entries that have it, with the weight of the best field it is in. */
  const postings = new Map<string, { docs: number[]; field: number[] }>();
  /** Name/keyword word pair → the entries that have it. */
  const pairPostings = new Map<string, number[]>();
  const docFreq = new Map<string, number>();
  // Agencies, fields and stock phrases repeat across thousands of entries: analyse each text once.
  const fieldMemo = new Map<string, string[][]>();
  const formsMemo = new Map<string, Array<[string, string]>>();
  const wordFormsOf = (text: string): Array<[string, string]> => {
    let forms = formsMemo.get(text);
    if (!forms) {
      forms = analyzer.wordForms(text);
      formsMemo.set(text, forms);
    }
    return forms;
  };
  const analyse = (text: string): string[][] => {
    let segments = fieldMemo.get(text);
    if (!segments) {
      segments = analyzer.field(text);
      fieldMemo.set(text, segments);
    }
    return segments;
  };

  entries.forEach((entry, docNo) => {
    const nameTexts = [entry.title, ...entry.aliases];
    const nameSegments = nameTexts.map(analyse);
    const keywordSegments = entry.keywords.map(analyse);
    const textSegments = bodyTexts(entry).map(analyse);
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
    for (const text of [...nameTexts, ...entry.keywords]) {
      for (const [folded, accented] of wordFormsOf(text)) {
        const forms = doc.accentForms.get(folded);
        if (forms) forms.add(accented);
        else doc.accentForms.set(folded, new Set([accented]));
      }
    }
    for (const segments of nameSegments) collect(segments, doc.nameTokens, doc.nameBigrams);
    for (const segments of keywordSegments) collect(segments, doc.keywordTokens, doc.keywordBigrams);
    for (const segments of textSegments) collect(segments, doc.textTokens, null);
    for (const t of new Set([...doc.nameTokens, ...doc.keywordTokens, ...doc.textTokens])) {
      const field = doc.nameTokens.has(t) ? FIELD_WEIGHT.name : doc.keywordTokens.has(t) ? FIELD_WEIGHT.keyword : FIELD_WEIGHT.text;
      const list = postings.get(t);
      if (list) list.docs.push(docNo), list.field.push(field);
      else postings.set(t, { docs: [docNo], field: [field] });
      docFreq.set(t, (docFreq.get(t) ?? 0) + 1);
    }
    for (const b of new Set([...doc.nameBigrams, ...doc.keywordBigrams])) {
      const list = pairPostings.get(b);
      if (list) list.push(docNo);
      else pairPostings.set(b, [docNo]);
    }
    // Names are kept per title/alias so "how much of this name does the question cover" is exact.
    doc.names = nameSegments.map((segments) => ({ tokens: [...new Set(segments.flat())], idf: [], weight: 0 }));
    doc.names.forEach((name, i) => {
      for (const t of name.tokens) {
        const list = doc.nameIndex.get(t);
        if (list) list.push(i);
        else doc.nameIndex.set(t, [i]);
      }
    });
    docs.push(doc);
  });

  // Word pairs that name something somewhere ("giấy phép", "khai sinh"): a question that contains
  // one must find it in the entry too, or the entry is probably about something else.
  const knownBigrams = new Set(pairPostings.keys());

  const n = Math.max(docs.length, 1);
  const idfCache = new Map<string, number>();
  const maxIdf = Math.log(1 + (n + 0.5) / 0.5);
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
      name.weight = sum(name.idf);
    }
  }
  fieldMemo.clear();
  formsMemo.clear();
  /** Scratch for the first pass, one slot per entry; zeroed again after each search. */
  const rough = new Float64Array(docs.length);
  const roughName = new Float64Array(docs.length);
  /** Scratch: the entries the first pass touched, and their values for selection (no per-question allocation). */
  const touched = new Int32Array(docs.length);
  const selectScratch = new Float64Array(docs.length);
  /** Scratch: IDF of question words found in each name of the entry being scored. */
  let nameHits = new Float64Array(16);
  /** IDF weight of each entry's lightest name (a typed array: read for thousands of entries per search). */
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
  const vocabulary = [...postings.keys()].filter((t) => t.length >= 3 && !/^\d/.test(t));
  // A correction keeps the first letter, so fuse.js only ever needs the words sharing it: one
  // small index per first letter (a whole-vocabulary scan costs milliseconds). Built with the
  // index, so no question pays for building one.
  const byFirstLetter = new Map<string, string[]>();
  for (const w of vocabulary) {
    const list = byFirstLetter.get(w[0]!);
    if (list) list.push(w);
    else byFirstLetter.set(w[0]!, [w]);
  }
  const fuseOptions = { includeScore: true, threshold: 0.3, ignoreLocation: true, minMatchCharLength: 2 };
  const fuses = new Map([...byFirstLetter].map(([letter, words]) => [letter, new Fuse(words, fuseOptions)] as const));
  const fuzzyCache = new Map<string, string | null>();
  /**
   * Nearest known syllable to an unknown one (a typo), or null. One edit (a missing, extra,
   * swapped or wrong letter) is tried against the vocabulary first, preferring the commonest
   * word; fuse.js then catches longer slips in words of six letters or more. Three-letter words
   * only get a missing or swapped letter ("páp" → "pháp"), since one more change would reach too
   * many real words.
   */
  const correct = (t: string, accented?: string): string | null => {
    if (t.length < 3 || /\d/.test(t)) return null;
    const key = accented ? `${t}|${accented}` : t;
    const cached = fuzzyCache.get(key);
    if (cached !== undefined) return cached;
    // Typed with accents, a slip of a letter keeps the marks: "tư páp" → "pháp", but "xăng" is not "sang".
    const marks = accented ? toneMarks(accented) : null;
    const fits = (candidate: string) => marks === null || (accentFormsAll.get(candidate) ?? []).some((f) => toneMarks(f) === marks);
    let best: string | null = null;
    let bestDf = 0;
    for (const candidate of oneEdit(t, t.length >= 4)) {
      const df = docFreq.get(candidate) ?? 0;
      if (df > bestDf && candidate.length >= 3 && fits(candidate)) {
        best = candidate;
        bestDf = df;
      }
    }
    if (!best && t.length >= 6) {
      for (const r of fuses.get(t[0]!)?.search(t, { limit: 5 }) ?? []) {
        if ((r.score ?? 1) <= 0.34 && Math.abs(r.item.length - t.length) <= 1 && fits(r.item)) {
          best = r.item;
          break;
        }
      }
    }
    if (fuzzyCache.size > 50_000) fuzzyCache.clear();
    fuzzyCache.set(key, best);
    return best;
  };

  function search(question: string, options: SearchOptions = {}): SearchResult {
    const limit = options.limit ?? 5;
    const q = analyzer.query(question);
    if (q.tokens.length === 0) return withDecision([], false, false, q.facets, [], 0);

    // A function word that forms a known name with its neighbour is part of that name
    // ("khai tu": "tu" is not "từ" here; "can cuoc": "can" is not "cần").
    // Only without accents is that ambiguous: typed "với" is the function word, whatever the names say.
    const toks = q.tokens.map((tok, i, all) => {
      if (tok.weakKind !== "function" || q.hadDiacritics) return tok;
      const prev = all[i - 1];
      const next = all[i + 1];
      const named = (prev && !prev.weak && knownBigrams.has(`${prev.t} ${tok.t}`)) || (next && !next.weak && knownBigrams.has(`${tok.t} ${next.t}`));
      return named ? { t: tok.t, weak: false } : tok;
    });
    // Regional spellings ("thường chú" for "thường trú", "sổ" / "xổ", "dấy" / "giấy"): a word that
    // pairs with neither neighbour, but whose other spelling names a known pair with one, is read
    // that way. Typed with accents, the marks must stay the same.
    const spelled = new Map<number, string>();
    toks.forEach((tok, i) => {
      if (tok.weak) return;
      const prev = toks[i - 1]?.t;
      const next = toks[i + 1]?.t;
      const pairs = (w: string) => (prev !== undefined && knownBigrams.has(`${prev} ${w}`)) || (next !== undefined && knownBigrams.has(`${w} ${next}`));
      if (pairs(tok.t)) return;
      for (const v of regionalSpellings(tok.t)) {
        if (pairs(v) && (!tok.accented || (accentFormsAll.get(v) ?? []).some((f) => toneMarks(f) === toneMarks(tok.accented!)))) {
          spelled.set(i, v);
          return;
        }
      }
    });
    const strongWords = toks.filter((t) => !t.weak).length;

    // Resolve each token: known as is, corrected by fuse, or unknown.
    const unknownWords: string[] = [];
    const resolved: Resolved[] = toks.map((tok, i) => {
      let match: string | null = tok.t;
      let factor = 1;
      const respelled = spelled.get(i);
      if (respelled) {
        match = respelled;
        factor = FUZZY_FACTOR;
      } else if (!postings.has(tok.t)) {
        match = tok.weak ? null : correct(tok.t, tok.accented);
        factor = match ? FUZZY_FACTOR : 0;
        if (!match && !tok.weak) unknownWords.push(tok.t);
      }
      return { t: tok.t, weak: tok.weak, weakKind: tok.weakKind, accented: tok.accented, match, factor };
    });

    const strong = resolved.filter((r) => !r.weak);
    const weightOf = (r: Resolved) => (r.match ? idf(r.match) : maxIdf) * (r.weak ? WEAK_FACTOR : 1);
    const bigrams = resolvedBigrams(resolved);
    const topicPairs = bigrams.filter((b) => knownBigrams.has(b));
    const pairWeights = new Map(topicPairs.map((b) => [b, (PAIR_FACTOR * sum(b.split(" ").map(idf))) / 2]));
    const pairWeight = (b: string) => pairWeights.get(b)!;
    const strongWeight = sum(strong.map(weightOf)) + sum(topicPairs.map(pairWeight));

    // Candidates come from strong words (only when the question is all filler/facet words do weak
    // ones count). A first pass adds up, term by term from the postings, how much of the question
    // each entry covers; only the best few are then scored in full, so a word found in thousands
    // of entries ("cấp", "giấy") costs one addition each, not a full scoring.
    const seeds = (strong.length > 0 ? strong : resolved).filter((r) => r.match !== null);
    let count = 0;
    // Words in more than 8 % of all entries ("cấp", "giấy", "đăng ký" at catalogue size) add little to
    // the ranking and cost a pass over thousands of postings; when the question has a rarer word,
    // the first pass leaves them to the full scoring of the shortlist.
    const common = (r: Resolved) => (docFreq.get(r.match!) ?? 0) > COMMON_SHARE * n;
    const firstPass = seeds.some((r) => !common(r)) && n > 1000 ? seeds.filter((r) => !common(r)) : seeds;
    for (const r of firstPass) {
      const list = postings.get(r.match!)!;
      const w = weightOf(r) * r.factor;
      const wName = r.weak ? 0 : idf(r.match!) * r.factor;
      for (let i = 0; i < list.docs.length; i++) {
        const d = list.docs[i]!;
        const field = list.field[i]!;
        if (rough[d] === 0) touched[count++] = d;
        rough[d] = rough[d]! + w * field;
        if (field === FIELD_WEIGHT.name) roughName[d] = roughName[d]! + wName;
      }
    }
    if (count === 0) return withDecision([], false, false, q.facets, unknownWords, strongWords);
    for (const b of topicPairs) {
      const w = pairWeight(b);
      for (const d of pairPostings.get(b) ?? []) if (rough[d]! > 0) rough[d] = rough[d]! + w;
    }
    // Rank the shortlist the way the final score does: coverage, plus how much of the entry's
    // shortest name the question covers (so a short exact name is not lost among long ones).
    const total = strongWeight > 0 ? strongWeight : 1;
    for (let i = 0; i < count; i++) {
      const d = touched[i]!;
      const nameShare = Math.min(1, roughName[d]! / shortestName[d]!);
      rough[d] = ROUGH_EPSILON + 0.58 * Math.min(1, rough[d]! / total) + 0.24 * nameShare;
      roughName[d] = 0;
    }
    const candidates = topCandidates(rough, touched, count, shortlistSize(count), selectScratch);
    for (let i = 0; i < count; i++) rough[touched[i]!] = 0;
    const qList = [...new Set(resolved.filter((r) => r.match).map((r) => r.match!))];
    const qIdf = qList.map(idf);
    const typed = q.hadDiacritics ? q.tokens.filter((t) => t.accented && !t.weak) : [];

    // Per-word and per-pair weights do not depend on the entry: compute them once.
    const terms = resolved.map((r) => ({ r, base: weightOf(r), w: weightOf(r) * r.factor }));
    const pairs = topicPairs.map((b) => ({ b, w: pairWeight(b), words: b.split(" ") }));
    const scored: SearchHit[] = [];
    for (const d of candidates) {
      const doc = docs[d]!;
      let covered = 0;
      let coveredByNames = 0;
      let missingWeight = 0;
      let totalWeight = strongWeight;
      for (const { r, base, w: plain } of terms) {
        const m = r.match;
        if (!m) {
          if (!r.weak) missingWeight += base;
          continue;
        }
        // Filler other than facet words never counts: skip it before any lookup.
        if (r.weak && r.weakKind !== "facet") continue;
        const inName = doc.nameTokens.has(m);
        const inKeyword = !inName && doc.keywordTokens.has(m);
        const inText = !inName && !inKeyword && doc.textTokens.has(m);
        if (r.weak) {
          // Only facet words ("toàn trình", "trực tuyến") may help, and only where they are part of a name;
          // "với", "cho" in an entry's name must not make it look closer than another.
          if (r.weakKind !== "facet" || (!inName && !inKeyword)) continue;
          totalWeight += base;
        } else if (!inName && !inKeyword && !inText) {
          missingWeight += base;
          continue;
        }
        let w = plain;
        // Typed "vàng" is not the entry's "vắng": same letters, another word.
        if (r.accented) {
          const forms = doc.accentForms.get(m);
          if (forms && !forms.has(r.accented)) w *= ACCENT_MISMATCH;
        }
        if (inName || inKeyword) coveredByNames += w;
        else coveredByNames += w * FIELD_WEIGHT.text;
        covered += w * (inName ? FIELD_WEIGHT.name : inKeyword ? FIELD_WEIGHT.keyword : FIELD_WEIGHT.text);
      }
      let foreignPairs = 0;
      for (const { b, w, words } of pairs) {
        if (doc.nameBigrams.has(b) || doc.keywordBigrams.has(b)) {
          covered += w;
          coveredByNames += w;
        } else if (!words.some((x) => doc.nameTokens.has(x) || doc.keywordTokens.has(x))) foreignPairs++;
      }
      const coverage = totalWeight > 0 ? covered / totalWeight : 0;
      const nameCoverage = totalWeight > 0 ? coveredByNames / totalWeight : 0;

      // How much of the best-fitting name the question covers (rarity-weighted): only names that
      // share a word with the question can score, and the question has few words.
      let namePrecision = 0;
      const nameCount = doc.names.length;
      if (nameHits.length < nameCount) nameHits = new Float64Array(nameCount * 2);
      nameHits.fill(0, 0, nameCount);
      for (let k = 0; k < qList.length; k++) {
        const names = doc.nameIndex.get(qList[k]!);
        if (!names) continue;
        const w = qIdf[k]!;
        for (const i of names) nameHits[i] = nameHits[i]! + w;
      }
      for (let i = 0; i < nameCount; i++) {
        const weight = doc.names[i]!.weight;
        if (weight > 0 && nameHits[i]! > 0) namePrecision = Math.max(namePrecision, nameHits[i]! / weight);
      }

      let phrase = 1;
      if (bigrams.length > 0) {
        let inName = 0;
        let inKeyword = 0;
        for (const b of bigrams) {
          if (doc.nameBigrams.has(b)) inName++;
          else if (doc.keywordBigrams.has(b)) inKeyword++;
        }
        phrase = (inName + 0.8 * inKeyword) / bigrams.length;
      }

      let accentHits = 0;
      for (const t of typed) if (doc.accentKeys.has(t.accented!)) accentHits++;
      const accent = typed.length > 0 ? accentHits / typed.length : 0;

      const score = clamp01(0.58 * coverage + 0.24 * namePrecision + 0.15 * phrase + 0.03 * accent) * (coverage < 0.35 ? coverage / 0.35 : 1);
      const missing = strongWeight > 0 ? missingWeight / strongWeight : 0;
      scored.push({
        entry: doc.entry,
        score: round(score),
        why: { coverage: round(coverage), nameCoverage: round(nameCoverage), namePrecision: round(namePrecision), phrase: round(phrase), missing: round(missing), foreignPairs },
      });
    }
    scored.sort((a, b) => b.score - a.score || a.entry.title.length - b.entry.title.length);
    const hits = scored.slice(0, Math.max(limit, 2));
    const best = hits[0];
    const second = hits[1];
    const confident = !!best && isConfident(best, second, { strongWords, unknownWords: unknownWords.length }, tuning);
    const ambiguous = confident && !!second && best!.score - second.score <= tuning.tieMargin && second.score >= tuning.answerThreshold;
    return withDecision(hits.slice(0, limit), confident, ambiguous, q.facets, unknownWords, strongWords, tuning);

  }

  return { search, size: docs.length, analyzer };
}

/**
 * Whether the best hit is good enough to answer with. Each rule is a question a careful person
 * would ask before answering; the thresholds were set on the development questions and checked on
 * questions written without looking at the knowledge (see test/fixtures/blind-eval.jsonl).
 */
export function isConfident(
  best: SearchHit,
  second: SearchHit | undefined,
  question: { strongWords: number; unknownWords: number },
  tuning: SearchTuning = DEFAULT_TUNING,
): boolean {
  const { nameCoverage, namePrecision, coverage, phrase } = best.why;
  const margin = best.score - (second?.score ?? 0);
  // Does the entry explain the question, and does the question name the entry?
  const usual = best.score >= tuning.answerThreshold && nameCoverage >= tuning.minCoverage && namePrecision >= tuning.minNamePrecision;
  // The question contains one of the entry's names whole, and nothing else comes close.
  const namedWhole = namePrecision >= 0.99 && margin >= 0.05 && coverage >= 0.3;
  if (!usual && !namedWhole) return false;
  // A question of filler and facet words only ("còn lệ phí?") names an entry only if it is nearly its whole name.
  if (question.strongWords === 0 && namePrecision < 0.8) return false;
  // One topic word ("tên", "xe") must be most of a name.
  if (question.strongWords === 1 && namePrecision < 0.6) return false;
  // A word we have never seen ("visa", "karaoke") means another topic unless the entry's name is clearly there.
  if (question.unknownWords > 0 && namePrecision < 0.6) return false;
  // Scattered shared words ("đăng ký … lần đầu") without phrase matches are not a match.
  if (phrase < 0.3 && namePrecision < 0.6) return false;
  // The question names another thing ("nội quy", "hoạt động") that this entry's names never mention.
  if (best.why.foreignPairs > 0 && namePrecision < 0.75) return false;
  return true;
}

/** First cut of the decision (refined in the pipeline split): facet-only, clarify on near ties, else answer or unknown. */
function withDecision(
  hits: SearchHit[],
  confident: boolean,
  ambiguous: boolean,
  facets: Set<Facet>,
  unknownWords: string[],
  strongWords: number,
  tuning: SearchTuning = DEFAULT_TUNING,
): SearchResult {
  let decision: SearchDecision;
  if (strongWords === 0 && facets.size > 0 && !confident) decision = { kind: "facet-only" };
  else if (confident && ambiguous) decision = { kind: "clarify", options: hits.filter((h) => hits[0]!.score - h.score <= 2 * tuning.tieMargin).slice(0, 4) };
  else if (confident) decision = { kind: "answer", hit: hits[0]! };
  else decision = { kind: "unknown", suggestions: hits.filter((h) => h.score >= 0.3).slice(0, 3) };
  return { hits, decision, confident, ambiguous, facets, unknownWords, strongWords };
}

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/** Initial and final sounds that regional accents merge in writing (folded forms). */
const INITIAL_SWAPS: Array<[string, string[]]> = [
  ["tr", ["ch"]], ["ch", ["tr"]], ["gi", ["d", "r"]], ["d", ["gi", "r"]], ["r", ["d", "gi"]],
  ["s", ["x"]], ["x", ["s"]], ["l", ["n"]], ["n", ["l"]], ["v", ["d"]],
];
const FINAL_SWAPS: Array<[string, string]> = [["ng", "n"], ["n", "ng"], ["c", "t"], ["t", "c"]];

/** Other spellings of a folded syllable under common regional pronunciations. */
function regionalSpellings(word: string): string[] {
  const out: string[] = [];
  for (const [from, tos] of INITIAL_SWAPS) {
    if (!word.startsWith(from) || (from === "n" && word.startsWith("ng"))) continue;
    for (const to of tos) out.push(to + word.slice(from.length));
    break;
  }
  for (const [from, to] of FINAL_SWAPS) {
    if (word.endsWith(from) && !(from === "n" && word.endsWith("ng"))) {
      out.push(word.slice(0, -from.length) + to);
      break;
    }
  }
  return out;
}

/** The diacritics of a word in order ("páp" → acute; "xăng" → breve), whatever its letters. */
function toneMarks(word: string): string {
  return word.normalize("NFD").replace(/[^\u0300-\u036f]/g, "");
}

/**
 * Words one edit away: swapped neighbours and inserted letters; with `all`, also deleted and
 * replaced ones. The first letter stays (people rarely slip on it, and changing it reaches
 * unrelated words: "xăng" → "đăng").
 */
function* oneEdit(word: string, all: boolean): Generator<string> {
  for (let i = 1; i + 1 < word.length; i++) yield word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  for (let i = 1; i <= word.length; i++) for (const c of LETTERS) yield word.slice(0, i) + c + word.slice(i);
  if (!all) return;
  for (let i = 1; i < word.length; i++) yield word.slice(0, i) + word.slice(i + 1);
  for (let i = 1; i < word.length; i++) for (const c of LETTERS) if (c !== word[i]) yield word.slice(0, i) + c + word.slice(i + 1);
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

/**
 * At most `k` of the touched entries with the largest rough scores, found by selection (no full
 * sort). Ties at the cut go to earlier entries, so a word shared by thousands of entries never
 * sends them all to full scoring.
 */
function topCandidates(rough: Float64Array, touched: Int32Array, count: number, k: number, scratch: Float64Array): number[] {
  if (count <= k) return Array.from(touched.subarray(0, count));
  const values = scratch.subarray(0, count);
  for (let i = 0; i < count; i++) values[i] = rough[touched[i]!]!;
  const cut = kthLargest(values, k);
  const out: number[] = [];
  const tied: number[] = [];
  for (let i = 0; i < count; i++) {
    const d = touched[i]!;
    const v = rough[d]!;
    if (v > cut) out.push(d);
    else if (v === cut) tied.push(d);
  }
  tied.sort((a, b) => a - b);
  for (const d of tied) {
    if (out.length >= k) break;
    out.push(d);
  }
  return out;
}

/** The k-th largest value (Hoare's selection; reorders `values`). */
function kthLargest(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  const target = k - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! > pivot) i++;
      while (values[j]! < pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i] = values[j]!;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return values[target]!;
}

function collect(segments: string[][], tokens: Set<string>, bigrams: Set<string> | null): void {
  for (const seg of segments) {
    seg.forEach((t, i) => {
      tokens.add(t);
      if (bigrams && i + 1 < seg.length) bigrams.add(`${t} ${seg[i + 1]}`);
    });
  }
}

function resolvedBigrams(resolved: Array<{ weak: boolean; match: string | null }>): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < resolved.length; i++) {
    const a = resolved[i]!;
    const b = resolved[i + 1]!;
    if (!a.weak && !b.weak && a.match && b.match) out.push(`${a.match} ${b.match}`);
  }
  return out;
}

function sum(xs: number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

export type { AnalyzedQuery, Facet };
