import { describe, expect, it } from "vitest";
import { FIXTURE_KB_ENV, oaEnv, oaEvent, postJson, postOa, postOversized, startBotServer, telegramText, TELEGRAM_SECRET, zaloEvent, ZALO_SECRET, useBotServer } from "../helpers/bot-server.js";

// The exact answers a platform (or a prober) gets for what the server refuses: they are part of
// the webhook contract, so a refactoring of the routes must keep them byte for byte.
// Hand-over on: the web poll route exists only then.
const server = useBotServer((fake) => ({ ...FIXTURE_KB_ENV, ...oaEnv(fake) }), { handover: true });
const url = (path: string) => `${server.bot().url}${path}`;
const tg = { "x-telegram-bot-api-secret-token": TELEGRAM_SECRET };
const zl = { "x-bot-api-secret-token": ZALO_SECRET };

describe("refusals", () => {
  it("a wrong or missing secret or signature: 401 unauthorized", async () => {
    const unauthorized = { status: 401, body: { error: "unauthorized" } };
    expect(await postJson(url("/webhooks/telegram"), telegramText(790001, "hi"), { "x-telegram-bot-api-secret-token": "nope" })).toEqual(unauthorized);
    expect(await postJson(url("/webhooks/telegram"), telegramText(790001, "hi"))).toEqual(unauthorized);
    expect(await postJson(url("/webhooks/zalo"), zaloEvent("z790", "hi"), { "x-bot-api-secret-token": "nope" })).toEqual(unauthorized);
    expect(await postJson(url("/webhooks/zalo"), zaloEvent("z790", "hi"))).toEqual(unauthorized);
    expect(await postOa(server.bot().url, oaEvent("oa790", "hi"), "mac=00")).toEqual(unauthorized);
    // The secret is checked before the body is read: a wrong secret with a malformed body is still 401.
    expect(await postJson(url("/webhooks/telegram"), "{not json", { "x-telegram-bot-api-secret-token": "nope" })).toEqual(unauthorized);
    expect(await postJson(url("/webhooks/zalo"), "{not json")).toEqual(unauthorized);
  });

  it("malformed JSON: 400 with fastify's code (OA: its own words)", async () => {
    const badJson = { status: 400, body: { error: "FST_ERR_CTP_INVALID_JSON_BODY" } };
    expect(await postJson(url("/webhooks/telegram"), '{"update_id": 1,', tg)).toEqual(badJson);
    expect(await postJson(url("/webhooks/zalo"), '{"event_name": 1,', zl)).toEqual(badJson);
    expect(await postJson(url("/api/chat"), '{"text": 1,')).toEqual(badJson);
    expect(await postJson(url("/webhooks/zalo-oa"), '{"event_name": 1,', { "x-zevent-signature": "mac=00" })).toEqual({ status: 400, body: { error: "not JSON" } });
  });

  it("an empty JSON body: 400", async () => {
    const empty = { status: 400, body: { error: "FST_ERR_CTP_EMPTY_JSON_BODY" } };
    expect(await postJson(url("/webhooks/telegram"), "", tg)).toEqual(empty);
    expect(await postJson(url("/webhooks/zalo"), "", zl)).toEqual(empty);
    expect(await postJson(url("/api/chat"), "")).toEqual(empty);
  });

  it("JSON that is not what the route takes: 400 with the route's words", async () => {
    expect(await postJson(url("/webhooks/telegram"), { hello: "world" }, tg)).toEqual({ status: 400, body: { error: "not a Telegram update" } });
    expect(await postJson(url("/webhooks/telegram"), { update_id: -1 }, tg)).toEqual({ status: 400, body: { error: "not a Telegram update" } });
    expect(await postJson(url("/webhooks/zalo"), { nope: 1 }, zl)).toEqual({ status: 400, body: { error: "not a Zalo event" } });
    expect(await postJson(url("/webhooks/zalo"), "[1]", zl)).toEqual({ status: 400, body: { error: "not a Zalo event" } });
    const notOa = { timestamp: "1", nope: 1 };
    expect(await postOa(server.bot().url, notOa)).toEqual({ status: 400, body: { error: "not a Zalo OA event" } });
    expect(await postJson(url("/api/chat"), { text: "a", choiceId: "m" })).toEqual({ status: 400, body: { error: "✖ send exactly one of text and choiceId" } });
    expect(await postJson(url("/api/chat"), { text: 1 })).toEqual({ status: 400, body: { error: "✖ Invalid input: expected string, received number\n  → at text" } });
    expect(await postJson(url("/api/chat"), { text: "a", sessionId: "short" })).toEqual({
      status: 400,
      body: { error: "✖ sessionId: 16–64 characters of A–Z a–z 0–9 _ -\n  → at sessionId" },
    });
    expect(await postJson(url("/api/chat"), "[]")).toEqual({ status: 400, body: { error: "✖ Invalid input: expected object, received array" } });
    expect(await postJson(url("/api/chat/poll"), { sessionId: "not-a-signed-session-id" })).toEqual({ status: 400, body: { error: "unknown session" } });
    expect(await postJson(url("/api/chat/poll"), "[]")).toEqual({ status: 400, body: { error: "unknown session" } });
  });

  it("a body over the limit: 413 from the declared length alone", async () => {
    const big = 2 * 1024 * 1024;
    expect(await postOversized(url("/webhooks/telegram"), big, tg)).toBe(413);
    expect(await postOversized(url("/webhooks/zalo"), big, zl)).toBe(413);
    expect(await postOversized(url("/webhooks/zalo-oa"), big)).toBe(413);
    expect(await postOversized(url("/api/chat"), big)).toBe(413);
    // With a wrong secret the size is never looked at.
    expect(await postOversized(url("/webhooks/telegram"), big, { "x-telegram-bot-api-secret-token": "nope" })).toBe(401);
  });

  it("a body of another content type: 415, or 400 for plain text (which fastify reads as a string)", async () => {
    const post = async (path: string, type: string, headers: Record<string, string> = {}) => {
      const res = await fetch(url(path), { method: "POST", headers: { ...headers, "content-type": type }, body: "hi" });
      return { status: res.status, body: await res.json() };
    };
    expect(await post("/webhooks/telegram", "application/xml", tg)).toEqual({ status: 415, body: { error: "FST_ERR_CTP_INVALID_MEDIA_TYPE" } });
    expect(await post("/webhooks/zalo", "application/xml", zl)).toEqual({ status: 415, body: { error: "FST_ERR_CTP_INVALID_MEDIA_TYPE" } });
    expect(await post("/api/chat", "application/xml")).toEqual({ status: 415, body: { error: "FST_ERR_CTP_INVALID_MEDIA_TYPE" } });
    expect(await post("/webhooks/telegram", "text/plain", tg)).toEqual({ status: 400, body: { error: "not a Telegram update" } });
    expect(await post("/webhooks/zalo", "text/plain", zl)).toEqual({ status: 400, body: { error: "not a Zalo event" } });
    expect(await post("/webhooks/zalo-oa", "application/xml")).toEqual({ status: 415, body: { error: "FST_ERR_CTP_INVALID_MEDIA_TYPE" } });
    expect(await post("/webhooks/zalo-oa", "text/plain")).toEqual({ status: 400, body: { error: "not JSON" } });
    expect(await post("/api/chat", "text/plain")).toEqual({ status: 400, body: { error: "✖ Invalid input: expected object, received string" } });
  });
});

describe("refusals while shutting down", () => {
  it("every route that takes work answers 503 with retry-after; pages and probes still answer", async () => {
    const local = await startBotServer(server.fake(), { ...FIXTURE_KB_ENV, ...oaEnv(server.fake()) }, { handover: true });
    try {
      local.work.close();
      const busy = async (res: Promise<Response>) => {
        const r = await res;
        return { status: r.status, retryAfter: r.headers.get("retry-after"), body: await r.json() };
      };
      const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
        fetch(`${local.url}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: typeof body === "string" ? body : JSON.stringify(body) });
      const shuttingDown = { status: 503, retryAfter: "5", body: { error: "shutting down" } };
      expect(await busy(post("/webhooks/telegram", telegramText(790101, "hi"), tg))).toEqual(shuttingDown);
      expect(await busy(post("/webhooks/zalo", zaloEvent("z791", "hi"), zl))).toEqual(shuttingDown);
      expect(await busy(post("/webhooks/zalo-oa", oaEvent("oa791", "hi")))).toEqual(shuttingDown);
      expect(await busy(post("/api/chat", { text: "hi" }))).toEqual(shuttingDown);
      expect((await fetch(`${local.url}/`)).status).toBe(200);
      expect((await fetch(`${local.url}/api/chat/welcome`)).status).toBe(200);
      expect((await fetch(`${local.url}/healthz`)).status).toBe(200);
    } finally {
      await local.close();
    }
  });
});
