import { exceeds } from "./decide.js";
import type { SearchHit } from "./types.js";
import type { SearchWeights } from "./weights.js";

/**
 * A near tie at the top is broken by what the question names: when the second hit scores within `pairTie.window` (an
 * absolute score gap) of the first, holds at least `pairTie.pairs` more of the question's named word pairs
 * (`heldPairs`) and has a name the question holds whole, the two trade places ("ban sao dien tu la j, dung thay ban
 * photo cong chung duoc k": the electronic-copy guide, not certified copies, which "photo công chứng" alone brings
 * level). Changes the first two of `hits` in place.
 */
export function breakPairTie(hits: SearchHit[], weights: SearchWeights): void {
  const [first, second] = hits;
  if (!first || !second) return;
  const { window, pairs } = weights.pairTie;
  const near = !exceeds(first.score - second.score, window);
  if (near && second.why.heldPairs >= first.why.heldPairs + pairs && second.why.namePrecision >= weights.answer.wholeName) {
    // The two trade places and scores (each keeps its evidence): the list stays in score order for every reader.
    [first.score, second.score] = [second.score, first.score];
    hits[0] = second;
    hits[1] = first;
  }
}
