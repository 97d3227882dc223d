import type { DocIndex } from "./build-index.js";

// Which name pairs are modifiers ("lần đầu"), read once when the index is built (see SearchWeights.modifier).

/**
 * The modifier pairs: in the names of at least `entries` entries, in every name holding one another word at
 * least `floor` rare ("cấp thẻ căn cước lần đầu", "đăng ký xe … lần đầu"; not "làm khai sinh", where "khai
 * sinh" is the thing), and those entries of at least `unrelated` as many topics as they are (see `unrelatedTopics`).
 */
export function modifierPairs(docs: readonly DocIndex[], topics: TopicTest, entries: number, unrelated: number, floor: number): Set<string> {
  const { partsOf, unrelatedTopics } = topics;
  const holders = new Map<string, number[]>();
  const alone = new Set<string>();
  docs.forEach((doc, d) => {
    for (const pair of doc.nameBigrams) {
      const list = holders.get(pair);
      if (list) list.push(d);
      else holders.set(pair, [d]);
    }
    for (const name of doc.names) {
      // Words rare enough to name something: a pair is alone in this name when it holds all of them.
      const named = name.tokens.filter((_, k) => name.idf[k]! >= floor);
      if (named.length > 2) continue;
      for (const pair of name.pairs) {
        const { a, b } = partsOf(pair);
        if (named.every((t) => t === a || t === b)) alone.add(pair);
      }
    }
  });
  const out = new Set<string>();
  for (const [pair, ds] of holders) {
    if (ds.length >= entries && !alone.has(pair) && unrelatedTopics(pair, ds, Math.ceil(unrelated * ds.length))) out.add(pair);
  }
  return out;
}

/**
 * Pairs split once each, with whether one of their words is at least `floor` rare (names something), and
 * `unrelatedTopics` over the entries: built once per index, shared by the modifier and the variant pairs.
 */
export type TopicTest = ReturnType<typeof createTopicTest>;
export function createTopicTest(docs: readonly DocIndex[], idf: (t: string) => number, floor: number) {
  const parts = new Map<string, { a: string; b: string; named: boolean }>();
  const partsOf = (pair: string) => {
    let v = parts.get(pair);
    if (!v) {
      const sp = pair.indexOf(" ");
      const a = pair.slice(0, sp);
      const b = pair.slice(sp + 1);
      parts.set(pair, (v = { a, b, named: idf(a) >= floor || idf(b) >= floor }));
    }
    return v;
  };
  const scratch = { parent: new Int32Array(docs.length), first: new Map<string, number>() };
  return {
    partsOf,
    unrelatedTopics: (pair: string, ds: ArrayLike<number>, need: number) => unrelatedTopics(pair, ds, docs, partsOf, need, scratch),
  };
}

/**
 * Whether the entries holding `pair` in their names make at least `need` unrelated topics: entries are related
 * when their names share another pair, not overlapping `pair`, with a word rare enough to name something
 * ("căn cước", not "cấp lại"). Stops as soon as they make fewer.
 */
function unrelatedTopics(
  pair: string,
  ds: ArrayLike<number>,
  docs: readonly DocIndex[],
  partsOf: (pair: string) => { a: string; b: string; named: boolean },
  need: number,
  scratch: { parent: Int32Array; first: Map<string, number> },
): boolean {
  const { a: x, b: y } = partsOf(pair);
  // Union-find over the holders, in scratch space shared by all pairs (thousands of them at catalogue size).
  const { parent, first } = scratch;
  first.clear();
  for (let i = 0; i < ds.length; i++) parent[i] = i;
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  let topics = ds.length;
  for (let i = 0; i < ds.length; i++) {
    for (const p of docs[ds[i]!]!.nameBigrams) {
      if (p === pair) continue;
      const { a, b, named } = partsOf(p);
      if (!named || a === x || a === y || b === x || b === y) continue;
      const j = first.get(p);
      if (j === undefined) {
        first.set(p, i);
        continue;
      }
      const ri = root(i);
      const rj = root(j);
      if (ri === rj) continue;
      parent[ri] = rj;
      if (--topics < need) return false;
    }
  }
  return true;
}
