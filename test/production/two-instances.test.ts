import { describe, expect, it } from "vitest";
import { fold, postJson, telegramText, TELEGRAM_SECRET, ZALO_SECRET } from "../helpers/bot-server.js";
import { botPlatformsEnv, PROCESS_TEST_TIMEOUT_MS, useServeFixture } from "../helpers/serve-fixture.js";
import { DEADLINE_MS, takeZaloSurvey, zaloSay, type ServeProcess } from "../helpers/serve-process.js";
import { sleep, waitUntil } from "../helpers/time.js";

/**
 * Scale-out at the process level: two real `dvc-bot serve` processes (compiled CLI) on one
 * private redis-server, each with its own DATA_DIR, behind no load balancer — the test plays it
 * and alternates between them.
 */

// Started one after the other: both register the same webhook, like a rolling deploy.
const fx = useServeFixture({
  redis: true,
  servers: 2,
  env: (fake) => ({ RESPONDENT_SALT: "two-instances-salt", RATE_LIMIT_PER_MINUTE: "1000", ...botPlatformsEnv(fake) }),
});
const fake = () => fx.fake();
const servers = () => fx.servers as [ServeProcess, ServeProcess];

describe("two serve processes on one Redis", { timeout: PROCESS_TEST_TIMEOUT_MS }, () => {
  it("a Zalo survey alternating between them finishes and is counted exactly once", async () => {
    const [a, b] = servers();
    const sent = await takeZaloSurvey(fake(), [a.url, b.url], ZALO_SECRET, "zalo-two-1");
    // Both instances served this chat: the survey is one conversation across them.
    expect(sent).toBeGreaterThanOrEqual(3);
    // The report reads Redis only (its own empty DATA_DIR).
    const report = await fx.report();
    expect(report.responses).toBe(1);
    expect(report.index.overall).toBe(100);
  });

  it("the same Telegram update posted to both is answered once", async () => {
    const [a, b] = servers();
    const update = telegramText(880001, "đăng ký tạm trú", 990001);
    const headers = { "x-telegram-bot-api-secret-token": TELEGRAM_SECRET };
    const [ra, rb] = await Promise.all([postJson(`${a.url}/webhooks/telegram`, update, headers), postJson(`${b.url}/webhooks/telegram`, update, headers)]);
    expect([ra.status, rb.status]).toEqual([200, 200]);
    await waitUntil("the Telegram answer", () => fake().sent(880001).length > 0, DEADLINE_MS);
    // A late re-delivery to the first instance is dropped too.
    expect((await postJson(`${a.url}/webhooks/telegram`, update, headers)).status).toBe(200);
    await sleep(1000);
    expect(fake().sent(880001)).toHaveLength(1);
  });

  it("both are ready on the shared Redis; when one stops (SIGTERM, exit 0), the other continues its conversations", async () => {
    const [a, b] = servers();
    for (const s of servers()) {
      expect(s.alive()).toBe(true);
      const ready = (await (await fetch(`${s.url}/readyz`)).json()) as { status: string; store: { kind: string } };
      expect(ready).toMatchObject({ status: "ok", store: { kind: "redis" } });
    }
    // A conversation that starts on a, then a goes away as in a rolling deploy.
    const chat = "zalo-two-roll";
    const card = fold(await zaloSay(fake(), a.url, ZALO_SECRET, chat, "làm hộ chiếu"));
    const choice = card.split("\n").find((l) => /^\d+\. /.test(l) && l.includes("le phi"));
    expect(choice).toBeDefined();
    expect(await a.stop()).toBe(0);
    // b knows the numbered choices a offered: the session is in Redis, not in a.
    const digit = choice!.split(".")[0]!;
    expect(fold(await zaloSay(fake(), b.url, ZALO_SECRET, chat, digit))).toContain("le phi");
  });
});
