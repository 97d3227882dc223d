import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_WEIGHTS, type SearchIndex } from "../../src/knowledge/search.js";
import { loadRuleIndexes } from "../helpers/fixture-search.js";

// Numbered titles (number-fit.ts, weights.numberConflict) on test/fixtures/knowledge-levels/: "mức 1" and "mức 2" of one
// account, and two children's cards whose ages are not levels.
let index: SearchIndex;
let without: SearchIndex;
beforeAll(() => {
  ({ index, withoutRule: without } = loadRuleIndexes("knowledge-levels", (w) => ({ ...w, numberConflict: 1 })));
});

const scoreOf = (ix: SearchIndex, q: string, id: string) => ix.search(q).hits.find((h) => h.entry.id === id)?.score ?? 0;

describe("a level the question types", () => {
  it.each(["kich hoat vneid muc 2 ma cu bao loi", "vneid mức 2 chờ duyệt lâu quá"])("%s weighs down the other level's card", (q) => {
    expect(index.search(q).hits[0]!.entry.id).toBe("vneid-muc-2");
    expect(scoreOf(index, q, "vneid-muc-1")).toBeCloseTo(scoreOf(without, q, "vneid-muc-1") * DEFAULT_WEIGHTS.numberConflict, 6);
    expect(scoreOf(index, q, "vneid-muc-2")).toBe(scoreOf(without, q, "vneid-muc-2"));
  });
  it.each(["vneid muc 1 voi muc 2 khac gi", "đăng ký vneid mức 1 thế nào, sau này lên mức 2 sau"])(
    "%s: a question naming both levels, neither as where the asker is, weighs down neither",
    (q) => {
      for (const id of ["vneid-muc-1", "vneid-muc-2"]) expect(scoreOf(index, q, id)).toBe(scoreOf(without, q, id));
    },
  );
  it.each(["tk vneid cua toi moi muc 1, muon len muc 2 thi lam gi", "từ mức 1 sang mức 2 thế nào", "tôi vẫn là mức 1, lên mức 2 ở đâu", "vneid muc 1 len muc 2 lam sao"])(
    "%s: where the asker is and where to go — the level to go to is the one asked, the other is weighed down",
    (q) => {
      expect(scoreOf(index, q, "vneid-muc-1")).toBeCloseTo(scoreOf(without, q, "vneid-muc-1") * DEFAULT_WEIGHTS.numberConflict, 6);
      expect(scoreOf(index, q, "vneid-muc-2")).toBe(scoreOf(without, q, "vneid-muc-2"));
    },
  );
  it("an age is no level: 'dưới 6 tuổi' leaves the card for under-14s as it was", () => {
    const q = "làm căn cước cho con dưới 6 tuổi";
    expect(scoreOf(index, q, "can-cuoc-tre-em")).toBeGreaterThan(0);
    expect(scoreOf(index, q, "can-cuoc-tre-em")).toBe(scoreOf(without, q, "can-cuoc-tre-em"));
  });
});
