import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fold, postJson, zaloEvent, ZALO_SECRET, ZALO_TOKEN } from "../helpers/bot-server.js";
import { PROCESS_TEST_TIMEOUT_MS, useServeFixture } from "../helpers/serve-fixture.js";
import { DEADLINE_MS, zaloSay } from "../helpers/serve-process.js";
import { waitUntil } from "../helpers/time.js";

/**
 * `serve` (embedded store) killed with SIGKILL while 40 citizens send the last answer of their
 * survey at once. Zalo takes none of the thank-you messages (502), so no citizen sees the survey
 * acknowledged and, after a restart, each sends the last answer again, as they would. Every
 * survey must then be stored exactly once: none lost because the session said "done" before the
 * record was written, none counted twice because the retry stored a second copy.
 */

const CHATS = Array.from({ length: 40 }, (_, i) => `zalo-crash-${i}`);
const fx = useServeFixture({
  env: (fake) => ({ RESPONDENT_SALT: "crash-salt", RATE_LIMIT_PER_MINUTE: "10000", ZALO_BOT_TOKEN: ZALO_TOKEN, ZALO_API_URL: fake.url, ZALO_WEBHOOK_SECRET: ZALO_SECRET }),
});
const fake = () => fx.fake();
const serve = () => fx.serve();

/** Answers the survey up to its last question (the age band, optional). */
async function upToLastAnswer(chat: string): Promise<void> {
  let last = fold(await zaloSay(fake(), serve().url, ZALO_SECRET, chat, "đánh giá", DEADLINE_MS));
  for (let i = 0; i < 20; i++) {
    if (last.includes("nhom tuoi")) return;
    last = fold(await zaloSay(fake(), serve().url, ZALO_SECRET, chat, last.includes("bo qua") ? "bỏ qua" : "5", DEADLINE_MS));
  }
  throw new Error(`test: ${chat} never reached the last question: ${last}`);
}

const thanked = (chat: string, after: number) => fake().sent(chat).some((c) => c.at >= after && fold(String(c.payload.text)).startsWith("cam on"));
const badGateway = { ok: false, error_code: 502, description: "Bad Gateway" };

describe("a crash during 40 simultaneous last answers", { timeout: PROCESS_TEST_TIMEOUT_MS }, () => {
  it("stores every survey exactly once after the restart and the citizens' retries", async () => {
    await Promise.all(CHATS.map(upToLastAnswer));

    const sentAt = Date.now();
    fake().failNext("sendMessage", 10_000, 502, badGateway);
    await Promise.all(CHATS.map((chat) => postJson(`${serve().url}/webhooks/zalo`, zaloEvent(chat, "bỏ qua"), { "x-bot-api-secret-token": ZALO_SECRET })));
    // Kill while the final answers are being handled: once the first one has been handled up to its reply.
    await waitUntil("the first answer handled", () => fake().calls.some((c) => c.at >= sentAt && c.method === "sendMessage" && c.refused !== undefined), DEADLINE_MS);
    const crashed = serve();
    await crashed.crash();
    expect(CHATS.filter((c) => thanked(c, sentAt))).toEqual([]);

    fake().failNext("sendMessage", 0, 502, badGateway);
    await fx.start({ dataDir: crashed.dataDir! });
    await Promise.all(CHATS.map((chat) => zaloSay(fake(), serve().url, ZALO_SECRET, chat, "bỏ qua", DEADLINE_MS)));

    const lines = (await readFile(join(crashed.dataDir!, "survey.jsonl"), "utf8")).split("\n").filter(Boolean);
    const records = lines.flatMap((l) => {
      try {
        return [JSON.parse(l) as { respondent?: string }];
      } catch {
        return [];
      }
    });
    const perRespondent = new Map<string, number>();
    for (const r of records) perRespondent.set(r.respondent ?? "?", (perRespondent.get(r.respondent ?? "?") ?? 0) + 1);
    expect(perRespondent.size).toBe(CHATS.length);
    expect([...perRespondent.values()].every((n) => n === 1)).toBe(true);
  });
});
