import { describe, expect, it } from "vitest";
import { fold, TELEGRAM_SECRET, TELEGRAM_TOKEN, ZALO_SECRET, ZALO_TOKEN } from "../helpers/bot-server.js";
import { botPlatformsEnv, PROCESS_TEST_TIMEOUT_MS, useServeFixture } from "../helpers/serve-fixture.js";
import { DEADLINE_MS, readyz as readyzOf, takeZaloSurvey, zaloSay } from "../helpers/serve-process.js";
import { waitUntil } from "../helpers/time.js";

/**
 * A real `dvc-bot serve` whose private, password-protected redis-server is SIGKILLed mid-traffic
 * and later restarted on the same port (empty: no persistence). The bot must keep answering,
 * say "degraded" on /readyz while staying in rotation, spool the survey finished meanwhile and
 * write it to Redis exactly once when Redis is back — even if the instance crashed meanwhile.
 */

const PASSWORD = "r3dis-Pa55word-outage";

const fx = useServeFixture({
  redis: { password: PASSWORD },
  // The store's own deadline as shipped: the outage is what this test is about.
  env: (fake) => ({ REDIS_TIMEOUT_MS: "2000", RESPONDENT_SALT: "outage-salt", RATE_LIMIT_PER_MINUTE: "1000", ...botPlatformsEnv(fake) }),
});
const fake = () => fx.fake();
/** The instance started last (a crashed one is replaced by its restart). */
const serve = () => fx.serve();
const redis = () => fx.redis();
const readyz = () => readyzOf(serve().url);

async function spoolGauge(): Promise<number> {
  const text = await (await fetch(`${serve().url}/metrics`)).text();
  const m = /^dvc_bot_spool_records (\d+(?:\.\d+)?)$/m.exec(text);
  if (!m) throw new Error("test: no dvc_bot_spool_records in /metrics");
  return Number(m[1]);
}

/**
 * One question; the answer must come (a store call waiting on the dead Redis would hold it past
 * the deadline). Not a bound on speed: the store's own deadlines are tested in test/store.
 */
async function ask(chat: string, text: string): Promise<string> {
  return fold(await zaloSay(fake(), serve().url, ZALO_SECRET, chat, text));
}

describe("Redis outage under a running serve", { timeout: PROCESS_TEST_TIMEOUT_MS }, () => {
  it("keeps answering, spools the survey, and writes it to Redis exactly once when Redis returns", async () => {
    expect((await readyz()).body).toMatchObject({ status: "ok", store: { kind: "redis", status: "ok" } });
    expect(await ask("zalo-out-1", "làm lại căn cước bị mất")).toContain("can cuoc");

    await redis().kill();

    // Questions are still answered, from in-memory knowledge.
    expect(await ask("zalo-out-2", "đăng ký tạm trú")).toContain("tam tru");
    expect(await ask("zalo-out-1", "lệ phí làm hộ chiếu")).toContain("ho chieu");

    // Degraded, yet 200: the instance still answers, so it stays in the load balancer's rotation.
    const degraded = await readyz();
    expect(degraded.code).toBe(200);
    expect(degraded.body).toMatchObject({ status: "degraded", store: { kind: "redis", status: "degraded" } });
    expect(JSON.stringify(degraded.body)).not.toContain(PASSWORD);

    // A whole survey during the outage (sessions in instance memory), spooled to DATA_DIR.
    await takeZaloSurvey(fake(), [serve().url], ZALO_SECRET, "zalo-out-survey");
    expect(await spoolGauge()).toBeGreaterThan(0);
    expect((await readyz()).body.store.detail).toMatch(/[1-9]\d* record\(s\) spooled/);

    // A report now would miss what is in Redis: it refuses rather than print wrong numbers.
    const refused = await fx.cli(["report", "--json"]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toContain("report: Redis is unreachable");
    expect(refused.stderr).not.toContain(PASSWORD);

    await redis().start();
    await waitUntil("/readyz ok after Redis returned", async () => (await readyz()).body.status === "ok", DEADLINE_MS);
    expect(await spoolGauge()).toBe(0);

    // The report reads Redis alone (its own empty DATA_DIR): the survey is there, once.
    const report = await fx.report();
    expect(report.responses).toBe(1);
    expect(report.index.overall).toBe(100);
    // And stays once: another recovery pass has nothing left to replay.
    expect((await fx.report()).responses).toBe(1);

    expect(await ask("zalo-out-3", "thủ tục cấp giấy phép lái xe")).toContain("lai xe");
    expect(serve().alive()).toBe(true);
  });

  it("a survey spooled during an outage survives a crash of the instance and reaches Redis once after its restart", async () => {
    await redis().kill();
    await waitUntil("/readyz degraded", async () => (await readyz()).body.status === "degraded", DEADLINE_MS);
    await takeZaloSurvey(fake(), [serve().url], ZALO_SECRET, "zalo-out-survey-2");
    expect(await spoolGauge()).toBeGreaterThan(0);
    const crashed = serve();
    await crashed.crash();

    await redis().start();
    // Redis restarted empty (no persistence): only the respawned instance's spool can bring it back.
    const restarted = await fx.start({ dataDir: crashed.dataDir! });
    await waitUntil("/readyz ok after the restart", async () => (await readyz()).body.status === "ok", DEADLINE_MS);
    expect(await spoolGauge()).toBe(0);
    expect((await fx.report()).responses).toBe(1);
    expect(restarted.output()).toMatch(/"replayed":1\b/);
  });

  it("never logs the Redis password or the bot tokens, and logs JSON lines", () => {
    const out = fx.output();
    // The outage was noticed and logged…
    expect(out).toContain("store: redis unavailable");
    expect(out).toContain("store: redis available");
    // …without a secret.
    for (const secret of [PASSWORD, ZALO_TOKEN, ZALO_TOKEN.split(":")[1]!, TELEGRAM_TOKEN.split(":")[1]!, TELEGRAM_SECRET, ZALO_SECRET]) {
      expect(out).not.toContain(secret);
    }
    for (const line of out.split("\n").filter(Boolean)) expect(() => JSON.parse(line) as unknown).not.toThrow();
  });
});
