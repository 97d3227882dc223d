import { describe, expect, it } from "vitest";
import { scoreEval, type EvalAnswer } from "../../src/knowledge/eval.js";

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
