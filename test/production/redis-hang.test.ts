import { describe, expect, it } from "vitest";
import { fold, ZALO_SECRET, ZALO_TOKEN } from "../helpers/bot-server.js";
import { PROCESS_TEST_TIMEOUT_MS, useServeFixture } from "../helpers/serve-fixture.js";
import { DEADLINE_MS, readyz as readyzOf, takeZaloSurvey, zaloSay } from "../helpers/serve-process.js";
import { waitUntil } from "../helpers/time.js";

/**
 * A real `dvc-bot serve` whose private redis-server hangs (SIGSTOP: the connection stays open,
 * commands are accepted and never answered) and later wakes up (SIGCONT). Every store call has a
 * deadline (REDIS_TIMEOUT_MS), so the bot keeps answering, /readyz says degraded, and when Redis
 * answers again the instance recovers by itself with every record in Redis once.
 */

const fx = useServeFixture({
  redis: true,
  env: (fake) => ({
    REDIS_TIMEOUT_MS: "500",
    RESPONDENT_SALT: "hang-salt",
    RATE_LIMIT_PER_MINUTE: "1000",
    ZALO_BOT_TOKEN: ZALO_TOKEN,
    ZALO_API_URL: fake.url,
    ZALO_WEBHOOK_SECRET: ZALO_SECRET,
  }),
});
const fake = () => fx.fake();
const serve = () => fx.serve();
const redis = () => fx.redis();

const readyz = async () => (await readyzOf(serve().url)).body;

/** One web chat question; the reply text, folded. */
async function webAsk(text: string): Promise<string> {
  const res = await fetch(`${serve().url}/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ text }),
    // Without deadlines this waited as long as Redis was stopped.
    signal: AbortSignal.timeout(DEADLINE_MS),
  });
  const body = (await res.json()) as { replies: { text?: string; blocks?: unknown }[] };
  return fold(JSON.stringify(body.replies));
}

describe("a hung Redis under a running serve", { timeout: PROCESS_TEST_TIMEOUT_MS }, () => {
  it("answers, says degraded, keeps the survey, and recovers with it in Redis once after SIGCONT", async () => {
    expect(await readyz()).toMatchObject({ status: "ok", store: { kind: "redis", status: "ok" } });
    // A survey begun before the hang…
    expect(fold(await zaloSay(fake(), serve().url, ZALO_SECRET, "zalo-hang-1", "đánh giá"))).toContain("bo qua");

    redis().pause();
    try {
      expect(await webAsk("làm lại căn cước bị mất")).toContain("can cuoc");
      await waitUntil("/readyz degraded", async () => (await readyz()).status === "degraded", DEADLINE_MS);
      expect((await readyz()).store).toMatchObject({ kind: "redis", status: "degraded" });
      expect(fold(await zaloSay(fake(), serve().url, ZALO_SECRET, "zalo-hang-2", "đăng ký tạm trú"))).toContain("tam tru");
      // …is finished during the hang: its answers so far were kept, the record is spooled.
      await takeZaloSurvey(fake(), [serve().url], ZALO_SECRET, "zalo-hang-1");
      expect((await readyz()).store.detail).toMatch(/[1-9]\d* record\(s\) spooled/);
    } finally {
      redis().resume();
    }

    await waitUntil("/readyz ok after SIGCONT", async () => (await readyz()).status === "ok", DEADLINE_MS);
    const report = await fx.report();
    expect(report.responses).toBe(1);
    expect(report.index.overall).toBe(100);
    expect(await webAsk("lệ phí làm hộ chiếu")).toContain("ho chieu");
    expect(serve().alive()).toBe(true);
  });
});
