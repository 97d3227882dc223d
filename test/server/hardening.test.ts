import { describe, expect, it } from "vitest";
import { postJson, postOversized, startBotServer, telegramText, TELEGRAM_SECRET, zaloEvent, ZALO_SECRET, useBotServer } from "../helpers/bot-server.js";

const server = useBotServer();
const tg = { "x-telegram-bot-api-secret-token": TELEGRAM_SECRET };
const zl = { "x-bot-api-secret-token": ZALO_SECRET };


describe("server hardening", () => {
  it("answers malformed JSON with 400, never 500", async () => {
    for (const path of ["/webhooks/telegram", "/webhooks/zalo", "/api/chat"]) {
      const headers = path.includes("telegram") ? tg : path.includes("zalo") ? zl : {};
      expect((await postJson(server.bot().url + path, "{\"update_id\": 1,", headers)).status).toBe(400);
      expect((await postJson(server.bot().url + path, "", headers)).status).toBe(400);
    }
  });

  it("refuses a 2 MB body with 413", async () => {
    const big = 2 * 1024 * 1024;
    expect(await postOversized(`${server.bot().url}/api/chat`, big)).toBe(413);
    expect(await postOversized(`${server.bot().url}/webhooks/telegram`, big, tg)).toBe(413);
    expect(await postOversized(`${server.bot().url}/webhooks/zalo`, big, zl)).toBe(413);
  });

  it("answers a 20,000-character message quickly", async () => {
    const text = "lam lai can cuoc bi mat ".repeat(900).slice(0, 20_000);
    const started = Date.now();
    const web = await postJson(`${server.bot().url}/api/chat`, { text });
    expect(web.status).toBe(200);
    await postJson(`${server.bot().url}/webhooks/telegram`, telegramText(710001, text), tg);
    await postJson(`${server.bot().url}/webhooks/zalo`, zaloEvent("zh1", text), zl);
    await server.fake().waitForSent(710001, 1, 5000, 0);
    await server.fake().waitForSent("zh1", 1, 5000, 0);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("answers 300 concurrent chats on every channel, /healthz staying green", async () => {
    const n = 300;
    const requests: Array<Promise<{ status: number }>> = [];
    for (let i = 0; i < n; i++) {
      requests.push(postJson(`${server.bot().url}/webhooks/telegram`, telegramText(720000 + i, i % 2 ? "dang ky tam tru" : "lam ho chieu"), tg));
      requests.push(postJson(`${server.bot().url}/webhooks/zalo`, zaloEvent(`zc${i}`, "cap lai can cuoc"), zl));
      requests.push(postJson(`${server.bot().url}/api/chat`, { text: "dang ky thuong tru" }) as Promise<{ status: number }>);
    }
    const health = fetch(`${server.bot().url}/healthz`).then((r) => r.status);
    const results = await Promise.all(requests);
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(await health).toBe(200);
    const deadline = Date.now() + 20_000;
    const answered = () => {
      let count = 0;
      for (let i = 0; i < n; i++) if (server.fake().sent(720000 + i).length > 0 && server.fake().sent(`zc${i}`).length > 0) count++;
      return count;
    };
    while (answered() < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(answered()).toBe(n);
    expect((await fetch(`${server.bot().url}/healthz`)).status).toBe(200);
  });

  it("reports readiness with store health and the live knowledge version, and Prometheus metrics", async () => {
    const ready = await fetch(`${server.bot().url}/readyz`);
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { status: string; store: { status: string }; knowledge: { version: string; entries: number }; channels: Record<string, string> };
    expect(body.status).toBe("ok");
    expect(body.store.status).toBe("ok");
    expect(body.knowledge.version).toMatch(/^[0-9a-f]{8}$/);
    expect(body.knowledge.entries).toBeGreaterThan(10);
    expect(body.channels).toEqual({ web: "on", telegram: "webhook", zalo: "webhook" });
    const metrics = await fetch(`${server.bot().url}/metrics`);
    expect(metrics.headers.get("content-type")).toContain("text/plain");
    const text = await metrics.text();
    expect(text).toMatch(/dvc_bot_updates_total\{channel="telegram"\} \d+/);
    expect(text).toContain("dvc_bot_spool_records 0");
  });

  it("keeps the admin area closed without a token", async () => {
    expect((await fetch(`${server.bot().url}/admin`)).status).toBe(401);
  });
});

describe("shutdown", () => {
  it("refuses new webhooks with 503 and /readyz goes 503 once closing, while in-flight work finishes", async () => {
    const local = await startBotServer(server.fake());
    try {
      expect((await postJson(`${local.url}/webhooks/telegram`, telegramText(730001, "dang ky tam tru"), tg)).status).toBe(200);
      local.work.close();
      expect((await postJson(`${local.url}/webhooks/telegram`, telegramText(730002, "dang ky tam tru"), tg)).status).toBe(503);
      expect((await postJson(`${local.url}/webhooks/zalo`, zaloEvent("zs1", "x"), zl)).status).toBe(503);
      expect((await fetch(`${local.url}/readyz`)).status).toBe(503);
      expect((await fetch(`${local.url}/healthz`)).status).toBe(200);
      expect(await local.work.drain(5000)).toEqual({ unfinished: 0 });
      expect(server.fake().sent(730001).length).toBe(1);
      expect(server.fake().sent(730002)).toEqual([]);
    } finally {
      await local.close();
    }
  });
});
