import { describe, expect, it } from "vitest";
import { dropRepeats, jaccard, labelLine, mergeLabels, shuffle, wordPairs } from "../../scripts/blind-sets-lib.js";
import { parseEvalLines } from "../../src/knowledge/eval.js";

describe("blind sets: dropping a writer's repeats", () => {
  it("reads word pairs with accents folded, so a line typed bare repeats the accented one", () => {
    expect(wordPairs("Làm hộ chiếu ở đâu")).toEqual(new Set(["lam ho", "ho chieu", "chieu o", "o dau"]));
    expect(jaccard(wordPairs("làm hộ chiếu ở đâu ạ"), wordPairs("lam ho chieu o dau a"))).toBe(1);
  });

  it("drops a line within 0.7 of a seen one or of an earlier kept one, keeps the rest in order", () => {
    const seen = ["làm hộ chiếu ở đâu vậy ad"];
    const lines = [
      "lam ho chieu o dau vay ad", // the seen line typed bare
      "cấp lại căn cước bị mất ở đâu",
      "  ",
      "cap lai can cuoc bi mat o dau", // the line just kept, typed bare
      "đăng ký tạm trú online được không",
    ];
    expect(dropRepeats(lines, seen)).toEqual({ kept: ["cấp lại căn cước bị mất ở đâu", "đăng ký tạm trú online được không"], dropped: 2 });
  });

  it("drops a repeated line of no words (\"???\") but keeps other such lines", () => {
    expect(dropRepeats(["???", "???", "!!"], [])).toEqual({ kept: ["???", "!!"], dropped: 1 });
  });

  it("keeps a line that shares some words but asks another thing", () => {
    expect(dropRepeats(["làm hộ chiếu cho con 5 tuổi cần gì"], ["làm hộ chiếu ở đâu"]).kept).toHaveLength(1);
  });

  it("shuffles the same way for the same seed, and differently for another", () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    expect(shuffle(items, 37)).toEqual(shuffle(items, 37));
    expect(shuffle(items, 37)).not.toEqual(items);
    expect(shuffle(items, 38)).not.toEqual(shuffle(items, 37));
    expect([...shuffle(items, 37)].sort((a, b) => a - b)).toEqual(items);
  });
});

describe("blind sets: merging two labellings", () => {
  const q = (n: number) => `câu ${n}`;
  it("takes labeller 1's ids, then labeller 2's others, at most three; reports scope disagreements", () => {
    const first = [
      { q: q(1), expect: ["a", "b"] },
      { q: q(2), expect: null },
      { q: q(3), expect: ["c"] },
      { q: q(4), expect: ["a", "b", "c"] },
    ];
    const second = [
      { q: q(1), expect: ["b", "d"] },
      { q: q(2), expect: ["e"] },
      { q: q(3), expect: ["c"] },
      { q: q(4), expect: ["d"] },
    ];
    const m = mergeLabels(first, second);
    expect(m.labels.map((l) => l.expect)).toEqual([["a", "b", "d"], null, ["c"], ["a", "b", "c"]]);
    expect(m.scopeDisagreements).toEqual([1]);
    expect([m.firstAgreed, m.bothInScope]).toEqual([1, 3]);
  });

  it("reads a message saved decomposed (NFD) by one labeller as the same message", () => {
    const text = "làm hộ chiếu ở đâu";
    const m = mergeLabels([{ q: text, expect: ["a"] }], [{ q: text.normalize("NFD"), expect: ["b"] }]);
    expect(m.labels).toEqual([{ q: text, expect: ["a", "b"] }]);
  });

  it("refuses labellings of different lines", () => {
    expect(() => mergeLabels([{ q: q(1), expect: null }], [{ q: q(2), expect: null }])).toThrow(/line 1/);
    expect(() => mergeLabels([{ q: q(1), expect: null }], [])).toThrow(/1 and 0 lines/);
  });
});

describe("blind sets: a label as a line", () => {
  it("is written like the set files, and reads back the same", () => {
    const label = { q: 'hộ chiếu "gấp" ở đâu', expect: ["cap-ho-chieu-pho-thong", "trinh-bao-mat-ho-chieu"] };
    expect(labelLine(label)).toBe('{"q": "hộ chiếu \\"gấp\\" ở đâu", "expect": ["cap-ho-chieu-pho-thong", "trinh-bao-mat-ho-chieu"]}');
    expect(JSON.parse(labelLine(label))).toEqual(label);
    expect(labelLine({ q: "chào ad", expect: null })).toBe('{"q": "chào ad", "expect": null}');
  });
});

describe("blind sets: reading a labels file", () => {
  it("reads each line's message and ids, skipping blank lines", () => {
    expect(parseEvalLines('{"q": "a", "expect": ["x"]}\n\n{"q": "b", "expect": null}\n', "l.jsonl")).toEqual([
      { q: "a", expect: ["x"] },
      { q: "b", expect: null },
    ]);
  });

  it("names the file and line of a line that is not JSON or not a label", () => {
    expect(() => parseEvalLines('{"q": "a", "expect": null}\n{"q": "b", expect: null}', "l.jsonl")).toThrow("l.jsonl:2: not a JSON line");
    expect(() => parseEvalLines('{"q": "a"}', "l.jsonl")).toThrow(/^l\.jsonl:1: expected/);
    expect(() => parseEvalLines('{"q": "a", "expect": []}', "l.jsonl")).toThrow(/^l\.jsonl:1: expected/);
    expect(() => parseEvalLines('{"q": 3, "expect": null}', "l.jsonl")).toThrow(/^l\.jsonl:1: expected/);
  });
});
