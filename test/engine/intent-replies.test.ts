import { describe, expect, it } from "vitest";
import { accentsAgree, asksDuty, FIRM_ANSWER, firmlyNamed, intentScope } from "../../src/engine/intent-replies.js";
import { AFTER_SEARCH, INTENT_NAMES, messageForms } from "../../src/engine/intents.js";
import type { SearchHit } from "../../src/knowledge/search.js";
import type { SearchResult } from "../../src/knowledge/search.js";
import { conversation, entryId, fixtureEngine, fixtureEngineOn, heading, ids, MENU_ID, SURVEY_ID, text } from "./fixture-engine.js";

/** Messages that are not questions about a procedure: the words are in test/fixtures/knowledge/intents.yaml. */
const engine = fixtureEngine();

describe("intents from intents.yaml", () => {
  it("greets with the whole welcome once, then with a short hello", () => {
    const c = conversation(engine);
    const first = c.say("xin chào");
    expect(text(first)).toContain("xin chao! toi la tro ly");
    expect(ids(first)).toContain(entryId("tra-cuu-ho-so"));
    const again = c.say("chào bạn ạ");
    expect(text(again)).not.toContain("toi la tro ly");
    expect(text(again).length).toBeLessThan(80);
    expect(ids(again)).toEqual([MENU_ID]);
  });

  it.each(["cho tôi nói chuyện với cán bộ", "tôi muốn gặp nhân viên tư vấn", "gặp người thật", "/canbo", "cho toi noi chuyen voi can bo"])(
    "asking for a person (%s) gets the honest ways to reach one, not a search",
    (message) => {
      const t = conversation(engine).say(message);
      expect(text(t)).toContain("1800 1096");
      expect(text(t)).toContain("mot cua");
      expect(text(t)).toContain("phan anh kien nghi");
      expect(ids(t)).toContain(entryId("tong-dai-ho-tro"));
      expect(t.effects.some((e) => e.type === "record" && e.stream === "unanswered")).toBe(false);
    },
  );

  it("in a guided flow, a whole-message command for a person interrupts it, free text does not", () => {
    const c = conversation(engine);
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
      const t = conversation(engine).say(message);
      expect(text(t), message).toContain("khong the ho tro");
      expect(text(t), message).toContain("vi pham phap luat");
      expect(text(t), message).toContain("thi sat hach");
      expect(heading(t), message).toBeUndefined();
    }
  });

  it.each(["làm hộ chiếu nhanh, trả thêm tiền được không", "có người quen ở phường làm gấp giúp không", "cần lót tay bao nhiêu"])(
    "refuses to help pay or use connections to go faster (%s), says the published time and where to report",
    (message) => {
      const t = conversation(engine).say(message);
      expect(text(t)).toContain("khong the huong dan viec dua them tien");
      expect(text(t)).toContain("thoi han giai quyet");
      expect(text(t)).toContain("phan anh");
      expect(ids(t)).toContain(entryId("tra-cuu-ho-so"));
      expect(heading(t)).toBeUndefined();
    },
  );

  it("a citizen asked for money who wants to report it is not refused", () => {
    expect(text(conversation(engine).say("bị đòi bồi dưỡng mới làm nhanh thì phản ánh ở đâu"))).not.toContain("khong the huong dan viec dua them tien");
  });

  it("a victim of forgery is not refused", () => {
    expect(text(conversation(engine).say("tôi bị làm giả giấy tờ thì báo ở đâu"))).not.toContain("khong the ho tro");
  });

  it("refuses to help into someone else's account, and says the lawful way", () => {
    const t = conversation(engine).say("vào tài khoản VNeID của vợ không cần mật khẩu");
    expect(text(t)).toContain("khong the huong dan");
    expect(text(t)).toContain("uy quyen");
    expect(heading(t)).toBeUndefined();
  });

  it.each(["giá vàng hôm nay", "mua vé máy bay", "thời tiết ngày mai thế nào", "tối nay bóng đá mấy giờ"])(
    "out of domain (%s): one short line, no suggestions, no knowledge gap recorded",
    (message) => {
      const t = conversation(engine).say(message);
      expect(text(t)).toContain("chi ho tro ve thu tuc hanh chinh");
      expect(ids(t)).toEqual([MENU_ID]);
      expect(t.replies).toHaveLength(1);
      expect(t.effects.some((e) => e.type === "record")).toBe(false);
    },
  );

  it.each(["thủ tục nhận con nuôi", "xe đi đăng kiểm cần mang gì"])(
    "a service with no entry yet (%s): said plainly, the portal and hotline, recorded for staff, no card",
    (message) => {
      const t = conversation(engine).say(message);
      expect(text(t)).toContain("chua co huong dan ve thu tuc nay");
      expect(text(t)).toContain("1800 1096");
      expect(heading(t)).toBeUndefined();
      expect(t.effects).toContainEqual(expect.objectContaining({ type: "record", stream: "unanswered", record: expect.objectContaining({ query: message }) }));
    },
  );

  it("a question that names an entry firmly is answered even with a not-covered phrase in it", () => {
    expect(heading(conversation(engine).say("cấp hộ chiếu phổ thông cho bé sau khi nhận con nuôi"))).toBe("Cấp hộ chiếu phổ thông");
    expect(text(conversation(engine).say("nhận con nuôi có được hưởng thai sản không"))).not.toContain("chua co huong dan ve thu tuc nay");
  });

  it("a fine's amount: no card (none states fines), said plainly, the procedure found offered as one tap, recorded for staff", () => {
    const message = "nhà em cho mấy bạn sinh viên thuê trọ, nếu không khai tạm trú cho các bạn thì bị phạt bao nhiêu";
    // The search alone would answer tạm trú, but that card says nothing of fines.
    expect(engine.search(message).decision.kind).toBe("answer");
    const t = conversation(engine).say(message);
    expect(text(t)).toContain("chua co thong tin ve muc phat");
    expect(text(t)).toContain("thu tuc lien quan");
    // No "find the procedure on the portal": a fine's amount is not a procedure to look up.
    expect(text(t)).not.toContain("tim thu tuc tren cong");
    expect(heading(t)).toBeUndefined();
    expect(ids(t)).toContain(entryId("dang-ky-tam-tru"));
    expect(t.effects).toContainEqual(expect.objectContaining({ type: "record", stream: "unanswered" }));
  });

  it("fine words without an amount asked, or an amount that is no fine, keep the card", () => {
    expect(heading(conversation(engine).say("đăng ký tạm trú có bị phạt không"))).toBe("Đăng ký tạm trú");
    expect(heading(conversation(engine).say("đăng ký tạm trú lệ phí bao nhiêu"))).toBe("Đăng ký tạm trú");
  });

  it("a fine asked of an entry named firmly: the penalty reply, that entry offered first", () => {
    const message = "đăng ký tạm trú bị phạt bao nhiêu";
    expect(firmlyNamed(engine.search(message))).toBe(true);
    const t = conversation(engine).say(message);
    expect(heading(t)).toBeUndefined();
    expect(text(t)).toContain("chua co thong tin ve muc phat");
    expect(ids(t)[0]).toBe(entryId("dang-ky-tam-tru"));
  });

  it("an entry named firmly that is asked another facet too keeps its card: it answers that part, after a line on the fine", () => {
    const t = conversation(engine).say("đăng ký tạm trú cần giấy tờ gì, không đăng ký thì bị phạt bao nhiêu");
    expect(heading(t)).toBe("Đăng ký tạm trú");
    expect(text(t)).toContain("chua co thong tin ve muc phat");
  });

  it("an entry named firmly that is asked whether or how it must be done keeps its card; asking only whether there is a fine does not", () => {
    const duty = conversation(engine).say("chủ nhà có phải đăng ký tạm trú cho người thuê không, không đăng ký thì bị phạt bao nhiêu");
    expect(heading(duty)).toBe("Đăng ký tạm trú");
    // The fine is not passed over: a line says there is no information on it, before the card.
    expect(text(duty)).toContain("chua co thong tin ve muc phat");
    expect(text(duty).indexOf("chua co thong tin ve muc phat")).toBeLessThan(text(duty).indexOf("dang ky tam tru"));
    expect(heading(conversation(engine).say("chu nha co bat buoc dang ky tam tru cho nguoi thue khong, khong dang ky thi bi phat bao nhieu"))).toBe("Đăng ký tạm trú");
    const fineOnly = conversation(engine).say("đăng ký tạm trú trễ có phải bị phạt không, phạt bao nhiêu");
    expect(heading(fineOnly)).toBeUndefined();
    expect(text(fineOnly)).toContain("chua co thong tin ve muc phat");
  });

  it.each([
    ["chủ trọ có phải khai báo tạm trú cho người thuê không, phạt bao nhiêu", true],
    ["co can dang ky khong, khong dang ky bi phat bao nhieu", true],
    ["có bắt buộc đăng ký không, phạt mấy trăm", true],
    // "có căn cước" typed with accents is no "có cần"; the fine asked "có phải là bị phạt", "thế nào".
    ["con 14 tuổi chưa có căn cước thì bị phạt bao nhiêu", false],
    ["co phai la bi phat khong, phat bao nhieu", false],
    ["không đăng ký tạm trú bị phạt thế nào", false],
    ["khong dang ky tam tru bi phat ntn", false],
  ])("asksDuty: %s → %s", (text, expected) => {
    expect(asksDuty(messageForms(text))).toBe(expected);
  });

  it("`dvc-bot check` allows `over` exactly under the intents tried after the search", () => {
    expect(INTENT_NAMES.filter((n) => intentScope(n) === "unanswered")).toEqual([...AFTER_SEARCH]);
  });

  it("a procedure offered with the fine reply agrees with the accents typed: 'trễ' is not 'trẻ'", () => {
    const hit = { entry: { title: "Đăng ký khai sinh cho trẻ bị bỏ rơi" } } as unknown as SearchHit;
    expect(accentsAgree(hit, messageForms("khai sinh trễ bị phạt mấy trăm"))).toBe(false);
    expect(accentsAgree(hit, messageForms("khai sinh tre bi phat may tram"))).toBe(true);
    expect(accentsAgree(hit, messageForms("khai sinh trễ cho trẻ bị phạt mấy trăm"))).toBe(true);
  });

  it("an entry staff list under the intent's `answered_by` answers a fine question with its card", () => {
    expect(heading(conversation(engine).say("đăng ký khai tử trễ bị phạt bao nhiêu"))).toBe("Đăng ký khai tử");
    // Without that line, the same message gets the penalty reply.
    expect(heading(conversation(engine).say("đăng ký khai sinh trễ bị phạt bao nhiêu"))).toBeUndefined();
  });

  it("an 'over' phrase takes the message even from a firm answer: a service no entry covers, said next to one that has an entry", () => {
    const story = "đăng ký tạm trú cho chồng người nước ngoài xong rồi, giờ xin thẻ tạm trú cho anh ấy ở đâu";
    expect(firmlyNamed(engine.search(story))).toBe(true);
    const t = conversation(engine).say(story);
    expect(text(t)).toContain("chua co huong dan ve thu tuc nay");
    expect(heading(t)).toBeUndefined();
    // A `contains` phrase does not ("cấp hộ chiếu phổ thông cho bé sau khi nhận con nuôi" above); the entry alone keeps its card.
    expect(heading(conversation(engine).say("đăng ký tạm trú cho chồng người nước ngoài"))).toBe("Đăng ký tạm trú");
  });

  it("a real question that mentions a plane is still answered", () => {
    expect(heading(conversation(engine).say("làm hộ chiếu để mua vé máy bay"))).toBe("Cấp hộ chiếu phổ thông");
  });

  it("out-of-domain words beat a loose search match, not a firm one", () => {
    // The search alone would answer tạm trú: the name is there, but it explains a fifth of the story.
    const story = "tối qua xem bóng đá với mấy anh em ở quán nhà trọ chỗ đăng ký tạm trú ồn quá";
    expect(engine.search(story).decision.kind).toBe("answer");
    const t = conversation(engine).say(story);
    expect(text(t)).toContain("chi ho tro ve thu tuc hanh chinh");
    expect(heading(t)).toBeUndefined();
    expect(ids(t)).toEqual([MENU_ID]);
    // Named whole with little else: the question is answered.
    expect(heading(conversation(engine).say("số đề tạm trú"))).toBe("Đăng ký tạm trú");
  });

  it("a question about a thing's name or maker: 'I don't answer general knowledge', even against a firm answer, and its procedure as one tap", () => {
    const why = "tại sao lại gọi là hộ chiếu phổ thông";
    // The search names the passport entry firmly: its name is all the message holds besides the question.
    expect(firmlyNamed(engine.search(why))).toBe(true);
    const t = conversation(engine).say(why);
    expect(text(t)).toContain("kien thuc chung");
    expect(heading(t)).toBeUndefined();
    expect(ids(t)).toHaveLength(2);
    expect(ids(t)[1]).toBe(MENU_ID);
    expect(t.effects.some((e) => e.type === "record")).toBe(false);
    // Advice ("có nên … không", a `contains` phrase) does not silence a firmly named card: choosing whether to
    // keep an old passport is a question about the passport.
    expect(firmlyNamed(engine.search("có nên bỏ hộ chiếu phổ thông cũ không"))).toBe(true);
    expect(heading(conversation(engine).say("có nên bỏ hộ chiếu phổ thông cũ không"))).toBe("Cấp hộ chiếu phổ thông");
    // Not firmly named: the advice phrase counts.
    expect(text(conversation(engine).say("có nên mua nhà không"))).toContain("kien thuc chung");
    // A service action next to it ("làm", "ở đâu") makes it a question about the procedure: its card.
    expect(heading(conversation(engine).say("có nên làm hộ chiếu phổ thông không"))).toBe("Cấp hộ chiếu phổ thông");
    expect(heading(conversation(engine).say("hộ chiếu phổ thông tại sao gọi là phổ thông, làm ở đâu"))).toBe("Cấp hộ chiếu phổ thông");
    expect(heading(conversation(engine).say("có nên đăng ký tạm trú không"))).toBe("Đăng ký tạm trú");
  });

  it("a request to translate words is not a question about the procedure it names", () => {
    const t = conversation(engine).say("dịch sang tiếng anh: hộ chiếu");
    expect(text(t)).toContain("chi ho tro ve thu tuc hanh chinh");
    expect(heading(t)).toBeUndefined();
    expect(text(conversation(engine).say("chứng thực bản dịch sang tiếng anh hộ chiếu"))).not.toContain("chi ho tro ve thu tuc hanh chinh");
  });

  it("forgery signals: a gap phrase and a short form ('ko cần thi'); a fee question without accents is not refused", () => {
    for (const message of ["có chỗ nào làm bằng lái xe giả không", "ai lam bang lai ko can thi"]) {
      const t = conversation(engine).say(message);
      expect(text(t), message).toContain("khong the ho tro");
      expect(heading(t), message).toBeUndefined();
    }
    expect(text(conversation(engine).say("doi bang lai gia bao nhieu"))).not.toContain("khong the ho tro");
  });

  it("refuses to help use papers or a SIM in someone else's name, and offers the lawful way", () => {
    const t = conversation(engine).say("có cách nào mua sim đứng tên người khác để đăng ký không");
    expect(text(t)).toContain("khong the huong dan dung sim");
    expect(text(t)).toContain("uy quyen");
    expect(ids(t)).toContain(entryId("tong-dai-ho-tro"));
    expect(heading(t)).toBeUndefined();
    expect(text(conversation(engine).say("tôi lỡ mua sim đứng tên người khác"))).not.toContain("khong the huong dan");
  });

  it("refuses to look up someone else's personal data, before the search, and offers the public hotline", () => {
    // "sổ đỏ" names an entry firmly: the refusal still comes first.
    for (const message of ["xin thông tin chủ sổ đỏ mảnh đất bên cạnh", "xin số điện thoại chủ tịch xã để gọi trực tiếp"]) {
      const t = conversation(engine).say(message);
      expect(text(t), message).toContain("khong cung cap duoc so dien thoai rieng, dia chi hay thong tin ca nhan");
      // The lawful way: the authority's public number.
      expect(text(t), message).toContain("so dien thoai cong khai");
      expect(ids(t), message).toContain(entryId("tong-dai-ho-tro"));
      expect(heading(t), message).toBeUndefined();
    }
    expect(text(conversation(engine).say("thông tin chủ sổ đỏ của tôi bị sai"))).not.toContain("thong tin ca nhan khac cua mot nguoi");
  });

  it("never pretends to know a dossier's status: says so in one line, then shows how to look it up", () => {
    const c = conversation(engine);
    const t = c.say("hồ sơ của tôi đến đâu rồi, mã G22.99-231120-0001");
    expect(t.replies).toHaveLength(1);
    expect(text(t)).toMatch(/^toi khong xem duoc ho so cua ban/);
    expect(heading(t)).toBe("Tra cứu tình trạng hồ sơ");
    expect(text(t)).toContain("nhap ma ho so");
    // The lookup guide is now the topic: a follow-up applies to it.
    expect(c.session?.lastEntryId).toBe("tra-cuu-ho-so");
  });

  it("a complaint about staff names no procedure: the card of the entry staff offer for it; a procedure named firmly still wins", () => {
    const c = conversation(engine);
    const t = c.say("cán bộ một cửa thái độ quá tệ, quát nạt người già");
    expect(heading(t)).toBe("Tổng đài hỗ trợ dịch vụ công");
    expect(c.session?.lastEntryId).toBe("tong-dai-ho-tro");
    expect(heading(conversation(engine).say("cán bộ quát nạt, làm hộ chiếu phổ thông cần giấy tờ gì"))).toBe("Cấp hộ chiếu phổ thông");
  });

  it("where to file now that districts are gone: the card staff offer for it, only when the search shows no card of its own", () => {
    const c = conversation(engine);
    const t = c.say("giờ không còn huyện nữa thì làm giấy tờ ở đâu");
    expect(heading(t)).toBe("Thủ tục cấp huyện nay nộp ở đâu");
    expect(c.session?.lastEntryId).toBe("noi-nop-sau-bo-huyen");
    expect(heading(conversation(engine).say("bỏ huyện rồi thì lên xã hay lên tỉnh"))).toBe("Thủ tục cấp huyện nay nộp ở đâu");
    // Both groups are needed; a procedure the search answers keeps its card.
    expect(heading(conversation(engine).say("không còn huyện nữa à"))).not.toBe("Thủ tục cấp huyện nay nộp ở đâu");
    expect(heading(conversation(engine).say("bỏ huyện rồi, làm hộ chiếu phổ thông ở đâu"))).toBe("Cấp hộ chiếu phổ thông");
  });

  it("an intent that shows its card only when the search has none: one of its 'over' phrases outweighs the search's card", () => {
    // The same procedure named as above, with the intent's `over` phrase (test/fixtures/knowledge/intents.yaml).
    const c = conversation(engine);
    expect(heading(c.say("bỏ huyện rồi, hồ sơ cũ của huyện về hộ chiếu phổ thông nộp ở đâu"))).toBe("Thủ tục cấp huyện nay nộp ở đâu");
    expect(c.session?.lastEntryId).toBe("noi-nop-sau-bo-huyen");
    // Without it, the search's card stands (the test above: "bỏ huyện rồi, làm hộ chiếu phổ thông ở đâu").
    expect(heading(conversation(engine).say("bỏ huyện rồi, hồ sơ về hộ chiếu phổ thông nộp ở đâu"))).toBe("Cấp hộ chiếu phổ thông");
  });

  it("a VNeID account on a SIM in someone else's name: the card staff offer for it, even over a level-2 card named firmly", () => {
    const sim = fixtureEngineOn("knowledge-sim");
    const level2 = "Đăng ký tài khoản định danh điện tử VNeID mức 2";
    const guide = "Số điện thoại (SIM) không chính chủ khi đăng ký VNeID";
    expect(heading(conversation(sim).say("kích hoạt vneid mức 2"))).toBe(level2);
    expect(firmlyNamed(sim.search("sim đứng tên chồng, kích hoạt vneid mức 2 được không"))).toBe(true);
    const c = conversation(sim);
    expect(heading(c.say("sim đứng tên chồng, kích hoạt vneid mức 2 được không"))).toBe(guide);
    expect(c.session?.lastEntryId).toBe("sim-khong-chinh-chu");
    // Its own SIM (`unless`), or no VNeID said: not this card.
    expect(heading(conversation(sim).say("sim chính chủ của vợ mà kích hoạt vneid mức 2 không được"))).toBe(level2);
    expect(heading(conversation(sim).say("sim tên chồng, làm hộ chiếu phổ thông ở đâu"))).toBe("Cấp hộ chiếu phổ thông");
  });

  it("papers after the mergers: the card of the entry staff offer for it, even when the message names a procedure's paper", () => {
    const c = conversation(engine);
    const t = c.say("Trà Vinh nhập vào Vĩnh Long rồi thì giấy khai sinh của con tôi có phải làm lại không");
    expect(heading(t)).toBe("Giấy tờ sau sáp nhập tỉnh có phải đổi không");
    expect(c.session?.lastEntryId).toBe("giay-to-sau-sap-nhap");
    // Both halves are needed, and a where-question is left to the search.
    expect(heading(conversation(engine).say("đăng ký khai sinh có phải làm lại không"))).not.toBe("Giấy tờ sau sáp nhập tỉnh có phải đổi không");
    expect(heading(conversation(engine).say("sáp nhập rồi thì đăng ký khai sinh ở đâu, giấy cũ còn dùng không"))).not.toBe(
      "Giấy tờ sau sáp nhập tỉnh có phải đổi không",
    );
  });

  it("thanks, with the survey offered; a long message that starts with thanks is still a question", () => {
    const c = conversation(engine);
    const t = c.say("cảm ơn bạn nhiều");
    expect(text(t)).toContain("rat vui duoc ho tro");
    expect(ids(t)).toEqual([SURVEY_ID]);
    expect(heading(c.say("cảm ơn, cho tôi hỏi lệ phí làm hộ chiếu"))).toBe("Cấp hộ chiếu phổ thông");
  });

  it("'đánh giá' starts the survey; 'hủy' and 'menu' leave it cleanly", () => {
    const c = conversation(engine);
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
    expect(text(conversation(engine).say("trợ giúp"))).toContain("ban co the");
    expect(text(conversation(engine).say("?"))).toContain("ban co the");
  });

  it("without a survey flow, 'đánh giá' is just a question", () => {
    const t = conversation(fixtureEngine({ flows: [] })).say("đánh giá");
    expect(t.session.flow).toBeUndefined();
    expect(ids(t)).not.toContain(SURVEY_ID);
  });
});

describe("firmlyNamed: what a search answer needs to stand against out-of-domain words", () => {
  const answer = engine.search("làm hộ chiếu").decision;
  const withWhy = (why: Partial<Record<keyof typeof FIRM_ANSWER, number>>): SearchResult => {
    if (answer.kind !== "answer") throw new Error("fixture: 'làm hộ chiếu' should be answered");
    const hit = { ...answer.hit, why: { ...answer.hit.why, namePrecision: 1, nameCoverage: 1, phrase: 1, ...why } };
    return { ...engine.search("làm hộ chiếu"), decision: { kind: "answer", hit } };
  };

  it("needs most of a name, a fair share of the message and the words in pairs", () => {
    expect(firmlyNamed(withWhy({}))).toBe(true);
    expect(firmlyNamed(withWhy({ namePrecision: FIRM_ANSWER.namePrecision - 0.01 }))).toBe(false);
    expect(firmlyNamed(withWhy({ nameCoverage: FIRM_ANSWER.nameCoverage - 0.01 }))).toBe(false);
    expect(firmlyNamed(withWhy({ phrase: 0 }))).toBe(false);
  });

  it("'I don't know' names nothing firmly", () => {
    expect(firmlyNamed(engine.search("karaoke"))).toBe(false);
  });
});
