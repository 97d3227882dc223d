import { describe, expect, it } from "vitest";
import { fold, oaEnv, oaEvent, postOa } from "../helpers/bot-server.js";
import { PROCESS_TEST_TIMEOUT_MS, useServeFixture } from "../helpers/serve-fixture.js";
import { waitUntil } from "../helpers/time.js";
import { DEADLINE_MS } from "../helpers/serve-process.js";

/**
 * Two real `dvc-bot serve` processes sharing a private Redis and one Zalo OA. Both check the OA
 * token as they start, at the same moment: the single-use refresh token must be spent once.
 * Then both answer with the shared token, and a restart after expiry uses the stored successor.
 */

const fx = useServeFixture({ redis: true, servers: 0, env: (fake) => ({ ...oaEnv(fake), RESPONDENT_SALT: "oa-salt-shared" }) });
const fake = () => fx.fake();
const start = () => fx.start();

const refreshes = () => fake().calls.filter((c) => c.method === "oa.token");

describe("the Zalo OA on two instances", { timeout: PROCESS_TEST_TIMEOUT_MS }, () => {
  it("spends the refresh token once, answers on both, and after a restart refreshes with the stored one", async () => {
    const [a, b] = await Promise.all([start(), start()]);
    await waitUntil("a token", () => fake().oa().access !== null, DEADLINE_MS);
    await Promise.all([postOa(a.url, oaEvent("oa-p1", "tam tru online")), postOa(b.url, oaEvent("oa-p2", "lam ho chieu"))]);
    const [toA] = await fake().waitForSent("oa-p1", 1, DEADLINE_MS);
    const [toB] = await fake().waitForSent("oa-p2", 1, DEADLINE_MS);
    expect(fold(toA!.text!)).toContain("tam tru");
    expect(fold(toB!.text!)).toContain("ho chieu");
    expect(refreshes().map((c) => [c.token, c.refused ?? "ok"])).toEqual([["oa_rt_0", "ok"]]);

    await Promise.all([a.stop(), b.stop()]);
    fake().expireOaToken();
    const c = await start();
    await postOa(c.url, oaEvent("oa-p3", "cap lai can cuoc"));
    const [toC] = await fake().waitForSent("oa-p3", 1, DEADLINE_MS);
    expect(fold(toC!.text!)).toContain("can cuoc");
    expect(refreshes().map((r) => [r.token, r.refused ?? "ok"])).toEqual([
      ["oa_rt_0", "ok"],
      ["oa_rt_1", "ok"],
    ]);
    expect(c.output()).not.toMatch(/oa_rt_|oa_at_/);
  });
});
