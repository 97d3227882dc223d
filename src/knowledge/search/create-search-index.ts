import { createAnalyzer } from "../analyze.js";
import type { Entry, Synonyms } from "../schema.js";
import { buildIndex } from "./build-index.js";
import { createCandidateFinder } from "./candidates.js";
import { createCorrector } from "./correct.js";
import { createDecideChecks, decide } from "./decide.js";
import { rewrite } from "./rewrite.js";
import { createScorer } from "./score.js";
import type { SearchDecision, SearchHit, SearchIndex, SearchOptions, SearchResult } from "./types.js";
import { DEFAULT_WEIGHTS, type SearchWeights } from "./weights.js";

/**
 * Builds the index once, then answers each question in five stages:
 * normalise (analyzer: fold, abbreviations, synonyms, facet and filler words) → rewrite (against
 * the index: names over function words, regional spellings, typos) → candidates (first pass over
 * the postings) → score (calibrated 0..1 per candidate) → decide (answer, clarify, facet-only,
 * unknown).
 */
export function createSearchIndex(entries: readonly Entry[], synonyms: Synonyms, weights: SearchWeights = DEFAULT_WEIGHTS): SearchIndex {
  const analyzer = createAnalyzer(synonyms);
  const index = buildIndex(entries, analyzer, weights);
  const correct = createCorrector(index, weights);
  const candidates = createCandidateFinder(index, weights);
  const score = createScorer(index, weights);
  const checksFor = createDecideChecks(index, weights);

  function search(question: string, options: SearchOptions = {}): SearchResult {
    const limit = options.limit ?? 5;
    const analysed = analyzer.query(question);
    const q = rewrite(analysed, index, correct, weights);
    const hits: SearchHit[] = candidates(q).map((d) => score(q, index.docs[d]!));
    hits.sort((a, b) => b.score - a.score || a.entry.title.length - b.entry.title.length);
    const shape = { strongWords: q.strongWords, unknownWords: q.unknownWords.length, facets: analysed.facets };
    const decision = decide(hits, shape, weights, checksFor(q));
    return {
      hits: hits.slice(0, limit),
      decision,
      confident: decision.kind === "answer" || decision.kind === "clarify",
      ambiguous: decision.kind === "clarify",
      facets: analysed.facets,
      unknownWords: q.unknownWords,
      strongWords: q.strongWords,
    };
  }

  return { search, size: index.docs.length, analyzer };
}

export type { SearchDecision };
