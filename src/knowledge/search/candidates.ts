import { NAME, type IndexData } from "./build-index.js";
import type { Resolved, ResolvedQuery } from "./rewrite.js";
import type { SearchWeights } from "./weights.js";

/** Keeps a touched entry's first-pass value above zero (zero means "not touched"). */
const ROUGH_EPSILON = 1e-9;

/** Stage 3: the entries worth scoring in full, by entry number. */
export type CandidateFinder = (q: ResolvedQuery) => number[];

/**
 * Candidates come from strong words (only when the question is all filler/facet words do weak
 * ones count). A first pass adds up, term by term from the postings, how much of the question
 * each entry covers; only the best few are then scored in full, so a word found in thousands of
 * entries ("cấp", "giấy") costs one addition each, not a full scoring. Scratch arrays are
 * allocated once per index, not per question.
 */
export function createCandidateFinder(index: IndexData, weights: SearchWeights): CandidateFinder {
  const size = index.docs.length;
  const n = Math.max(size, 1);
  const rough = new Float64Array(size);
  const roughName = new Float64Array(size);
  const touched = new Int32Array(size);
  const selectScratch = new Float64Array(size);
  const { commonShare, commonFrom, shortlist } = weights.firstPass;
  // Indexed by the field codes of the postings (NAME, KEYWORD, TEXT).
  const fieldWeight = [weights.field.name, weights.field.keyword, weights.field.text];
  // Words in more than `commonShare` of all entries ("cấp", "giấy", "đăng ký" at catalogue size)
  // add little to the ranking and cost a pass over thousands of postings; when the question has
  // a rarer word, the first pass leaves them to the full scoring of the shortlist.
  const common = (r: Resolved) => (index.docFreq.get(r.match!) ?? 0) > commonShare * n;

  return (q) => {
    const strong = q.words.filter((r) => !r.weak);
    const seeds = (strong.length > 0 ? strong : q.words).filter((r) => r.match !== null);
    const firstPass = seeds.some((r) => !common(r)) && n > commonFrom ? seeds.filter((r) => !common(r)) : seeds;
    let count = 0;
    for (const r of firstPass) {
      const list = index.postings.get(r.match!)!;
      const w = r.weight * r.factor;
      const wName = r.weak ? 0 : index.idf(r.match!) * r.factor;
      for (let i = 0; i < list.docs.length; i++) {
        const d = list.docs[i]!;
        const field = list.field[i]!;
        if (rough[d] === 0) touched[count++] = d;
        rough[d] = rough[d]! + w * fieldWeight[field]!;
        if (field === NAME) roughName[d] = roughName[d]! + wName;
      }
    }
    if (count === 0) return [];
    for (const { b, w } of q.topicPairs) {
      const docs = index.pairPostings.get(b);
      if (!docs) continue;
      for (let i = 0; i < docs.length; i++) {
        const d = docs[i]!;
        if (rough[d]! > 0) rough[d] = rough[d]! + w;
      }
    }
    // Rank the shortlist the way the final score does: coverage, plus how much of the entry's
    // shortest name the question covers (so a short exact name is not lost among long ones).
    const total = q.strongWeight > 0 ? q.strongWeight : 1;
    for (let i = 0; i < count; i++) {
      const d = touched[i]!;
      const nameShare = Math.min(1, roughName[d]! / index.shortestName[d]!);
      rough[d] = ROUGH_EPSILON + weights.score.coverage * Math.min(1, rough[d]! / total) + weights.score.namePrecision * nameShare;
      roughName[d] = 0;
    }
    // The shortlist grows with the number of entries competing (the first pass ignores name
    // length, so at catalogue size a short exact name can rank below dozens of long names).
    const k = Math.min(shortlist.max, Math.max(shortlist.min, Math.ceil(count / shortlist.per)));
    const out = topCandidates(rough, touched, count, k, selectScratch);
    for (let i = 0; i < count; i++) rough[touched[i]!] = 0;
    return out;
  };
}

/**
 * At most `k` of the touched entries with the largest rough scores, found by selection (no full
 * sort). Ties at the cut go to earlier entries, so a word shared by thousands of entries never
 * sends them all to full scoring.
 */
function topCandidates(rough: Float64Array, touched: Int32Array, count: number, k: number, scratch: Float64Array): number[] {
  // With k or fewer touched, all of them, in order: the same loop below with no cut (a path of its
  // own would first run on a rare question and cost a de-optimisation then).
  let cut = -Infinity;
  if (count > k) {
    const values = scratch.subarray(0, count);
    for (let i = 0; i < count; i++) values[i] = rough[touched[i]!]!;
    cut = kthLargest(values, k);
  }
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
