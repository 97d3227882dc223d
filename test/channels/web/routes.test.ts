import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_KB_ENV, fold, postJson, startBotServer, type BotServer } from "../../helpers/bot-server.js";
import type { Reply } from "../../../src/engine/types.js";

let bot: BotServer;
beforeAll(async () => {
  bot = await startBotServer(null, FIXTURE_KB_ENV);
});
afterAll(() => bot.close());

type ChatResponse = { sessionId: string; replies: Reply[] };

describe("web chat", () => {
  it("serves the page and its assets with sensible caching", async () => {
    const page = await fetch(`${bot.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(page.headers.get("cache-control")).toBe("no-cache");
    const html = await page.text();
    expect(html).toContain('lang="vi"');
    expect(html).toMatch(/<textarea[^>]+id="message"/);
    expect(html).toContain('aria-live="polite"');
    const again = await fetch(`${bot.url}/`, { headers: { "if-none-match": page.headers.get("etag") ?? "" } });
    expect(again.status).toBe(304);
    for (const asset of ["/chat.js", "/chat.css"]) {
      const res = await fetch(bot.url + asset);
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toContain("max-age");
    }
  });

  it("answers a question with blocks and choices, and a choice with the follow-up, in one session", async () => {
    const first = await postJson(`${bot.url}/api/chat`, { text: "lam ho chieu cho con nho" });
    expect(first.status).toBe(200);
    const a = first.body as ChatResponse;
    expect(a.sessionId).toMatch(/^[A-Za-z0-9_-]{44}$/);
    const card = a.replies.find((r) => r.blocks.some((b) => b.type === "heading"))!;
    expect(fold(JSON.stringify(card.blocks))).toContain("ho chieu");
    const fee = card.choices!.find((c) => fold(c.label).includes("le phi"))!;
    const second = await postJson(`${bot.url}/api/chat`, { sessionId: a.sessionId, choiceId: fee.id });
    const b = second.body as ChatResponse;
    expect(b.sessionId).toBe(a.sessionId);
    expect(fold(JSON.stringify(b.replies))).toContain("le phi");
  });

  it("understands a typed digit for a choice on screen (same session)", async () => {
    const a = (await postJson(`${bot.url}/api/chat`, { text: "dang ky khai sinh" })).body as ChatResponse;
    const b = (await postJson(`${bot.url}/api/chat`, { sessionId: a.sessionId, text: "1" })).body as ChatResponse;
    expect(b.replies.length).toBeGreaterThan(0);
  });

  it("answers a 100,000-character message politely instead of refusing it", async () => {
    const res = await postJson(`${bot.url}/api/chat`, { text: `lam ho chieu ${"a.".repeat(50_000)}` });
    expect(res.status).toBe(200);
    const body = res.body as ChatResponse;
    const said = fold(JSON.stringify(body.replies));
    expect(said).toContain("chi doc phan dau");
    expect(said).toContain("ho chieu");
  });

  it("refuses bad input with 400", async () => {
    expect((await postJson(`${bot.url}/api/chat`, {})).status).toBe(400);
    expect((await postJson(`${bot.url}/api/chat`, { text: 1 })).status).toBe(400);
    expect((await postJson(`${bot.url}/api/chat`, { text: "a", sessionId: "short" })).status).toBe(400);
    expect((await postJson(`${bot.url}/api/chat`, { text: "a", choiceId: "m" })).status).toBe(400);
    expect((await postJson(`${bot.url}/api/chat`, "[]")).status).toBe(400);
  });
});
