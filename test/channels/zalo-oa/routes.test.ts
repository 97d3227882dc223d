import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakePlatforms, type FakePlatforms } from "../../helpers/fake-platforms.js";
import { FIXTURE_KB_ENV, fold, OA_APP_SECRET, oaEnv, oaEvent, postOa, startBotServer, useBotServer, type BotServer } from "../../helpers/bot-server.js";

const server = useBotServer((fake) => ({ ...FIXTURE_KB_ENV, ...oaEnv(fake) }));
const url = () => server.bot().url;
const tokenCalls = () => server.fake().calls.filter((c) => c.method === "oa.token");

describe("POST /webhooks/zalo-oa", () => {
  it("answers a signed user_send_text through /v3.0/oa/message/cs, as a reply to that message", async () => {
    const event = oaEvent("oa-u1", "khai sinh online");
    const res = await postOa(url(), event);
    expect(res.status).toBe(200);
    const [first] = await server.fake().waitForSent("oa-u1", 1);
    expect(fold(first!.text!)).toContain("dang ky khai sinh");
    // Choices as a numbered list: a consultation text message has no buttons.
    expect(first!.text).toMatch(/\n1\. .+\n2\. /);
    expect(first!.payload).toMatchObject({ recipient: { user_id: "oa-u1", message_id: (event.message as { msg_id: string }).msg_id }, message: { text: first!.text } });
    // The environment had no access token: the bot got one with the refresh token (header secret_key, form fields).
    expect(first!.token).toBe(server.fake().oa().access);
    expect(tokenCalls()[0]).toMatchObject({ token: "oa_rt_0", payload: { app_id: "3608465249409039", grant_type: "refresh_token" } });
    expect(tokenCalls()[0]!.refused).toBeUndefined();
  });

  it("refuses a bad, missing or stale signature with 401 and sends nothing", async () => {
    const event = oaEvent("oa-u2", "khai sinh online");
    expect((await postOa(url(), event, "mac=" + "0".repeat(64))).status).toBe(401);
    expect((await postOa(url(), event, "")).status).toBe(401);
    // Signed, then altered: the signature covers the raw body.
    const signedFor = { ...event };
    const tampered = { ...event, message: { msg_id: "x1", text: "ho chieu" } };
    const { zaloOaSignature } = await import("../../../src/channels/zalo-oa/routes.js");
    const mac = zaloOaSignature("3608465249409039", Buffer.from(JSON.stringify(signedFor)), String(event.timestamp), "oa_webhook_secret_key_1");
    expect((await postOa(url(), tampered, mac)).status).toBe(401);
    // Signed with the app secret instead of the OA secret key.
    const wrongKey = zaloOaSignature("3608465249409039", Buffer.from(JSON.stringify(event)), String(event.timestamp), OA_APP_SECRET);
    expect((await postOa(url(), event, wrongKey)).status).toBe(401);
    await new Promise((r) => setTimeout(r, 300));
    expect(server.fake().calls.filter((c) => c.method === "oa.send" && JSON.stringify(c.payload).includes("oa-u2"))).toEqual([]);
  });

  it("refreshes an expired access token exactly once and sends the reply again", async () => {
    await postOa(url(), oaEvent("oa-u3", "cap lai giay phep lai xe"));
    const earlier = (await server.fake().waitForSent("oa-u3", 1)).length;
    const before = tokenCalls().length;
    server.fake().expireOaToken();
    await postOa(url(), oaEvent("oa-u3", "lam ho chieu"));
    const sent = (await server.fake().waitForSent("oa-u3", earlier + 1)).slice(earlier);
    expect(fold(sent.map((c) => c.text).join("\n"))).toContain("ho chieu");
    const refreshes = tokenCalls().slice(before);
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0]!.refused).toBeUndefined();
    // The first attempt was refused for the expired token, the retry went out with the new one.
    const attempts = server.fake().calls.filter((c) => c.method === "oa.send" && (c.payload.recipient as { user_id: string }).user_id === "oa-u3");
    expect(attempts.some((c) => c.refused === "Access token is invalid")).toBe(true);
    expect(sent[0]!.token).toBe(server.fake().oa().access);
  });

  it("welcomes a new follower and answers images politely", async () => {
    await postOa(url(), oaEvent("oa-u4", null, "follow"));
    await postOa(url(), oaEvent("oa-u5", null, "user_send_image"));
    await postOa(url(), oaEvent("oa-u6", null, "user_send_location"));
    const [welcome] = await server.fake().waitForSent("oa-u4", 1);
    const [image] = await server.fake().waitForSent("oa-u5", 1);
    const [location] = await server.fake().waitForSent("oa-u6", 1);
    expect(fold(welcome!.text!)).toMatch(/xin chao|chao ban/);
    expect(welcome!.payload.recipient).toEqual({ user_id: "oa-u4" });
    expect(fold(image!.text!)).toContain("chi doc duoc tin nhan chu");
    expect(fold(location!.text!)).toContain("chi doc duoc tin nhan chu");
  });

  it("answers a re-delivered msg_id once, and ignores the OA's own messages", async () => {
    const event = oaEvent("oa-u7", "dang ky khai sinh", "user_send_text", "dup-oa-1");
    await Promise.all([postOa(url(), event), postOa(url(), event), postOa(url(), event)]);
    await server.fake().waitForSent("oa-u7", 1, 8000, 500);
    const texts = server.fake().sent("oa-u7").map((c) => c.text);
    expect(new Set(texts).size).toBe(texts.length);
    expect((await postOa(url(), { ...oaEvent("oa-u7", "x"), event_name: "oa_send_text" })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(server.fake().sent("oa-u7").length).toBe(texts.length);
  });

  it("refuses signed bodies that are not events with 400, and logs only their shape", async () => {
    const body = { timestamp: String(Date.now()), note: "CCCD 012345678901" };
    expect((await postOa(url(), body)).status).toBe(400);
    const logs = server.bot().logs();
    expect(logs).toContain("zalo-oa: rejected a payload that is not an OA event");
    expect(logs).not.toContain("012345678901");
  });

  it("never logs tokens or secrets", () => {
    const logs = server.bot().logs();
    for (const secret of ["oa_at_", "oa_rt_", OA_APP_SECRET, "oa_webhook_secret_key_1"]) expect(logs).not.toContain(secret);
  });
});

describe("Zalo OA tokens across a restart", () => {
  let fake: FakePlatforms;
  let dataDir: string;
  let bot: BotServer | undefined;
  beforeAll(async () => {
    fake = await startFakePlatforms();
    dataDir = await mkdtemp(join(tmpdir(), "dvc-oa-restart-"));
  });
  afterAll(async () => {
    await bot?.close();
    await fake.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("after a restart with the access token expired, refreshes with the stored rotated refresh token", async () => {
    bot = await startBotServer(fake, { ...FIXTURE_KB_ENV, ...oaEnv(fake) }, { dataDir });
    await postOa(bot.url, oaEvent("oa-r1", "khai sinh online"));
    const earlier = (await fake.waitForSent("oa-r1", 1)).length;
    await bot.close();
    // The refresh token in the environment (oa_rt_0) is spent; the store holds its successor.
    expect(fake.oa().refresh).toBe("oa_rt_1");
    fake.expireOaToken();

    bot = await startBotServer(fake, { ...FIXTURE_KB_ENV, ...oaEnv(fake) }, { dataDir });
    await postOa(bot.url, oaEvent("oa-r1", "lam ho chieu"));
    const sent = (await fake.waitForSent("oa-r1", earlier + 1)).slice(earlier);
    expect(fold(sent.map((c) => c.text).join("\n"))).toContain("ho chieu");
    const refreshes = fake.calls.filter((c) => c.method === "oa.token");
    expect(refreshes.map((c) => [c.token, c.refused ?? "ok"])).toEqual([
      ["oa_rt_0", "ok"],
      ["oa_rt_1", "ok"],
    ]);
  });

  it("when no refresh works, /readyz says so and the log says what to do", async () => {
    await bot?.close();
    const spent = await mkdtemp(join(tmpdir(), "dvc-oa-spent-"));
    try {
      // A fresh store and an environment refresh token the OAuth server no longer accepts.
      bot = await startBotServer(fake, { ...FIXTURE_KB_ENV, ...oaEnv(fake), ZALO_OA_REFRESH_TOKEN: "oa_rt_0" }, { dataDir: spent });
      await postOa(bot.url, oaEvent("oa-r2", "khai sinh online"));
      let ready: { status: string; problems?: string[] } = { status: "" };
      for (let i = 0; i < 100 && !ready.problems; i++) {
        ready = (await (await fetch(`${bot.url}/readyz`)).json()) as typeof ready;
        if (!ready.problems) await new Promise((r) => setTimeout(r, 50));
      }
      expect(ready.status).toBe("degraded");
      expect(ready.problems?.join(" ")).toMatch(/refresh token was refused.*ZALO_OA_REFRESH_TOKEN/);
      expect(bot.logs()).toMatch(/set ZALO_OA_REFRESH_TOKEN to it and restart/);
      expect(fake.sent("oa-r2")).toEqual([]);
      expect(await bot.metrics.registry.getSingleMetricAsString("dvc_bot_send_failures_total")).toMatch(/channel="zalo-oa"} 1/);
    } finally {
      await bot?.close();
      bot = undefined;
      await rm(spent, { recursive: true, force: true });
    }
  });
});
