import { beforeAll, describe, expect, it } from "vitest";
import { createSearchIndex, type SearchIndex } from "../../src/knowledge/search.js";
import { loadFixtureSearch } from "../helpers/fixture-search.js";

// An entry that lists situations it does not cover (`not_when`, search/context-fit.ts): "xin phép xây nhà xưởng" types the
// permit for houses' words, but a workshop is not a house. Fixture knowledge: test/fixtures/knowledge-not-when/.
let index: SearchIndex;
let withoutRule: SearchIndex;
beforeAll(() => {
  const { entries, synonyms, index: i } = loadFixtureSearch("knowledge-not-when");
  index = i;
  withoutRule = createSearchIndex(
    entries.map((e) => ({ ...e, not_when: [], except_when: [] })),
    synonyms,
  );
});

const answered = (i: SearchIndex, q: string) => {
  const d = i.search(q).decision;
  return d.kind === "answer" ? d.hit.entry.id : null;
};
const offered = (i: SearchIndex, q: string) => {
  const d = i.search(q).decision;
  return d.kind === "unknown" ? d.suggestions.map((h) => h.entry.id) : [];
};

describe("an entry is not the answer to a situation it says it does not cover (not_when)", () => {
  it.each(["xin phép xây nhà xưởng trên đất nhà mình", "xin phep xay nha xuong tren dat nha minh", "xin giấy phép xây dựng nhà kho"])(
    "%s: not answered with the permit for houses — without the rule it would be — and still offered first",
    (q) => {
      expect(answered(withoutRule, q)).toBe("giay-phep-xay-nha");
      expect(answered(index, q)).toBeNull();
      expect(index.search(q).decision.kind).toBe("unknown");
      expect(offered(index, q)[0]).toBe("giay-phep-xay-nha");
    },
  );

  it("a long story whose question, read alone, names only the permit: still not answered with it", () => {
    const q = "Nhà tui ở quê có miếng đất vườn rộng, tính dựng thêm cái nhà xưởng khung thép để làm mộc. Có cần xin giấy phép xây dựng không?";
    expect(answered(withoutRule, q)).toBe("giay-phep-xay-nha");
    expect(answered(index, q)).toBeNull();
  });

  it.each(["xin phép xây nhà 3 tầng", "xây nhà có cần giấy phép không"])("%s: a house is answered, as without the rule", (q) => {
    expect(answered(index, q)).toBe("giay-phep-xay-nha");
    expect(index.search(q).hits[0]!.score).toBe(withoutRule.search(q).hits[0]!.score);
  });

  it("a word typed with other accents is another word ('nhà xuống' is not 'nhà xưởng'); typed bare, it may be", () => {
    expect(index.search("xin phép xây nhà xuống").hits[0]!.why.excluded).toBeUndefined();
    expect(index.search("xin phep xay nha xuong").hits[0]!.why.excluded).toBe(true);
  });

  it("the house itself said beside the workshop (except_when) is the permit's question after all", () => {
    const q = "dỡ cái nhà kho cũ đi, xin phép xây nhà 2 tầng để ở";
    expect(answered(index, q)).toBe("giay-phep-xay-nha");
    expect(index.search(q).hits[0]!.why.excluded).toBeUndefined();
  });

  it("typed bare, 'nha xuong' may be a run-down house ('nhà xuống cấp', except_when): the permit's question after all", () => {
    expect(answered(index, "nha xuong cap qua, xin phep xay lai")).toBe("giay-phep-xay-nha");
    expect(answered(index, "xin phép xây lại nhà xưởng")).toBeNull();
    expect(answered(withoutRule, "xin phép xây lại nhà xưởng")).toBe("giay-phep-xay-nha");
  });

  it("an except_when phrase that shares only part of the excluded one said does not count ('sửa nhà' of 'sửa nhà kho')", () => {
    const permit = (q: string) => index.search(q).hits.find((h) => h.entry.id === "giay-phep-xay-nha")!;
    expect(permit("xin phép sửa nhà kho có cần không").why.excluded).toBe(true);
    expect(permit("xin phép sửa nhà, cạnh nhà kho").why.excluded).toBeUndefined();
    expect(answered(index, "xin phép sửa nhà kho có cần không")).toBeNull();
  });

  it("another entry the question names is answered as before", () => {
    const q = "đất chưa có sổ làm sổ đỏ lần đầu ở đâu, có nhà kho trên đất";
    expect(answered(index, q)).toBe("so-do-lan-dau");
    expect(answered(withoutRule, q)).toBe("so-do-lan-dau");
  });
});
