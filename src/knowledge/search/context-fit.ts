import { accentKey, hasDiacritics, rawTokens, tokens, typedAsWritten, writtenKey } from "../../text/normalize.js";
import type { Entry } from "../schema.js";
import type { SearchHit } from "./types.js";
import type { SearchWeights } from "./weights.js";

/** A word as typed (folded) and its accents, or null when typed bare; a phrase word's accents are as staff wrote them. */
interface Word {
  t: string;
  a: string | null;
}

/**
 * "em sinh 2001, năm nay có phải đi đổi căn cước không": the guide "Sau sáp nhập tỉnh, xã có phải đổi căn cước, sổ đỏ,
 * giấy tờ không?" has every word of the question in its title, but it is about the mergers, which the question does not
 * mention. An entry that lists the phrases of its situation (`only_when`: "sáp nhập", "tỉnh cũ", "bỏ huyện"…) keeps its
 * score only when the question says one of them; otherwise its score is multiplied by `weights.contextMissing`, so it
 * is neither answered nor offered ahead of the card the question is about. Read as intent phrases are: a word typed bare
 * matches however the phrase writes it, a word typed with accents only the same accents ("góp" is not "gộp"). `context`:
 * the whole message (a part of a long message read alone keeps the situation its story told).
 */
export function createContextFit(
  entries: readonly Entry[],
  weights: SearchWeights,
): (hits: SearchHit[], context: string, typed: ReadonlyArray<{ t: string; accented?: string | undefined }>) => void {
  const phrasesOf = new Map<string, Word[][]>();
  for (const e of entries) {
    const phrases = e.only_when.map((p) => rawTokens(p).map((raw): Word => ({ t: folded(raw), a: writtenKey(raw) }))).filter((p) => p.length > 0);
    if (phrases.length > 0) phrasesOf.set(e.id, phrases);
  }
  // A long message is read whole and part by part with the same context: its words are read once.
  let last: { context: string; words: Word[] } | null = null;
  const wordsOf = (context: string): Word[] => {
    if (last?.context !== context) last = { context, words: rawTokens(context).map((raw) => ({ t: folded(raw), a: hasDiacritics(raw) ? accentKey(raw) : null })) };
    return last.words;
  };
  return (hits, context, typed) => {
    if (phrasesOf.size === 0 || !hits.some((h) => phrasesOf.has(h.entry.id))) return;
    // As typed (a place after "tỉnh" is dropped from the analysed words) and as read (short forms written out: "ko" → "không").
    const forms = [wordsOf(context), typed.map((w) => ({ t: w.t, a: w.accented ?? null }))];
    for (const h of hits) {
      const phrases = phrasesOf.get(h.entry.id);
      if (phrases && !phrases.some((p) => forms.some((words) => occursIn(words, p)))) h.score *= weights.contextMissing;
    }
  };
}

/** One raw word folded as the index folds it ("Hoà" → "hoa"). */
const folded = (raw: string): string => tokens(raw)[0] ?? raw;

/** The words of `phrase` stand together, in order, somewhere in `words`, each typed as the phrase writes it. */
function occursIn(words: readonly Word[], phrase: readonly Word[]): boolean {
  for (let i = 0; i + phrase.length <= words.length; i++) {
    if (phrase.every((w, k) => words[i + k]!.t === w.t && typedAsWritten(w.a, words[i + k]!.a))) return true;
  }
  return false;
}
