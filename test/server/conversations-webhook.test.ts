import { describe, expect, it } from "vitest";
import {
  FIXTURE_KB_ENV,
  fold,
  postJson,
  telegramCallback,
  telegramText,
  TELEGRAM_SECRET,
  useBotServer,
  zaloEvent,
  ZALO_SECRET,
} from "../helpers/bot-server.js";

/**
 * The cases of the issue on understanding citizens, each as a real webhook conversation: HTTP
 * into the server, the fake Zalo/Telegram APIs receiving what a citizen would see. The server
 * runs on the fixture knowledge base, so these survive content edits of knowledge/.
 */
const server = useBotServer(FIXTURE_KB_ENV);

type Button = { text: string; callback_data: string };

/** A Zalo chat: each message returns the texts the bot sent for it. */
function zaloChat(chatId: string) {
  let seen = 0;
  return async (text: string): Promise<string[]> => {
    const res = await postJson(`${server.bot().url}/webhooks/zalo`, zaloEvent(chatId, text), { "x-bot-api-secret-token": ZALO_SECRET });
    expect(res.status).toBe(200);
    const sent = await server.fake().waitForSent(chatId, seen + 1, 8000, 300);
    const fresh = sent.slice(seen).map((m) => String(m.payload.text));
    seen = sent.length;
    return fresh;
  };
}

/** A Telegram chat: messages and button presses return what the bot sent, with its buttons. */
function telegramChat(chatId: number) {
  let seen = 0;
  const ok = { "x-telegram-bot-api-secret-token": TELEGRAM_SECRET };
  const next = async (update: Record<string, unknown>) => {
    expect((await postJson(`${server.bot().url}/webhooks/telegram`, update, ok)).status).toBe(200);
    const sent = await server.fake().waitForSent(chatId, seen + 1, 8000, 300);
    const fresh = sent.slice(seen).map((m) => ({
      text: String(m.payload.text),
      buttons: ((m.payload.reply_markup as { inline_keyboard?: Button[][] } | undefined)?.inline_keyboard ?? []).flat(),
    }));
    seen = sent.length;
    return fresh;
  };
  return {
    say: (text: string) => next(telegramText(chatId, text)),
    press: (data: string) => next(telegramCallback(chatId, data)),
  };
}

/** The numbered options of a Zalo message ("1. Đăng ký khai sinh"). */
const options = (text: string) => text.split("\n").filter((l) => /^\d+\. /.test(l)).map((l) => l.replace(/^\d+\. /, ""));
const firstLine = (text: string) => fold(text.split("\n")[0]!);

describe("understanding citizens, over real webhooks (fixture knowledge)", () => {
  it("after 'làm hộ chiếu', 'lệ phí bao nhiêu' answers the passport fee; 'le phi bao nhieu' too", async () => {
    const say = zaloChat("u12-fee");
    await say("làm hộ chiếu");
    const [fee] = await say("lệ phí bao nhiêu");
    expect(firstLine(fee!)).toContain("cap ho chieu pho thong");
    expect(fold(fee!)).toContain("200.000 dong");
    expect(fold(fee!)).not.toContain("khai tu");
    const [plain] = await say("le phi bao nhieu");
    expect(firstLine(plain!)).toContain("cap ho chieu pho thong");
  });

  it("after 'đăng ký khai sinh', time, papers and place stay on khai sinh", async () => {
    const say = zaloChat("u12-topic");
    await say("đăng ký khai sinh");
    for (const [question, section] of [
      ["bao lâu thì có kết quả", "thoi gian giai quyet"],
      ["cần mang gì", "giay to can chuan bi"],
      ["ở đâu làm", "noi nop"],
    ] as const) {
      const [answer] = await say(question);
      expect(firstLine(answer!), question).toContain("dang ky khai sinh");
      expect(fold(answer!), question).toContain(section);
      expect(fold(answer!), question).not.toContain("buu chinh");
    }
  });

  it("with no topic, a facet question asks which procedure; a tap answers it with that facet", async () => {
    const chat = telegramChat(712001);
    const [ask] = await chat.say("lệ phí bao nhiêu");
    expect(fold(ask!.text)).toContain("thu tuc nao");
    expect(ask!.buttons.map((b) => b.text)).toEqual(["Đăng ký khai sinh", "Cấp hộ chiếu phổ thông", "Đăng ký tạm trú"]);
    const [card] = await chat.press(ask!.buttons.find((b) => b.text === "Đăng ký tạm trú")!.callback_data);
    expect(fold(card!.text)).toMatch(/^<b>dang ky tam tru<\/b>/);
    expect(fold(card!.text)).toContain("15.000 dong");
    expect(fold(card!.text)).not.toContain("giay to can chuan bi");
  });

  it("close variants: one short question with one-tap options; the tap answers with the facet asked", async () => {
    const chat = telegramChat(712002);
    const [ask] = await chat.say("lệ phí bằng lái");
    expect(fold(ask!.text)).toContain("thu tuc nao");
    expect(ask!.text.split("\n").length).toBe(1);
    const pick = ask!.buttons.find((b) => b.text === "Đổi giấy phép lái xe bị hỏng")!;
    expect(pick).toBeDefined();
    const [card] = await chat.press(pick.callback_data);
    expect(fold(card!.text)).toMatch(/^<b>doi giay phep lai xe bi hong<\/b>/);
    // The fee, as asked — not the whole card.
    expect(fold(card!.text)).toContain("135.000 dong");
    expect(fold(card!.text)).not.toContain("giay to can chuan bi");
  });

  it.each([
    ["cho tôi nói chuyện với cán bộ"],
    ["tôi muốn gặp nhân viên tư vấn"],
    ["/canbo"],
  ])("'%s' gets the ways to reach a person", async (message) => {
    const [reply] = await zaloChat(`u12-person-${message.length}`)(message);
    expect(fold(reply!)).toContain("1800 1096");
    expect(fold(reply!)).toContain("mot cua");
    expect(fold(reply!)).toContain("phan anh kien nghi");
  });

  it("'mua bằng lái không cần thi' and 'vào tài khoản VNeID của vợ không cần mật khẩu' get a firm, polite no", async () => {
    const [forge] = await zaloChat("u12-forge")("mua bằng lái không cần thi");
    expect(fold(forge!)).toContain("khong the ho tro");
    expect(fold(forge!)).toContain("thi sat hach");
    expect(options(forge!).some((o) => fold(o).includes("giay phep lai xe"))).toBe(false);
    const [account] = await zaloChat("u12-account")("vào tài khoản VNeID của vợ không cần mật khẩu");
    expect(fold(account!)).toContain("khong the huong dan");
    expect(fold(account!)).toContain("uy quyen");
  });

  it("'giá vàng hôm nay' and 'mua vé máy bay' get a short 'public services only' and no odd suggestions", async () => {
    for (const message of ["giá vàng hôm nay", "mua vé máy bay"]) {
      const replies = await zaloChat(`u12-ood-${message.length}`)(message);
      expect(replies, message).toHaveLength(1);
      expect(fold(replies[0]!), message).toContain("chi ho tro ve thu tuc hanh chinh");
      expect(options(replies[0]!), message).toEqual(["Menu ☰"]);
    }
  });

  it("'I don't know': the question with its options right under it, then the portal and hotline", async () => {
    const replies = await zaloChat("u12-unknown")("thủ tục khai sinh flycam");
    expect(replies).toHaveLength(2);
    const [question, ways] = replies;
    expect(fold(question!)).toContain("co phai ban muon hoi");
    expect(options(question!)).toContain("Đăng ký khai sinh");
    expect(fold(question!)).not.toContain("1800 1096");
    expect(fold(ways!)).toContain("1800 1096");
    expect(options(ways!)).toEqual([]);
  });

  it("a second greeting gets a short hello, not the whole welcome", async () => {
    const say = zaloChat("u12-hello");
    const [first] = await say("xin chào");
    expect(fold(first!)).toContain("toi la tro ly");
    const [second] = await say("chào");
    expect(fold(second!)).not.toContain("toi la tro ly");
    expect(options(second!)).toEqual(["Menu ☰"]);
  });
});
