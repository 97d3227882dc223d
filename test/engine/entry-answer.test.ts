import { describe, expect, it } from "vitest";
import { CHOICE_ID_MAX_BYTES, decodeChoice, encodeChoice } from "../../src/engine/choice-id.js";
import { conversation, fixtureEngine, heading, ids, SURVEY_ID, text } from "./fixture-engine.js";

/** An entry's card and the buttons under it. */
const engine = fixtureEngine();

describe("answering an entry", () => {
  it("answers a procedure with its level, the facet asked and the official link", () => {
    const t = conversation(engine).say("le phi dang ky tam tru bao nhieu");
    expect(heading(t)).toBe("Đăng ký tạm trú");
    expect(text(t)).toContain("toan trinh");
    expect(text(t)).toContain("15.000 dong");
    expect(text(t)).toContain("7.000 dong");
    expect(text(t)).toContain("https://dichvucong.gov.vn");
    expect(t.effects).toContainEqual({ type: "metric", name: "answered", labels: { kind: "procedure" } });
  });

  it("offers the other facets, not the one asked, then the helpful vote; every id fits Telegram", () => {
    const t = conversation(engine, "telegram").say("lệ phí đăng ký tạm trú");
    const facets = ids(t)
      .map(decodeChoice)
      .flatMap((c) => (c?.kind === "facets" ? c.facets : []));
    expect(facets).toContain("documents");
    expect(facets).not.toContain("fee");
    expect(ids(t).slice(-2)).toEqual([
      encodeChoice({ kind: "helpful", entry: "dang-ky-tam-tru", helpful: true }),
      encodeChoice({ kind: "helpful", entry: "dang-ky-tam-tru", helpful: false }),
    ]);
    for (const id of ids(t)) expect(Buffer.byteLength(id)).toBeLessThanOrEqual(CHOICE_ID_MAX_BYTES);
  });

  it("after several answered questions the invitation comes with the answer, once", () => {
    const offered = (t: ReturnType<ReturnType<typeof conversation>["say"]>) => ids(t).includes(SURVEY_ID);
    const c = conversation(engine);
    const turns = ["đăng ký khai sinh", "đăng ký tạm trú", "làm hộ chiếu", "đăng ký khai sinh", "đăng ký tạm trú"].map((q) => offered(c.say(q)));
    expect(turns).toEqual([false, false, false, true, false]);
  });

  it("remembers the answer as the topic and the entries shown for votes", () => {
    const c = conversation(engine);
    c.say("đăng ký khai sinh");
    c.say("làm hộ chiếu");
    expect(c.session?.lastEntryId).toBe("cap-ho-chieu-pho-thong");
    expect(c.session?.shown).toEqual(["dang-ky-khai-sinh", "cap-ho-chieu-pho-thong"]);
    expect(c.session?.answers).toBe(2);
  });
});
