import { describe, expect, it } from "vitest";
import { encodeChoice, type StepAnswer, type StepChoice } from "../../src/engine/choice-id.js";
import type { FlowTurn } from "../../src/engine/flow-port.js";
import type { FlowState } from "../../src/engine/types.js";
import { parseRating, step, type StepEnv } from "../../src/flows/step.js";
import { flowSchema, type Flow } from "../../src/flows/schema.js";
import type { SearchResult } from "../../src/knowledge/search.js";
import type { Entry } from "../../src/knowledge/schema.js";

const flow: Flow = flowSchema.parse({
  id: "demo",
  title: "Demo",
  triggers: ["demo"],
  start: "hello",
  record: "survey",
  rating_labels: ["1 a", "2 b", "3 c", "4 d", "5 e"],
  steps: {
    hello: { say: "Xin chào.", next: "proc" },
    proc: { say: "Thủ tục nào? Gõ bỏ qua để bỏ qua.", input: "procedure", optional: true, save: "procedure", next: "rate" },
    rate: { say: "Chấm điểm?", input: "rating", save: "overall", next: "note" },
    note: { say: "Góp ý? (bỏ qua được)", input: "text", optional: true, save: "comment", next: "age" },
    age: { say: "Tuổi? bỏ qua được", optional: true, save: "ageBand", choices: [{ label: "Trẻ", value: "young" }, { label: "Già", value: "old" }], next: "end" },
    end: { say: "Cảm ơn!", say_if_low: "Rất tiếc." },
  },
});

const entry = { id: "dang-ky-khai-sinh", kind: "procedure", title: "Đăng ký khai sinh" } as unknown as Entry;
const result = (over: Partial<SearchResult>): SearchResult => ({ hits: [], decision: { kind: "unknown", suggestions: [] }, confident: false, ambiguous: false, facets: new Set(), unknownWords: [], strongWords: 1, asksMeaning: false, ...over });
/** A search that answers with `hit` (ranked first, or after `above`). */
const answered = (hit: SearchResult["hits"][number], above: SearchResult["hits"] = [], below: SearchResult["hits"] = []): SearchResult =>
  result({ hits: [...above, hit, ...below], decision: { kind: "answer", hit }, confident: true });
const why = { coverage: 1, nameCoverage: 1, namePrecision: 1, phrase: 1, missing: 0, foreignPairs: 0, heldPairs: 0 };
const env: StepEnv = {
  now: 5000,
  channel: "web",
  entry: (id) => (id === entry.id ? entry : undefined),
  search: (q) => (/khai sinh/.test(q) ? answered({ entry, score: 0.9, why }) : /giay/.test(q) ? result({ hits: [{ entry, score: 0.4, why }] }) : result({})),
};
const text = (state: FlowState | null, t: string) => step(flow, state, { type: "text", text: t }, env);
/** A flow button: the step it belongs to and the answer it gives. */
const answer = (stepId: string, a: StepAnswer): StepChoice => ({ kind: "step", step: stepId, answer: a });
const idOf = (stepId: string, a: StepAnswer) => encodeChoice(answer(stepId, a));
const press = (state: FlowState | null, stepId: string, a: StepAnswer) => step(flow, state, { type: "choice", choice: answer(stepId, a) }, env);
const texts = (turn: FlowTurn) => turn.replies.flatMap((r) => r.blocks.map((b) => ("text" in b ? b.text : "")));

describe("step", () => {
  it("starts by merging plain messages into the first question", () => {
    const t = step(flow, null, { type: "start" }, env);
    expect(t.replies).toHaveLength(1);
    expect(texts(t)).toEqual(["Xin chào.", "Thủ tục nào? Gõ bỏ qua để bỏ qua."]);
    expect(t.state).toEqual({ flowId: "demo", stepId: "proc", data: {}, startedAt: 5000 });
    expect(t.replies[0]!.choices).toEqual([{ id: idOf("proc", { kind: "skip" }), label: "Bỏ qua ⏭" }]);
  });

  it("finds a procedure, rates, skips, and records once at the end", () => {
    let t = step(flow, null, { type: "start" }, env);
    t = text(t.state, "khai sinh cho con");
    expect(t.state?.stepId).toBe("rate");
    expect(t.state?.data).toEqual({ procedureId: "dang-ky-khai-sinh", procedure: "Đăng ký khai sinh" });
    expect(t.replies[0]!.choiceLayout).toBe("row");
    expect(t.replies[0]!.choices?.map((c) => c.id)).toEqual(([1, 2, 3, 4, 5] as const).map((value) => idOf("rate", { kind: "rating", value })));
    t = press(t.state, "rate", { kind: "rating", value: 4 });
    t = text(t.state, "Gọi tôi 0912 345 678 nhé, CCCD 001203004567");
    expect(t.state?.data.comment).toBe("Gọi tôi [số điện thoại] nhé, CCCD [số giấy tờ]");
    t = text(t.state, "bỏ qua");
    expect(t.state).toBeNull();
    expect(texts(t)).toEqual(["Cảm ơn!"]);
    expect(t.effects).toEqual([
      {
        type: "record",
        stream: "survey",
        record: { flow: "demo", procedureId: "dang-ky-khai-sinh", procedure: "Đăng ký khai sinh", ratings: { overall: 4 }, comment: "Gọi tôi [số điện thoại] nhé, CCCD [số giấy tờ]", channel: "web", startedAt: 5000 },
      },
    ]);
    expect(t.sessionPatch).toEqual({ surveyDoneAt: 5000 });
  });

  it("re-asks a rating on invalid input, keeping the state", () => {
    const at: FlowState = { flowId: "demo", stepId: "rate", data: {}, startedAt: 1 };
    const t = text(at, "cho hỏi làm hộ chiếu ở đâu");
    expect(t.state).toEqual(at);
    expect(texts(t)[0]).toMatch(/từ 1 đến 5/);
    expect(texts(t)[0]).toMatch(/hủy/);
    expect(texts(t)).toContain("Chấm điểm?");
    expect(t.effects).toEqual([]);
  });

  it("offers close hits when unsure, and keeps the typed words on 'none of these'", () => {
    const at: FlowState = { flowId: "demo", stepId: "proc", data: {}, startedAt: 1 };
    let t = text(at, "giay to gi");
    expect(t.state?.stepId).toBe("proc");
    expect(t.replies[0]!.choices?.map((c) => c.id)).toEqual([idOf("proc", { kind: "hit", index: 0 }), idOf("proc", { kind: "none" }), idOf("proc", { kind: "skip" })]);
    const picked = press(t.state, "proc", { kind: "hit", index: 0 });
    expect(picked.state?.data).toEqual({ procedureId: "dang-ky-khai-sinh", procedure: "Đăng ký khai sinh" });
    t = press(t.state, "proc", { kind: "none" });
    expect(t.state?.stepId).toBe("rate");
    expect(t.state?.data).toEqual({ procedure: "giay to gi" });
  });

  it("adds the low-rating note and saves choice values", () => {
    const at: FlowState = { flowId: "demo", stepId: "age", data: { ratings: { overall: 1 } }, startedAt: 1 };
    const t = press(at, "age", { kind: "option", index: 1 });
    expect(texts(t)).toEqual(["Cảm ơn!", "Rất tiếc."]);
    expect((t.effects[0] as { record: Record<string, unknown> }).record.ageBand).toBe("old");
  });

  it("treats a stale button as a re-prompt and a trigger as 'resume'", () => {
    const at: FlowState = { flowId: "demo", stepId: "rate", data: {}, startedAt: 1 };
    const stale = press(at, "proc", { kind: "skip" });
    expect(stale.state).toEqual(at);
    expect(texts(stale)[0]).toMatch(/câu hỏi trước/);
    const resumed = text(at, "Demo");
    expect(resumed.state).toEqual(at);
    expect(texts(resumed)[0]).toMatch(/tiếp tục/);
  });

  it("does not accept 'bỏ qua' for a rating", () => {
    const at: FlowState = { flowId: "demo", stepId: "rate", data: {}, startedAt: 1 };
    expect(text(at, "bỏ qua").state).toEqual(at);
  });
});

describe("parseRating", () => {
  it.each([
    ["5", 5],
    ["1", 1],
    [" 4 ", 4],
    ["5 sao", 5],
    ["4/5", 4],
    ["⭐⭐⭐", 3],
    ["rất hài lòng", 5],
    ["hai long", 4],
    ["Hài lòng ạ", 4],
    ["rat khong hai long", 1],
    ["không hài lòng", 2],
    ["ko hai long", 2],
    ["bình thường", 3],
    ["5 - Rất hài lòng", 5],
  ])("%s → %d", (input, n) => expect(parseRating(input)).toBe(n));

  it.each(["6", "0", "15", "tôi muốn hỏi làm sao để được hài lòng hơn khi đi làm thủ tục ở phường", "abc", ""])("rejects %j", (input) => expect(parseRating(input)).toBeNull());
});

describe("step: survey wording fitted to the answers", () => {
  const survey: Flow = flowSchema.parse({
    id: "sv",
    title: "Khảo sát",
    start: "complaints",
    record: "survey",
    rating_labels: ["1 - Rất không hài lòng", "2 - Không hài lòng", "3 - Bình thường", "4 - Hài lòng", "5 - Rất hài lòng"],
    steps: {
      complaints: { say: "Phản ánh, kiến nghị?", input: "rating", save: "feedback", not_applicable: "Không áp dụng", next: "overall" },
      overall: { say: "Nhìn chung?", input: "rating", save: "overall", next: "end" },
      end: { say: "Cảm ơn!", overall_rating: "overall", say_if_low: "Rất tiếc bạn chưa hài lòng.", say_if_some_low: "Chúng tôi ghi nhận những điểm bạn chưa hài lòng." },
    },
  });
  /** Each answer typed, or pressed when it is a button. */
  const run = (...answers: Array<string | StepChoice>) => {
    let t = step(survey, null, { type: "start" }, env);
    for (const a of answers) t = step(survey, t.state, typeof a === "string" ? { type: "text", text: a } : { type: "choice", choice: a }, env);
    return t;
  };
  const record = (t: FlowTurn) => (t.effects[0] as { record: Record<string, unknown> }).record;

  it("offers 'Không áp dụng' on the complaints aspect and records it apart from the ratings", () => {
    const first = step(survey, null, { type: "start" }, env);
    expect(first.replies[0]!.choices?.map((c) => c.label)).toContain("Không áp dụng");
    for (const t of [run(answer("complaints", { kind: "not-applicable" }), "5"), run("không áp dụng", "5"), run("ko ap dung", "5")]) {
      expect(record(t).ratings).toEqual({ overall: 5 });
      expect(record(t).notApplicable).toEqual(["feedback"]);
    }
    expect(record(run("3", "5")).notApplicable).toBeUndefined();
  });

  it("an overall rating of 4 with a low aspect is not told 'Rất tiếc bạn chưa hài lòng'", () => {
    const t = run("1", "4");
    expect(texts(t)).toEqual(["Cảm ơn!", "Chúng tôi ghi nhận những điểm bạn chưa hài lòng."]);
    expect(texts(run("5", "2"))).toEqual(["Cảm ơn!", "Rất tiếc bạn chưa hài lòng."]);
    expect(texts(run("5", "4"))).toEqual(["Cảm ơn!"]);
  });
});

describe("step: a procedure question offers procedures only", () => {
  const faq = { id: "nop-truc-tuyen-co-re-hon", kind: "faq", title: "Nộp trực tuyến có rẻ hơn không?" } as unknown as Entry;
  const guide = { id: "dang-nhap-cong", kind: "guide", title: "Đăng nhập Cổng Dịch vụ công" } as unknown as Entry;
  const online: Flow = flowSchema.parse({
    id: "online",
    title: "Thủ tục nào làm trực tuyến được?",
    start: "ask",
    steps: {
      ask: { say: "Bạn gõ tên thủ tục.", input: "procedure", suggest_last: true, save: "procedure", next: "result", not_found: "unknown" },
      result: { say: "Xong." },
      unknown: { say: "Chưa có." },
    },
  });
  const searchEnv: StepEnv = {
    ...env,
    lastEntryId: faq.id,
    entry: (id) => [entry, faq, guide].find((e) => e.id === id),
    search: () => answered({ entry: faq, score: 0.9, why }, [], [{ entry: guide, score: 0.6, why }, { entry, score: 0.4, why }]),
  };

  it("never suggests a guide or an FAQ, nor takes one as the answer", () => {
    const first = step(online, null, { type: "start" }, searchEnv);
    expect(first.replies[0]!.choices ?? []).toEqual([]);
    const t = step(online, first.state, { type: "text", text: "nộp online có rẻ hơn không" }, searchEnv);
    expect(t.state?.stepId).toBe("ask");
    expect(t.replies[0]!.choices!.map((c) => c.label)).toEqual(["Đăng ký khai sinh", "Không có trong danh sách ✍️"]);
  });

  it("takes the procedure the search answers with, though another entry ranks above it", () => {
    // A long message whose asking sentence names the procedure while its story ranks an FAQ first (the focus stage), or
    // whose first-ranked entry the question rules out (not_when): the decision, not hits[0], is the answer.
    const decided: StepEnv = { ...searchEnv, search: () => answered({ entry, score: 0.5, why }, [{ entry: faq, score: 0.9, why }]) };
    const first = step(online, null, { type: "start" }, decided);
    const t = step(online, first.state, { type: "text", text: "… em muốn hỏi đăng ký khai sinh nộp online được không" }, decided);
    // Answered: the guide goes on to its result instead of asking again with a list of suggestions.
    expect(t.state?.stepId).not.toBe("ask");
    expect(t.replies.flatMap((r) => r.blocks).map((b) => ("text" in b ? b.text : ""))).toContain("Xong.");
  });
});
