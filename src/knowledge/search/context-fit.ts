import { tokens } from "../../text/normalize.js";
import type { Entry } from "../schema.js";
import type { SearchHit } from "./types.js";
import type { SearchWeights } from "./weights.js";

/**
 * "em sinh 2001, năm nay có phải đi đổi căn cước không": the guide "Sau sáp nhập tỉnh, xã có phải đổi căn cước, sổ đỏ,
 * giấy tờ không?" has every word of the question in its title, but it is about the mergers, which the question does not
 * mention. An entry that lists the phrases of its situation (`only_when`: "sáp nhập", "tỉnh cũ", "bỏ huyện"…) keeps its
 * score only when the question says one of them, typed with or without accents; otherwise its score is multiplied by
 * `weights.contextMissing`, so it is neither answered nor offered ahead of the card the question is about.
 */
export function createContextFit(
  entries: readonly Entry[],
  weights: SearchWeights,
): (hits: SearchHit[], text: string, typed: ReadonlyArray<{ t: string }>) => void {
  const phrasesOf = new Map<string, string[][]>();
  for (const e of entries) {
    const phrases = e.only_when.map((p) => tokens(p)).filter((p) => p.length > 0);
    if (phrases.length > 0) phrasesOf.set(e.id, phrases);
  }
  return (hits, text, typed) => {
    if (phrasesOf.size === 0 || !hits.some((h) => phrasesOf.has(h.entry.id))) return;
    // As typed (a place after "tỉnh" is dropped from the analysed words) and as read (short forms written out: "ko" → "không").
    const forms = [tokens(text), typed.map((w) => w.t)];
    for (const h of hits) {
      const phrases = phrasesOf.get(h.entry.id);
      if (phrases && !phrases.some((p) => forms.some((words) => occursIn(words, p)))) h.score *= weights.contextMissing;
    }
  };
}

/** The words of `phrase` stand together, in order, somewhere in `words`. */
function occursIn(words: readonly string[], phrase: readonly string[]): boolean {
  for (let i = 0; i + phrase.length <= words.length; i++) {
    if (phrase.every((w, k) => words[i + k] === w)) return true;
  }
  return false;
}
