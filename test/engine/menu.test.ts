import { describe, expect, it } from "vitest";
import { conversation, entryId, fixtureEngine, ids, MENU_ID, SURVEY_ID } from "./fixture-engine.js";

/** The main menu and the survey offer. */
const DAY = 24 * 3600 * 1000;

describe("the menu", () => {
  it("lists the guides and flows that exist, in the menu's order", () => {
    const c = conversation(fixtureEngine());
    expect(ids(c.say("menu"))).toEqual([entryId("tra-cuu-ho-so"), SURVEY_ID]);
    expect(ids(conversation(fixtureEngine({ flows: [] })).say("menu"))).toEqual([entryId("tra-cuu-ho-so")]);
  });

  it("the Menu button shows it and leaves a running flow", () => {
    const c = conversation(fixtureEngine());
    c.say("đánh giá");
    expect(c.session?.flow).toBeDefined();
    expect(ids(c.press(MENU_ID))).toEqual([entryId("tra-cuu-ho-so"), SURVEY_ID]);
    expect(c.session?.flow).toBeUndefined();
  });
});

describe("the survey offer", () => {
  const offered = (t: { replies: Array<{ choices?: Array<{ id: string }> }> }) => t.replies.some((r) => r.choices?.some((x) => x.id === SURVEY_ID));

  it("invites only as the conversation winds down, at most once", () => {
    const c = conversation(fixtureEngine());
    expect(offered(c.say("đăng ký khai sinh"))).toBe(false);
    expect(offered(c.say("đăng ký tạm trú"))).toBe(false);
    expect(offered(c.say("xong rồi"))).toBe(true);
    expect(offered(c.say("làm hộ chiếu"))).toBe(false);
    expect(offered(c.say("cảm ơn"))).toBe(false);
  });

  it("comes again after the days set, and not after a survey answered lately", () => {
    const c = conversation(fixtureEngine({ surveyOfferDays: 2 }));
    expect(offered(c.say("cảm ơn"))).toBe(true);
    c.wait(DAY);
    expect(offered(c.say("cảm ơn"))).toBe(false);
    c.wait(DAY);
    expect(offered(c.say("cảm ơn"))).toBe(true);
    c.say("đánh giá");
    c.say("5");
    c.say("bỏ qua");
    c.wait(DAY);
    expect(offered(c.say("cảm ơn"))).toBe(false);
  });

  it("a helpful vote may bring it; a vote that does not leaves the menu only", () => {
    const c = conversation(fixtureEngine());
    c.say("đăng ký khai sinh");
    const yes = c.press({ kind: "helpful", entry: "dang-ky-khai-sinh", helpful: true });
    expect(ids(yes)).toEqual([SURVEY_ID]);
    expect(c.session?.surveyOfferedAt).toBe(c.clock);
    c.say("làm hộ chiếu");
    expect(ids(c.press({ kind: "helpful", entry: "cap-ho-chieu-pho-thong", helpful: true }))).toEqual([]);
    expect(ids(c.press({ kind: "helpful", entry: "dang-ky-khai-sinh", helpful: false }))).toEqual([MENU_ID]);
  });
});
