import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, errorSummary, silentLogger } from "../src/log.js";

/** A logger writing JSON lines into memory. */
function capture(level = "debug") {
  let out = "";
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      out += chunk.toString("utf8");
      done();
    },
  });
  return { logger: createLogger(level, stream), lines: () => out.split("\n").filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>), raw: () => out };
}

const BOT_TOKEN = "123456789:AAHk-secret_part_0123456789abcdef";
const CITIZEN = "Số CCCD của tôi là 001203004567, gọi 0912345678";

describe("createLogger", () => {
  it("writes one JSON line per entry, named dvc-bot, at the level asked", () => {
    const { logger, lines } = capture("info");
    logger.debug("not shown");
    logger.info({ channel: "zalo" }, "update handled");
    expect(lines()).toEqual([expect.objectContaining({ app: "dvc-bot", level: 30, channel: "zalo", msg: "update handled" })]);
  });

  it("never writes tokens, secrets or authorization headers, at the top or one level down", () => {
    const { logger, raw, lines } = capture();
    logger.info(
      {
        token: BOT_TOKEN,
        secret: "tg_secret_TOKEN_1",
        authorization: "Bearer adm_token_0123456789",
        zalo: { token: "99887766:zalotesttoken", secret: "zalo_secret_123" },
        headers: { authorization: "Bearer adm_token_0123456789", "x-telegram-bot-api-secret-token": "tg_secret_TOKEN_1", "x-bot-api-secret-token": "zalo_secret_123" },
      },
      "settings",
    );
    for (const secret of [BOT_TOKEN, "tg_secret_TOKEN_1", "adm_token_0123456789", "zalotesttoken", "zalo_secret_123"]) expect(raw()).not.toContain(secret);
    expect(lines()[0]).toMatchObject({ token: "[redacted]", zalo: { token: "[redacted]", secret: "[redacted]" }, headers: { authorization: "[redacted]" } });
  });

  it("never writes what a citizen typed, even at debug level", () => {
    const { logger, raw } = capture("debug");
    logger.debug({ text: CITIZEN }, "inbound");
    logger.debug({ inbound: { type: "text", text: CITIZEN, channel: "zalo" } }, "inbound");
    expect(raw()).not.toContain("001203004567");
    expect(raw()).not.toContain("0912345678");
    expect(raw()).toContain('"channel":"zalo"');
  });
});

describe("silentLogger", () => {
  it("drops everything", () => {
    const logger = silentLogger();
    expect(logger.isLevelEnabled("fatal")).toBe(false);
  });
});

describe("errorSummary", () => {
  it("keeps an error's name and message but masks a bot token in a URL", () => {
    const err = new TypeError(`fetch failed: https://api.telegram.org/bot${BOT_TOKEN}/sendMessage`);
    const summary = errorSummary(err);
    expect(summary).toEqual({ name: "TypeError", message: "fetch failed: https://api.telegram.org/bot<token>/sendMessage" });
    expect(JSON.stringify(summary)).not.toContain("secret_part");
  });

  it("masks every token in the message", () => {
    const { message } = errorSummary(new Error(`bot111:aaa failed, then bot222:bbb-ccc failed`));
    expect(message).toBe("bot<token> failed, then bot<token> failed");
  });

  it("carries no stack trace or request body, only name and message", () => {
    const err = Object.assign(new Error("Request failed with status code 502"), { config: { data: CITIZEN }, response: { data: "Bad Gateway" } });
    expect(Object.keys(errorSummary(err)).sort()).toEqual(["message", "name"]);
  });

  it("describes something thrown that is not an Error", () => {
    expect(errorSummary("timeout")).toEqual({ name: "Error", message: "timeout" });
    expect(errorSummary(undefined)).toEqual({ name: "Error", message: "undefined" });
  });
});
