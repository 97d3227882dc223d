import type { Analyzer } from "../analyze.js";
import { canonicalSyllable, fold, nfc } from "../../text/normalize.js";
import type { IndexData } from "./build-index.js";

/** Runs of letters worth trying to split: two syllables of at least two letters, at most two long ones. */
const MIN_GLUED = 5;
const MAX_GLUED = 14;
/** A run with one group of vowels is one syllable ("thuyết", "giường"), never two glued. */
const VOWEL_GROUP = /[aeiouy]+/g;
const SHORTEST_HALF = 2;
/** Words of a message tried at most (not known yet to the cache). */
const MAX_TRIES = 24;

/**
 * Two words typed without the space between them ("làmlại", "thanhtoan"): a run of letters that
 * neither the index nor the word lists know is split where both halves are words they know, the
 * split whose rarer half is commonest winning. Known words ("vneid", "online") and short forms
 * ("ntn", "cccd") stay whole, and a run that splits nowhere is left for typo correction.
 */
export function createUngluer(index: IndexData, analyzer: Analyzer): (text: string) => string {
  const known = (folded: string) => {
    if (index.postings.has(canonicalSyllable(folded))) return true;
    const read = analyzer.query(folded).tokens;
    return read.length > 0 && read.every((t) => t.weak || index.postings.has(t.t));
  };
  /** How common a known half is: its entries, or plenty for a filler word ("làm", "lại"). */
  const commonness = (folded: string) => index.docFreq.get(canonicalSyllable(folded)) ?? index.docs.length;
  const cache = new Map<string, string>();

  function split(word: string): string {
    const folded = fold(word);
    if (folded.length < MIN_GLUED || folded.length > MAX_GLUED || folded.length !== word.length) return word;
    if ((folded.match(VOWEL_GROUP)?.length ?? 0) < 2 || known(folded)) return word;
    let best = word;
    let bestScore = 0;
    for (let i = SHORTEST_HALF; i <= folded.length - SHORTEST_HALF; i++) {
      const a = folded.slice(0, i);
      const b = folded.slice(i);
      if (!known(a) || !known(b)) continue;
      const score = Math.min(commonness(a), commonness(b));
      if (score > bestScore) {
        best = `${word.slice(0, i)} ${word.slice(i)}`;
        bestScore = score;
      }
    }
    return best;
  }

  return (text) => {
    // A pasted page of unknown words costs at most this many tries.
    let tries = MAX_TRIES;
    return nfc(text).replace(/\p{L}+/gu, (word) => {
      let out = cache.get(word);
      if (out === undefined) {
        if (word.length < MIN_GLUED || word.length > MAX_GLUED || tries-- <= 0) return word;
        out = split(word);
        if (cache.size > 20_000) cache.clear();
        cache.set(word, out);
      }
      return out;
    });
  };
}
