import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { evalAnswer, evalRates, readEvalFile, scoreEval, type EvalAnswer } from "../../src/knowledge/eval.js";
import { loadKnowledge } from "../../src/knowledge/loader.js";
import { createSearchIndex } from "../../src/knowledge/search.js";
import { tempDir } from "../helpers/temp.js";
import { FIXTURE_KNOWLEDGE } from "../staff/helpers.js";

// How answers are counted: ids or title keywords as labels, and a clarifying question apart.
const lines = [
  { q: "khai sinh", expect: ["dang-ky-khai-sinh"] },
  { q: "đăng ký kết hôn", expect: ["ket hon"] },
  { q: "bằng lái", expect: ["doi-giay-phep-lai-xe"] },
  { q: "làm hộ chiếu", expect: ["cap-ho-chieu"] },
  { q: "giá vàng", expect: null },
  { q: "vé máy bay", expect: null },
];

const answers: Record<string, EvalAnswer> = {
  // Clarify with the right entry among the options: right after one tap, not top-1.
  "khai sinh": {
    answered: false,
    titles: ["Đăng ký lại khai sinh", "Đăng ký khai sinh"],
    ids: ["dang-ky-lai-khai-sinh", "dang-ky-khai-sinh"],
    score: 0.8,
    options: [
      { id: "dang-ky-lai-khai-sinh", title: "Đăng ký lại khai sinh" },
      { id: "dang-ky-khai-sinh", title: "Đăng ký khai sinh" },
    ],
  },
  // A keyword label still matches the folded title (no ids given: older callers).
  "đăng ký kết hôn": { answered: true, titles: ["Đăng ký kết hôn"], score: 0.9 },
  // An id label matches by id only: this card is another entry.
  "bằng lái": { answered: true, titles: ["Cấp lại giấy phép lái xe"], ids: ["cap-lai-giay-phep-lai-xe"], score: 0.7 },
  "làm hộ chiếu": { answered: true, titles: ["Cấp hộ chiếu phổ thông"], ids: ["cap-ho-chieu"], score: 0.9 },
  "giá vàng": { answered: false, titles: ["Khai báo tạm vắng"], score: 0.2 },
  // Offering cards to pick from on an out-of-scope question counts as a false answer.
  "vé máy bay": { answered: false, titles: ["Cấp hộ chiếu phổ thông"], score: 0.5, options: [{ id: "cap-ho-chieu", title: "Cấp hộ chiếu phổ thông" }] },
};

describe("scoreEval", () => {
  const s = scoreEval(lines, (q) => answers[q]!);

  it("matches id labels by id and keyword labels by folded title", () => {
    expect(s.top1).toBe(2);
    expect(s.wrongAnswers).toBe(1);
  });

  it("counts a clarifying question holding the right entry as right after one tap, apart from top-1", () => {
    expect(s.clarified).toBe(1);
    expect(s.oneTap).toBe(1);
    expect(s.misses.map((m) => m.q)).toContain("khai sinh");
  });

  it("counts cards offered on an out-of-scope question as a false answer", () => {
    expect(s.outOfScope).toBe(2);
    expect(s.falseAnswers).toBe(1);
  });
});

describe("evalRates", () => {
  it("divides by the questions in and out of scope, never by zero", () => {
    expect(evalRates(scoreEval(lines, (q) => answers[q]!))).toEqual({ top1: 2 / 4, top3: 2 / 4, falseAnswerRate: 1 / 2, wrongAnswerRate: 1 / 4, oneTap: 1 / 4 });
    expect(evalRates(scoreEval([], () => answers["giá vàng"]!))).toEqual({ top1: 0, top3: 0, falseAnswerRate: 0, wrongAnswerRate: 0, oneTap: 0 });
  });
});

describe("evalAnswer and readEvalFile", () => {
  const { knowledge } = loadKnowledge(FIXTURE_KNOWLEDGE);
  const index = createSearchIndex(knowledge.entries, knowledge.synonyms);

  it("reads a search result as scoreEval counts it: a card, a question back with its options, or nothing", () => {
    const card = evalAnswer(index.search("làm hộ chiếu"));
    expect(card).toMatchObject({ answered: true, ids: expect.arrayContaining(["cap-ho-chieu-pho-thong"]), options: undefined });
    expect(card.ids![0]).toBe("cap-ho-chieu-pho-thong");
    expect(card.titles[0]).toBe("Cấp hộ chiếu phổ thông");
    expect(card.score).toBeGreaterThan(0);
    const nothing = evalAnswer(index.search("giá vàng hôm nay"));
    expect(nothing.answered).toBe(false);
  });

  it("counts the card answered as first, though the ranking puts another above it", () => {
    // A long message answered with the entry its asking sentence names, below its story's first-ranked one.
    const r = index.search("làm hộ chiếu");
    const [story, ...rest] = [...r.hits].reverse();
    const answered = r.hits[0]!;
    const read = evalAnswer({ ...r, hits: [story!, ...rest.filter((h) => h !== story)], decision: { kind: "answer", hit: answered } });
    expect(read.ids![0]).toBe(answered.entry.id);
    expect(new Set(read.ids)).toEqual(new Set(r.hits.map((h) => h.entry.id)));
    expect(read.score).toBe(answered.score);
  });

  it("reads one labelled question per line, skipping blank lines", () => {
    const file = join(tempDir("eval"), "set.jsonl");
    writeFileSync(file, '{"q":"làm hộ chiếu","expect":["cap-ho-chieu-pho-thong"]}\n\n{"q":"giá vàng","expect":null}\n');
    const lines = readEvalFile(file);
    expect(lines).toEqual([
      { q: "làm hộ chiếu", expect: ["cap-ho-chieu-pho-thong"] },
      { q: "giá vàng", expect: null },
    ]);
    expect(scoreEval(lines, (q) => evalAnswer(index.search(q)))).toMatchObject({ questions: 2, inScope: 1, top1: 1, falseAnswers: 0 });
  });
});
