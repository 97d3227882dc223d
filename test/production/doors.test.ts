import { createClient } from "redis";
import { describe, expect, it } from "vitest";
import { fold, postJson, postOversized, telegramText, TELEGRAM_SECRET, TELEGRAM_TOKEN, zaloEvent, ZALO_SECRET, ZALO_TOKEN } from "../helpers/bot-server.js";
import { botPlatformsEnv, PROCESS_TEST_TIMEOUT_MS, useServeFixture } from "../helpers/serve-fixture.js";
import { DEADLINE_MS, zaloSay } from "../helpers/serve-process.js";
import { sleep, waitUntil } from "../helpers/time.js";

/**
 * The doors of the real `dvc-bot serve` process on the Redis store. test/server/hardening.test.ts
 * covers the same doors in process on the embedded store; this proves the CLI wires them (body
 * limit, secrets, admin guard, JSON logs on stderr) and that the Redis path (shared dedup, locks,
 * rate limits) holds under load.
 */

const PASSWORD = "doors-redis-pw-7781";
const PHONE = "0912345678";
const RATE_LIMIT = 4;

const tg = { "x-telegram-bot-api-secret-token": TELEGRAM_SECRET };
const zl = { "x-bot-api-secret-token": ZALO_SECRET };

const fx = useServeFixture({
  redis: { password: PASSWORD },
  env: (fake) => ({
    RESPONDENT_SALT: "doors-salt",
    // Low, to see the polite refusal; each load-test chat sends one message.
    RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
    // The most talkative level: even debug logs must not carry what citizens write.
    LOG_LEVEL: "debug",
    ADMIN_TOKEN: "admin-token-doors-55",
    ...botPlatformsEnv(fake),
  }),
});
const fake = () => fx.fake();
const serve = () => fx.serve();

describe("the doors of a running serve", { timeout: PROCESS_TEST_TIMEOUT_MS }, () => {
  it("400 for malformed JSON, 413 for 2 MB, 401 for wrong secrets and for /admin without a token", async () => {
    const url = serve().url;
    for (const [path, headers] of [
      ["/webhooks/telegram", tg],
      ["/webhooks/zalo", zl],
      ["/api/chat", {}],
    ] as const) {
      expect((await postJson(url + path, '{"update_id": 1,', headers)).status).toBe(400);
      expect(await postOversized(url + path, 2 * 1024 * 1024, headers)).toBe(413);
    }
    expect((await postJson(`${url}/webhooks/telegram`, telegramText(1, "x"), { "x-telegram-bot-api-secret-token": "wrong" })).status).toBe(401);
    expect((await postJson(`${url}/webhooks/zalo`, zaloEvent("z", "x"), { "x-bot-api-secret-token": "wrong" })).status).toBe(401);
    expect((await postJson(`${url}/webhooks/zalo`, zaloEvent("z", "x"))).status).toBe(401);
    expect((await fetch(`${url}/admin`)).status).toBe(401);
    expect((await fetch(`${url}/admin/report.json`, { headers: { authorization: "Bearer nope" } })).status).toBe(401);
    expect((await fetch(`${url}/admin/report.json`, { headers: { authorization: "Bearer admin-token-doors-55" } })).status).toBe(200);
    expect(fake().sent("z")).toEqual([]);
    expect(serve().alive()).toBe(true);
  });

  it("answers a 20,000-character Zalo message from its start, saying it read only that", async () => {
    const text = "làm lại căn cước bị mất ".repeat(900).slice(0, 20_000);
    const reply = fold(await zaloSay(fake(), serve().url, ZALO_SECRET, "zalo-long", text));
    expect(reply).toContain("chi doc phan dau");
    expect(reply).toContain("can cuoc");
  });

  it("answers a repeated Zalo message id once", async () => {
    const event = zaloEvent("zalo-dup", "đăng ký tạm trú");
    for (let i = 0; i < 3; i++) expect((await postJson(`${serve().url}/webhooks/zalo`, event, zl)).status).toBe(200);
    await fake().waitForSent("zalo-dup", 1, DEADLINE_MS, 800);
    expect(fake().sent("zalo-dup")).toHaveLength(1);
  });

  it("answers 300 concurrent Zalo chats, /healthz staying 200 throughout", async () => {
    const n = 300;
    const health: number[] = [];
    let loading = true;
    const probe = (async () => {
      while (loading) {
        health.push(await fetch(`${serve().url}/healthz`).then((r) => r.status, () => 0));
        await sleep(50);
      }
    })();
    const statuses = await Promise.all(
      Array.from({ length: n }, (_, i) => postJson(`${serve().url}/webhooks/zalo`, zaloEvent(`zalo-load-${i}`, i % 2 ? "đăng ký thường trú" : "cấp lại căn cước"), zl).then((r) => r.status)),
    );
    expect(statuses.every((s) => s === 200)).toBe(true);
    const answered = () => Array.from({ length: n }, (_, i) => fake().sent(`zalo-load-${i}`).length > 0).filter(Boolean).length;
    await waitUntil(`all ${n} chats answered (so far ${answered()})`, () => answered() === n, 3 * DEADLINE_MS);
    loading = false;
    await probe;
    expect(health.length).toBeGreaterThan(0);
    expect(health.every((s) => s === 200)).toBe(true);
    expect((await fetch(`${serve().url}/healthz`)).status).toBe(200);
  });

  it("answers the per-user rate limit with the polite message", async () => {
    const chat = "zalo-fast";
    const replies: string[] = [];
    for (let i = 0; i < RATE_LIMIT + 2; i++) replies.push(fold(await zaloSay(fake(), serve().url, ZALO_SECRET, chat, `hỏi lần ${i} về hộ chiếu`)));
    expect(replies.slice(0, RATE_LIMIT).some((r) => r.includes("gui hoi nhanh"))).toBe(false);
    expect(replies[RATE_LIMIT]).toContain("gui hoi nhanh");
    expect(replies[RATE_LIMIT + 1]).toContain("gui hoi nhanh");
    // Another citizen is not affected.
    expect(fold(await zaloSay(fake(), serve().url, ZALO_SECRET, "zalo-calm", "làm hộ chiếu"))).not.toContain("gui hoi nhanh");
  });

  it("logs JSON lines with neither tokens nor what a citizen wrote (a phone number), and stores no phone number", async () => {
    const text = `Số điện thoại của tôi là ${PHONE}, tôi muốn hỏi về chuyện riêng xyzzy`;
    await zaloSay(fake(), serve().url, ZALO_SECRET, "zalo-pii", text);
    await postJson(`${serve().url}/webhooks/telegram`, telegramText(770001, text), tg);
    await waitUntil("the Telegram answer", () => fake().sent(770001).length > 0, DEADLINE_MS);

    const out = serve().output();
    const lines = out.split("\n").filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(() => JSON.parse(line) as unknown).not.toThrow();
    for (const secret of [PHONE, "xyzzy", PASSWORD, ZALO_TOKEN, ZALO_TOKEN.split(":")[1]!, TELEGRAM_TOKEN.split(":")[1]!, TELEGRAM_SECRET, ZALO_SECRET, "admin-token-doors-55"]) {
      expect(out).not.toContain(secret);
    }

    // What Redis keeps (sessions, unanswered questions) is masked too.
    const client = createClient({ url: fx.redis().url });
    await client.connect();
    try {
      let dump = "";
      for await (const keys of client.scanIterator({ COUNT: 500 })) {
        for (const key of keys) {
          const type = await client.type(key);
          if (type === "string") dump += (await client.get(key)) ?? "";
          else if (type === "hash") dump += JSON.stringify(await client.hGetAll(key));
        }
      }
      expect(dump.length).toBeGreaterThan(0);
      expect(dump).not.toContain(PHONE);
    } finally {
      await client.close();
    }
  });
});
