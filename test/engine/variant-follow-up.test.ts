import { describe, expect, it } from "vitest";
import { conversation, fixtureEngineOn, heading, ids, entryId, text } from "./fixture-engine.js";

// A message naming only a variant of a procedure ("thế nếu quá hạn thì sao") is a follow-up: on the
// conversation's topic, or "which procedure?" (on test/fixtures/knowledge-variants/).
const engine = fixtureEngineOn("knowledge-variants");

describe("a variant asked as a follow-up", () => {
  it("after 'đăng ký khai sinh', 'thế nếu quá hạn thì sao' is the khai sinh quá hạn card (also without diacritics)", () => {
    for (const followUp of ["thế nếu quá hạn thì sao", "con neu qua han thi sao"]) {
      const c = conversation(engine);
      expect(heading(c.say("đăng ký khai sinh"))).toBe("Đăng ký khai sinh");
      expect(heading(c.say(followUp)), followUp).toBe("Đăng ký khai sinh quá hạn");
    }
  });

  it("a topic with no such variant keeps its own card", () => {
    const c = conversation(engine);
    c.say("đăng ký kết hôn");
    const t = c.say("thế nếu quá hạn thì sao");
    expect(heading(t)).toBe("Đăng ký kết hôn");
    // … and says it has nothing on that case rather than re-sending the card as if it answered it.
    expect(text(t)).toContain("chua co huong dan rieng");
  });

  it("with no topic, the bot asks which procedure, offering those found with the variant, and shows no card", () => {
    const t = conversation(engine).say("thế nếu quá hạn thì sao");
    expect(heading(t)).toBeUndefined();
    expect(text(t)).toContain("thu tuc nao");
    expect(ids(t)).toContain(entryId("dang-ky-khai-sinh-qua-han"));
    expect(t.session.lastEntryId).toBeUndefined();
  });

  it("with no topic, the choices are only the entries that hold the variant in a name or keyword", () => {
    const t = conversation(engine).say("thế nếu quá hạn thì sao");
    const holders = ["dang-ky-khai-sinh-qua-han", "dang-ky-khai-tu", "cap-ho-chieu"].map(entryId);
    expect(ids(t).length).toBeGreaterThan(1);
    for (const id of ids(t)) expect(holders, id).toContain(id);
  });
});
