import { describe, expect, it } from "vitest";
import { DEFAULT_WEIGHTS, type SearchHit } from "../../src/knowledge/search.js";
import { breakPairTie } from "../../src/knowledge/search/pair-tie.js";
import type { Entry } from "../../src/knowledge/schema.js";

// A near tie at the top broken by the question's named word pairs. Hits are built by hand: the scores are those of a
// real message ("bản sao điện tử là gì, dùng thay bản photo công chứng được không": certified copies 0.706 with one of
// its pairs, the electronic-copy guide 0.697 with three and its name whole).
const entry = (id: string) => ({ id, title: id }) as Entry;
const hit = (id: string, score: number, heldPairs: number, namePrecision: number): SearchHit => ({
  entry: entry(id),
  score,
  why: { coverage: 0.7, nameCoverage: 0.7, namePrecision, phrase: 0.5, missing: 0.2, foreignPairs: 0, heldPairs },
});
const order = (hits: SearchHit[]) => {
  breakPairTie(hits, DEFAULT_WEIGHTS);
  return hits.map((h) => h.entry.id);
};

describe("breakPairTie: a near tie goes to the entry holding more of what the question names", () => {
  it("puts the second first when it is within the window, holds two more named pairs and is named whole", () => {
    expect(order([hit("chung-thuc-ban-sao", 0.706, 1, 0.97), hit("ban-sao-dien-tu", 0.697, 3, 1)])).toEqual(["ban-sao-dien-tu", "chung-thuc-ban-sao"]);
  });

  it("keeps the order outside the window, with one pair more only, or when the second is not named whole", () => {
    const w = DEFAULT_WEIGHTS.pairTie.window;
    expect(order([hit("a", 0.706, 1, 0.97), hit("b", 0.706 - w - 0.002, 3, 1)])).toEqual(["a", "b"]);
    expect(order([hit("a", 0.706, 1, 0.97), hit("b", 0.697, 2, 1)])).toEqual(["a", "b"]);
    expect(order([hit("a", 0.706, 1, 0.97), hit("b", 0.697, 3, 0.9)])).toEqual(["a", "b"]);
  });

  it("leaves a single hit and an empty list alone", () => {
    expect(order([hit("a", 0.5, 0, 1)])).toEqual(["a"]);
    expect(order([])).toEqual([]);
  });
});
