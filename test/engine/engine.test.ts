import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildCore } from "../../src/runtime/core.js";
import { repliesToPlainText } from "../../src/runtime/plain-text.js";
import type { Engine } from "../../src/engine/engine.js";
import type { Inbound, Session, Turn } from "../../src/engine/types.js";
import { fold } from "../../src/text/normalize.js";
import { conversation as engineConversation } from "../helpers/conversation.js";

/**
 * The engine on a small fixture knowledge base written for these tests (test/fixtures/), so a
 * change of wording or fees in the real knowledge/ never breaks them.
 */
const FIXTURES = join(import.meta.dirname, "../fixtures");
let engine: Engine;
beforeAll(() => {
  const { core, problems } = buildCore({ knowledgeDir: join(FIXTURES, "knowledge"), flowsDir: join(FIXTURES, "flows") });
  expect(problems).toEqual([]);
  engine = core!.engine;
});

/** A citizen on a channel without buttons: each turn's session feeds the next. */
const conversation = (channel: Inbound["channel"] = "zalo") => engineConversation(() => engine, { channel, start: Date.UTC(2026, 10, 23, 8) });

const text = (turn: Turn) => fold(repliesToPlainText(turn.replies));
const choices = (turn: Turn) => turn.replies.flatMap((r) => r.choices ?? []);
const heading = (turn: Turn) => {
  const h = turn.replies[0]?.blocks.find((b) => b.type === "heading");
  return h && h.type === "heading" ? h.text : undefined;
};
/** What the card shows first after its heading and level badge: the facet asked for. */
const firstSection = (turn: Turn) => fold(repliesToPlainText([{ blocks: turn.replies[0]!.blocks.slice(2, 3) }]));

describe("engine: answers", () => {
  it("answers a procedure with its level, the facet asked and the official link", () => {
    const t = conversation().say("le phi dang ky tam tru bao nhieu");
    expect(heading(t)).toBe("Đăng ký tạm trú");
    expect(text(t)).toContain("toan trinh");
    expect(text(t)).toContain("15.000 dong");
    expect(text(t)).toContain("7.000 dong");
    expect(text(t)).toContain("https://dichvucong.gov.vn");
    expect(t.effects).toContainEqual({ type: "metric", name: "answered", labels: { kind: "procedure" } });
  });

  it("maps a typed number to the choice on screen (no buttons on Zalo)", () => {
    const c = conversation();
    const first = c.say("đăng ký tạm trú");
    const docIndex = choices(first).findIndex((x) => x.id.startsWith("q:d:"));
    expect(docIndex).toBeGreaterThanOrEqual(0);
    expect(text(c.say(String(docIndex + 1)))).toContain("giay to can chuan bi");
  });

  it("a button press picks the same choice as the number", () => {
    const c = conversation("telegram");
    const feeChoice = choices(c.say("đăng ký tạm trú")).find((x) => x.id.startsWith("q:f:"))!;
    expect(Buffer.byteLength(feeChoice.id)).toBeLessThanOrEqual(64);
    expect(firstSection(c.press(feeChoice.id))).toContain("le phi");
  });

  it("answers a sticker or photo politely", () => {
    const t = engine.handle({ type: "unsupported", what: "sticker", channel: "zalo", chatId: "c", userId: "u", at: 1 }, null);
    expect(text(t)).toContain("chi doc duoc tin nhan chu");
  });

  it("records a one-tap 'helpful' with the entry", () => {
    const c = conversation();
    const yes = choices(c.say("đăng ký khai sinh")).find((x) => x.id.startsWith("h:1:"))!;
    expect(c.press(yes.id).effects).toContainEqual({ type: "record", stream: "helpful", record: { entryId: "dang-ky-khai-sinh", helpful: true, channel: "zalo" } });
  });

  it("counts a helpful vote only for an answer shown in this session, once", () => {
    const helpfulRecords = (t: Turn) => t.effects.filter((e) => e.type === "record" && e.stream === "helpful");
    const c = conversation();
    // Forged: an entry that does not exist, and a real one this session was never shown.
    expect(helpfulRecords(c.press("h:0:not-a-real-entry"))).toEqual([]);
    expect(helpfulRecords(c.press("h:0:dang-ky-khai-sinh"))).toEqual([]);
    c.say("đăng ký khai sinh");
    expect(helpfulRecords(c.press("h:0:dang-ky-khai-sinh"))).toHaveLength(1);
    // The same button pressed again (or replayed) is thanked, not counted twice.
    expect(helpfulRecords(c.press("h:0:dang-ky-khai-sinh"))).toEqual([]);
    expect(text(c.press("h:1:dang-ky-khai-sinh"))).toContain("cam on");
  });

  it("invites to the survey only as the conversation winds down, at most once", () => {
    const offered = (t: Turn) => choices(t).some((x) => x.id === "g:survey");
    const c = conversation();
    expect(offered(c.say("đăng ký khai sinh"))).toBe(false);
    expect(offered(c.say("đăng ký tạm trú"))).toBe(false);
    const done = c.say("xong rồi");
    expect(offered(done)).toBe(true);
    expect(offered(c.say("làm hộ chiếu"))).toBe(false);
    expect(offered(c.say("cảm ơn"))).toBe(false);
  });

  it("after several answered questions the invitation comes with the answer, once", () => {
    const offered = (t: Turn) => choices(t).some((x) => x.id === "g:survey");
    const c = conversation();
    const turns = ["đăng ký khai sinh", "đăng ký tạm trú", "làm hộ chiếu", "đăng ký khai sinh", "đăng ký tạm trú"].map((q) => offered(c.say(q)));
    expect(turns).toEqual([false, false, false, true, false]);
  });

  it("gives the hand-over a hook to invite to the survey when a case closes", () => {
    const c = conversation();
    c.say("đăng ký khai sinh");
    const invited = engine.inviteSurvey(c.session, Date.UTC(2026, 10, 23, 9));
    expect(choices(invited).map((x) => x.id)).toEqual(["g:survey", "m"]);
    expect(invited.session.surveyOfferedAt).toBe(Date.UTC(2026, 10, 23, 9));
    expect(engine.inviteSurvey(invited.session, Date.UTC(2026, 10, 23, 10)).replies).toEqual([]);
  });

  it("keeps the session versioned and replaces an unknown version", () => {
    const t = engine.handle({ type: "text", text: "chào", channel: "web", chatId: "c", userId: "u", at: 1 }, { v: 99 } as unknown as Session);
    expect(t.session.v).toBe(1);
  });
});

describe("engine: intents from intents.yaml", () => {
  it("greets with the whole welcome once, then with a short hello", () => {
    const c = conversation();
    const first = c.say("xin chào");
    expect(text(first)).toContain("xin chao! toi la tro ly");
    expect(choices(first).map((x) => x.id)).toContain("e:tra-cuu-ho-so");
    const again = c.say("chào bạn ạ");
    expect(text(again)).not.toContain("toi la tro ly");
    expect(text(again).length).toBeLessThan(80);
    expect(choices(again).map((x) => x.id)).toEqual(["m"]);
  });

  it.each(["cho tôi nói chuyện với cán bộ", "tôi muốn gặp nhân viên tư vấn", "gặp người thật", "/canbo", "cho toi noi chuyen voi can bo"])(
    "asking for a person (%s) gets the honest ways to reach one, not a search",
    (message) => {
      const t = conversation().say(message);
      expect(text(t)).toContain("1800 1096");
      expect(text(t)).toContain("mot cua");
      expect(text(t)).toContain("phan anh kien nghi");
      expect(choices(t).map((x) => x.id)).toContain("e:tong-dai-ho-tro");
      expect(t.effects.some((e) => e.type === "record" && e.stream === "unanswered")).toBe(false);
    },
  );

  it("in a guided flow, a whole-message command for a person interrupts it, free text does not", () => {
    const c = conversation();
    c.say("đánh giá");
    c.say("5");
    // A survey comment that mentions staff is the comment, not a request for a person.
    const done = c.say("nhân viên tư vấn rất nhiệt tình");
    expect(done.effects).toContainEqual(expect.objectContaining({ type: "record", stream: "survey", record: expect.objectContaining({ comment: "nhân viên tư vấn rất nhiệt tình" }) }));
    c.say("đánh giá");
    expect(c.session?.flow?.flowId).toBe("survey");
    expect(text(c.say("/canbo"))).toContain("1800 1096");
    expect(c.session?.flow).toBeUndefined();
  });

  it("refuses firmly and politely to help forge papers, and says the lawful way", () => {
    for (const message of ["mua bằng lái không cần thi", "làm giả bằng", "mua bang lai khong can thi"]) {
      const t = conversation().say(message);
      expect(text(t), message).toContain("khong the ho tro");
      expect(text(t), message).toContain("vi pham phap luat");
      expect(text(t), message).toContain("thi sat hach");
      expect(heading(t), message).toBeUndefined();
    }
  });

  it("a victim of forgery is not refused", () => {
    expect(text(conversation().say("tôi bị làm giả giấy tờ thì báo ở đâu"))).not.toContain("khong the ho tro");
  });

  it("refuses to help into someone else's account, and says the lawful way", () => {
    const t = conversation().say("vào tài khoản VNeID của vợ không cần mật khẩu");
    expect(text(t)).toContain("khong the huong dan");
    expect(text(t)).toContain("uy quyen");
    expect(heading(t)).toBeUndefined();
  });

  it.each(["giá vàng hôm nay", "mua vé máy bay", "thời tiết ngày mai thế nào", "tối nay bóng đá mấy giờ"])(
    "out of domain (%s): one short line, no suggestions, no knowledge gap recorded",
    (message) => {
      const t = conversation().say(message);
      expect(text(t)).toContain("chi ho tro ve thu tuc hanh chinh");
      expect(choices(t).map((x) => x.id)).toEqual(["m"]);
      expect(t.replies).toHaveLength(1);
      expect(t.effects.some((e) => e.type === "record")).toBe(false);
    },
  );

  it("a real question that mentions a plane is still answered", () => {
    expect(heading(conversation().say("làm hộ chiếu để mua vé máy bay"))).toBe("Cấp hộ chiếu phổ thông");
  });

  it("never pretends to know a dossier's status", () => {
    const t = conversation().say("hồ sơ của tôi đến đâu rồi, mã G22.99-231120-0001");
    expect(text(t)).toContain("khong xem duoc tinh trang ho so");
    expect(choices(t).map((x) => x.id)).toContain("e:tra-cuu-ho-so");
  });

  it("thanks, with the survey offered; a long message that starts with thanks is still a question", () => {
    const c = conversation();
    const t = c.say("cảm ơn bạn nhiều");
    expect(text(t)).toContain("rat vui duoc ho tro");
    expect(choices(t).map((x) => x.id)).toEqual(["g:survey"]);
    expect(heading(c.say("cảm ơn, cho tôi hỏi lệ phí làm hộ chiếu"))).toBe("Cấp hộ chiếu phổ thông");
  });

  it("the survey's last message leaves the menu to press", () => {
    const c = conversation();
    c.say("đánh giá");
    c.say("5");
    const done = c.say("bỏ qua");
    expect(c.session?.flow).toBeUndefined();
    expect(text(done)).toContain("cam on");
    expect(choices(done).map((x) => x.id)).toEqual(["m"]);
  });

  it("'đánh giá' starts the survey; 'hủy' and 'menu' leave it cleanly", () => {
    const c = conversation();
    c.say("đánh giá");
    expect(c.session?.flow?.flowId).toBe("survey");
    c.say("hủy");
    expect(c.session?.flow).toBeUndefined();
    c.say("đánh giá");
    c.say("menu");
    expect(c.session?.flow).toBeUndefined();
    expect(heading(c.say("lệ phí làm hộ chiếu"))).toBe("Cấp hộ chiếu phổ thông");
  });

  it("help, by word or a lone question mark", () => {
    expect(text(conversation().say("trợ giúp"))).toContain("ban co the");
    expect(text(conversation().say("?"))).toContain("ban co the");
  });
});

describe("engine: the conversation's topic", () => {
  it("after 'làm hộ chiếu', 'lệ phí bao nhiêu' is the passport fee (also without diacritics)", () => {
    for (const followUp of ["lệ phí bao nhiêu", "le phi bao nhieu", "phí bao nhiêu"]) {
      const c = conversation();
      c.say("làm hộ chiếu");
      const t = c.say(followUp);
      expect(heading(t), followUp).toBe("Cấp hộ chiếu phổ thông");
      expect(firstSection(t), followUp).toContain("200.000 dong");
    }
  });

  it("after 'đăng ký khai sinh', time, papers and place all stay on khai sinh", () => {
    const c = conversation();
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
    const c = conversation();
    c.say("dang ky khai sinh");
    expect(heading(c.say("bao lau thi co ket qua"))).toBe("Đăng ký khai sinh");
    expect(heading(c.say("can mang gi"))).toBe("Đăng ký khai sinh");
    expect(heading(c.say("o dau lam"))).toBe("Đăng ký khai sinh");
  });

  it("a message that names a new topic switches to it", () => {
    const c = conversation();
    c.say("đăng ký khai sinh");
    const t = c.say("còn lệ phí làm hộ chiếu?");
    expect(heading(t)).toBe("Cấp hộ chiếu phổ thông");
    expect(heading(c.say("ở đâu"))).toBe("Cấp hộ chiếu phổ thông");
  });

  it("with no topic, a facet question asks which procedure with one-tap choices, and never guesses", () => {
    for (const message of ["cần mang gì", "ở đâu làm", "lệ phí bao nhiêu"]) {
      const t = conversation().say(message);
      expect(heading(t), message).toBeUndefined();
      expect(text(t), message).toContain("thu tuc nao");
      expect(choices(t).map((x) => x.id.split(":").at(-1)), message).toEqual(["dang-ky-khai-sinh", "cap-ho-chieu-pho-thong", "dang-ky-tam-tru"]);
    }
  });

  it("a tap on 'which procedure?' answers that procedure with the facet asked", () => {
    const c = conversation();
    const ask = c.say("cần mang gì");
    const passport = choices(ask).find((x) => x.id.endsWith("cap-ho-chieu-pho-thong"))!;
    const t = c.press(passport.id);
    expect(heading(t)).toBe("Cấp hộ chiếu phổ thông");
    expect(firstSection(t)).toContain("giay to can chuan bi");
  });
});

describe("engine: clarifying questions", () => {
  it("close variants get one short question with one-tap options; a tap answers with the facet asked", () => {
    const c = conversation();
    const ask = c.say("lệ phí bằng lái");
    expect(heading(ask)).toBeUndefined();
    expect(ask.replies).toHaveLength(1);
    expect(ask.replies[0]!.blocks).toHaveLength(1);
    const options = choices(ask);
    expect(options.map((x) => x.label)).toEqual(expect.arrayContaining(["Cấp lại giấy phép lái xe bị mất", "Đổi giấy phép lái xe bị hỏng"]));
    const t = c.press(options.find((x) => x.label.startsWith("Đổi"))!.id);
    expect(heading(t)).toBe("Đổi giấy phép lái xe bị hỏng");
    expect(firstSection(t)).toContain("le phi");
    expect(c.session?.lastEntryId).toBe("doi-giay-phep-lai-xe");
  });

  it("typing the option's number on Zalo picks it the same way", () => {
    const c = conversation();
    const options = choices(c.say("bằng lái"));
    const n = options.findIndex((x) => x.label.startsWith("Cấp lại")) + 1;
    expect(heading(c.say(String(n)))).toBe("Cấp lại giấy phép lái xe bị mất");
  });

  it("does not ask when the question names option 1 whole", () => {
    expect(heading(conversation().say("cấp lại bằng lái bị mất"))).toBe("Cấp lại giấy phép lái xe bị mất");
  });
});

describe("engine: I don't know", () => {
  it("puts the options right under the question, then the portal and the hotline; records the gap without personal data", () => {
    const t = conversation().say("thủ tục khai sinh flycam, sđt tôi 0912345678");
    const gap = t.effects.find((e) => e.type === "record" && e.stream === "unanswered");
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
    expect(question!.choices!.map((x) => x.id)).toContain("e:dang-ky-khai-sinh");
    expect(fold(repliesToPlainText([question!]))).not.toContain("1800 1096");
    expect(ways!.choices).toBeUndefined();
    expect(fold(repliesToPlainText([ways!]))).toContain("1800 1096");
    expect(fold(repliesToPlainText([ways!]))).toContain("https://dichvucong.gov.vn");
  });

  it("a question with nothing near gets no suggestions, just the ways forward", () => {
    const t = conversation().say("đăng ký karaoke");
    expect(text(t)).toContain("xin loi");
    expect(text(t)).toContain("1800 1096");
    expect(text(t)).toContain("https://dichvucong.gov.vn");
    expect(text(t)).not.toContain("co phai ban muon hoi");
    expect(choices(t).map((x) => x.id)).toEqual(["m"]);
  });
});
