import { describe, expect, it } from "vitest";
import { decodeChoice } from "../../src/engine/choice-id.js";
import { matchChoice, type Engine } from "../../src/engine/engine.js";
import { M } from "../../src/engine/messages.js";
import type { Session } from "../../src/engine/types.js";
import { fold } from "../../src/text/normalize.js";
import { choices, conversation, fixtureEngine, ids, MENU_ID, SURVEY_ID, text } from "./fixture-engine.js";

/** `handle`: what every message goes through before the parts that answer it. */
const engine: Engine = fixtureEngine();

describe("engine: every message", () => {
  it("maps a typed number to the choice on screen (no buttons on Zalo)", () => {
    const c = conversation(engine);
    const first = c.say("đăng ký tạm trú");
    const docIndex = choices(first).findIndex((x) => {
      const choice = decodeChoice(x.id);
      return choice?.kind === "facets" && choice.facets.includes("documents");
    });
    expect(docIndex).toBeGreaterThanOrEqual(0);
    expect(text(c.say(String(docIndex + 1)))).toContain("giay to can chuan bi");
    // "số 2" and the option's own words pick it the same way.
    const again = c.say("đăng ký tạm trú");
    const fee = choices(again).find((x) => x.label.startsWith("Lệ phí"))!;
    expect(text(c.say(`số ${choices(again).indexOf(fee) + 1}`))).toContain("le phi");
    c.say("đăng ký tạm trú");
    expect(text(c.say("Thời gian giải quyết"))).toContain("thoi gian giai quyet");
  });

  it("answers a sticker or photo politely, with the menu", () => {
    const t = engine.handle({ type: "unsupported", what: "sticker", channel: "zalo", chatId: "c", userId: "u", at: 1 }, null);
    expect(text(t)).toContain("chi doc duoc tin nhan chu");
    expect(ids(t)).toContain(SURVEY_ID);
  });

  it("says when a message was cut, and still answers it; an empty message gets an example", () => {
    const t = engine.handle({ type: "text", text: "đăng ký khai sinh", clipped: true, channel: "zalo", chatId: "c", userId: "u", at: 1 }, null);
    expect(text(t)).toContain(fold(M.tooLong));
    expect(text(t)).toContain("dang ky khai sinh");
    expect(text(engine.handle({ type: "text", text: "   ", channel: "zalo", chatId: "c", userId: "u", at: 1 }, null))).toBe(fold(M.emptyText));
  });

  it("keeps the session versioned and replaces an unknown version", () => {
    const t = engine.handle({ type: "text", text: "chào", channel: "web", chatId: "c", userId: "u", at: 1 }, { v: 99 } as unknown as Session);
    expect(t.session.v).toBe(1);
  });

  it("gives the hand-over a hook to invite to the survey when a case closes", () => {
    const c = conversation(engine);
    c.say("đăng ký khai sinh");
    const invited = engine.inviteSurvey(c.session, Date.UTC(2026, 10, 23, 9));
    expect(ids(invited)).toEqual([SURVEY_ID, MENU_ID]);
    expect(invited.session.surveyOfferedAt).toBe(Date.UTC(2026, 10, 23, 9));
    expect(engine.inviteSurvey(invited.session, Date.UTC(2026, 10, 23, 10)).replies).toEqual([]);
  });
});

describe("matchChoice", () => {
  const onScreen = [
    { id: "a", label: "Giấy tờ cần có 📄" },
    { id: "b", label: "Lệ phí 💰" },
  ];
  it.each([
    ["2", "b"],
    ["2.", "b"],
    ["so 2", "b"],
    ["chon 1", "a"],
    ["le phi", "b"],
    ["giay to can co", "a"],
  ])("%j picks %s", (key, id) => expect(matchChoice(key, onScreen)?.id).toBe(id));

  it("picks nothing for a number off the list, other words, a long message or no choices", () => {
    expect(matchChoice("3", onScreen)).toBeNull();
    expect(matchChoice("le phi bao nhieu", onScreen)).toBeNull();
    expect(matchChoice("le phi ".repeat(20).trim(), [{ id: "x", label: "le phi ".repeat(20) }])).toBeNull();
    expect(matchChoice("1", undefined)).toBeNull();
  });
});
