import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadKnowledge } from "../../src/knowledge/loader.js";
import { createSearchIndex, type SearchIndex } from "../../src/knowledge/search.js";
import { fold } from "../../src/text/normalize.js";
import { PLACE_WORDS } from "../../src/text/places.js";

/** Where a citizen lives says nothing about which procedure they mean (fixture knowledge). */
let index: SearchIndex;
beforeAll(() => {
  const { knowledge, problems } = loadKnowledge(join(import.meta.dirname, "../fixtures/knowledge"));
  expect(problems).toEqual([]);
  index = createSearchIndex(knowledge.entries, knowledge.synonyms);
});

describe("PLACE_WORDS", () => {
  it("lists each place once, folded, so it matches however it is typed", () => {
    for (const place of PLACE_WORDS) expect(place).toBe(fold(place).trim());
    expect(new Set(PLACE_WORDS).size).toBe(PLACE_WORDS.length);
  });

  it("has the provinces before and after the 2025 merger, and the big cities", () => {
    for (const place of ["ha noi", "ho chi minh", "bac ninh", "bac giang", "thua thien hue", "can tho"]) expect(PLACE_WORDS).toContain(place);
  });

  it.each([
    ["đăng ký tạm trú", "đăng ký tạm trú ở Bắc Ninh"],
    ["đăng ký tạm trú", "dang ky tam tru o ha noi"],
    ["cấp hộ chiếu", "cấp hộ chiếu tại TP Hồ Chí Minh"],
    ["đăng ký khai sinh", "đăng ký khai sinh ở quê Thanh Hóa"],
  ])("answers %j and %j alike", (plain, withPlace) => {
    const a = index.search(plain);
    const b = index.search(withPlace);
    expect(b.decision.kind).toBe("answer");
    expect(b.hits[0]?.entry.id).toBe(a.hits[0]?.entry.id);
    expect(b.strongWords).toBe(a.strongWords);
  });

  it("a place alone names no procedure", () => {
    expect(index.search("Bắc Ninh").decision.kind).not.toBe("answer");
  });
});
