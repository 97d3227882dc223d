import { request as httpRequest } from "node:http";
import { mkdtemp, rm } from "node:fs/promises";
import { afterAll, beforeAll } from "vitest";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Writable } from "node:stream";
import type { FastifyInstance } from "fastify";
import type { UserFromGetMe } from "grammy/types";
import type { Metrics } from "../../src/runtime/metrics.js";
import type { WorkTracker } from "../../src/runtime/work.js";
import type { TelegramChannel } from "../../src/channels/telegram/channel.js";
import type { ZaloChannel } from "../../src/channels/zalo/channel.js";
import type { ZaloOaChannel } from "../../src/channels/zalo-oa/channel.js";
import { zaloOaSignature } from "../../src/channels/zalo-oa/routes.js";
import { loadConfig, type Config } from "../../src/config.js";
import { createLogger } from "../../src/log.js";
import { createApp } from "../../src/server/app.js";
import type { Handover } from "../../src/handover/handover.js";
import type { Store } from "../../src/store/port.js";
import { startFakePlatforms, type FakePlatforms } from "./fake-platforms.js";

export const TELEGRAM_TOKEN = "123456:TESTTOKEN_abcdef";
export const TELEGRAM_SECRET = "tg_secret_TOKEN_1";
export const ZALO_TOKEN = "99887766:zalotesttoken";
export const ZALO_SECRET = "zalo_secret_123";
export const OA_APP_ID = "3608465249409039";
export const OA_APP_SECRET = "oa_app_secret";
export const OA_SECRET_KEY = "oa_webhook_secret_key_1";
/** What the fake OAuth server accepts first (and what the environment gives the bot). */
export const OA_FIRST_REFRESH = "oa_rt_0";

/** Settings of the OA channel against the fake. */
export function oaEnv(fake: FakePlatforms): Record<string, string> {
  return {
    ZALO_OA_APP_ID: OA_APP_ID,
    ZALO_OA_APP_SECRET: OA_APP_SECRET,
    ZALO_OA_SECRET_KEY: OA_SECRET_KEY,
    ZALO_OA_REFRESH_TOKEN: OA_FIRST_REFRESH,
    ZALO_OA_API_URL: fake.url,
    ZALO_OAUTH_URL: fake.url,
  };
}

export interface BotServerOptions {
  /** Reuse this DATA_DIR (a restart); it is then left in place on close. */
  dataDir?: string;
  /** Hand-over to staff on, as in `serve` (case store in DATA_DIR or Redis). Default off. */
  handover?: boolean;
  /** Waits between delivery retries of staff replies. */
  retryDelaysMs?: number[];
}

export interface BotServer {
  url: string;
  app: FastifyInstance;
  config: Config;
  store: Store;
  metrics: Metrics;
  work: WorkTracker;
  /** Present when started with `{ handover: true }`. */
  handover?: Handover;
  telegram?: TelegramChannel;
  zalo?: ZaloChannel;
  zaloOa?: ZaloOaChannel;
  /** Everything logged so far (JSON lines). */
  logs(): string;
  close(): Promise<void>;
}

/**
 * The small knowledge base and flows written for engine tests (test/fixtures/): pass as `env` to
 * run a webhook conversation whose assertions survive edits of the real knowledge/.
 */
export const FIXTURE_KB_ENV: Record<string, string> = {
  KNOWLEDGE_DIR: resolve(import.meta.dirname, "../fixtures/knowledge"),
  FLOWS_DIR: resolve(import.meta.dirname, "../fixtures/flows"),
};

/**
 * The real server (`createApp`, as `serve` wires it, with the embedded store in a temp DATA_DIR) listening on a
 * free loopback port, talking to the fake platforms. It serves the real knowledge/ and flows/
 * unless `env` sets KNOWLEDGE_DIR and FLOWS_DIR (see FIXTURE_KB_ENV).
 */
export async function startBotServer(fake: FakePlatforms | null, env: Record<string, string> = {}, options: BotServerOptions = {}): Promise<BotServer> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), "dvc-bot-test-")));
  const config = loadConfig({
    DATA_DIR: dataDir,
    KNOWLEDGE_DIR: resolve("knowledge"),
    FLOWS_DIR: resolve("flows"),
    RATE_LIMIT_PER_MINUTE: "1000",
    // Load tests send everything from 127.0.0.1; tests of the per-address limit lower it.
    RATE_LIMIT_PER_IP_PER_MINUTE: "100000",
    ...(fake
      ? {
          TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN,
          TELEGRAM_API_ROOT: fake.url,
          TELEGRAM_WEBHOOK_URL: "https://bot.example.invalid/webhooks/telegram",
          TELEGRAM_WEBHOOK_SECRET: TELEGRAM_SECRET,
          ZALO_BOT_TOKEN: ZALO_TOKEN,
          ZALO_API_URL: fake.url,
          ZALO_WEBHOOK_SECRET: ZALO_SECRET,
        }
      : {}),
    ...env,
  });
  let logText = "";
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logText += chunk.toString("utf8");
      done();
    },
  });
  const logger = createLogger("debug", sink);
  // What getMe answers (the fake says the same); passing it means no getMe call.
  const botInfo = { id: 4242, is_bot: true, first_name: "DVC", username: "dvc_test_bot" } as UserFromGetMe;
  // Quick retries: the fakes answer at once, and a test of a failing send should not wait seconds.
  const retry = { attempts: 3, firstDelayMs: 20, maxDelayMs: 50 };
  const bot = await createApp(config, {
    logger,
    ...(options.handover ? { handover: true } : {}),
    telegram: { botInfo, webhookRetryMs: 100 },
    zalo: { retry, webhookRetryMs: 100 },
    zaloOa: { retry },
    ...(options.retryDelaysMs ? { handoverRetryDelaysMs: options.retryDelaysMs } : {}),
  });
  const app = bot.server;
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    config,
    store: bot.store,
    metrics: bot.metrics,
    work: bot.work,
    ...(bot.handover ? { handover: bot.handover } : {}),
    ...(bot.telegram ? { telegram: bot.telegram } : {}),
    ...(bot.zalo ? { zalo: bot.zalo } : {}),
    ...(bot.zaloOa ? { zaloOa: bot.zaloOa } : {}),
    logs: () => logText,
    async close() {
      await bot.close(5000);
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** POST JSON (or a raw string) and return status and parsed body. */
export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, body: parsed };
}

/**
 * Declare an oversized JSON body and wait for the server's answer without sending it. Streaming
 * the real 2 MB raced the server's early 413: it answers from Content-Length and closes, and a
 * client still writing then saw EPIPE or ECONNRESET instead of the status (a flaky test). The
 * server must refuse on the declared size alone, so no byte of the body is needed.
 */
export function postOversized(url: string, bytes: number, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: "POST", headers: { "content-type": "application/json", "content-length": String(bytes), ...headers } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    req.on("error", reject);
    req.flushHeaders();
  });
}

let updateSeq = 1000;
/** A Telegram text-message update for a private chat. */
export function telegramText(chatId: number, text: string, updateId = ++updateSeq): Record<string, unknown> {
  return {
    update_id: updateId,
    message: { message_id: updateId, date: 1763900000, chat: { id: chatId, type: "private", first_name: "An" }, from: { id: chatId, is_bot: false, first_name: "An", language_code: "vi" }, text },
  };
}

export function telegramCallback(chatId: number, data: string, updateId = ++updateSeq): Record<string, unknown> {
  return {
    update_id: updateId,
    callback_query: {
      id: `cq${updateId}`,
      from: { id: chatId, is_bot: false, first_name: "An" },
      chat_instance: "ci1",
      data,
      message: { message_id: 1, date: 1763900000, chat: { id: chatId, type: "private", first_name: "An" }, text: "…" },
    },
  };
}

let zaloSeq = 0;
/** A bare Zalo event. */
export function zaloEvent(chatId: string, text: string | null, eventName = "message.text.received", messageId = `zm-${++zaloSeq}-${Date.now()}`): Record<string, unknown> {
  return {
    event_name: eventName,
    message: {
      message_id: messageId,
      date: Date.now(),
      chat: { id: chatId, chat_type: "PRIVATE" },
      from: { id: chatId, display_name: "Binh", is_bot: false },
      ...(text !== null ? { text } : {}),
    },
  };
}

let oaSeq = 0;
/** An OA webhook event from citizen `userId` (user_send_text when `text` is given). */
export function oaEvent(userId: string, text: string | null, eventName = text === null ? "user_send_image" : "user_send_text", msgId = `oa-${++oaSeq}-${Date.now()}`): Record<string, unknown> {
  const timestamp = String(Date.now());
  if (eventName === "follow") return { app_id: OA_APP_ID, oa_id: "579745863508352884", event_name: "follow", follower: { id: userId }, user_id_by_app: `app-${userId}`, source: "oa_profile", timestamp };
  return {
    app_id: OA_APP_ID,
    user_id_by_app: `app-${userId}`,
    event_name: eventName,
    timestamp,
    sender: { id: userId },
    recipient: { id: "579745863508352884" },
    message: text === null ? { msg_id: msgId, attachments: [{ type: "image", payload: { url: "https://example.invalid/a.jpg" } }] } : { msg_id: msgId, text },
  };
}

/** POSTs an OA event signed as Zalo signs it (or with `signature` instead). */
export function postOa(serverUrl: string, event: Record<string, unknown>, signature?: string): Promise<{ status: number; body: unknown }> {
  const raw = JSON.stringify(event);
  const mac = signature ?? zaloOaSignature(OA_APP_ID, Buffer.from(raw), String(event.timestamp), OA_SECRET_KEY);
  return postJson(`${serverUrl}/webhooks/zalo-oa`, raw, { "x-zevent-signature": mac });
}

/** Folds Vietnamese text for robust assertions: no diacritics, đ → d, lower case. */
export function fold(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
}

/**
 * One fake platform and one bot server for a test file: started before its tests, closed after.
 * Read them through the returned getters (they exist once beforeAll has run).
 */
export function useBotServer(env: Record<string, string> | ((fake: FakePlatforms) => Record<string, string>) = {}, options: BotServerOptions = {}): { fake: () => FakePlatforms; bot: () => BotServer } {
  let fake: FakePlatforms | undefined;
  let bot: BotServer | undefined;
  beforeAll(async () => {
    fake = await startFakePlatforms();
    bot = await startBotServer(fake, typeof env === "function" ? env(fake) : env, options);
  });
  afterAll(async () => {
    await bot?.close();
    await fake?.close();
  });
  return { fake: () => fake!, bot: () => bot! };
}
