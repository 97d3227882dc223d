import { tokens } from "./normalize.js";

/**
 * A longest-match phrase table over folded tokens. Used for synonyms (variant → canonical),
 * abbreviations and stopword/facet phrases, so multi-word phrases ("căn cước công dân") are
 * recognised whole before shorter ones ("căn cước").
 */
export interface PhraseTable<V> {
  /** Longest phrase starting at `start`: its length in tokens and its value. */
  matchAt(words: readonly string[], start: number): { length: number; value: V } | null;
  readonly maxLength: number;
}

export function createPhraseTable<V>(pairs: Iterable<[string, V]>): PhraseTable<V> {
  const table = new Map<string, V>();
  let maxLength = 0;
  for (const [phrase, value] of pairs) {
    const key = tokens(phrase);
    if (key.length === 0) continue;
    // The first definition wins: staff order matters, and a later duplicate must not silently override.
    if (!table.has(key.join(" "))) table.set(key.join(" "), value);
    maxLength = Math.max(maxLength, key.length);
  }
  return {
    maxLength,
    matchAt(words, start) {
      for (let len = Math.min(maxLength, words.length - start); len > 0; len--) {
        const value = table.get(words.slice(start, start + len).join(" "));
        if (value !== undefined) return { length: len, value };
      }
      return null;
    },
  };
}
