import type { FieldWords } from "../analyze.js";
import type { Entry } from "../schema.js";
import { bodyTexts, type DocIndex, type PairShares } from "./build-index.js";

// How words stand in the word pairs of names and keywords, read once when the index is built.

/**
 * How words stand in the known pairs (of names and keywords), counted in all entry texts, names,
 * keywords and body alike, as written (synonyms not applied): `bound` holds the pairs in which a word
 * is bound to its partner, as "a b<" (the first is) or "a b>" (the second is) — the pair holds at
 * least `boundShare` of the word's occurrences; `rare` tells whether a pair holds under `rareShare`
 * of them (never for a pair not counted).
 */
export function pairReadings(entries: readonly Entry[], analyse: (text: string) => FieldWords, known: (a: string, b: string) => boolean, shares: PairShares) {
  const words = new Map<string, number>();
  const pairs = new Map<string, number>();
  // `known` looks a pair up by its words: most adjacent words of a body text form no known pair, and building each one's
  // key only to miss would make garbage by the million at the national catalogue's size.
  for (const entry of entries) {
    for (const text of [entry.title, ...entry.aliases, ...entry.keywords, ...bodyTexts(entry)]) {
      for (const seg of analyse(text).written) {
        for (let i = 0; i < seg.length; i++) {
          words.set(seg[i]!, (words.get(seg[i]!) ?? 0) + 1);
          if (i + 1 < seg.length && known(seg[i]!, seg[i + 1]!)) {
            const pair = `${seg[i]} ${seg[i + 1]}`;
            pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
          }
        }
      }
    }
  }
  const bound = new Set<string>();
  for (const [pair, n] of pairs) {
    const [a, b] = pair.split(" ") as [string, string];
    if (n >= shares.boundShare * words.get(a)!) bound.add(`${pair}<`);
    if (n >= shares.boundShare * words.get(b)!) bound.add(`${pair}>`);
  }
  const rare = (pair: string, word: string): boolean => {
    const n = pairs.get(pair) ?? 0;
    return n > 0 && n < shares.rareShare * (words.get(word) ?? 0);
  };
  return { bound, rare };
}

/**
 * The words each name has only in pairs they rarely stand in ("dịch" of "chứng thực bản dịch": 2 %
 * of the uses of "dịch"; not "hưu" of "nghỉ hưu": 28 %), where they are another word than in the
 * pair they are bound into elsewhere ("dịch vụ").
 */
export function markRareWords(docs: DocIndex[], rare: (pair: string, word: string) => boolean): void {
  for (const doc of docs) {
    for (const name of doc.names) {
      const words = name.tokens.filter((t) => {
        const own = name.pairs.filter((p) => p.startsWith(`${t} `) || p.endsWith(` ${t}`));
        return own.length > 0 && own.every((p) => rare(p, t));
      });
      if (words.length > 0) name.rare = words;
    }
  }
}

/**
 * The words an entry has in its names and keywords only inside pairs they rarely stand in (never alone
 * in a name or keyword, never in a pair that holds a fair share of the word): "điện" of dang-ky-xe,
 * whose names and keywords have it only in "xe điện", "máy điện", "tô điện".
 */
export function markPairOnlyWords(entry: Entry, doc: DocIndex, analyse: (text: string) => FieldWords, rare: (pair: string, word: string) => boolean): void {
  const pairsOf = new Map<string, string[] | null>();
  for (const text of [entry.title, ...entry.aliases, ...entry.keywords]) {
    for (const seg of analyse(text).segments) {
      seg.forEach((t, i) => {
        if (pairsOf.get(t) === null) return;
        const own: string[] = [];
        if (i > 0) own.push(`${seg[i - 1]} ${t}`);
        if (i + 1 < seg.length) own.push(`${t} ${seg[i + 1]}`);
        // Alone, or in a pair that often holds it: the word is the entry's own.
        if (own.length === 0 || !own.every((p) => rare(p, t))) return void pairsOf.set(t, null);
        const list = pairsOf.get(t) ?? [];
        for (const p of own) if (!list.includes(p)) list.push(p);
        pairsOf.set(t, list);
      });
    }
  }
  for (const [t, list] of pairsOf) if (list) doc.pairOnly.set(t, list);
}
