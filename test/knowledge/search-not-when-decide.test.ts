import { describe, expect, it } from "vitest";
import { decide, DEFAULT_WEIGHTS, type SearchHit } from "../../src/knowledge/search.js";
import type { Entry } from "../../src/knowledge/schema.js";
import { shownFirst } from "../../src/knowledge/search/create-search-index.js";

// What decide does with an entry whose `not_when` the question says (`why.excluded`, set by the context fit: see
// search-not-when.test.ts): it never answers, it is no rival of the entry that does, and when it ranks first the rest
// decide without it. Hits are built by hand with the scores of real messages ("bạn trai em người Hàn Quốc, tụi em muốn
// đăng ký kết hôn ở VN thì cần giấy gì": recording a marriage made abroad says "đăng ký kết hôn ở hàn quốc" too).
const entry = (id: string, title: string) => ({ id, title }) as Entry;
const foreign = entry("ket-hon-nuoc-ngoai", "Đăng ký kết hôn có yếu tố nước ngoài");
const recording = entry("ghi-chu-ket-hon", "Ghi vào sổ hộ tịch việc kết hôn đã đăng ký ở nước ngoài (ghi chú kết hôn)");
const bundle = entry("lien-thong", "Liên thông khai sinh, thường trú, cấp thẻ BHYT cho trẻ dưới 6 tuổi");
const hit = (e: Entry, score: number, why: Partial<SearchHit["why"]> = {}): SearchHit => ({
  entry: e,
  score,
  why: { coverage: 0.56, nameCoverage: 0.56, namePrecision: 1, phrase: 0.5, missing: 0.33, foreignPairs: 0, heldPairs: 4, ...why },
});
const question = { strongWords: 9, unknownWords: 0, pairs: 4, facets: new Set<never>() };
const checks = { related: () => true, variants: () => true };
const run = (hits: SearchHit[]) => decide(hits, question, DEFAULT_WEIGHTS, checks);
const shown = (d: ReturnType<typeof decide>) => (d.kind === "answer" ? d.hit.entry.id : d.kind === "clarify" ? d.options.map((h) => h.entry.id).join("|") : d.kind);

describe("decide: an entry the question rules out (not_when) is no rival", () => {
  it("the entry close behind it does not keep the best from answering", () => {
    const hits = () => [hit(foreign, 0.731, { namePrecision: 0.87 }), hit(recording, 0.7, { namePrecision: 0.93 })];
    const without = hits();
    expect(shown(run(without))).not.toBe(foreign.id);
    const ruledOut = hits();
    ruledOut[1]!.why.excluded = true;
    expect(shown(run(ruledOut))).toBe(foreign.id);
  });
});

describe("decide: an entry ruled out is no rival for the margin either", () => {
  it("the best, named nearly whole and a little ahead, is answered though the ruled-out entry is close behind", () => {
    const best = hit(foreign, 0.52, { namePrecision: 0.9 });
    const other = entry("ly-hon", "Ly hôn");
    const noVariants = { related: () => true, variants: () => false };
    expect(decide([best, hit(other, 0.5, { namePrecision: 0.9 })], question, DEFAULT_WEIGHTS, noVariants).kind).not.toBe("answer");
    expect(shown(decide([best, hit(other, 0.5, { namePrecision: 0.9, excluded: true })], question, DEFAULT_WEIGHTS, noVariants))).toBe(foreign.id);
  });
});

describe("decide: when the entry ruled out ranks first, the rest decide without it", () => {
  it("the next entry, which the question names clearly, answers", () => {
    const d = run([hit(recording, 0.672, { namePrecision: 0.93, excluded: true }), hit(foreign, 0.639, { namePrecision: 1 })]);
    expect(shown(d)).toBe(foreign.id);
  });
  it("when another entry keeps the rest from answering, the choice offered between the best and its variant, without it", () => {
    // "bạn trai người Đài Loan có visa dài hạn, đăng ký kết hôn tại VN được không": the e-visa card, named by "visa" alone.
    const evisa = entry("thi-thuc-dien-tu", "Cấp thị thực điện tử");
    const hits = [
      hit(recording, 0.588, { namePrecision: 0.86, excluded: true }),
      hit(foreign, 0.564, { namePrecision: 0.87, foreignPairs: 1, coverage: 0.47, nameCoverage: 0.48 }),
      hit(evisa, 0.528, { namePrecision: 1, foreignPairs: 4, heldPairs: 2 }),
    ];
    const variants = (a: SearchHit, b: SearchHit) => a.entry.title.includes("kết hôn") && b.entry.title.includes("kết hôn");
    expect(shown(decide(hits, question, DEFAULT_WEIGHTS, { related: () => true, variants }))).toBe(foreign.id);
    // Not with a word never seen in the question, nor when the one left is not grounded (a bare word read several ways).
    expect(decide(hits, { ...question, unknownWords: 1 }, DEFAULT_WEIGHTS, { related: () => true, variants }).kind).toBe("unknown");
    expect(decide(hits, question, DEFAULT_WEIGHTS, { related: () => true, variants, grounded: (h) => h.entry.id !== foreign.id }).kind).toBe("unknown");
  });
  it("not one the question reaches by its story words only: nothing is answered, the ruled-out entry stays a suggestion", () => {
    const d = run([hit(recording, 0.672, { namePrecision: 0.93, excluded: true }), hit(bundle, 0.643, { namePrecision: 0.6 })]);
    expect(d.kind).toBe("unknown");
    expect(d.kind === "unknown" && d.suggestions.map((h) => h.entry.id)).toContain(recording.id);
  });
});

describe("the hits a search returns put the card shown first", () => {
  // Callers that read hits[0] as the answer (a guide's question step, the search-only benchmark) must read the card shown,
  // not the ruled-out entry ranked above it.
  const ruledOut = hit(recording, 0.672, { namePrecision: 0.93, excluded: true });
  const answer = hit(foreign, 0.639);
  const third = hit(bundle, 0.5);
  it("the answer first, then the rest in their order", () => {
    expect(shownFirst([ruledOut, answer, third], { kind: "answer", hit: answer }).map((h) => h.entry.id)).toEqual([foreign.id, recording.id, bundle.id]);
  });
  it("the options of a choice first; the ranking kept when the best is not ruled out, or nothing is shown", () => {
    expect(shownFirst([ruledOut, answer, third], { kind: "clarify", options: [answer, third] }).map((h) => h.entry.id)).toEqual([foreign.id, bundle.id, recording.id]);
    const hits = [answer, third, ruledOut];
    expect(shownFirst(hits, { kind: "answer", hit: third })).toBe(hits);
    const first = [ruledOut, answer, third];
    expect(shownFirst(first, { kind: "unknown", suggestions: [] })).toBe(first);
  });
});
