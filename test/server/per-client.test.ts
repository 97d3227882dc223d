import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { computeReport } from "../../src/feedback/report.js";
import type { Reply } from "../../src/engine/types.js";
import { fold, postJson, startBotServer, type BotServer } from "../helpers/bot-server.js";

/**
 * Per-client limits of the public web routes, as the attack run tried them: fresh session ids
 * per message, forged X-Forwarded-For, and surveys stuffed from one address.
 */

type ChatResponse = { sessionId?: string; replies: Reply[]; error?: string };
let bot: BotServer | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

const chat = async (body: Record<string, unknown>, headers: Record<string, string> = {}) => {
  const r = await postJson(`${bot!.url}/api/chat`, body, headers);
  return { status: r.status, ...(r.body as ChatResponse) };
};
const clientChosenId = () => randomBytes(16).toString("base64url");

describe("web chat limits per client address", () => {
  it("refuses client-chosen session ids, and fresh ones no longer escape the limit", async () => {
    bot = await startBotServer(null, { RATE_LIMIT_PER_IP_PER_MINUTE: "6", RATE_LIMIT_PER_MINUTE: "1000" });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const chosen = clientChosenId();
      const r = await chat({ sessionId: chosen, text: "dang ky tam tru" });
      statuses.push(r.status);
      if (r.status === 200) expect(r.sessionId).not.toBe(chosen); // replaced by a server-issued id
      else {
        expect(r.status).toBe(429);
        // Still a polite answer the page shows, not a bare error.
        expect(fold(JSON.stringify(r.replies))).toContain("doi mot chut");
      }
    }
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(6);
    expect(statuses.slice(-4)).toEqual([429, 429, 429, 429]);
  });

  it("keeps a server-issued session across messages", async () => {
    bot = await startBotServer(null);
    const first = await chat({ text: "dang ky tam tru" });
    const second = await chat({ sessionId: first.sessionId!, text: "1" });
    expect(second.status).toBe(200);
    expect(second.sessionId).toBe(first.sessionId);
  });

  it("ignores X-Forwarded-For without TRUST_PROXY, and honours it with TRUST_PROXY", async () => {
    bot = await startBotServer(null, { RATE_LIMIT_PER_IP_PER_MINUTE: "3" });
    const first = await chat({ text: "ho chieu" });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await chat({ sessionId: first.sessionId!, text: "ho chieu" }, { "x-forwarded-for": `10.0.0.${i}` })).status);
    expect(statuses).toContain(429);
    await bot.close();

    bot = await startBotServer(null, { RATE_LIMIT_PER_IP_PER_MINUTE: "3", TRUST_PROXY: "true" });
    for (let i = 0; i < 5; i++) expect((await chat({ text: "ho chieu" }, { "x-forwarded-for": `10.0.0.${i}` })).status).toBe(200);
  });

  it("caps live web sessions: past WEB_SESSIONS_MAX a newcomer is asked to come back, existing chats go on", async () => {
    bot = await startBotServer(null, { WEB_SESSIONS_MAX: "2" });
    const a = await chat({ text: "ho chieu" });
    const b = await chat({ text: "ho chieu" });
    const c = await chat({ text: "ho chieu" });
    expect([a.status, b.status, c.status]).toEqual([200, 200, 503]);
    expect(fold(JSON.stringify(c.replies))).toContain("quay lai sau");
    expect((await chat({ sessionId: a.sessionId!, text: "le phi" })).status).toBe(200);
  });

  it("limits loads of the web page per address too", async () => {
    bot = await startBotServer(null, { RATE_LIMIT_PER_IP_PER_MINUTE: "3" });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await fetch(`${bot.url}/`)).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });
});

describe("surveys from one address", () => {
  /** The survey on the web as a person takes it: "đánh giá", then `rating` to every question, skipping the rest. */
  async function takeWebSurvey(address: string, rating: number): Promise<void> {
    const headers = { "x-forwarded-for": address };
    let r = await chat({ text: "đánh giá" }, headers);
    const sessionId = r.sessionId!;
    for (let i = 0; i < 30; i++) {
      const said = fold(JSON.stringify(r.replies));
      if (i > 0 && said.includes("cam on")) return;
      r = await chat({ sessionId, text: said.includes("bo qua") ? "bỏ qua" : String(rating) }, headers);
    }
    throw new Error("test: the web survey did not end");
  }

  it("cannot move the index: one counted survey per address per 30 days", async () => {
    bot = await startBotServer(null, { TRUST_PROXY: "true" });
    for (const address of ["203.0.113.1", "203.0.113.2", "203.0.113.3"]) await takeWebSurvey(address, 5);
    // The attack: many 1-star surveys from one address, each in a new session.
    for (let i = 0; i < 5; i++) await takeWebSurvey("198.51.100.7", 1);
    const survey = await bot.store.read("survey");
    expect(survey).toHaveLength(8); // every response is kept…
    const report = computeReport({ survey }, { now: Date.now() });
    expect(report.responses).toBe(4); // …but the address counts once
    expect(report.index.overall).toBe(75);
    expect(JSON.stringify(survey)).not.toContain("198.51.100.7");
  });
});
