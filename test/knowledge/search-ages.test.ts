import { beforeAll, describe, expect, it } from "vitest";
import { createSearchIndex, type SearchIndex } from "../../src/knowledge/search.js";
import { loadFixtureSearch, loadRuleIndexes } from "../helpers/fixture-search.js";

// The child's-entry rule (weights.childEntry) on a small knowledge base written for it (test/fixtures/knowledge-ages/):
// a children's card, an ageless card on the same thing whose words citizens type more often, and a passport card.
let index: SearchIndex;
let withoutRule: SearchIndex;
beforeAll(() => {
  ({ index, withoutRule } = loadRuleIndexes("knowledge-ages", (w) => ({ ...w, childEntry: { ...w.childEntry, reach: 2 } })));
});

const first = (ix: SearchIndex, q: string) => ix.search(q).hits[0]?.entry.id;

describe("a child's stated age and an entry made for children", () => {
  it("the children's card takes the place of the ageless card on the same thing, and is answered", () => {
    const q = "làm căn cước cho con 8 tuổi mang giấy tờ gì";
    expect(first(withoutRule, q)).toBe("cap-doi-cap-lai-can-cuoc");
    const d = index.search(q).decision;
    expect(d.kind === "answer" ? d.hit.entry.id : d.kind).toBe("can-cuoc-tre-em");
  });

  it.each([
    // The question types a word of the ageless title the children's title lacks: re-issue, renewal.
    ["làm lại căn cước cho con 8 tuổi mang giấy tờ gì", "cap-doi-cap-lai-can-cuoc"],
    ["đổi căn cước cho con 8 tuổi mang giấy tờ gì", "cap-doi-cap-lai-can-cuoc"],
    // Not a child of the card's ages.
    ["làm căn cước cho con 16 tuổi mang giấy tờ gì", "cap-doi-cap-lai-can-cuoc"],
    // Another thing: an age changes nothing.
    ["làm hộ chiếu cho con 5 tuổi ở đâu", "ho-chieu"],
  ])("%s keeps %s first", (q, id) => {
    expect(first(index, q)).toBe(id);
    expect(first(withoutRule, q)).toBe(id);
  });
});

describe("a word of the ageless title that the children's card says too", () => {
  // The same fixture, with the children's card saying a word only the ageless title has ("đổi"): typed in the same pair,
  // it is no longer a reason to keep the ageless card ("thẻ BHYT của con 2 tuổi hết hạn, gia hạn ở đâu" and the under-6
  // card's keyword "… hết hạn gia hạn ở đâu", against "Gia hạn thẻ BHYT hộ gia đình"). Said in another pair ("đổi tên"),
  // it is not the question's word.
  const withSaid = (field: "keywords" | "aliases", text: string) => {
    const { entries, synonyms } = loadFixtureSearch("knowledge-ages");
    return createSearchIndex(entries.map((e) => (e.id === "can-cuoc-tre-em" ? { ...e, [field]: [...e[field], text] } : e)), synonyms);
  };
  const q = "đổi căn cước cho con 8 tuổi mang giấy tờ gì";

  it("the children's card comes first when its keyword or alias holds the typed pair", () => {
    expect(first(index, q)).toBe("cap-doi-cap-lai-can-cuoc");
    expect(first(withSaid("keywords", "đổi căn cước cho con khi đủ 6 tuổi"), q)).toBe("can-cuoc-tre-em");
    expect(first(withSaid("aliases", "đổi căn cước cho con"), q)).toBe("can-cuoc-tre-em");
  });

  it("not when the word is said in another pair, nor for another word of the ageless title", () => {
    expect(first(withSaid("keywords", "đổi tên cho con trên căn cước"), q)).toBe("cap-doi-cap-lai-can-cuoc");
    expect(first(withSaid("keywords", "đổi căn cước cho con khi đủ 6 tuổi"), "làm lại căn cước cho con 8 tuổi mang giấy tờ gì")).toBe("cap-doi-cap-lai-can-cuoc");
  });
});

describe("two cards that both name ages", () => {
  // test/fixtures/knowledge-ages-two/: the adult card names its ages too, so the ageless-card rule above does not
  // apply; the stated age rules one card out, and the one it fits ranks first however much of the story the other holds.
  let both: SearchIndex;
  beforeAll(() => {
    both = loadFixtureSearch("knowledge-ages-two").index;
  });
  it.each([
    ["đứa lớn 7 tuổi chưa có căn cước, có cần làm cho nó chưa, làm ở đâu ạ", "can-cuoc-tre-em"],
    ["con em 15 tuổi đi học có cần thẻ căn cước không", "can-cuoc-lan-dau"],
  ])("%s ranks %s above the card the age rules out", (q, id) => {
    expect(first(both, q)).toBe(id);
  });

  it.each([
    ["con 16 tuổi làm vneid cho con"],
    ["em 15 tuổi muốn làm tài khoản định danh cho con"],
  ])("%s: the ID card the age fits does not jump above a card on another thing", (q) => {
    expect(first(both, q)).not.toBe("can-cuoc-lan-dau");
  });
});
