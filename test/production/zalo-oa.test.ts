import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakePlatforms, type FakePlatforms } from "../helpers/fake-platforms.js";
import { fold, oaEnv, oaEvent, postOa } from "../helpers/bot-server.js";
import { removeDirs, spawnServe, tempDir, waitUntil, type ServeProcess } from "../helpers/serve-process.js";
import { testRedis, type TestRedis } from "../store/redis-server.js";

/**
 * Two real `dvc-bot serve` processes sharing a private Redis and one Zalo OA. Both check the OA
 * token as they start, at the same moment: the single-use refresh token must be spent once.
 * Then both answer with the shared token, and a restart after expiry uses the stored successor.
 */

let redis: TestRedis | undefined;
let fake: FakePlatforms | undefined;
const serves: ServeProcess[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  redis = await testRedis();
  await redis.start();
  fake = await startFakePlatforms();
});

afterAll(async () => {
  await Promise.all(serves.map((s) => s.stop()));
  await redis?.kill();
  await fake?.close();
  await removeDirs(dirs);
});

async function start(): Promise<ServeProcess> {
  const dir = await tempDir("oa");
  dirs.push(dir);
  const serve = await spawnServe({ ...oaEnv(fake!), REDIS_URL: redis!.url, RESPONDENT_SALT: "oa-salt-shared", DATA_DIR: dir });
  serves.push(serve);
  return serve;
}

const refreshes = () => fake!.calls.filter((c) => c.method === "oa.token");

describe("the Zalo OA on two instances", () => {
  it("spends the refresh token once, answers on both, and after a restart refreshes with the stored one", async () => {
    const [a, b] = await Promise.all([start(), start()]);
    await waitUntil("a token", () => fake!.oa().access !== null, 10_000);
    await Promise.all([postOa(a.url, oaEvent("oa-p1", "tam tru online")), postOa(b.url, oaEvent("oa-p2", "lam ho chieu"))]);
    const [toA] = await fake!.waitForSent("oa-p1", 1, 10_000);
    const [toB] = await fake!.waitForSent("oa-p2", 1, 10_000);
    expect(fold(toA!.text!)).toContain("tam tru");
    expect(fold(toB!.text!)).toContain("ho chieu");
    expect(refreshes().map((c) => [c.token, c.refused ?? "ok"])).toEqual([["oa_rt_0", "ok"]]);

    await Promise.all([a.stop(), b.stop()]);
    fake!.expireOaToken();
    const c = await start();
    await postOa(c.url, oaEvent("oa-p3", "cap lai can cuoc"));
    const [toC] = await fake!.waitForSent("oa-p3", 1, 10_000);
    expect(fold(toC!.text!)).toContain("can cuoc");
    expect(refreshes().map((r) => [r.token, r.refused ?? "ok"])).toEqual([
      ["oa_rt_0", "ok"],
      ["oa_rt_1", "ok"],
    ]);
    expect(c.output()).not.toMatch(/oa_rt_|oa_at_/);
  });
});
