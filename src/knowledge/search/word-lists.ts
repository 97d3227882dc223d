import { accentKey, canonicalSyllable, fold, rawTokens } from "../../text/normalize.js";

// Word lists of language.ts in the forms the search stages compare a message's words with.

/** One word of a listed phrase: its folded form and the accents it is written with. */
export interface ListedWord {
  t: string;
  a: string;
}

/** A list of one-word entries as the folded words a message's tokens are compared with. */
export function foldedSet(list: readonly string[]): Set<string> {
  return new Set(list.map((w) => canonicalSyllable(fold(w))));
}

/** A list of phrases as their words, folded and with their accents ("bây giờ" → [bay/…, gio/…]). */
export function phraseList(list: readonly string[]): ListedWord[][] {
  return list.map((w) => rawTokens(w).map((r) => ({ t: canonicalSyllable(fold(r)), a: accentKey(r) })));
}
