import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURE_KB_ENV, fold, postJson, TELEGRAM_SECRET, telegramText, useBotServer, ZALO_SECRET, zaloEvent } from "../helpers/bot-server.js";
import type { FakePlatforms } from "../helpers/fake-platforms.js";
import { staffGroupReply } from "../helpers/staff-group.js";
import { sleep, waitUntil } from "../helpers/time.js";

/**
 * Hand-over to one-stop office staff over real webhooks: a Zalo citizen, the staff group on the
 * fake Telegram, the inbox at /admin/handover.
 */

const STAFF = -100777;
const ADMIN = "adm_handover_token_0123456789";
const PHONE = "0912345678";
const CCCD = "001204012345";
const CHROMIUM = "/usr/bin/chromium";

const { fake, bot } = useBotServer({
  ...FIXTURE_KB_ENV,
  STAFF_TELEGRAM_CHAT_ID: String(STAFF),
  ADMIN_TOKEN: ADMIN,
  // Always open: the confirmation names "in hours" whatever time the test runs.
  OFFICE_DAYS: "1-7",
  OFFICE_HOURS: "00:00-24:00",
}, { handover: true, retryDelaysMs: [20, 20] });

/** A staff message in the group, as a Telegram reply to the bot's message `replyTo`. */
const staffReply = (replyTo: number | string, text: string) => staffGroupReply(STAFF, replyTo, text);

async function zalo(f: FakePlatforms, chat: string, text: string, expectReply = true): Promise<string> {
  const before = f.sent(chat).length;
  const res = await postJson(`${bot().url}/webhooks/zalo`, zaloEvent(chat, text), { "x-bot-api-secret-token": ZALO_SECRET });
  expect(res.status).toBe(200);
  if (!expectReply) {
    await sleep(400);
    return "";
  }
  const sent = await f.waitForSent(chat, before + 1, 8000, 200);
  return sent.slice(before).map((c) => String(c.payload.text)).join("\n");
}

async function toStaffGroup(update: Record<string, unknown>): Promise<void> {
  const res = await postJson(`${bot().url}/webhooks/telegram`, update, { "x-telegram-bot-api-secret-token": TELEGRAM_SECRET });
  expect(res.status).toBe(200);
}

const groupPosts = (f: FakePlatforms) => f.sent(STAFF);
const lastPost = (f: FakePlatforms) => groupPosts(f)[groupPosts(f).length - 1]!;

describe("hand-over to office staff (Zalo citizen, Telegram staff group)", () => {
  const chat = "zalo-handover-1";

  it("asks for the question, posts the case to the group masked, and says when staff answer", async () => {
    const f = fake();
    const asked = fold(await zalo(f, chat, "cho tôi gặp nhân viên tư vấn"));
    expect(asked).toContain("nhap cau hoi");
    expect(groupPosts(f)).toHaveLength(0);

    const confirmed = fold(await zalo(f, chat, `Hồ sơ đất của tôi nộp từ tháng trước chưa có kết quả, CCCD ${CCCD}, sđt ${PHONE}`));
    expect(confirmed).toContain("#1");
    expect(confirmed).toContain("trong gio lam viec");
    await waitUntil("the case in the staff group", () => groupPosts(f).length === 1, 5000);
    const post = String(lastPost(f).payload.text);
    expect(post).toContain("#1");
    expect(post).toContain("Zalo");
    expect(post).toContain("Hồ sơ đất của tôi");
    expect(post).toContain("[số điện thoại]");
    expect(post).not.toContain(PHONE);
    expect(post).not.toContain(CCCD);
  });

  it("a staff reply to the post reaches the Zalo citizen; the citizen's next message reaches the group, not the bot", async () => {
    const f = fake();
    const post = groupPosts(f)[0]!;
    const before = f.sent(chat).length;
    await toStaffGroup(staffReply(post.messageId!, "Chào anh, hồ sơ đang chờ ký duyệt, dự kiến thứ Sáu có kết quả."));
    const got = await f.waitForSent(chat, before + 1);
    const text = got.slice(before).map((c) => String(c.payload.text)).join("\n");
    expect(text).toContain("Cán bộ một cửa");
    expect(text).toContain("dự kiến thứ Sáu có kết quả");

    const posts = groupPosts(f).length;
    const sentBefore = f.sent(chat).length;
    // A question the bot could answer by itself: while the case is open it goes to staff.
    await zalo(f, chat, `đăng ký khai sinh cần giấy tờ gì, mẹ cháu CCCD ${CCCD}`, false);
    expect(f.sent(chat)).toHaveLength(sentBefore);
    await waitUntil("the follow-up in the group", () => groupPosts(f).length === posts + 1, 5000);
    expect(String(lastPost(f).payload.text)).toContain("đăng ký khai sinh cần giấy tờ gì");
    expect(String(lastPost(f).payload.text)).not.toContain(CCCD);
  });

  it("/admin/handover lists the open case with its messages", async () => {
    const res = await fetch(`${bot().url}/admin/handover`, { headers: { authorization: `Bearer ${ADMIN}` } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("#1");
    expect(html).toContain("Hồ sơ đất của tôi");
    expect(html).toContain("dự kiến thứ Sáu có kết quả");
    expect(html).not.toContain(PHONE);
    expect((await fetch(`${bot().url}/admin/handover`)).status).toBe(401);
  });

  it("/xong as a reply closes the case, the citizen is told and offered the survey, and the bot answers again", async () => {
    const f = fake();
    const before = f.sent(chat).length;
    await toStaffGroup(staffReply(groupPosts(f)[0]!.messageId!, "/xong"));
    const got = await f.waitForSent(chat, before + 1);
    const closing = fold(got.slice(before).map((c) => String(c.payload.text)).join("\n"));
    expect(closing).toContain("ket thuc");
    expect(closing).toContain("danh gia");
    await waitUntil("the closing note in the group", () => String(lastPost(f).payload.text).includes("✅ #1"), 5000);

    const card = fold(await zalo(f, chat, "đăng ký khai sinh cần giấy tờ gì"));
    expect(card).toContain("khai sinh");
    const html = await (await fetch(`${bot().url}/admin/handover`, { headers: { authorization: `Bearer ${ADMIN}` } })).text();
    expect(html).not.toContain("Hồ sơ đất của tôi");
  });

  it("the numbers: opened, answered, median first reply, on the dashboard JSON and /metrics", async () => {
    const report = (await (await fetch(`${bot().url}/admin/report.json`, { headers: { authorization: `Bearer ${ADMIN}` } })).json()) as { handover: Record<string, unknown> };
    expect(report.handover).toMatchObject({ opened: 1, answered: 1, open: 0, unansweredAfterHour: 0 });
    expect(report.handover.medianFirstReplyMinutes).toEqual(expect.any(Number));
    const metrics = await (await fetch(`${bot().url}/metrics`)).text();
    expect(metrics).toMatch(/dvc_bot_handover_cases\{state="opened"\} 1/);
    expect(metrics).toMatch(/dvc_bot_handover_cases\{state="answered"\} 1/);
  });

  it("no raw phone or ID number in the logs or the stored cases", () => {
    const logs = bot().logs();
    expect(logs).not.toContain(PHONE);
    expect(logs).not.toContain(CCCD);
    const stored = join(bot().config.dataDir, "handover.jsonl");
    expect(existsSync(stored)).toBe(true);
    const text = readFileSync(stored, "utf8");
    expect(text).toContain("[số điện thoại]");
    expect(text).not.toContain(PHONE);
    expect(text).not.toContain(CCCD);
  });

  it("\"Hỏi cán bộ\" under \"I don't know\" hands over that very question; \"quay lại trợ lý\" ends it", async () => {
    const f = fake();
    const c2 = "zalo-handover-2";
    const unknown = await zalo(f, c2, "xin cấp phép nuôi chim yến trong nhà phố");
    const line = unknown.split("\n").find((l) => /^\d+\. /.test(l) && fold(l).includes("hoi can bo"));
    expect(line, unknown).toBeDefined();
    const posts = groupPosts(f).length;
    const confirmed = fold(await zalo(f, c2, line!.split(".")[0]!));
    expect(confirmed).toContain("#2");
    await waitUntil("case #2 in the group", () => groupPosts(f).length > posts, 5000);
    const post = String(groupPosts(f)[posts]!.payload.text);
    expect(post).toContain("nuôi chim yến");
    expect(post).toContain("không tìm được câu trả lời");

    const back = fold(await zalo(f, c2, "quay lại trợ lý"));
    expect(back).toContain("#2");
    expect(fold(await zalo(f, c2, "đăng ký khai sinh"))).toContain("khai sinh");
  });

  it("a staff reply that cannot be delivered is retried, then shown as failed in the group and the inbox", async () => {
    const f = fake();
    const c3 = "zalo-handover-3";
    await zalo(f, c3, "/canbo hỏi về hồ sơ chuyển trường cho con");
    await waitUntil("case #3 in the group", () => String(lastPost(f).payload.text).includes("#3"), 5000);
    const post = lastPost(f);
    const calls = f.calls.length;
    // Every delivery attempt to Zalo fails: 3 hand-over attempts, each with the channel's own 3 tries.
    f.failNext("sendMessage", 9, 500, { ok: false, error_code: 500, description: "down" });
    await toStaffGroup(staffReply(post.messageId!, "Anh mang học bạ tới trường mới nhé."));
    await waitUntil("the failure note in the group", () => String(lastPost(f).payload.text).includes("⚠️ #3"), 10_000);
    const attempts = f.calls.slice(calls).filter((c) => c.method === "sendMessage" && c.platform === "zalo");
    expect(attempts).toHaveLength(9);
    const html = await (await fetch(`${bot().url}/admin/handover`, { headers: { authorization: `Bearer ${ADMIN}` } })).text();
    expect(html).toContain("chưa gửi được");
  });

  it("a Telegram citizen's case: the staff reply reaches their private chat", async () => {
    const f = fake();
    const citizen = 660_001;
    const res = await postJson(`${bot().url}/webhooks/telegram`, telegramText(citizen, "/canbo thủ tục nhận con nuôi cần những gì"), { "x-telegram-bot-api-secret-token": TELEGRAM_SECRET });
    expect(res.status).toBe(200);
    await waitUntil("the Telegram case in the group", () => String(lastPost(f).payload.text).includes("· Telegram"), 5000);
    // The group post and the citizen's confirmation are two sends to the Bot API: either may land first.
    await waitUntil("the citizen's confirmation", () => fold(String(f.sent(citizen).at(-1)?.payload.text)).includes("da chuyen cau hoi"), 5000);
    const before = f.sent(citizen).length;
    await toStaffGroup(staffReply(lastPost(f).messageId!, "Anh/chị nộp tại UBND xã nơi trẻ thường trú."));
    const got = await f.waitForSent(citizen, before + 1);
    expect(got.slice(before).map((c) => String(c.payload.text)).join("\n")).toContain("UBND xã nơi trẻ thường trú");
  });

  it("a web citizen gets the staff reply on the page's next poll, once", async () => {
    const f = fake();
    const first = (await postJson(`${bot().url}/api/chat`, { text: "/canbo lệ phí trích lục hộ tịch ở phường là bao nhiêu" })).body as { sessionId: string; replies: Array<{ blocks: Array<{ text?: string }> }> };
    const confirmation = first.replies.flatMap((r) => r.blocks.map((b) => b.text ?? "")).join("\n");
    const number = /#(\d+)/.exec(confirmation)?.[1];
    expect(number, confirmation).toBeDefined();
    await waitUntil("the web case in the group", () => String(lastPost(f).payload.text).includes(`#${number} · Trang web`), 5000);
    const empty = (await postJson(`${bot().url}/api/chat/poll`, { sessionId: first.sessionId })).body as { replies: unknown[] };
    expect(empty.replies).toEqual([]);
    await toStaffGroup(staffReply(lastPost(f).messageId!, "Lệ phí trích lục là 8.000 đồng một bản."));
    let got: Array<{ blocks: Array<{ text?: string }> }> = [];
    await waitUntil("the staff reply on the poll", async () => {
      got = ((await postJson(`${bot().url}/api/chat/poll`, { sessionId: first.sessionId })).body as { replies: typeof got }).replies;
      return got.length > 0;
    }, 5000);
    expect(got.flatMap((r) => r.blocks.map((b) => b.text ?? "")).join("\n")).toContain("8.000 đồng");
    expect(((await postJson(`${bot().url}/api/chat/poll`, { sessionId: first.sessionId })).body as { replies: unknown[] }).replies).toEqual([]);
    expect((await postJson(`${bot().url}/api/chat/poll`, { sessionId: "not-a-signed-session-id" })).status).toBe(400);
  });

  it.skipIf(!existsSync(CHROMIUM) && !process.env.CI)("the inbox in headless Chromium: log in, see the open case, answer, close", async () => {
    const { chromium } = await import("playwright-core");
    const f = fake();
    const c4 = "zalo-handover-4";
    await zalo(f, c4, "/canbo xin hỏi giờ làm việc của bộ phận một cửa thứ Bảy");
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    try {
      const page = await browser.newPage({ locale: "vi-VN" });
      await page.goto(`${bot().url}/admin/login`);
      await page.fill("#token", ADMIN);
      await Promise.all([page.waitForURL(`${bot().url}/admin`), page.click("button[type=submit]")]);
      expect(await page.locator("#handover").innerText()).toContain("Yêu cầu gặp cán bộ");
      await page.goto(`${bot().url}/admin/handover`);
      const section = page.locator("section.case", { hasText: "giờ làm việc của bộ phận một cửa" });
      await expect(section.count()).resolves.toBe(1);
      const before = f.sent(c4).length;
      await section.locator("textarea").fill("Thứ Bảy bộ phận một cửa làm việc buổi sáng.");
      await Promise.all([page.waitForURL(/done=delivered/), section.locator("button", { hasText: "Gửi trả lời" }).click()]);
      const got = await f.waitForSent(c4, before + 1);
      expect(got.slice(before).map((c) => String(c.payload.text)).join("\n")).toContain("làm việc buổi sáng");
      const again = page.locator("section.case", { hasText: "giờ làm việc của bộ phận một cửa" });
      expect(await again.innerText()).toContain("làm việc buổi sáng");
      await Promise.all([page.waitForURL(/done=closed/), again.locator("button", { hasText: "Kết thúc yêu cầu" }).click()]);
      expect(await page.locator("section.case", { hasText: "giờ làm việc của bộ phận một cửa" }).count()).toBe(0);
      await f.waitForSent(c4, before + 2);
    } finally {
      await browser.close();
    }
  });
});
