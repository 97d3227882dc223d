import { describe, expect, it } from "vitest";
import { fold, postJson, TELEGRAM_SECRET, zaloEvent, ZALO_SECRET } from "../helpers/bot-server.js";
import { botPlatformsEnv, PROCESS_TEST_TIMEOUT_MS, useServeFixture } from "../helpers/serve-fixture.js";
import { DEADLINE_MS, type ServeProcess, zaloSay } from "../helpers/serve-process.js";
import { staffGroupReply } from "../helpers/staff-group.js";
import { sleep, waitUntil } from "../helpers/time.js";

/**
 * Hand-over across two real `serve` processes on one Redis: the case opens on one, staff answer
 * through the other, and the first is restarted mid-case — nothing lives in one process.
 */

const STAFF = -100888;
const ADMIN = "adm_two_instances_token_0123456789";
const PHONE = "0987654321";

const fx = useServeFixture({
  redis: true,
  servers: 2,
  env: (fake) => ({
    RESPONDENT_SALT: "handover-two-salt",
    RATE_LIMIT_PER_MINUTE: "1000",
    ADMIN_TOKEN: ADMIN,
    STAFF_TELEGRAM_CHAT_ID: String(STAFF),
    OFFICE_DAYS: "1-7",
    OFFICE_HOURS: "00:00-24:00",
    ...botPlatformsEnv(fake),
  }),
});

describe("hand-over across two serve processes on one Redis", { timeout: PROCESS_TEST_TIMEOUT_MS }, () => {
  it("opens on one, is answered through the other, survives a restart, closes with /xong", async () => {
    const f = fx.fake();
    const chat = "zalo-handover-two";
    const [a, b] = fx.servers as [ServeProcess, ServeProcess];
    const tg = (url: string, update: unknown) => postJson(`${url}/webhooks/telegram`, update, { "x-telegram-bot-api-secret-token": TELEGRAM_SECRET });
    const posts = () => f.sent(STAFF);

    const confirmed = fold(await zaloSay(f, a.url, ZALO_SECRET, chat, `/canbo hồ sơ cấp đổi sổ đỏ bị trả lại, gọi tôi ${PHONE}`));
    expect(confirmed).toContain("#1");
    await waitUntil("the case in the staff group", () => posts().length === 1, DEADLINE_MS);
    const post = posts()[0]!;
    expect(String(post.payload.text)).toContain("sổ đỏ");
    expect(String(post.payload.text)).not.toContain(PHONE);

    // a goes away mid-case (a rolling deploy) and comes back on the same DATA_DIR.
    expect(await a.stop()).toBe(0);
    const a2 = await fx.start({ dataDir: a.dataDir! });

    // The staff reply arrives at b: the case and its group post are found in Redis.
    const before = f.sent(chat).length;
    expect((await tg(b.url, staffGroupReply(STAFF, post.messageId!, "Anh bổ sung bản sao căn cước giúp em nhé."))).status).toBe(200);
    const got = await f.waitForSent(chat, before + 1, DEADLINE_MS);
    expect(got.slice(before).map((c) => String(c.payload.text)).join("\n")).toContain("bổ sung bản sao căn cước");

    // The citizen's next message reaches the restarted a: it goes to the group, the bot stays quiet.
    const quiet = f.sent(chat).length;
    expect((await postJson(`${a2.url}/webhooks/zalo`, zaloEvent(chat, "đăng ký khai sinh cần gì"), { "x-bot-api-secret-token": ZALO_SECRET })).status).toBe(200);
    await waitUntil("the follow-up in the group", () => posts().some((p) => String(p.payload.text).includes("đăng ký khai sinh cần gì")), DEADLINE_MS);
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
    expect((await tg(a2.url, staffGroupReply(STAFF, followUp.messageId!, "/xong"))).status).toBe(200);
    const closing = await f.waitForSent(chat, beforeClose + 1, DEADLINE_MS);
    expect(fold(closing.slice(beforeClose).map((c) => String(c.payload.text)).join("\n"))).toContain("danh gia");

    // The bot answers that citizen again, on either instance.
    expect(fold(await zaloSay(f, b.url, ZALO_SECRET, chat, "đăng ký khai sinh cần giấy tờ gì"))).toContain("khai sinh");

    expect(fx.output()).not.toContain(PHONE);
    const report = await fx.cli(["report", "--json"]);
    expect(report.code).toBe(0);
    expect(JSON.parse(report.stdout).handover).toMatchObject({ opened: 1, answered: 1, open: 0 });
  });
});
