import { describe, expect, it } from "vitest";
import type { Reply } from "../../src/engine/types.js";
import { fold, oaEnv, oaEvent, postJson, postOa, telegramCallback, telegramText, TELEGRAM_SECRET, zaloEvent, ZALO_SECRET, useBotServer } from "../helpers/bot-server.js";

/** What a citizen sees after one step: all text shown, and the options offered (buttons or numbered lines). */
interface Seen {
  text: string;
  options: string[];
}

/** One channel, driven from outside as the platform (or browser) would. */
interface Driver {
  say(text: string): Promise<Seen>;
  /** Picks the option whose label contains `label` the channel's way: button, digit, or click. */
  pick(label: string): Promise<Seen>;
}

const server = useBotServer((fake) => oaEnv(fake));

function telegramDriver(chatId: number): Driver {
  let buttons: Array<{ text: string; callback_data: string }> = [];
  const receive = async (before: number): Promise<Seen> => {
    const all = await server.fake().waitForSent(chatId, before + 1);
    const fresh = all.slice(before);
    const last = fresh.at(-1)!.payload.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> } | undefined;
    buttons = last?.inline_keyboard.flat() ?? [];
    return { text: fresh.map((c) => String(c.payload.text)).join("\n\n"), options: buttons.map((b) => b.text) };
  };
  const headers = { "x-telegram-bot-api-secret-token": TELEGRAM_SECRET };
  return {
    async say(text) {
      const before = server.fake().sent(chatId).length;
      await postJson(`${server.bot().url}/webhooks/telegram`, telegramText(chatId, text), headers);
      return receive(before);
    },
    async pick(label) {
      const button = buttons.find((b) => fold(b.text).includes(fold(label)));
      if (!button) throw new Error(`no button "${label}"`);
      const before = server.fake().sent(chatId).length;
      await postJson(`${server.bot().url}/webhooks/telegram`, telegramCallback(chatId, button.callback_data), headers);
      return receive(before);
    },
  };
}

/** A channel without buttons: `send` delivers a message and resolves with all the bot showed back. */
function numberedDriver(send: (text: string) => Promise<string>): Driver {
  let numbered: string[] = [];
  const say = async (text: string): Promise<Seen> => {
    const seen = await send(text);
    numbered = seen.split("\n").filter((l) => /^\d+\. /.test(l));
    return { text: seen, options: numbered.map((l) => l.replace(/^\d+\. /, "")) };
  };
  return {
    say,
    async pick(label) {
      // The last numbered list is the one on screen.
      const line = [...numbered].reverse().find((l) => fold(l).includes(fold(label)));
      if (!line) throw new Error(`no numbered option "${label}"`);
      return say(line.split(".")[0]!);
    },
  };
}

function zaloDriver(chatId: string): Driver {
  return numberedDriver(async (text) => {
    const before = server.fake().sent(chatId).length;
    await postJson(`${server.bot().url}/webhooks/zalo`, zaloEvent(chatId, text), { "x-bot-api-secret-token": ZALO_SECRET });
    const all = await server.fake().waitForSent(chatId, before + 1);
    return all.slice(before).map((c) => String(c.payload.text)).join("\n\n");
  });
}

/** The Zalo Official Account: signed webhook events in, /v3.0/oa/message/cs out, numbered choices. */
function zaloOaDriver(userId: string): Driver {
  return numberedDriver(async (text) => {
    const before = server.fake().sent(userId).length;
    expect((await postOa(server.bot().url, oaEvent(userId, text))).status).toBe(200);
    const all = await server.fake().waitForSent(userId, before + 1);
    return all.slice(before).map((c) => c.text!).join("\n\n");
  });
}

function webDriver(): Driver {
  let sessionId: string | undefined;
  let choices: Array<{ id: string; label: string }> = [];
  const send = async (body: Record<string, string>): Promise<Seen> => {
    const res = await postJson(`${server.bot().url}/api/chat`, { ...(sessionId ? { sessionId } : {}), ...body });
    expect(res.status).toBe(200);
    const data = res.body as { sessionId: string; replies: Reply[] };
    sessionId = data.sessionId;
    choices = data.replies.flatMap((r) => r.choices ?? []);
    const text = data.replies
      .flatMap((r) => r.blocks)
      .map((b) => (b.type === "list" ? [b.title ?? "", ...b.items].join("\n") : b.type === "link" ? b.label : b.text))
      .join("\n\n");
    return { text, options: choices.map((c) => c.label) };
  };
  return {
    say: (text) => send({ text }),
    async pick(label) {
      const choice = choices.find((c) => fold(c.label).includes(fold(label)));
      if (!choice) throw new Error(`no choice "${label}"`);
      return send({ choiceId: choice.id });
    },
  };
}

const channels: Array<[string, () => Driver]> = [
  ["telegram", () => telegramDriver(740001)],
  ["zalo", () => zaloDriver("zct1")],
  ["zalo-oa", () => zaloOaDriver("oact1")],
  ["web", () => webDriver()],
];

describe.each(channels)("the same conversation on %s", (_name, makeDriver) => {
  it("question → card → follow-up choice → answer", async () => {
    const driver = makeDriver();
    const card = await driver.say("lam lai can cuoc bi mat o dau");
    expect(fold(card.text)).toContain("cap lai");
    expect(fold(card.text)).toContain("can cuoc");
    expect(card.options.map(fold)).toEqual(expect.arrayContaining([expect.stringContaining("le phi"), expect.stringContaining("huu ich")]));

    const fee = await driver.pick("Lệ phí");
    expect(fold(fee.text)).toContain("le phi");
    expect(fold(fee.text)).toContain("can cuoc");
    expect(fee.text).toMatch(/\d{2}\.000 đồng|[Mm]iễn/);

    const docs = await driver.pick("Giấy tờ");
    expect(fold(docs.text)).toContain("giay to");
  });
});

const surveyChannels: Array<[string, () => Driver, string]> = [
  ["telegram (buttons)", () => telegramDriver(740101), "telegram"],
  ["zalo (digits)", () => zaloDriver("zct101"), "zalo"],
  ["zalo-oa (digits)", () => zaloOaDriver("oact101"), "zalo-oa"],
  ["web (clicks)", () => webDriver(), "web"],
];

describe.each(surveyChannels)("the satisfaction survey on %s", (_name, makeDriver, channel) => {
  it("5 to every rating and 'bỏ qua' to every optional step completes it, stored as all 5s", async () => {
    const driver = makeDriver();
    let seen = await driver.say("đánh giá");
    let steps = 0;
    while (!fold(seen.text).includes("cam on") && steps++ < 25) {
      if (fold(seen.text).includes("bo qua")) seen = await driver.say("bỏ qua");
      else seen = await driver.pick("Rất hài lòng");
    }
    expect(fold(seen.text)).toContain("cam on");
    const records = (await server.bot().store.read("survey")).filter((r) => r.channel === channel);
    expect(records).toHaveLength(1);
    const ratings = Object.values(records[0]!.ratings as Record<string, number>);
    expect(ratings.length).toBeGreaterThanOrEqual(7);
    expect(new Set(ratings)).toEqual(new Set([5]));
    // Respondents are a salted hash, never the raw chat id.
    expect(JSON.stringify(records[0])).not.toMatch(/740101|zct101|oact101/);
  });
});

it("the three channels show the same answer content", async () => {
  const seen = await Promise.all([telegramDriver(740002), zaloDriver("zct2"), webDriver()].map((d) => d.say("dang ky tam tru")));
  const words = (s: Seen) => fold(s.text.replace(/<[^>]+>/g, "").replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">")).match(/[a-z0-9]+/g)!.join(" ");
  const [tg, zalo, web] = seen.map(words);
  // Telegram/web show the heading bare, Zalo in 【】; the words are the same.
  expect(zalo).toContain(web!.slice(0, 200));
  expect(tg).toContain(web!.slice(0, 200));
  expect(seen[0]!.options.length).toBe(seen[1]!.options.length);
  expect(seen[0]!.options.length).toBe(seen[2]!.options.length);
});
