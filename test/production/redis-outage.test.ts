import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakePlatforms, type FakePlatforms } from "../helpers/fake-platforms.js";
import { fold, TELEGRAM_SECRET, TELEGRAM_TOKEN, ZALO_SECRET, ZALO_TOKEN } from "../helpers/bot-server.js";
import { removeDirs, reportJson, runCli, spawnServe, takeZaloSurvey, tempDir, waitUntil, zaloSay, type ServeProcess } from "../helpers/serve-process.js";
import { testRedis, type TestRedis } from "../store/redis-server.js";

/**
 * A real `dvc-bot serve` whose private, password-protected redis-server is SIGKILLed mid-traffic
 * and later restarted on the same port (empty: no persistence). The bot must keep answering,
 * say "degraded" on /readyz while staying in rotation, spool the survey finished meanwhile and
 * write it to Redis exactly once when Redis is back — even if the instance crashed meanwhile.
 */

const PASSWORD = "r3dis-Pa55word-outage";

let redis: TestRedis | undefined;
let fake: FakePlatforms | undefined;
let serve: ServeProcess | undefined;
const instances: ServeProcess[] = [];
const dirs: string[] = [];
/** Output of instances that are gone. */
const logs: string[] = [];

interface Ready {
  status: string;
  store: { kind: string; status: string; detail?: string };
}

async function readyz(): Promise<{ code: number; body: Ready }> {
  const res = await fetch(`${serve!.url}/readyz`);
  return { code: res.status, body: (await res.json()) as Ready };
}

async function spoolGauge(): Promise<number> {
  const text = await (await fetch(`${serve!.url}/metrics`)).text();
  const m = /^dvc_bot_spool_records (\d+(?:\.\d+)?)$/m.exec(text);
  if (!m) throw new Error("test: no dvc_bot_spool_records in /metrics");
  return Number(m[1]);
}

/** One question, timed: the answer must arrive within `ms`. */
async function ask(chat: string, text: string, ms = 2500): Promise<string> {
  const started = Date.now();
  const reply = fold(await zaloSay(fake!, serve!.url, ZALO_SECRET, chat, text, ms + 2000));
  expect(Date.now() - started).toBeLessThan(ms);
  return reply;
}

beforeAll(async () => {
  redis = await testRedis(undefined, { password: PASSWORD });
  await redis.start();
  fake = await startFakePlatforms();
  for (const label of ["serve", "report"]) dirs.push(await tempDir(label));
  serve = await startServe();
});

function startServe(): Promise<ServeProcess> {
  return spawnServe({
    REDIS_URL: redis!.url,
    DATA_DIR: dirs[0]!,
    RESPONDENT_SALT: "outage-salt",
    RATE_LIMIT_PER_MINUTE: "1000",
    ZALO_BOT_TOKEN: ZALO_TOKEN,
    ZALO_API_URL: fake!.url,
    ZALO_WEBHOOK_SECRET: ZALO_SECRET,
    TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN,
    TELEGRAM_API_ROOT: fake!.url,
    TELEGRAM_WEBHOOK_URL: "https://bot.example.invalid/webhooks/telegram",
    TELEGRAM_WEBHOOK_SECRET: TELEGRAM_SECRET,
  }).then((s) => (instances.push(s), s));
}

afterAll(async () => {
  await Promise.allSettled(instances.map((s) => s.stop()));
  await redis?.kill();
  await fake?.close();
  await removeDirs(dirs);
});

describe("Redis outage under a running serve", () => {
  it("keeps answering, spools the survey, and writes it to Redis exactly once when Redis returns", async () => {
    expect((await readyz()).body).toMatchObject({ status: "ok", store: { kind: "redis", status: "ok" } });
    expect(await ask("zalo-out-1", "làm lại căn cước bị mất")).toContain("can cuoc");

    await redis!.kill();

    // Questions are still answered quickly, from in-memory knowledge.
    expect(await ask("zalo-out-2", "đăng ký tạm trú")).toContain("tam tru");
    expect(await ask("zalo-out-1", "lệ phí làm hộ chiếu")).toContain("ho chieu");

    // Degraded, yet 200: the instance still answers, so it stays in the load balancer's rotation.
    const degraded = await readyz();
    expect(degraded.code).toBe(200);
    expect(degraded.body).toMatchObject({ status: "degraded", store: { kind: "redis", status: "degraded" } });
    expect(JSON.stringify(degraded.body)).not.toContain(PASSWORD);

    // A whole survey during the outage (sessions in instance memory), spooled to DATA_DIR.
    await takeZaloSurvey(fake!, [serve!.url], ZALO_SECRET, "zalo-out-survey");
    expect(await spoolGauge()).toBeGreaterThan(0);
    expect((await readyz()).body.store.detail).toMatch(/[1-9]\d* record\(s\) spooled/);

    // A report now would miss what is in Redis: it refuses rather than print wrong numbers.
    const refused = await runCli(["report", "--json"], { REDIS_URL: redis!.url, DATA_DIR: dirs[1]! });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toContain("report: Redis is unreachable");
    expect(refused.stderr).not.toContain(PASSWORD);

    await redis!.start();
    await waitUntil("/readyz ok after Redis returned", async () => (await readyz()).body.status === "ok", 10_000);
    expect(await spoolGauge()).toBe(0);

    // The report reads Redis alone (its own empty DATA_DIR): the survey is there, once.
    const report = await reportJson({ REDIS_URL: redis!.url, DATA_DIR: dirs[1]! });
    expect(report.responses).toBe(1);
    expect(report.index.overall).toBe(100);
    // And stays once: another recovery pass has nothing left to replay.
    expect((await reportJson({ REDIS_URL: redis!.url, DATA_DIR: dirs[1]! })).responses).toBe(1);

    expect(await ask("zalo-out-3", "thủ tục cấp giấy phép lái xe")).toContain("lai xe");
    expect(serve!.alive()).toBe(true);
  });

  it("a survey spooled during an outage survives a crash of the instance and reaches Redis once after its restart", async () => {
    await redis!.kill();
    await waitUntil("/readyz degraded", async () => (await readyz()).body.status === "degraded", 5000);
    await takeZaloSurvey(fake!, [serve!.url], ZALO_SECRET, "zalo-out-survey-2");
    expect(await spoolGauge()).toBeGreaterThan(0);
    const before = serve!.output();
    await serve!.crash();

    await redis!.start();
    // Redis restarted empty (no persistence): only the respawned instance's spool can bring it back.
    serve = await startServe();
    await waitUntil("/readyz ok after the restart", async () => (await readyz()).body.status === "ok", 10_000);
    expect(await spoolGauge()).toBe(0);
    expect((await reportJson({ REDIS_URL: redis!.url, DATA_DIR: dirs[1]! })).responses).toBe(1);
    expect(serve.output()).toMatch(/"replayed":1\b/);
    // Keep the first run's logs for the check below.
    logs.push(before);
  });

  it("never logs the Redis password or the bot tokens, and logs JSON lines", () => {
    const out = [...logs, serve!.output()].join("");
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
