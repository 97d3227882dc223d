import { describe, expect, it } from "vitest";
import type { Entry } from "../../src/knowledge/schema.js";
import type { SearchDecision, SearchHit, SearchResult } from "../../src/knowledge/search.js";
import { readsWithTopic, staysOnTopic } from "../../src/engine/topic.js";
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

describe("readsWithTopic", () => {
  const entry = (id: string) => ({ id }) as Entry;
  const topic = entry("dang-ky-tam-tru");
  const hit = (id: string, score: number, namePrecision = 0.2): SearchHit => ({
    entry: entry(id),
    score,
    why: { coverage: 0.5, nameCoverage: 0.5, namePrecision, phrase: 0, missing: 0, foreignPairs: 0, heldPairs: 0 },
  });
  const unknown: SearchDecision = { kind: "unknown", suggestions: [] };
  // "thế làm ở phường nào, em ở trọ" after registering temporary residence: the search alone places it nowhere, the topic second.
  const result = (over: Partial<SearchResult> = {}): SearchResult => ({
    hits: [hit("chinh-quyen-hai-cap", 0.62), hit("dang-ky-tam-tru", 0.46)],
    decision: unknown,
    confident: false,
    ambiguous: false,
    facets: new Set(),
    unknownWords: [],
    strongWords: 2,
    asksMeaning: false,
    ...over,
  });
  const reads = (text: string, over: Partial<SearchResult> = {}, decision: SearchDecision = unknown) =>
    readsWithTopic(text, result({ decision, ...over }), decision, topic);
  const ASKS = "thế làm ở phường nào, em ở trọ";

  it("reads a short question that the search cannot place, and that touches the topic, with the topic", () => {
    expect(reads(ASKS)).toBe(true);
    expect(reads("the lam o phuong nao")).toBe(true);
    expect(reads("làm ở đó luôn được không ạ")).toBe(true);
    expect(reads("làm ở đó luôn?")).toBe(true);
  });

  it("not a message that asks nothing, nor 'máy', 'bảo' typed bare ('cảm ơn cháu nhé, cái máy này giỏi quá')", () => {
    expect(reads("cam on chau nhe, cai may nay gioi qua")).toBe(false);
    expect(reads("em ở trọ, chủ nhà bảo vậy")).toBe(false);
    expect(reads("em o tro, chu nha bao vay")).toBe(false);
    expect(reads("nha tro nhieu nguoi o lam")).toBe(false);
  });

  it("nothing found: not when the topic is not among the first two hits, or scores low (the message does not touch it)", () => {
    expect(reads(ASKS, { hits: [hit("chinh-quyen-hai-cap", 0.62), hit("dang-ky-khai-sinh", 0.5), hit("dang-ky-tam-tru", 0.46)] })).toBe(false);
    expect(reads(ASKS, { hits: [hit("chinh-quyen-hai-cap", 0.62), hit("dang-ky-tam-tru", 0.2)] })).toBe(false);
  });

  it("not a longer message, one with a word the knowledge lacks, or one that asks a facet (staysOnTopic reads those)", () => {
    expect(reads(ASKS, { strongWords: 5 })).toBe(false);
    expect(reads(ASKS, { unknownWords: ["visa"] })).toBe(false);
    expect(reads(ASKS, { facets: new Set(["where"]) })).toBe(false);
  });

  it("an answer that names its entry weakly and is not the topic is read again; one named clearly, or the topic, is not", () => {
    expect(reads(ASKS, {}, { kind: "answer", hit: hit("dang-ky-khai-sinh-qua-han", 0.7, 0.47) })).toBe(true);
    expect(reads(ASKS, {}, { kind: "answer", hit: hit("dang-ky-khai-sinh-qua-han", 0.7, 0.6) })).toBe(false);
    expect(reads(ASKS, {}, { kind: "answer", hit: hit("dang-ky-tam-tru", 0.7, 0.3) })).toBe(false);
    // Whether or not the topic is among the hits ("còn nếu thẻ quá hạn mấy tháng rồi thì sao" after the BHYT card).
    expect(reads(ASKS, { hits: [hit("dang-ky-khai-sinh-qua-han", 0.7, 0.47)] }, { kind: "answer", hit: hit("dang-ky-khai-sinh-qua-han", 0.7, 0.47) })).toBe(true);
  });
});
