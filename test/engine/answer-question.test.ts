import { describe, expect, it } from "vitest";
import { decodeChoice, encodeChoice } from "../../src/engine/choice-id.js";
import { repliesToPlainText } from "../../src/runtime/plain-text.js";
import { fold } from "../../src/text/normalize.js";
import { choices, conversation, entryId, firstSection, fixtureEngine, heading, ids, MENU_ID, records, text } from "./fixture-engine.js";

/** A question for the knowledge base: which procedure, which of close variants, or "I don't know". */
const engine = fixtureEngine();

describe("which procedure?", () => {
  it("with no topic, a facet question asks which procedure with one-tap choices, and never guesses", () => {
    for (const message of ["cần mang gì", "ở đâu làm", "lệ phí bao nhiêu"]) {
      const t = conversation(engine).say(message);
      expect(heading(t), message).toBeUndefined();
      expect(text(t), message).toContain("thu tuc nao");
      const entries = ids(t).map((id) => {
        const choice = decodeChoice(id);
        return choice?.kind === "facets" ? choice.entry : undefined;
      });
      expect(entries, message).toEqual(["dang-ky-khai-sinh", "cap-ho-chieu-pho-thong", "dang-ky-tam-tru"]);
    }
  });

  it("a tap on 'which procedure?' answers that procedure with the facet asked", () => {
    const c = conversation(engine);
    c.say("cần mang gì");
    const t = c.press({ kind: "facets", entry: "cap-ho-chieu-pho-thong", facets: ["documents"] });
    expect(heading(t)).toBe("Cấp hộ chiếu phổ thông");
    expect(firstSection(t)).toContain("giay to can chuan bi");
  });
});

describe("clarifying questions", () => {
  it("close variants get one short question with one-tap options; a tap answers with the facet asked", () => {
    const c = conversation(engine);
    const ask = c.say("lệ phí bằng lái");
    expect(heading(ask)).toBeUndefined();
    expect(ask.replies).toHaveLength(1);
    expect(ask.replies[0]!.blocks).toHaveLength(1);
    const options = choices(ask);
    expect(options.map((x) => x.label)).toEqual(expect.arrayContaining(["Cấp lại giấy phép lái xe bị mất", "Đổi giấy phép lái xe bị hỏng"]));
    expect(options.find((x) => x.label.startsWith("Đổi"))!.id).toBe(encodeChoice({ kind: "facets", entry: "doi-giay-phep-lai-xe", facets: ["fee"] }));
    const t = c.press(options.find((x) => x.label.startsWith("Đổi"))!.id);
    expect(heading(t)).toBe("Đổi giấy phép lái xe bị hỏng");
    expect(firstSection(t)).toContain("le phi");
    expect(c.session?.lastEntryId).toBe("doi-giay-phep-lai-xe");
  });

  it("typing the option's number on Zalo picks it the same way", () => {
    const c = conversation(engine);
    const options = choices(c.say("bằng lái"));
    const n = options.findIndex((x) => x.label.startsWith("Cấp lại")) + 1;
    expect(heading(c.say(String(n)))).toBe("Cấp lại giấy phép lái xe bị mất");
  });

  it("does not ask when the question names option 1 whole", () => {
    expect(heading(conversation(engine).say("cấp lại bằng lái bị mất"))).toBe("Cấp lại giấy phép lái xe bị mất");
  });
});

describe("I don't know", () => {
  it("puts the options right under the question, then the portal and the hotline; records the gap without personal data", () => {
    const t = conversation(engine).say("thủ tục khai sinh flycam, sđt tôi 0912345678");
    const gap = records(t, "unanswered")[0];
    const query = gap?.type === "record" ? String(gap.record.query) : "";
    expect(query).toContain("flycam");
    expect(query).not.toContain("0912345678");
    // The administrator reads what the citizen wrote (with diacritics); the folded key groups spellings.
    expect(query).toContain("thủ tục khai sinh flycam, sđt tôi");
    expect(gap?.type === "record" ? gap.record.key : "").toBe(fold(query));
    // The question and its options are one message; the ways forward follow, apart from them.
    expect(t.replies).toHaveLength(2);
    const [question, ways] = t.replies;
    expect(fold(repliesToPlainText([question!]))).toContain("co phai ban muon hoi");
    expect(question!.choices!.map((x) => x.id)).toContain(entryId("dang-ky-khai-sinh"));
    expect(fold(repliesToPlainText([question!]))).not.toContain("1800 1096");
    expect(ways!.choices).toBeUndefined();
    expect(fold(repliesToPlainText([ways!]))).toContain("1800 1096");
    expect(fold(repliesToPlainText([ways!]))).toContain("https://dichvucong.gov.vn");
  });

  it("asks about one suggestion as one ('nội dung dưới đây'), about several as a list", () => {
    const one = conversation(engine).say("hộ chiếu flycam drone");
    expect(ids(one)).toEqual([entryId("cap-ho-chieu-pho-thong"), MENU_ID]);
    expect(text(one)).toContain("noi dung duoi day");
    expect(text(one)).not.toContain("mot trong cac thu tuc");
    const two = conversation(engine).say("khai sinh flycam");
    expect(ids(two)).toHaveLength(3);
    expect(text(two)).toContain("mot trong cac thu tuc");
  });

  it("a question with nothing near gets no suggestions, just the ways forward", () => {
    const t = conversation(engine).say("đăng ký karaoke");
    expect(text(t)).toContain("xin loi");
    expect(text(t)).toContain("1800 1096");
    expect(text(t)).toContain("https://dichvucong.gov.vn");
    expect(text(t)).not.toContain("co phai ban muon hoi");
    expect(ids(t)).toEqual([MENU_ID]);
  });
});
