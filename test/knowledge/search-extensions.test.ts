import { beforeAll, describe, expect, it } from "vitest";
import type { SearchIndex } from "../../src/knowledge/search.js";
import { loadRuleIndexes } from "../helpers/fixture-search.js";

// The longer-title rule (weights.extensionEntry) on a small knowledge base written for it (test/fixtures/knowledge-extensions/):
// "Đăng ký khai sinh", its variants "… có yếu tố nước ngoài" and "… cho trẻ bị bỏ rơi", and other cards naming foreigners.
let index: SearchIndex;
let withoutRule: SearchIndex;
beforeAll(() => {
  ({ index, withoutRule } = loadRuleIndexes("knowledge-extensions", (w) => ({ ...w, extensionEntry: { reach: 2 } })));
});

const shown = (ix: SearchIndex, q: string) => {
  const d = ix.search(q).decision;
  return d.kind === "answer" ? d.hit.entry.id : d.kind;
};
const first = (ix: SearchIndex, q: string) => ix.search(q).hits[0]?.entry.id;

describe("an entry whose title is another's with more words", () => {
  it("takes the shorter entry's place, and its answer, when the question types the words it adds (read by synonyms)", () => {
    const q = "đăng ký khai sinh, chồng em người Hàn";
    expect(shown(withoutRule, q)).toBe("khai-sinh");
    expect(shown(index, q)).toBe("khai-sinh-nuoc-ngoai");
  });

  it("a long question it cannot answer outright gets no confident card for the shorter entry", () => {
    const q = "làm giấy khai sinh cho con ở đâu, có cần hộ chiếu của chồng người Nhật không";
    expect(shown(withoutRule, q)).toBe("khai-sinh");
    expect(first(index, q)).toBe("khai-sinh-nuoc-ngoai");
    expect(shown(index, q)).not.toBe("khai-sinh");
  });

  it.each([
    // Nothing of a variant typed.
    ["làm giấy khai sinh cho con ở đâu", "khai-sinh"],
    // "bố rồi" typed with accents is not "bỏ rơi"; the words must also follow one another ("bỏ đi rồi").
    ["đăng ký khai sinh ở đâu, bố rồi mẹ bận", "khai-sinh"],
    ["làm giấy khai sinh cho con ở đâu, bố nó bỏ rồi", "khai-sinh"],
  ])("%s keeps %s", (q, id) => {
    expect(shown(index, q)).toBe(id);
    expect(shown(withoutRule, q)).toBe(id);
  });
});
