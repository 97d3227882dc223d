import { afterEach, describe, expect, it } from "vitest";
import { startFakePlatforms, type FakePlatforms } from "../helpers/fake-platforms.js";
import { postJson, startBotServer, telegramText, zaloEvent, TELEGRAM_SECRET, ZALO_SECRET, type BotServer } from "../helpers/bot-server.js";
import { freePort } from "../store/redis-server.js";
import { waitUntil as until } from "../helpers/time.js";

/**
 * Telegram or Zalo failing: each update gives up after a few quick retries (instead of piling up
 * behind unbounded ones), and /readyz names the platform that does not answer.
 */

interface Ready {
  status: string;
  problems?: string[];
}

let fake: FakePlatforms | undefined;
let bot: BotServer | undefined;
afterEach(async () => {
  await bot?.close();
  await fake?.close();
  bot = fake = undefined;
});

async function readyz(): Promise<Ready> {
  return (await (await fetch(`${bot!.url}/readyz`)).json()) as Ready;
}

/** Every send to `chat`, refused ones included (`sent` lists only what the platform took). */
const attempts = (chat: number) => fake!.calls.filter((c) => c.method === "sendMessage" && String(c.payload.chat_id) === String(chat));

const badGateway = { ok: false, error_code: 502, description: "Bad Gateway" };

describe("platform outages", () => {
  it("Telegram answering 5xx: a few retries per message, then /readyz says telegram unreachable until it answers again", async () => {
    fake = await startFakePlatforms();
    bot = await startBotServer(fake);
    expect(await readyz()).toMatchObject({ status: "ok" });
    fake.failNext("sendMessage", 1000, 502, badGateway);

    await postJson(`${bot.url}/webhooks/telegram`, telegramText(710001, "đăng ký tạm trú"), { "x-telegram-bot-api-secret-token": TELEGRAM_SECRET });
    await until("the update given up", async () => bot!.work.inFlight === 0 && attempts(710001).length > 0);
    expect(attempts(710001).length).toBeLessThanOrEqual(3);
    expect(await readyz()).toMatchObject({ status: "degraded", problems: ["telegram unreachable"] });

    fake.failNext("sendMessage", 0, 502, badGateway);
    await postJson(`${bot.url}/webhooks/telegram`, telegramText(710002, "đăng ký tạm trú"), { "x-telegram-bot-api-secret-token": TELEGRAM_SECRET });
    await fake.waitForSent(710002, 1);
    await until("/readyz ok", async () => (await readyz()).status === "ok");
  });

  it("Telegram unreachable (connection refused): the update is given up, not retried for ever", async () => {
    fake = await startFakePlatforms();
    bot = await startBotServer(fake, { TELEGRAM_API_ROOT: `http://127.0.0.1:${await freePort()}` });
    await postJson(`${bot.url}/webhooks/telegram`, telegramText(710003, "đăng ký tạm trú"), { "x-telegram-bot-api-secret-token": TELEGRAM_SECRET });
    await until("/readyz telegram unreachable", async () => ((await readyz()).problems ?? []).includes("telegram unreachable"));
    await until("the update given up", () => bot!.work.inFlight === 0);
  });

  it("Zalo answering 5xx: /readyz says zalo unreachable", async () => {
    fake = await startFakePlatforms();
    bot = await startBotServer(fake);
    fake.failNext("sendMessage", 1000, 502, badGateway);
    await postJson(`${bot.url}/webhooks/zalo`, zaloEvent("zalo-down-1", "đăng ký tạm trú"), { "x-bot-api-secret-token": ZALO_SECRET });
    await until("/readyz zalo unreachable", async () => ((await readyz()).problems ?? []).includes("zalo unreachable"));
    expect((await readyz()).status).toBe("degraded");
  });
});
