import { describe, expect, it } from "vitest";
import { FIXTURE_KB_ENV, fold, postJson, zaloEvent, ZALO_SECRET, ZALO_TOKEN, useBotServer } from "../../helpers/bot-server.js";

const server = useBotServer(FIXTURE_KB_ENV);
const hook = () => `${server.bot().url}/webhooks/zalo`;
const ok = { "x-bot-api-secret-token": ZALO_SECRET };


describe("POST /webhooks/zalo", () => {
  it("refuses a wrong or missing secret with 401 and sends nothing", async () => {
    expect((await postJson(hook(), zaloEvent("zw1", "khai sinh online"), { "x-bot-api-secret-token": "wrong_secret_00" })).status).toBe(401);
    expect((await postJson(hook(), zaloEvent("zw1", "khai sinh online"))).status).toBe(401);
    await new Promise((r) => setTimeout(r, 300));
    expect(server.fake().calls.filter((c) => c.payload.chat_id === "zw1")).toEqual([]);
  });

  it("answers wrapped and bare events with relevant plain text and numbered choices", async () => {
    expect((await postJson(hook(), { ok: true, result: zaloEvent("zw2", "khai sinh online") }, ok)).status).toBe(200);
    expect((await postJson(hook(), zaloEvent("zw3", "lam ho chieu cho con nho"), ok)).status).toBe(200);
    const [a] = await server.fake().waitForSent("zw2", 1);
    const [b] = await server.fake().waitForSent("zw3", 1);
    expect(fold(String(a!.payload.text))).toContain("dang ky khai sinh");
    expect(fold(String(b!.payload.text))).toContain("ho chieu");
    expect(String(a!.payload.text)).toMatch(/\n1\. .+\n2\. /);
    expect(String(a!.payload.text)).not.toMatch(/<b>|&amp;/);
    expect(a!.payload).not.toHaveProperty("reply_markup");
    expect(server.fake().calls.some((c) => c.method === "sendChatAction" && c.payload.chat_id === "zw2")).toBe(true);
  });

  it("a digit picks the numbered choice", async () => {
    await postJson(hook(), zaloEvent("zw4", "dang ky khai tu"), ok);
    const [card] = await server.fake().waitForSent("zw4", 1);
    const line = String(card!.payload.text).split("\n").find((l) => /^\d+\. /.test(l) && fold(l).includes("le phi"))!;
    const digit = line.split(".")[0]!;
    await postJson(hook(), zaloEvent("zw4", digit), ok);
    const sent = await server.fake().waitForSent("zw4", 2);
    expect(fold(String(sent[1]!.payload.text))).toContain("le phi");
  });

  it("answers images and stickers politely, ignores other events", async () => {
    await postJson(hook(), zaloEvent("zw5", null, "message.image.received"), ok);
    await postJson(hook(), zaloEvent("zw6", null, "message.sticker.received"), ok);
    expect((await postJson(hook(), zaloEvent("zw7", null, "user.follow"), ok)).status).toBe(200);
    const [img] = await server.fake().waitForSent("zw5", 1);
    const [sticker] = await server.fake().waitForSent("zw6", 1);
    expect(fold(String(img!.payload.text))).toContain("chi doc duoc tin nhan chu");
    expect(fold(String(sticker!.payload.text))).toContain("chi doc duoc tin nhan chu");
    await new Promise((r) => setTimeout(r, 200));
    expect(server.fake().sent("zw7")).toEqual([]);
  });

  it("answers a repeated message id once", async () => {
    // A short answer (one Zalo message), so the count shows duplicates only, whatever the length of a card.
    const event = zaloEvent("zw8", "cảm ơn", "message.text.received", "dup-1");
    await Promise.all([postJson(hook(), event, ok), postJson(hook(), event, ok), postJson(hook(), { ok: true, result: event }, ok)]);
    const sent = await server.fake().waitForSent("zw8", 1, 8000, 500);
    expect(sent).toHaveLength(1);
    expect(fold(String(sent[0]!.payload.text))).toContain("rat vui duoc ho tro");
  });

  it("refuses bodies that are not Zalo events with 400", async () => {
    expect((await postJson(hook(), { nope: 1 }, ok)).status).toBe(400);
    expect((await postJson(hook(), "{not json", ok)).status).toBe(400);
  });

  it("never logs the token or the secret", () => {
    expect(server.bot().logs()).not.toContain("zalotesttoken");
    expect(server.bot().logs()).not.toContain(ZALO_SECRET);
    expect(ZALO_TOKEN).toContain("zalotesttoken");
  });
});

describe("Zalo Bot deliveries as they really come", () => {
  it("answers events with null names, string dates, null chat types and no event_name", async () => {
    const nullName = zaloEvent("zr1", "khai sinh online");
    (nullName.message as Record<string, unknown>).from = { id: "zr1", display_name: null, is_bot: false };
    const stringDate = zaloEvent("zr2", "lam ho chieu");
    (stringDate.message as Record<string, unknown>).date = "1763900000000";
    (stringDate.message as { chat: Record<string, unknown> }).chat.chat_type = null;
    const noName = zaloEvent("zr3", "cap lai giay phep lai xe");
    delete noName.event_name;
    for (const e of [nullName, stringDate, { ok: true, result: noName }]) expect((await postJson(hook(), e, ok)).status).toBe(200);
    expect(fold(String((await server.fake().waitForSent("zr1", 1))[0]!.payload.text))).toContain("khai sinh");
    expect(fold(String((await server.fake().waitForSent("zr2", 1))[0]!.payload.text))).toContain("ho chieu");
    expect(fold(String((await server.fake().waitForSent("zr3", 1))[0]!.payload.text))).toContain("giay phep lai xe");
  });

  it("ignores a null text instead of refusing the event", async () => {
    const e = zaloEvent("zr4", null);
    (e.message as Record<string, unknown>).text = null;
    expect((await postJson(hook(), e, ok)).status).toBe(200);
  });

  it("logs a rejected payload by its shape only", async () => {
    const body = { event_name: "message.text.received", message: { text: "CCCD 012345678901", chat: {} } };
    expect((await postJson(hook(), body, ok)).status).toBe(400);
    const logs = server.bot().logs();
    const line = logs.split("\n").findLast((l) => l.includes("zalo: rejected a payload"));
    expect(line).toContain("message.message_id");
    expect(line).toContain('"text":"<string 17>"');
    expect(logs).not.toContain("012345678901");
  });

  it("sends again after a network-side failure (5xx, 429) and delivers", async () => {
    server.fake().failNext("sendMessage", 2, 502, { ok: false, error_code: 502, description: "Bad Gateway" });
    await postJson(hook(), zaloEvent("zr5", "khai sinh online"), ok);
    const [reply] = await server.fake().waitForSent("zr5", 1);
    expect(fold(String(reply!.payload.text))).toContain("khai sinh");
    server.fake().failNext("sendMessage", 1, 429, { ok: false, error_code: 429, description: "Too Many Requests" });
    await postJson(hook(), zaloEvent("zr6", "lam ho chieu"), ok);
    await server.fake().waitForSent("zr6", 1);
    const attempts = server.fake().calls.filter((c) => c.method === "sendMessage" && c.payload.chat_id === "zr6");
    expect(attempts[0]!.refused).toBe("HTTP 429");
  });

  it("counts and logs a reply that still fails, and does not retry a refusal", async () => {
    const failures = async () => (await server.bot().metrics.registry.getSingleMetricAsString("dvc_bot_send_failures_total")).match(/channel="zalo"} (\d+)/)?.[1] ?? "0";
    const before = Number(await failures());
    server.fake().failNext("sendMessage", 3, 503, { ok: false, error_code: 503, description: "Service Unavailable" });
    await postJson(hook(), zaloEvent("zr7", "khai sinh online"), ok);
    for (let i = 0; i < 100 && Number(await failures()) === before; i++) await new Promise((r) => setTimeout(r, 30));
    expect(Number(await failures())).toBe(before + 1);
    expect(server.bot().logs()).toContain("zalo: reply not delivered after retries");
    // A chat the platform does not know is refused at once: one attempt, counted as well.
    server.fake().forgetChat("zr8");
    await postJson(hook(), zaloEvent("zr8", "khai sinh online"), ok);
    for (let i = 0; i < 100 && Number(await failures()) === before + 1; i++) await new Promise((r) => setTimeout(r, 30));
    expect(Number(await failures())).toBe(before + 2);
    expect(server.fake().calls.filter((c) => c.method === "sendMessage" && c.payload.chat_id === "zr8")).toHaveLength(1);
  });

  it("does not wait for the typing indicator before answering", async () => {
    const release = server.fake().holdChatActions();
    try {
      await postJson(hook(), zaloEvent("zr9", "khai sinh online"), ok);
      const [reply] = await server.fake().waitForSent("zr9", 1);
      expect(fold(String(reply!.payload.text))).toContain("khai sinh");
    } finally {
      release();
    }
  });
});
