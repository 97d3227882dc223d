import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fold, postJson, zaloEvent, ZALO_SECRET, ZALO_TOKEN } from "../helpers/bot-server.js";
import { PROCESS_TEST_TIMEOUT_MS, useServeFixture } from "../helpers/serve-fixture.js";
import { DEADLINE_MS, zaloSay } from "../helpers/serve-process.js";
import { waitUntil } from "../helpers/time.js";

/**
 * `serve` (embedded store) killed with SIGKILL while 40 citizens send the last answer of their
 * survey at once. After a restart, each citizen whose survey was not acknowledged sends the last
 * answer again, as they would. Every survey must then be stored exactly once: none lost because
 * the session said "done" before the record was written, none counted twice because the retry
 * stored a second copy.
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

describe("a crash during 40 simultaneous last answers", { timeout: PROCESS_TEST_TIMEOUT_MS }, () => {
  it("stores every survey exactly once after the restart and the citizens' retries", async () => {
    await Promise.all(CHATS.map(upToLastAnswer));

    const sentAt = Date.now();
    await Promise.all(CHATS.map((chat) => postJson(`${serve().url}/webhooks/zalo`, zaloEvent(chat, "bỏ qua"), { "x-bot-api-secret-token": ZALO_SECRET })));
    // Kill while the final answers are being handled (the bot shows "typing" before it starts).
    await waitUntil("the bot at work", () => fake().calls.some((c) => c.at >= sentAt && c.method === "sendChatAction"), DEADLINE_MS);
    const crashed = serve();
    await crashed.crash();
    const acknowledged = CHATS.filter((c) => thanked(c, sentAt));
    // Killed early enough that some of them are not answered yet.
    expect(acknowledged.length).toBeLessThan(CHATS.length);

    await fx.start({ dataDir: crashed.dataDir! });
    await Promise.all(CHATS.filter((c) => !acknowledged.includes(c)).map((chat) => zaloSay(fake(), serve().url, ZALO_SECRET, chat, "bỏ qua", DEADLINE_MS)));

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
