import { describe, expect, it } from "vitest";
import { encodeChoice } from "../../src/engine/choice-id.js";
import type { Effect, Turn } from "../../src/engine/types.js";
import { fold } from "../../src/text/normalize.js";
import { conversation, fixtureEngine } from "./fixture-engine.js";

/** Asking for a person, in the pure engine (fixture knowledge base). */
const withStaff = fixtureEngine({ handover: true });
const withoutStaff = fixtureEngine();
const STAFF_ID = encodeChoice({ kind: "staff" });

const handovers = (t: Turn) => t.effects.filter((e): e is Extract<Effect, { type: "handover" }> => e.type === "handover");
const text = (t: Turn) => fold(t.replies.flatMap((r) => r.blocks.map((b) => ("text" in b ? b.text : ""))).join("\n"));

describe("asking for a person", () => {
  it.each([
    { who: "with office staff on hand it asks for the question", engine: withStaff, says: "cho tôi gặp nhân viên tư vấn", shows: "nhap cau hoi" },
    { who: "without staff (the terminal) it lists the ways to reach a person", engine: withoutStaff, says: "gặp nhân viên", shows: "chua chuyen duoc cuoc tro chuyen cho can bo" },
  ])("$who, handing nothing over yet", ({ engine, says, shows }) => {
    const t = conversation(engine).say(says);
    expect(handovers(t)).toEqual([]);
    expect(text(t)).toContain(shows);
  });
});

describe("asking whether a person answers", () => {
  it("with office staff on hand: the assistant says what it is and offers them as one tap, handing nothing over", () => {
    const c = conversation(withStaff);
    const t = c.say("bạn là người hay máy vậy");
    expect(handovers(t)).toEqual([]);
    expect(t.session.handoverAwaiting).toBeUndefined();
    expect(text(t)).toContain("tro ly tu dong");
    expect(text(t)).toContain("/canbo");
    expect(t.replies.flatMap((r) => r.choices ?? []).map((ch) => ch.id)).toContain(STAFF_ID);
    // The tap asks for the question, as "/canbo" does.
    expect(text(c.press(STAFF_ID))).toContain("nhap cau hoi");
  });

  it("without staff: the assistant says what it is and lists the ways to reach a person", () => {
    const t = conversation(withoutStaff).say("ad là bot à");
    expect(text(t)).toContain("tro ly tu dong");
    const ways = t.replies.flatMap((r) => r.blocks.flatMap((b) => (b.type === "list" ? b.items : [])));
    expect(ways.join("\n")).toContain("1800 1096");
    expect(t.replies.flatMap((r) => r.choices ?? []).map((ch) => ch.id)).not.toContain(STAFF_ID);
  });

  it("asked together with a request for a person, the request wins", () => {
    const t = conversation(withStaff).say("người hay máy vậy, cho gặp cán bộ");
    expect(text(t)).toContain("nhap cau hoi");
    expect(text(t)).not.toContain("tro ly tu dong, khong phai can bo");
  });
});

describe("asking for a person, with office staff on hand", () => {
  it("hands the question over with personal numbers masked", () => {
    const c = conversation(withStaff);
    c.say("cho tôi gặp nhân viên tư vấn");
    const handed = c.say("hồ sơ đất chưa có kết quả, số điện thoại 0912345678");
    expect(handovers(handed)).toEqual([{ type: "handover", question: "hồ sơ đất chưa có kết quả, số điện thoại [số điện thoại]", lastAnswer: "(chưa trả lời câu nào)" }]);
    expect(handed.session.handoverAwaiting).toBeUndefined();
  });

  it("\"hủy\" instead of the question hands nothing over", () => {
    const c = conversation(withStaff);
    c.say("gặp nhân viên");
    const cancelled = c.say("hủy");
    expect(handovers(cancelled)).toEqual([]);
    expect(cancelled.session.handoverAwaiting).toBeUndefined();
  });

  it("\"Hỏi cán bộ\" under \"I don't know\" hands over the unanswered question; /canbo with a question hands it over at once", () => {
    const c = conversation(withStaff);
    const unknown = c.say("xin cấp phép nuôi chim yến");
    const choice = unknown.replies.flatMap((r) => r.choices ?? []).find((ch) => ch.id === STAFF_ID);
    expect(choice?.label).toBe("Hỏi cán bộ 🙋");
    expect(handovers(c.press(STAFF_ID))).toEqual([{ type: "handover", question: "xin cấp phép nuôi chim yến", lastAnswer: "Trợ lý không tìm được câu trả lời cho câu hỏi này" }]);

    const d = conversation(withStaff);
    d.say("đăng ký khai sinh");
    const direct = handovers(d.say("/canbo con tôi sinh ở nước ngoài thì sao"));
    expect(direct).toHaveLength(1);
    expect(direct[0]!.question).toBe("con tôi sinh ở nước ngoài thì sao");
    expect(direct[0]!.lastAnswer).toMatch(/khai sinh/i);
  });

  it("without staff (the terminal) it offers no hand-over under \"I don't know\"", () => {
    const c = conversation(withoutStaff);
    c.say("gặp nhân viên");
    const unknown = c.say("xin cấp phép nuôi chim yến");
    expect(unknown.replies.flatMap((r) => r.choices ?? []).some((ch) => ch.id === STAFF_ID)).toBe(false);
  });
});
