import type { Analyzer, Facet } from "../analyze.js";
import type { Entry } from "../schema.js";

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
  /**
   * Distinct word pairs of the question that name something and that this entry's names or keywords hold as
   * pairs ("cấp lại", "căn cước"); a pair typed twice counts once, one straddling two words ("ký khai" of
   * "đăng ký khai sinh") not at all (see `ResolvedQuery.topicPairs`).
   */
  heldPairs: number;
  /** The question states an age within the ages this entry's title names ("con 5 tuổi" and "… dưới 14 tuổi"). */
  ageFits?: boolean | undefined;
  /** The question says a situation this entry does not cover (its `not_when`: "nhà xưởng" under the permit for houses). */
  excluded?: boolean | undefined;
}

/**
 * What to do with a question, decided by search so every caller reads it the same way:
 * - `answer`: one entry fits; show its card.
 * - `clarify`: the best candidates are close variants of one thing (khai sinh / khai sinh có yếu
 *   tố nước ngoài / đăng ký lại khai sinh); ask which one, with these options (best first).
 * - `facet-only`: the message asks only for a facet ("lệ phí bao nhiêu", "ở đâu") and names no
 *   entry; apply it to the conversation's topic, or ask which procedure. Never a guessed entry.
 * - `variant-only`: the message names only a variant of some procedure ("thế nếu quá hạn thì sao", "hết hạn
 *   thì sao") and no procedure; apply it to the conversation's topic, or ask which procedure. Never a guessed entry.
 * - `unknown`: nothing fits; `suggestions` are plausibly related entries (may be empty).
 */
export type SearchDecision =
  | { kind: "answer"; hit: SearchHit }
  | { kind: "clarify"; options: SearchHit[] }
  | { kind: "facet-only" }
  | { kind: "variant-only" }
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
  /**
   * A message with no topic word asks what some of its words mean ("toàn trình là sao"): a question of
   * its own, not a follow-up. Always false when the message has a topic word (it is not read then).
   */
  asksMeaning: boolean;
}

export interface SearchOptions {
  limit?: number;
}

export interface SearchIndex {
  search(question: string, options?: SearchOptions): SearchResult;
  readonly size: number;
  readonly analyzer: Analyzer;
}
