/**
 * Vietnamese-aware retrieval over the knowledge base: the public face of src/knowledge/search/.
 *
 * An inverted index over folded syllables finds candidates (no linear scan, so ~6,000 entries
 * stay sub-millisecond); fuse.js corrects typos per syllable against the index vocabulary. Each
 * candidate gets a calibrated score in 0..1 built from what a person would check: how much of
 * the question (weighted by rarity) the entry's names cover, how much of the entry's name the
 * question covers, and whether word pairs match as phrases. Filler and facet words weigh little,
 * so they never make a match on their own. Then one decision: answer, clarify, facet-only or
 * unknown. Stages, one file each: analyze.ts (normalise) → search/rewrite.ts →
 * search/candidates.ts → search/score.ts → search/decide.ts; every weight in search/weights.ts.
 */
export { answeredFirst, createSearchIndex } from "./search/create-search-index.js";
export { bodyTexts } from "./search/build-index.js";
export { decide, isConfident, pairHolders } from "./search/decide.js";
export { DEFAULT_WEIGHTS, type SearchWeights } from "./search/weights.js";
export { asksWith, isQuestionWord } from "./search/word-lists.js";
export type { HitEvidence, SearchDecision, SearchHit, SearchIndex, SearchOptions, SearchResult } from "./search/types.js";
export type { AnalyzedQuery, Facet } from "./analyze.js";
