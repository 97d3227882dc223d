import { beforeAll, describe, expect, it } from "vitest";
import { createSearchIndex, DEFAULT_WEIGHTS, type SearchHit, type SearchIndex } from "../../src/knowledge/search.js";
import { breakPairTie } from "../../src/knowledge/search/pair-tie.js";
import type { Entry } from "../../src/knowledge/schema.js";
import { loadFixtureSearch } from "../helpers/fixture-search.js";

// A near tie at the top broken by the question's named word pairs. Hits are built by hand: the scores are those of a
// real message typed without accents ("ban sao dien tu la j, dung thay ban photo cong chung duoc k": certified copies
// 0.706 with one of its pairs, the electronic-copy guide 0.697 with three and its name whole).
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

describe("breakPairTie in the search: the stage reads weights.pairTie", () => {
  // On the search fixture, "đăng ký giám hộ, đăng ký khai tử" names both entries whole; guardianship scores 0.003 more
  // with one pair less. One pair more is not enough by default; with `pairs` 1 the death registration goes first.
  const q = "đăng ký giám hộ, đăng ký khai tử";
  let index: SearchIndex;
  let onePair: SearchIndex;
  beforeAll(() => {
    const fixture = loadFixtureSearch("knowledge-search");
    index = fixture.index;
    onePair = createSearchIndex(fixture.entries, fixture.synonyms, { ...DEFAULT_WEIGHTS, pairTie: { ...DEFAULT_WEIGHTS.pairTie, pairs: 1 } });
  });

  it("keeps the order when the second holds only one pair more", () => {
    const [first, second] = index.search(q).hits;
    expect([first!.entry.id, second!.entry.id]).toEqual(["dang-ky-giam-ho", "dang-ky-khai-tu"]);
    expect(second!.why.heldPairs).toBe(first!.why.heldPairs + 1);
  });

  it("swaps the two, scores too, when one pair more is enough", () => {
    const before = index.search(q).hits;
    const after = onePair.search(q).hits;
    expect(after.slice(0, 2).map((h) => h.entry.id)).toEqual(["dang-ky-khai-tu", "dang-ky-giam-ho"]);
    // The list stays in score order: the entry moved up takes the higher score.
    expect(after[0]!.score).toBe(before[0]!.score);
    expect(after[1]!.score).toBe(before[1]!.score);
  });
});
