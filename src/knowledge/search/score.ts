import { ABSENT, TEXT, fieldIn, type DocIndex, type IndexData, type Postings } from "./build-index.js";
import { accentsAgree } from "./correct.js";
import type { Resolved, ResolvedQuery } from "./rewrite.js";
import type { HitEvidence, SearchHit } from "./types.js";
import type { SearchWeights } from "./weights.js";

/** Stage 4: a calibrated 0..1 score for each shortlisted entry (by number), with the evidence behind it. */
export type Scorer = (q: ResolvedQuery, docNos: readonly number[]) => SearchHit[];

/** What scoring reads of the question, looked up once for the whole shortlist. */
interface Prepared {
  /** Each word with its postings (an entry's body words are only found there). */
  words: Array<{ r: Resolved; list: Postings | undefined }>;
  matched: Array<ResolvedQuery["matched"][number] & { idf: number }>;
  /** The question's own pairs in some name that one entry alone holds (see apartPairWords); usually none. */
  unique: ResolvedQuery["topicPairs"];
}

/**
 * What a person would check: how much of the question (weighted by rarity) the entry covers,
 * how much of the entry's best name the question covers, whether word pairs match as phrases,
 * and whether typed accents agree.
 */
export function createScorer(index: IndexData, weights: SearchWeights): Scorer {
  /** Scratch: IDF of question words found in each name of the entry being scored. */
  let nameHits = new Float64Array(16);
  const s = weights.score;

  function namePrecision(doc: DocIndex, matched: Prepared["matched"]): number {
    // Only names that share a word with the question can score, and the question has few words.
    const nameCount = doc.names.length;
    if (nameHits.length < nameCount) nameHits = new Float64Array(nameCount * 2);
    nameHits.fill(0, 0, nameCount);
    for (const { t, phrase, accents, idf, pairs, paper } of matched) {
      const names = doc.nameIndex.get(t);
      // A needed paper's words name no entry (see coverage).
      if (!names || paper) continue;
      if (phrase && !allIn(phrase, doc.nameTokens)) continue;
      // Typed "bão" does not name the entry's "báo": it counts as coverage does (accentMismatch).
      const forms = accents.length > 0 ? doc.accentForms.get(t) : undefined;
      const w = idf * (forms && !someAgree(forms, accents) ? weights.accentMismatch : 1);
      // "dịch" of "dịch vụ công" is not the "dịch" of the name "chứng thực bản dịch": a word bound
      // into a pair of the question does not name a name where it stands only in pairs it rarely
      // stands in, unless that name holds the question's pair too.
      for (const i of names) {
        const name = doc.names[i]!;
        if (!pairs || !name.rare.includes(t) || someOf(pairs, name.pairs)) nameHits[i] = nameHits[i]! + w;
      }
    }
    let best = 0;
    for (let i = 0; i < nameCount; i++) {
      const weight = doc.names[i]!.weight;
      if (weight > 0 && nameHits[i]! > 0) best = Math.max(best, nameHits[i]! / weight);
    }
    return best;
  }

  function scoreOne(q: ResolvedQuery, p: Prepared, d: number): SearchHit {
    const doc = index.docs[d]!;
    const cover = coverage(q, p, doc, d, weights);
    const precision = namePrecision(doc, p.matched);
    const phrase = phraseShare(q.bigrams, q.pairSlots, doc, s.keywordPhrase);
    let accentHits = 0;
    for (const a of q.typed) if (doc.accentKeys.has(a)) accentHits++;
    const accent = q.typed.length > 0 ? accentHits / q.typed.length : 0;
    const raw = clamp01(s.coverage * cover.coverage + s.namePrecision * precision + s.phrase * phrase + s.accent * accent);
    const score = raw * (cover.coverage < s.coverageFloor ? cover.coverage / s.coverageFloor : 1);
    const why: HitEvidence = {
      coverage: round(cover.coverage),
      nameCoverage: round(cover.nameCoverage),
      namePrecision: round(precision),
      phrase: round(phrase),
      missing: round(cover.missing),
      foreignPairs: cover.foreignPairs,
      heldPairs: cover.heldPairs,
      ageFits: false,
    };
    return { entry: doc.entry, score: round(score), why };
  }

  return (q, docNos) => {
    const p: Prepared = {
      words: q.words.map((r) => ({ r, list: r.match === null ? undefined : index.postings.get(r.match) })),
      matched: q.matched.map(({ t, phrase, accents, pairs, paper }) => ({ t, phrase, accents, pairs, paper, idf: index.idf(t) })),
      unique: q.topicPairs.filter(({ b, words, own }) => own && index.pairPostings.get(b)?.length === 1 && index.namePair(words[0]!, words[1]!)),
    };
    return docNos.map((d) => scoreOne(q, p, d));
  };
}

/** How much of the question the entry covers, by field; what of it is missing or foreign; how many of its named pairs the entry holds. */
function coverage(q: ResolvedQuery, p: Prepared, doc: DocIndex, d: number, weights: SearchWeights) {
  const { field } = weights;
  let covered = 0;
  let coveredByNames = 0;
  let missingWeight = 0;
  let totalWeight = q.strongWeight;
  const apart = p.unique.length > 0 ? apartPairWords(q, p.unique, doc) : undefined;
  for (const { r, list } of p.words) {
    const m = r.match;
    if (!m) {
      if (!r.weak) missingWeight += r.weight;
      continue;
    }
    // "điện" of "cấp điện" is not the "điện" of dang-ky-xe's "xe điện" (see apartPairWords).
    if (apart && !r.weak && apart.includes(m)) {
      missingWeight += r.weight;
      continue;
    }
    // Filler other than facet words never counts: skip it before any lookup.
    if (r.weak && r.weakKind !== "facet") continue;
    // A paper needed for what the message names ("… có cần giấy chứng nhận kết hôn") is a document
    // of it, not a name: it counts as body text wherever the entry has it.
    const paper = r.paper;
    const inName = !paper && doc.nameTokens.has(m);
    const inKeyword = !paper && !inName && doc.keywordTokens.has(m);
    const inText = !inName && !inKeyword && (paper ? fieldIn(list, d) !== ABSENT : fieldIn(list, d) === TEXT);
    if (r.weak) {
      // Only facet words ("toàn trình", "trực tuyến") may help, and only where they are part of a name;
      // "với", "cho" in an entry's name must not make it look closer than another.
      if (!inName && !inKeyword) continue;
      // "mất" of "mất bao nhiêu tiền" is not the "mất" of "báo mất hộ chiếu": the whole phrase must be there.
      if (r.phrase && !allIn(r.phrase, doc.nameTokens, doc.keywordTokens)) continue;
      totalWeight += r.weight;
    } else if (!inName && !inKeyword && !inText) {
      missingWeight += r.weight;
      continue;
    }
    let w = r.weight * r.factor;
    // Typed "vàng" is not the entry's "vắng": same letters, another word.
    if (r.accented && !accentsAgree(doc.accentForms.get(m), r.accented)) w *= weights.accentMismatch;
    coveredByNames += inName || inKeyword ? w : w * field.text;
    covered += w * (inName ? field.name : inKeyword ? field.keyword : field.text);
  }
  let foreignPairs = 0;
  let heldPairs = 0;
  for (const { b, w, words, own, idle } of q.topicPairs) {
    if (doc.nameBigrams.has(b) || doc.keywordBigrams.has(b)) {
      // Each named pair once; a pair straddling two words is part of them, not one more named thing.
      if (own) heldPairs++;
      covered += w;
      coveredByNames += w;
    } else if (!idle && !someIn(words, doc.nameTokens, doc.keywordTokens, apart)) foreignPairs++;
  }
  return {
    coverage: totalWeight > 0 ? covered / totalWeight : 0,
    nameCoverage: totalWeight > 0 ? coveredByNames / totalWeight : 0,
    missing: q.strongWeight > 0 ? missingWeight / q.strongWeight : 0,
    foreignPairs,
    heldPairs,
  };
}

/**
 * The words of the question's named pairs that this entry has, but not as the question puts them: of a
 * pair in some name that one other entry alone holds ("cấp điện"), both words stand in this entry's names
 * and keywords only apart, each only inside pairs that rarely hold it (`rareShare`) and that the question
 * does not hold ("cấp" of "cấp biển số", "điện" of "xe điện"). The entry names other things with them, as
 * "bản dịch" is not "dịch vụ" (namePrecision): they do not cover the question and do not stop the pair
 * being foreign. Undefined when there are none (most entries).
 */
function apartPairWords(q: ResolvedQuery, unique: ResolvedQuery["topicPairs"], doc: DocIndex): string[] | undefined {
  let out: string[] | undefined;
  for (const { b, words } of unique) {
    if (doc.nameBigrams.has(b) || doc.keywordBigrams.has(b)) continue;
    const first = doc.pairOnly.get(words[0]!);
    const second = first && doc.pairOnly.get(words[1]!);
    // Together in either order ("nhà thuê" for "thuê nhà"), or as the question puts one of them elsewhere, they are its words.
    if (!second || someOf(q.bigrams, first) || someOf(q.bigrams, second) || first.includes(`${words[1]} ${words[0]}`)) continue;
    (out ??= []).push(words[0]!, words[1]!);
  }
  return out;
}

/** Share of the question's word pairs (`slots`: those across a clause mark included, see `ResolvedQuery.pairSlots`) that the entry's names (or, less, keywords) hold as pairs. */
function phraseShare(bigrams: string[], slots: number, doc: DocIndex, keywordShare: number): number {
  if (slots === 0) return 1;
  let inName = 0;
  let inKeyword = 0;
  for (const b of bigrams) {
    if (doc.nameBigrams.has(b)) inName++;
    else if (doc.keywordBigrams.has(b)) inKeyword++;
  }
  return (inName + keywordShare * inKeyword) / slots;
}

// Loops rather than every/some with closures: these run for every word of every candidate.

/** Every word is in `a` (or in `b`). */
function allIn(words: readonly string[], a: ReadonlySet<string>, b?: ReadonlySet<string>): boolean {
  for (const w of words) if (!a.has(w) && !b?.has(w)) return false;
  return true;
}

/** Some word (not one of `except`) is in `a` or in `b`. */
function someIn(words: readonly string[], a: ReadonlySet<string>, b: ReadonlySet<string>, except: readonly string[] | undefined): boolean {
  for (const w of words) if ((a.has(w) || b.has(w)) && !except?.includes(w)) return true;
  return false;
}

/** Some word of `a` is in the short list `b` (a name's pairs: a handful). */
function someOf(a: readonly string[], b: readonly string[]): boolean {
  for (const w of a) if (b.includes(w)) return true;
  return false;
}

/** One of the typed spellings agrees with the entry's (see accentsAgree). */
function someAgree(forms: ReadonlySet<string>, typed: readonly string[]): boolean {
  for (const a of typed) if (accentsAgree(forms, a)) return true;
  return false;
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

export function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
