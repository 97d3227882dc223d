import { describe, expect, it } from "vitest";
import { FIXTURE_KB_ENV, fold, oaEnv, oaEvent, postJson, postOa, TELEGRAM_SECRET, useBotServer } from "../helpers/bot-server.js";
import type { FakePlatforms } from "../helpers/fake-platforms.js";
import { staffGroupReply } from "../helpers/staff-group.js";
import { waitUntil } from "../helpers/time.js";

/**
 * Hand-over for a citizen on the Zalo Official Account, over real HTTP: signed OA webhook events
 * in, the staff group on the fake Telegram, the staff reply out through the OA's /message/cs call
 * with the access token the bot got from the fake OAuth server.
 */

const STAFF = -100778;
const PHONE = "0987654321";

const { fake, bot } = useBotServer(
  (f) => ({
    ...FIXTURE_KB_ENV,
    ...oaEnv(f),
    STAFF_TELEGRAM_CHAT_ID: String(STAFF),
    // Always open: the confirmation names "in hours" whatever time the test runs.
    OFFICE_DAYS: "1-7",
    OFFICE_HOURS: "00:00-24:00",
  }),
  { handover: true, retryDelaysMs: [20, 20] },
);

async function oa(f: FakePlatforms, userId: string, text: string): Promise<string> {
  const before = f.sent(userId).length;
  expect((await postOa(bot().url, oaEvent(userId, text))).status).toBe(200);
  const sent = await f.waitForSent(userId, before + 1, 8000, 200);
  return sent.slice(before).map((c) => c.text ?? "").join("\n");
}

const groupPosts = (f: FakePlatforms) => f.sent(STAFF);
const lastPost = (f: FakePlatforms) => groupPosts(f)[groupPosts(f).length - 1]!;

describe("hand-over for a Zalo OA citizen", () => {
  it("the case reaches the staff group masked, and the staff reply reaches the citizen through the OA API", async () => {
    const f = fake();
    const userId = "6202154321987654321";
    const confirmed = fold(await oa(f, userId, `/canbo hồ sơ chuyển trường cho con tôi nộp tuần trước chưa thấy trả lời, sđt ${PHONE}`));
    expect(confirmed).toContain("da chuyen cau hoi");
    await waitUntil("the OA case in the group", () => fold(String(lastPost(f).payload.text)).includes("chuyen truong"), 5000);
    const post = lastPost(f);
    // The group sees the question, never the citizen's phone number, in any spacing.
    expect(String(post.payload.text).replace(/\D/g, "")).not.toContain(PHONE.slice(1));

    const before = f.sent(userId).length;
    const res = await postJson(`${bot().url}/webhooks/telegram`, staffGroupReply(STAFF, post.messageId!, "Chị mang học bạ bản chính tới trường mới giúp em nhé."), {
      "x-telegram-bot-api-secret-token": TELEGRAM_SECRET,
    });
    expect(res.status).toBe(200);
    const got = await f.waitForSent(userId, before + 1);
    const delivered = got.slice(before);
    expect(delivered.map((c) => c.text).join("\n")).toContain("học bạ bản chính");
    // Sent the way the OA API takes customer-service messages, with a token from the OAuth server.
    expect(delivered.every((c) => c.platform === "zalo-oa" && c.method === "oa.send")).toBe(true);
    expect(delivered[0]!.token).toBe(f.oa().access);
  });
});
