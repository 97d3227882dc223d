import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { encodeChoice, type StepAnswer } from "../../src/engine/choice-id.js";
import { loadFlows } from "../../src/flows/loader.js";
import { FLOW_M } from "../../src/flows/messages.js";
import { flowSchema } from "../../src/flows/schema.js";
import { fold } from "../../src/text/normalize.js";
import { conversation, entryId, fixtureEngine, heading, ids, MENU_ID, SURVEY_ID, text } from "./fixture-engine.js";

/** Guided flows through the engine: started, fed, ended, and their buttons after they end. */
const guide = flowSchema.parse({
  id: "guide",
  title: "Hướng dẫn thử",
  triggers: ["/huongdan"],
  start: "start",
  steps: {
    start: {
      say: "Bạn cần gì?",
      choices: [
        { label: "Xem hộ chiếu", entry: "cap-ho-chieu-pho-thong" },
        { label: "Hỏi tiếp", next: "more" },
        { label: "Đánh giá", flow: "survey" },
        { label: "Về menu", menu: true },
      ],
    },
    more: { say: "Chọn tiếp:", choices: [{ label: "Xong", next: "end" }] },
    end: { say: "Hết hướng dẫn." },
  },
});
const survey = loadFlows(join(import.meta.dirname, "../fixtures/flows")).flows.get("survey")!;
const engine = fixtureEngine({ flows: [guide, survey] });
const stepId = (step: string, answer: StepAnswer) => encodeChoice({ kind: "step", step, answer });
const option = (step: string, index: number) => stepId(step, { kind: "option", index });

describe("flows through the engine", () => {
  it("a flow's buttons take it step by step; its menu and flow buttons are the engine's own", () => {
    const c = conversation(engine, "telegram");
    const start = c.press({ kind: "flow", flow: "guide" });
    expect(ids(start)).toEqual([option("start", 0), option("start", 1), SURVEY_ID, MENU_ID]);
    expect(start.effects).toContainEqual({ type: "metric", name: "flow", labels: { flow: "guide" } });
    expect(text(c.press(option("start", 1)))).toMatch(/^chon tiep:/);
    expect(c.session?.flow?.stepId).toBe("more");
  });

  it("typing an option's words or its number picks it", () => {
    const c = conversation(engine);
    c.press({ kind: "flow", flow: "guide" });
    expect(text(c.say("hỏi tiếp"))).toMatch(/^chon tiep:/);
    expect(text(c.say("1"))).toMatch(/^het huong dan\./);
  });

  it("a button of a step already passed re-asks the current step and keeps the flow", () => {
    const c = conversation(engine);
    c.press({ kind: "flow", flow: "guide" });
    c.press(option("start", 1));
    const stale = c.press(option("start", 0));
    expect(text(stale)).toContain(fold(FLOW_M.staleButton));
    expect(text(stale)).toContain(fold("Chọn tiếp:"));
    expect(c.session?.flow?.stepId).toBe("more");
  });

  it("a flow that ends with nothing to press leaves the menu; its old buttons then get the menu", () => {
    const c = conversation(engine);
    c.press({ kind: "flow", flow: "guide" });
    c.press(option("start", 1));
    const end = c.press(option("more", 0));
    expect(text(end)).toMatch(/^het huong dan\./);
    expect(ids(end)).toEqual([MENU_ID]);
    expect(c.session?.flow).toBeUndefined();
    const old = c.press(option("more", 0));
    expect(text(old)).toMatch(/^ban can ho tro viec gi/);
    expect(ids(old)).toEqual([entryId("tra-cuu-ho-so"), SURVEY_ID]);
  });

  it("a flow that ends on an entry shows its card, which becomes the topic", () => {
    const c = conversation(engine);
    c.press({ kind: "flow", flow: "guide" });
    const card = c.press(option("start", 0));
    expect(heading(card)).toBe("Cấp hộ chiếu phổ thông");
    expect(c.session?.flow).toBeUndefined();
    expect(c.session?.lastEntryId).toBe("cap-ho-chieu-pho-thong");
  });

  it("a flow button starts that flow; the menu button leaves the flow", () => {
    const c = conversation(engine);
    c.press({ kind: "flow", flow: "guide" });
    c.press(SURVEY_ID);
    expect(c.session?.flow?.flowId).toBe("survey");
    c.press({ kind: "flow", flow: "guide" });
    c.press(MENU_ID);
    expect(c.session?.flow).toBeUndefined();
  });

  it("a question typed inside a guide is answered and ends the guide; a survey keeps asking", () => {
    const c = conversation(engine);
    c.press({ kind: "flow", flow: "guide" });
    expect(heading(c.say("lệ phí làm hộ chiếu"))).toBe("Cấp hộ chiếu phổ thông");
    expect(c.session?.flow).toBeUndefined();
    c.press(SURVEY_ID);
    const again = c.say("lệ phí làm hộ chiếu");
    expect(heading(again)).toBeUndefined();
    expect(c.session?.flow?.flowId).toBe("survey");
  });

  it("another flow's trigger switches flows", () => {
    const c = conversation(engine);
    c.press(SURVEY_ID);
    c.say("/huongdan");
    expect(c.session?.flow?.flowId).toBe("guide");
  });

  it("the survey records its answers once and leaves the menu to press", () => {
    const c = conversation(engine);
    c.say("đánh giá");
    c.press(stepId("overall", { kind: "rating", value: 4 }));
    const done = c.say("bỏ qua");
    expect(c.session?.flow).toBeUndefined();
    expect(c.session?.surveyDoneAt).toBe(c.clock);
    expect(text(done)).toContain("cam on");
    expect(ids(done)).toEqual([MENU_ID]);
    expect(done.effects).toContainEqual(expect.objectContaining({ type: "record", stream: "survey", record: expect.objectContaining({ ratings: { overall: 4 } }) }));
  });
});
