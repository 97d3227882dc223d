import { describe, expect, it } from "vitest";
import type { Entry } from "../../src/knowledge/schema.js";
import type { SearchDecision, SearchHit, SearchResult } from "../../src/knowledge/search.js";
import { staysOnTopic } from "../../src/engine/topic.js";
import { conversation, firstSection, fixtureEngine, heading } from "./fixture-engine.js";

/** A facet question with an entry in the conversation: stay on it, or move to the one named. */
const engine = fixtureEngine();

describe("the conversation's topic", () => {
  it("after 'làm hộ chiếu', 'lệ phí bao nhiêu' is the passport fee (also without diacritics)", () => {
    for (const followUp of ["lệ phí bao nhiêu", "le phi bao nhieu", "phí bao nhiêu"]) {
      const c = conversation(engine);
      c.say("làm hộ chiếu");
      const t = c.say(followUp);
      expect(heading(t), followUp).toBe("Cấp hộ chiếu phổ thông");
      expect(firstSection(t), followUp).toContain("200.000 dong");
    }
  });

  it("after 'đăng ký khai sinh', time, papers and place all stay on khai sinh", () => {
    const c = conversation(engine);
    c.say("đăng ký khai sinh");
    const time = c.say("bao lâu thì có kết quả");
    expect(heading(time)).toBe("Đăng ký khai sinh");
    expect(firstSection(time)).toContain("thoi gian giai quyet");
    const papers = c.say("cần mang gì");
    expect(heading(papers)).toBe("Đăng ký khai sinh");
    expect(firstSection(papers)).toContain("giay to can chuan bi");
    const where = c.say("ở đâu làm");
    expect(heading(where)).toBe("Đăng ký khai sinh");
    expect(firstSection(where)).toContain("noi nop");
  });

  it("follow-ups without diacritics stay on the topic too", () => {
    const c = conversation(engine);
    c.say("dang ky khai sinh");
    expect(heading(c.say("bao lau thi co ket qua"))).toBe("Đăng ký khai sinh");
    expect(heading(c.say("can mang gi"))).toBe("Đăng ký khai sinh");
    expect(heading(c.say("o dau lam"))).toBe("Đăng ký khai sinh");
  });

  it("a message that names a new topic switches to it", () => {
    const c = conversation(engine);
    c.say("đăng ký khai sinh");
    const t = c.say("còn lệ phí làm hộ chiếu?");
    expect(heading(t)).toBe("Cấp hộ chiếu phổ thông");
    expect(heading(c.say("ở đâu"))).toBe("Cấp hộ chiếu phổ thông");
  });
});

describe("staysOnTopic", () => {
  const entry = (id: string) => ({ id }) as Entry;
  const topic = entry("dang-ky-khai-sinh");
  const hit = (id: string, namePrecision: number): SearchHit => ({
    entry: entry(id),
    score: 0.8,
    why: { coverage: 1, nameCoverage: 1, namePrecision, phrase: 0, missing: 0, foreignPairs: 0, heldPairs: 0 },
  });
  const result = (decision: SearchDecision, over: Partial<SearchResult> = {}): SearchResult => ({
    hits: [],
    decision,
    confident: false,
    ambiguous: false,
    facets: new Set(["fee"]),
    unknownWords: [],
    strongWords: 1,
    asksMeaning: false,
    ...over,
  });
  const stays = (decision: SearchDecision, over: Partial<SearchResult> = {}) => staysOnTopic(result(decision, over), decision, topic);

  it("stays when only a facet is asked, or nothing else is named", () => {
    expect(stays({ kind: "facet-only" })).toBe(true);
    expect(stays({ kind: "unknown", suggestions: [] })).toBe(true);
  });

  it("does not keep the topic's own card for a variant of it: answer-question.ts searches the topic with the variant", () => {
    expect(stays({ kind: "variant-only" })).toBe(false);
  });

  it("leaves for words it does not know (a topic the knowledge lacks)", () => {
    expect(stays({ kind: "unknown", suggestions: [] }, { unknownWords: ["flycam"] })).toBe(false);
  });

  it("stays when the topic is the answer or one of the options, or no strong word was typed", () => {
    expect(stays({ kind: "answer", hit: hit("dang-ky-khai-sinh", 1) })).toBe(true);
    expect(stays({ kind: "clarify", options: [hit("dang-ky-khai-tu", 1), hit("dang-ky-khai-sinh", 1)] })).toBe(true);
    expect(stays({ kind: "answer", hit: hit("cap-ho-chieu-pho-thong", 1) }, { strongWords: 0 })).toBe(true);
  });

  it("moves when a message of facet words only asks what they mean ('toàn trình là sao' after a card)", () => {
    expect(stays({ kind: "answer", hit: hit("muc-do-dich-vu-cong-truc-tuyen", 1) }, { strongWords: 0, asksMeaning: true })).toBe(false);
  });

  it("moves only when the other entry is named clearly (half its name or more)", () => {
    expect(stays({ kind: "answer", hit: hit("nhan-ket-qua-buu-chinh", 0.42) })).toBe(true);
    expect(stays({ kind: "answer", hit: hit("cap-ho-chieu-pho-thong", 0.5) })).toBe(false);
  });
});
