import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakePlatforms, type FakePlatforms } from "../helpers/fake-platforms.js";
import { fold, postJson, TELEGRAM_SECRET, TELEGRAM_TOKEN, ZALO_SECRET, ZALO_TOKEN } from "../helpers/bot-server.js";
import { removeDirs, runCli, sleep, spawnServe, tempDir, waitUntil, zaloSay, type ServeProcess } from "../helpers/serve-process.js";
import { testRedis, type TestRedis } from "../store/redis-server.js";

/**
 * Hand-over across two real `serve` processes on one Redis: the case opens on one, staff answer
 * through the other, and the first is restarted mid-case — nothing lives in one process.
 */

const STAFF = -100888;
const ADMIN = "adm_two_instances_token_0123456789";
const PHONE = "0987654321";

let redis: TestRedis | undefined;
let fake: FakePlatforms | undefined;
const servers: ServeProcess[] = [];
const dirs: string[] = [];

function env(dataDir: string): Record<string, string> {
  return {
    REDIS_URL: redis!.url,
    DATA_DIR: dataDir,
    RESPONDENT_SALT: "handover-two-salt",
    RATE_LIMIT_PER_MINUTE: "1000",
    ADMIN_TOKEN: ADMIN,
    STAFF_TELEGRAM_CHAT_ID: String(STAFF),
    OFFICE_DAYS: "1-7",
    OFFICE_HOURS: "00:00-24:00",
    ZALO_BOT_TOKEN: ZALO_TOKEN,
    ZALO_API_URL: fake!.url,
    ZALO_WEBHOOK_SECRET: ZALO_SECRET,
    TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN,
    TELEGRAM_API_ROOT: fake!.url,
    TELEGRAM_WEBHOOK_URL: "https://bot.example.invalid/webhooks/telegram",
    TELEGRAM_WEBHOOK_SECRET: TELEGRAM_SECRET,
  };
}

let seq = 700_000;
function staffReply(replyTo: number | string, text: string): Record<string, unknown> {
  const id = ++seq;
  const chat = { id: STAFF, type: "supergroup", title: "Một cửa" };
  return {
    update_id: id,
    message: { message_id: id, date: 1763900000, chat, from: { id: 7002, is_bot: false, first_name: "Hòa" }, text, reply_to_message: { message_id: Number(replyTo), date: 1763900000, chat, text: "…" } },
  };
}

beforeAll(async () => {
  redis = await testRedis();
  await redis.start();
  fake = await startFakePlatforms();
  for (const label of ["ha", "hb", "hreport"]) dirs.push(await tempDir(label));
  servers.push(await spawnServe(env(dirs[0]!)));
  servers.push(await spawnServe(env(dirs[1]!)));
});

afterAll(async () => {
  await Promise.allSettled(servers.map((s) => s.stop()));
  await redis?.kill();
  await fake?.close();
  await removeDirs(dirs);
});

describe("hand-over across two serve processes on one Redis", () => {
  it("opens on one, is answered through the other, survives a restart, closes with /xong", async () => {
    const f = fake!;
    const chat = "zalo-handover-two";
    const [a, b] = servers as [ServeProcess, ServeProcess];
    const tg = (url: string, update: unknown) => postJson(`${url}/webhooks/telegram`, update, { "x-telegram-bot-api-secret-token": TELEGRAM_SECRET });
    const posts = () => f.sent(STAFF);

    const confirmed = fold(await zaloSay(f, a.url, ZALO_SECRET, chat, `/canbo hồ sơ cấp đổi sổ đỏ bị trả lại, gọi tôi ${PHONE}`));
    expect(confirmed).toContain("#1");
    await waitUntil("the case in the staff group", () => posts().length === 1, 8000);
    const post = posts()[0]!;
    expect(String(post.payload.text)).toContain("sổ đỏ");
    expect(String(post.payload.text)).not.toContain(PHONE);

    // a goes away mid-case (a rolling deploy) and comes back on the same DATA_DIR.
    expect(await a.stop()).toBe(0);
    const a2 = await spawnServe(env(dirs[0]!));
    servers[0] = a2;

    // The staff reply arrives at b: the case and its group post are found in Redis.
    const before = f.sent(chat).length;
    expect((await tg(b.url, staffReply(post.messageId!, "Anh bổ sung bản sao căn cước giúp em nhé."))).status).toBe(200);
    const got = await f.waitForSent(chat, before + 1, 8000);
    expect(got.slice(before).map((c) => String(c.payload.text)).join("\n")).toContain("bổ sung bản sao căn cước");

    // The citizen's next message reaches the restarted a: it goes to the group, the bot stays quiet.
    const quiet = f.sent(chat).length;
    expect((await postJson(`${a2.url}/webhooks/zalo`, zaloEventText(chat, "đăng ký khai sinh cần gì"), { "x-bot-api-secret-token": ZALO_SECRET })).status).toBe(200);
    await waitUntil("the follow-up in the group", () => posts().some((p) => String(p.payload.text).includes("đăng ký khai sinh cần gì")), 8000);
    await sleep(300);
    expect(f.sent(chat)).toHaveLength(quiet);

    const inbox = await fetch(`${a2.url}/admin/handover`, { headers: { authorization: `Bearer ${ADMIN}` } });
    expect(inbox.status).toBe(200);
    const html = await inbox.text();
    expect(html).toContain("sổ đỏ");
    expect(html).toContain("bổ sung bản sao căn cước");

    // /xong through a2, as a reply to the follow-up post.
    const followUp = posts().find((p) => String(p.payload.text).includes("đăng ký khai sinh cần gì"))!;
    const beforeClose = f.sent(chat).length;
    expect((await tg(a2.url, staffReply(followUp.messageId!, "/xong"))).status).toBe(200);
    const closing = await f.waitForSent(chat, beforeClose + 1, 8000);
    expect(fold(closing.slice(beforeClose).map((c) => String(c.payload.text)).join("\n"))).toContain("danh gia");

    // The bot answers that citizen again, on either instance.
    expect(fold(await zaloSay(f, b.url, ZALO_SECRET, chat, "đăng ký khai sinh cần giấy tờ gì"))).toContain("khai sinh");

    for (const s of servers) expect(s.output()).not.toContain(PHONE);
    const report = await runCli(["report", "--json"], { REDIS_URL: redis!.url, DATA_DIR: dirs[2]! });
    expect(report.code).toBe(0);
    expect(JSON.parse(report.stdout).handover).toMatchObject({ opened: 1, answered: 1, open: 0 });
  });
});

let zseq = 0;
function zaloEventText(chatId: string, text: string): Record<string, unknown> {
  return {
    event_name: "message.text.received",
    message: { message_id: `zh-${++zseq}-${Date.now()}`, date: Date.now(), chat: { id: chatId, chat_type: "PRIVATE" }, from: { id: chatId, display_name: "Binh", is_bot: false }, text },
  };
}
