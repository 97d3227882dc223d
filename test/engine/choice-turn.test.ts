import { describe, expect, it } from "vitest";
import { decodeChoice, encodeChoice } from "../../src/engine/choice-id.js";
import type { Turn } from "../../src/engine/types.js";
import { choices, conversation, firstSection, fixtureEngine, heading, ids, MENU_ID, records, text } from "./fixture-engine.js";

/** Buttons pressed: what each kind of choice does, and what an old or forged one gets. */
const engine = fixtureEngine();
const helpful = (entry: string, yes: boolean) => encodeChoice({ kind: "helpful", entry, helpful: yes });

describe("pressing a choice", () => {
  it("a facet button answers the entry with that facet first", () => {
    const c = conversation(engine, "telegram");
    const fee = choices(c.say("đăng ký tạm trú")).find((x) => {
      const choice = decodeChoice(x.id);
      return choice?.kind === "facets" && choice.facets.includes("fee");
    })!;
    expect(firstSection(c.press(fee.id))).toContain("le phi");
  });

  it("records a one-tap 'helpful' with the entry", () => {
    const c = conversation(engine);
    c.say("đăng ký khai sinh");
    expect(c.press(helpful("dang-ky-khai-sinh", true)).effects).toContainEqual({ type: "record", stream: "helpful", record: { entryId: "dang-ky-khai-sinh", helpful: true, channel: "zalo" } });
  });

  it("counts a helpful vote only for an answer shown in this session, once", () => {
    const c = conversation(engine);
    // Forged: an entry that does not exist, and a real one this session was never shown.
    expect(records(c.press(helpful("not-a-real-entry", false)), "helpful")).toEqual([]);
    expect(records(c.press(helpful("dang-ky-khai-sinh", false)), "helpful")).toEqual([]);
    c.say("đăng ký khai sinh");
    expect(records(c.press(helpful("dang-ky-khai-sinh", false)), "helpful")).toHaveLength(1);
    // The same button pressed again (or replayed) is thanked, not counted twice.
    expect(records(c.press(helpful("dang-ky-khai-sinh", false)), "helpful")).toEqual([]);
    expect(text(c.press(helpful("dang-ky-khai-sinh", true)))).toContain("cam on");
  });

  it("a 'not helpful' vote gets the hotline and the menu", () => {
    const c = conversation(engine);
    c.say("đăng ký khai sinh");
    const t = c.press(helpful("dang-ky-khai-sinh", false));
    expect(text(t)).toContain("1800 1096");
    expect(ids(t)).toEqual([MENU_ID]);
  });

  const menuShown = (t: Turn) => text(t).startsWith("ban can ho tro viec gi");
  it.each([
    ["an entry that is gone", encodeChoice({ kind: "entry", entry: "thu-tuc-da-xoa" })],
    ["a facet of an entry that is gone", encodeChoice({ kind: "facets", entry: "thu-tuc-da-xoa", facets: ["fee"] })],
    ["a flow that is gone", encodeChoice({ kind: "flow", flow: "luong-cu" })],
    ["a flow's button after the flow ended", encodeChoice({ kind: "step", step: "overall", answer: { kind: "rating", value: 5 } })],
    ["'ask staff' where no staff take cases", encodeChoice({ kind: "staff" })],
    ["an id this bot never built", "x:1"],
    ["a malformed facet id", "q:zz:dang-ky-khai-sinh"],
    ["an empty id", ""],
  ])("%s gets the menu", (_, id) => {
    const c = conversation(engine);
    const t = c.press(id);
    expect(menuShown(t), text(t)).toBe(true);
    expect(heading(t)).toBeUndefined();
    expect(t.effects).toEqual([]);
  });
});
