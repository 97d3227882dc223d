import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_WEIGHTS, isConfident, type SearchHit, type SearchIndex } from "../../src/knowledge/search.js";
import type { Entry } from "../../src/knowledge/schema.js";
import { loadFixtureSearch } from "../helpers/fixture-search.js";

// "Most of what is named is here" (weights.answer.pairsMajority): a story naming one card several ways through its
// keywords is answered with it though the story's other words keep every score low. Fixture knowledge:
// test/fixtures/knowledge-pairs/.
let entries: Entry[];
let index: SearchIndex;
beforeAll(() => {
  ({ entries, index } = loadFixtureSearch("knowledge-pairs"));
});

const at = (why: Partial<SearchHit["why"]>, score: number): SearchHit => ({
  entry: entries[0]!,
  score,
  why: { coverage: 0.48, nameCoverage: 0.53, namePrecision: 0.43, phrase: 0.38, missing: 0.34, foreignPairs: 0, heldPairs: 6, ...why },
});
// A long story: many topic words, and one the index never saw ("lụm").
const story = { strongWords: 20, unknownWords: 1, pairs: 8 };
const without = { ...DEFAULT_WEIGHTS, answer: { ...DEFAULT_WEIGHTS.answer, pairsMajority: { ...DEFAULT_WEIGHTS.answer.pairsMajority, pairs: Infinity } } };

describe("most of what the question names is in one entry (pairsMajority)", () => {
  it("answers an entry holding many of the question's named pairs, though a rival scores nearly as much", () => {
    // The shorter title ("Đăng ký khai sinh") is named as much by "làm khai sinh", but holds one pair of the story.
    const best = at({}, 0.47);
    const rival = at({ heldPairs: 1, namePrecision: 1, foreignPairs: 4 }, 0.46);
    expect(isConfident(best, rival, story, DEFAULT_WEIGHTS, [rival])).toBe(true);
    expect(isConfident(best, rival, story, without, [rival])).toBe(false);
  });

  it("not when an entry close behind holds more than half as many, the entry names other things, or scores too little", () => {
    const best = at({}, 0.47);
    const half = at({ heldPairs: 4 }, 0.45);
    expect(isConfident(best, half, story, DEFAULT_WEIGHTS, [half])).toBe(false);
    // Far behind, the rival's pairs do not matter.
    const far = at({ heldPairs: 4 }, 0.36);
    expect(isConfident(best, far, story, DEFAULT_WEIGHTS, [far])).toBe(true);
    expect(isConfident(best, far, story, without, [far])).toBe(false);
    const weak = at({ heldPairs: 1 }, 0.2);
    expect(isConfident(at({ foreignPairs: 3 }, 0.47), weak, story, DEFAULT_WEIGHTS, [weak])).toBe(false);
    expect(isConfident(at({ heldPairs: 4 }, 0.47), at({ heldPairs: 1 }, 0.46), story, DEFAULT_WEIGHTS, [at({ heldPairs: 1 }, 0.46)])).toBe(false);
    expect(isConfident(at({}, 0.25), at({ heldPairs: 0 }, 0.24), story, DEFAULT_WEIGHTS, [at({ heldPairs: 0 }, 0.24)])).toBe(false);
    // Two words the index never saw ("ôn nội … rứa"): the story says things the knowledge does not know.
    const rival = at({ heldPairs: 1 }, 0.46);
    expect(isConfident(best, rival, { ...story, unknownWords: 2 }, DEFAULT_WEIGHTS, [rival])).toBe(false);
  });

  it.each([
    "sáng nay bà con lụm được đứa nhỏ sơ sinh ai bỏ trước cổng chùa, giờ phải báo ai và làm khai sinh cho nó sao",
    "Ông bà nội em nhặt được một bé sơ sinh bị bỏ trước cổng chùa ở xã. Giờ ông bà muốn nhận nuôi và làm giấy khai sinh cho bé thì phải báo ai, làm thế nào ạ?",
  ])("%s → the abandoned-child card", (q) => {
    const r = index.search(q);
    expect(r.decision).toMatchObject({ kind: "answer", hit: { entry: { id: "khai-sinh-bo-roi" } } });
    expect(r.hits[0]!.why.heldPairs).toBeGreaterThanOrEqual(DEFAULT_WEIGHTS.answer.pairsMajority.pairs);
  });
});
