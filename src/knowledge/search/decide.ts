import type { Facet } from "../analyze.js";
import type { IndexData } from "./build-index.js";
import type { ResolvedQuery } from "./rewrite.js";
import type { SearchDecision, SearchHit } from "./types.js";
import { DEFAULT_WEIGHTS, type SearchWeights } from "./weights.js";

/** What decide needs to know about the question besides the hits. */
export interface QuestionShape {
  strongWords: number;
  unknownWords: number;
  facets: ReadonlySet<Facet>;
}

/**
 * Stage 5: answer, clarify, facet-only or unknown. Each rule is a question a careful person
 * would ask before answering; every threshold is in `weights.answer` / `weights.decide`.
 * `related` tells whether a hit shares a strong topic word with the question (for suggestions).
 */
export function decide(
  hits: SearchHit[],
  question: QuestionShape,
  weights: SearchWeights = DEFAULT_WEIGHTS,
  related: (hit: SearchHit) => boolean = () => true,
): SearchDecision {
  // Only facet words ("lệ phí bao nhiêu", "ở đâu"): they apply to a topic the message does not name.
  if (question.strongWords === 0 && question.facets.size > 0) return { kind: "facet-only" };
  const best = hits[0];
  if (!best || !isConfident(best, hits[1], question, weights)) {
    const suggestions = hits.filter((h) => h.score >= weights.decide.suggestionScore && related(h)).slice(0, weights.decide.suggestions);
    return { kind: "unknown", suggestions };
  }
  const options = clarifyOptions(hits, weights);
  if (options.length > 1) return { kind: "clarify", options };
  return { kind: "answer", hit: best };
}

/**
 * Whether the best hit is good enough to answer with. The thresholds were set on the
 * development questions and checked on questions written without looking at the knowledge.
 */
export function isConfident(
  best: SearchHit,
  second: SearchHit | undefined,
  question: { strongWords: number; unknownWords: number },
  weights: SearchWeights = DEFAULT_WEIGHTS,
): boolean {
  const a = weights.answer;
  const { nameCoverage, namePrecision, coverage, phrase } = best.why;
  const margin = best.score - (second?.score ?? 0);
  // Does the entry explain the question, and does the question name the entry?
  const usual = best.score >= a.threshold && nameCoverage >= a.minCoverage && namePrecision >= a.minNamePrecision;
  // The question contains one of the entry's names whole, and nothing else comes close.
  const namedWhole = namePrecision >= a.wholeName && margin >= a.wholeNameMargin && coverage >= a.wholeNameCoverage;
  // A long message whose story words lower every score, with one entry far ahead of the rest.
  const dominant =
    best.score >= a.dominantScore && nameCoverage >= a.dominantCoverage && namePrecision >= a.minNamePrecision && (second?.score ?? 0) <= a.dominantLead * best.score;
  if (!usual && !namedWhole && !dominant) return false;
  // A question of filler and facet words only ("còn lệ phí?") names an entry only if it is nearly its whole name.
  if (question.strongWords === 0 && namePrecision < a.noTopicWordName) return false;
  // One topic word ("tên", "xe") must be most of a name.
  if (question.strongWords === 1 && namePrecision < a.oneTopicWordName) return false;
  // A word we have never seen ("visa", "karaoke") means another topic unless the entry's name is clearly there.
  if (question.unknownWords > 0 && namePrecision < a.oneTopicWordName) return false;
  // Scattered shared words ("đăng ký … lần đầu") without phrase matches are not a match.
  if (phrase < a.minPhrase && namePrecision < a.oneTopicWordName) return false;
  // The question names another thing ("nội quy", "hoạt động") that this entry's names never mention.
  if (best.why.foreignPairs > 0 && namePrecision < a.foreignPairName) return false;
  return true;
}

/**
 * The entries to offer when two or more are about equally right: near ties that are themselves
 * answerable. None when the question names the best entry whole (it restates option 1).
 */
function clarifyOptions(hits: SearchHit[], weights: SearchWeights): SearchHit[] {
  const best = hits[0]!;
  if (best.why.namePrecision >= weights.answer.wholeName) return [];
  const close = hits.filter((h) => best.score - h.score <= weights.decide.clarifyMargin && h.score >= weights.answer.threshold);
  return close.slice(0, weights.decide.clarifyOptions);
}

/**
 * Whether a hit shares a strong, rare-enough topic word with the question in its names or
 * keywords, spelled with the same accents when the citizen typed them: "giá vàng" shares
 * nothing with "tạm vắng".
 */
export function createRelatedCheck(index: IndexData, weights: SearchWeights): (q: ResolvedQuery, hit: SearchHit) => boolean {
  const docOf = new Map(index.docs.map((d) => [d.entry.id, d] as const));
  const floor = weights.decide.suggestionRarity * index.maxIdf;
  return (q, hit) => {
    const doc = docOf.get(hit.entry.id);
    if (!doc) return false;
    return q.words.some((r) => {
      if (r.weak || !r.match || index.idf(r.match) < floor) return false;
      if (!doc.nameTokens.has(r.match) && !doc.keywordTokens.has(r.match)) return false;
      const forms = r.accented ? doc.accentForms.get(r.match) : undefined;
      return !forms || forms.has(r.accented!);
    });
  };
}
