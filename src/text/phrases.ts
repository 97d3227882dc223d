import { tokens } from "./normalize.js";

/**
 * A longest-match phrase table over folded tokens. Used for synonyms (variant → canonical),
 * abbreviations and stopword/facet phrases, so multi-word phrases ("căn cước công dân") are
 * recognised whole before shorter ones ("căn cước").
 */
export interface PhraseTable<V> {
  /**
   * Longest phrase starting at `start`: its length in tokens and its value. With `breaks` (a clause mark
   * before word k: see `rawWords`), a phrase never runs over a break.
   */
  matchAt(words: readonly string[], start: number, breaks?: readonly boolean[]): { length: number; value: V } | null;
  readonly maxLength: number;
}

export function createPhraseTable<V>(pairs: Iterable<[string, V]>): PhraseTable<V> {
  // Phrases grouped by their first word: most words start no phrase, so a lookup is one miss.
  const byFirst = new Map<string, { maxLength: number; phrases: Map<string, V> }>();
  let maxLength = 0;
  for (const [phrase, value] of pairs) {
    const key = tokens(phrase);
    if (key.length === 0) continue;
    let group = byFirst.get(key[0]!);
    if (!group) byFirst.set(key[0]!, (group = { maxLength: 0, phrases: new Map() }));
    const joined = key.join(" ");
    // The first definition wins: staff order matters, and a later duplicate must not silently override.
    if (!group.phrases.has(joined)) group.phrases.set(joined, value);
    group.maxLength = Math.max(group.maxLength, key.length);
    maxLength = Math.max(maxLength, key.length);
  }
  return {
    maxLength,
    matchAt(words, start, breaks) {
      const group = byFirst.get(words[start]!);
      if (!group) return null;
      let longest = Math.min(group.maxLength, words.length - start);
      if (breaks) for (let k = 1; k < longest; k++) if (breaks[start + k]) longest = k;
      for (let len = longest; len > 0; len--) {
        const value = group.phrases.get(len === 1 ? words[start]! : words.slice(start, start + len).join(" "));
        if (value !== undefined) return { length: len, value };
      }
      return null;
    },
  };
}
