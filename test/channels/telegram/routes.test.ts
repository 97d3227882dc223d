import { describe, expect, it } from "vitest";
import { FIXTURE_KB_ENV, fold, postJson, telegramCallback, telegramText, TELEGRAM_SECRET, TELEGRAM_TOKEN, useBotServer } from "../../helpers/bot-server.js";

const server = useBotServer(FIXTURE_KB_ENV);
const hook = () => `${server.bot().url}/webhooks/telegram`;
const ok = { "x-telegram-bot-api-secret-token": TELEGRAM_SECRET };


describe("POST /webhooks/telegram", () => {
  it("refuses a wrong or missing secret with 401 and sends nothing", async () => {
    expect((await postJson(hook(), telegramText(700001, "dang ky khai sinh"), { "x-telegram-bot-api-secret-token": "wrong" })).status).toBe(401);
    expect((await postJson(hook(), telegramText(700001, "dang ky khai sinh"))).status).toBe(401);
    // A secret of the same length but different content is refused too.
    expect((await postJson(hook(), telegramText(700001, "dang ky khai sinh"), { "x-telegram-bot-api-secret-token": TELEGRAM_SECRET.replace(/.$/, "X") })).status).toBe(401);
    await new Promise((r) => setTimeout(r, 300));
    expect(server.fake().calls.filter((c) => String(c.payload.chat_id) === "700001")).toEqual([]);
  });

  it("answers a question with a relevant HTML card and inline keyboard", async () => {
    const res = await postJson(hook(), telegramText(700002, "lam lai giay phep lai xe bi mat o dau"), ok);
    expect(res.status).toBe(200);
    const [m] = await server.fake().waitForSent(700002, 1);
    const text = String(m!.payload.text);
    expect(fold(text)).toMatch(/cap lai/);
    expect(fold(text)).toMatch(/giay phep lai xe/);
    expect(m!.payload.parse_mode).toBe("HTML");
    expect(text).toMatch(/^<b>[^<]+<\/b>/);
    const keyboard = m!.payload.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> };
    expect(keyboard.inline_keyboard.flat().length).toBeGreaterThan(1);
    expect(server.fake().calls.some((c) => c.method === "sendChatAction" && String(c.payload.chat_id) === "700002" && c.payload.action === "typing")).toBe(true);
  });

  it("answers a button press and acknowledges the callback query", async () => {
    await postJson(hook(), telegramText(700003, "dang ky khai tu"), ok);
    const [card] = await server.fake().waitForSent(700003, 1);
    const buttons = (card!.payload.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> }).inline_keyboard.flat();
    const fee = buttons.find((b) => fold(b.text).includes("le phi"))!;
    const press = telegramCallback(700003, fee.callback_data);
    expect((await postJson(hook(), press, ok)).status).toBe(200);
    const sent = await server.fake().waitForSent(700003, 2);
    expect(fold(String(sent[1]!.payload.text))).toContain("le phi");
    const query = (press.callback_query as { id: string }).id;
    expect(server.fake().calls.some((c) => c.method === "answerCallbackQuery" && c.payload.callback_query_id === query)).toBe(true);
  });

  it("answers a sticker or photo politely", async () => {
    const sticker = telegramText(700004, "");
    const message = sticker.message as Record<string, unknown>;
    delete message.text;
    message.sticker = { file_id: "s1", file_unique_id: "u1", type: "regular", width: 1, height: 1, is_animated: false, is_video: false };
    await postJson(hook(), sticker, ok);
    const [m] = await server.fake().waitForSent(700004, 1);
    expect(fold(String(m!.payload.text))).toContain("chi doc duoc tin nhan chu");
  });

  it("answers a re-delivered update once", async () => {
    const update = telegramText(700005, "lam ho chieu", 555_000);
    const statuses = await Promise.all([postJson(hook(), update, ok), postJson(hook(), update, ok), postJson(hook(), update, ok)]);
    expect(statuses.map((s) => s.status)).toEqual([200, 200, 200]);
    await server.fake().waitForSent(700005, 1, 8000, 500);
    expect(server.fake().sent(700005)).toHaveLength(1);
  });

  it("passes the commands to the engine", async () => {
    await postJson(hook(), telegramText(700006, "/start"), ok);
    const [m] = await server.fake().waitForSent(700006, 1);
    expect(fold(String(m!.payload.text))).toContain("xin chao");
  });

  it("waits and retries when Telegram answers 429 with retry_after", async () => {
    server.fake().failNext("sendMessage", 1, 429, { ok: false, error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } });
    const started = Date.now();
    await postJson(hook(), telegramText(700007, "dang ky khai sinh"), ok);
    await server.fake().waitForSent(700007, 1);
    // The fake records the refused attempt too: the same text went out again after retry_after.
    const attempts = server.fake().calls.filter((c) => c.method === "sendMessage" && String(c.payload.chat_id) === "700007");
    expect(attempts[0]!.refused).toBe("HTTP 429");
    expect(attempts[1]!.payload.text).toBe(attempts[0]!.payload.text);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(900);
    expect(Date.now() - started).toBeLessThan(6000);
  });

  it("refuses what is not an update with 400", async () => {
    expect((await postJson(hook(), { hello: "world" }, ok)).status).toBe(400);
    expect((await postJson(hook(), "[1,2", ok)).status).toBe(400);
  });

  it("never logs the token or the secret", () => {
    const logs = server.bot().logs();
    expect(logs).not.toContain(TELEGRAM_TOKEN.split(":")[1]);
    expect(logs).not.toContain(TELEGRAM_SECRET);
  });
});

describe("Telegram courtesies and registration", () => {
  it("answers without waiting for the typing indicator or the button's callback answer", async () => {
    const release = server.fake().holdChatActions();
    server.fake().failNext("answerCallbackQuery", 1, 500, { ok: false, error_code: 500, description: "Internal Server Error" });
    try {
      await postJson(hook(), telegramText(700101, "khai sinh online"), ok);
      const [card] = await server.fake().waitForSent(700101, 1);
      expect(fold(String(card!.payload.text))).toContain("khai sinh");
      const markup = card!.payload.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> };
      const fee = markup.inline_keyboard.flat().find((b) => fold(b.text).includes("le phi"))!;
      await postJson(hook(), telegramCallback(700101, fee.callback_data), ok);
      const sent = await server.fake().waitForSent(700101, 2);
      expect(fold(String(sent.at(-1)!.payload.text))).toContain("le phi");
    } finally {
      release();
    }
  });

  it("is not ready while setWebhook fails, and ready again once it succeeds", async () => {
    const readyz = async () => {
      const res = await fetch(`${server.bot().url}/readyz`);
      return { status: res.status, body: (await res.json()) as { status: string; problems?: string[] } };
    };
    expect((await readyz()).status).toBe(200);
    server.fake().failNext("setWebhook", 1, 400, { ok: false, error_code: 400, description: "Bad Request: bad webhook: Failed to resolve host" });
    await server.bot().telegram!.start();
    const down = await readyz();
    expect(down.status).toBe(503);
    expect(down.body.status).toBe("not-ready");
    expect(down.body.problems?.join(" ")).toContain("telegram: setWebhook failed");
    expect(server.bot().logs()).toContain("check TELEGRAM_BOT_TOKEN and TELEGRAM_WEBHOOK_URL");
    // The registration is retried in the background (100 ms in tests) and succeeds.
    let after = down;
    for (let i = 0; i < 100 && after.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 30));
      after = await readyz();
    }
    expect(after.status).toBe(200);
  });
});
