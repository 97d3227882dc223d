import type { SearchHit } from "./types.js";
import type { SearchWeights } from "./weights.js";

/**
 * A near tie at the top is broken by what the question names: when the second hit scores within `pairTie.window` of
 * the first, holds at least `pairTie.pairs` more of the question's named word pairs (`heldPairs`) and has a name the
 * question holds whole, it comes first ("bản sao điện tử là gì, dùng thay bản photo công chứng được không": the
 * electronic-copy guide, not certified copies, which "photo công chứng" alone brings level). Sorts `hits` in place.
 */
export function breakPairTie(hits: SearchHit[], weights: SearchWeights): void {
  const [first, second] = hits;
  if (!first || !second) return;
  const { window, pairs } = weights.pairTie;
  const near = first.score - second.score <= window + 1e-9;
  if (near && second.why.heldPairs >= first.why.heldPairs + pairs && second.why.namePrecision >= weights.answer.wholeName) {
    hits[0] = second;
    hits[1] = first;
  }
}
