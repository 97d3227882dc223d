import { beforeAll, describe, expect, it } from "vitest";
import { createSearchIndex, DEFAULT_WEIGHTS, type SearchIndex } from "../../src/knowledge/search.js";
import type { Entry, Synonyms } from "../../src/knowledge/schema.js";
import { loadFixtureSearch } from "../helpers/fixture-search.js";

// A variant pair ("quá hạn": common words, in names only beside another procedure's name, said of unrelated
// topics) names no procedure: a message of nothing else is a follow-up. On test/fixtures/knowledge-variants/.
let entries: Entry[];
let synonyms: Synonyms;
let index: SearchIndex;
beforeAll(() => {
  ({ entries, synonyms, index } = loadFixtureSearch("knowledge-variants"));
});

const decisionOf = (q: string, i: SearchIndex = index) => i.search(q).decision;
const withModifier = (m: Partial<typeof DEFAULT_WEIGHTS.modifier>) => createSearchIndex(entries, synonyms, { ...DEFAULT_WEIGHTS, modifier: { ...DEFAULT_WEIGHTS.modifier, ...m } });

describe("decide: variant-only", () => {
  it.each(["thế nếu quá hạn thì sao", "con neu qua han thi sao", "nếu quá hạn thì lệ phí bao nhiêu"])("%s names only a variant: variant-only, never a guessed entry", (q) => {
    expect(decisionOf(q)).toEqual({ kind: "variant-only" });
  });

  it("without the rule (no pair common enough to be a variant) the same message is read as a topic of its own", () => {
    expect(decisionOf("thế nếu quá hạn thì sao", withModifier({ variantWord: 0 })).kind).not.toBe("variant-only");
  });

  it("a pair said of one topic only names that topic: not a variant", () => {
    expect(decisionOf("thế nếu quá hạn thì sao", withModifier({ variantTopics: 4 })).kind).not.toBe("variant-only");
  });

  it.each([
    ["khai sinh quá hạn", "dang-ky-khai-sinh-qua-han"],
    ["đăng ký khai sinh quá hạn", "dang-ky-khai-sinh-qua-han"],
    ["hộ chiếu quá hạn", "cap-ho-chieu"],
    ["đăng ký khai sinh", "dang-ky-khai-sinh"],
  ])("%s names a procedure with it and is answered", (q, id) => {
    expect(decisionOf(q)).toMatchObject({ kind: "answer", hit: { entry: { id } } });
  });

  it("the topic's name with the variant finds the variant; a topic without it stays itself", () => {
    expect(decisionOf("Đăng ký khai sinh thế nếu quá hạn thì sao")).toMatchObject({ kind: "answer", hit: { entry: { id: "dang-ky-khai-sinh-qua-han" } } });
    expect(decisionOf("Đăng ký kết hôn thế nếu quá hạn thì sao")).toMatchObject({ kind: "answer", hit: { entry: { id: "dang-ky-ket-hon" } } });
  });
});
