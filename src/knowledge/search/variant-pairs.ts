import type { FieldWords } from "../analyze.js";
import type { DocIndex } from "./build-index.js";

// Which name pairs only ever say a variant of a procedure, asked per pair and remembered. In the shipped
// knowledge "quá hạn" and "hết hạn" are; "cấp lại" and "bị mất" are not (a name holds them beside no other
// procedure's name: "cấp lại bằng lái").

export interface VariantOptions {
  analyse: (text: string) => FieldWords;
  idf: (t: string) => number;
  /** Words at least this rare name something (`modifier.commonWord`). */
  floor: number;
  /** A variant's words are at most this rare (`modifier.variantWord`). */
  common: number;
  /** A procedure varied is named by at most this many rare words (`modifier.baseWords`). */
  baseWords: number;
  /** Whether the entries `ds` holding the pair make at least `need` unrelated topics (modifier-pairs.ts). */
  unrelatedTopics(pair: string, ds: ArrayLike<number>, need: number): boolean;
  /** … this many (`modifier.variantTopics`). */
  topics: number;
}

/**
 * Whether a name pair only ever says which variant of a procedure, never which procedure ("quá hạn", "hết
 * hạn"): both its words are common (at most `common` rare: a state or an action is said of many
 * procedures); in every name holding it, as written (synonyms not added), up to `baseWords` of the name's
 * other rare words (at least `floor`), its rarest among them, are all the rare words of another name — the
 * procedure it varies ("khai sinh quá hạn": "Đăng ký khai sinh"; "huỷ hộ chiếu bị mất": "làm hộ chiếu"); and
 * the entries holding it in names or keywords make at least `topics` unrelated topics. A name where it
 * stands alone ("cấp lại bằng lái": "bằng lái" is the thing), or with no other procedure in it, makes it a
 * thing; so does one topic ("giải thể" said of household businesses only). Unlike `modifierPairs` (which
 * weighs a pair), its names may be one procedure's. Read lazily and remembered: a question asks about a few pairs.
 */
export function createVariantTest(docs: readonly DocIndex[], pairPostings: ReadonlyMap<string, Int32Array>, o: VariantOptions): (pair: string) => boolean {
  const { analyse, idf, floor, common, baseWords } = o;
  // Each name as written (synonyms not added): its clauses and its rare words, sorted.
  const written = docs.map((doc) =>
    [doc.entry.title, ...doc.entry.aliases].map((text) => {
      const clauses = analyse(text).written;
      return { clauses, rare: [...new Set(clauses.flat().filter((t) => idf(t) >= floor))].sort() };
    }),
  );
  // How many names have exactly these rare words (joined): the procedures a variant's name may hold.
  const named = new Map<string, number>();
  for (const name of written.flat()) {
    const key = name.rare.join(" ");
    if (key) named.set(key, (named.get(key) ?? 0) + 1);
  }
  const known = new Map<string, boolean>();
  return (pair) => {
    let v = known.get(pair);
    if (v === undefined) known.set(pair, (v = isVariant(pair)));
    return v;
  };

  function isVariant(pair: string): boolean {
    const [a, b] = pair.split(" ");
    // A state or an action ("quá hạn", "hết hạn") is said of many procedures: its words are common.
    if (idf(a!) > common || idf(b!) > common) return false;
    const holders = pairPostings.get(pair);
    if (!holders) return false;
    let names = 0;
    for (const d of holders) {
      for (const { clauses, rare } of written[d]!) {
        if (!clauses.some((tokens) => tokens.some((t, i) => t === a && tokens[i + 1] === b))) continue;
        names++;
        const rest = rare.filter((t) => t !== a && t !== b);
        // Nothing rare besides the pair: the name is about the pair itself, which is then a thing.
        if (rest.length === 0) return false;
        // Another name with these words: when they are all of this name's rare words ("khai sinh" of a name
        // whose pair is not rare), this name is one of those counted, so some other name must have them too.
        const self = rare.join(" ");
        const other = (key: string) => (named.get(key) ?? 0) > (key === self ? 1 : 0);
        // The thing the name is about is its rarest word besides the pair: another name must name it.
        const top = Math.max(...rest.map(idf));
        const base = (s: string[]) => s.some((t) => idf(t) === top) && other(s.join(" "));
        if (!subsets(rest, baseWords).some(base)) return false;
      }
    }
    // Held only by keywords, it is no name's variant; said of one topic only, it names that topic.
    return names > 0 && o.unrelatedTopics(pair, holders, o.topics);
  }
}

/** The non-empty subsets of `words` (kept in order) of at most `max` words. */
function subsets(words: readonly string[], max: number): string[][] {
  const out: string[][] = [];
  const grow = (from: number, acc: string[]) => {
    for (let i = from; i < words.length; i++) {
      const next = [...acc, words[i]!];
      out.push(next);
      if (next.length < max) grow(i + 1, next);
    }
  };
  grow(0, []);
  return out;
}
