import { autoRetry } from "@grammyjs/auto-retry";
import { run, sequentialize, type RunnerHandle } from "@grammyjs/runner";
import { Bot, HttpError, type Context, type Transformer } from "grammy";
import type { BotCommand, Update, UserFromGetMe } from "grammy/types";
import type { Dispatcher } from "../../runtime/dispatcher.js";
import { errorSummary } from "../../log.js";
import type { TelegramConfig } from "../../config.js";
import type { Metrics } from "../../runtime/metrics.js";
import type { Readiness } from "../../runtime/readiness.js";
import type { Logger } from "../../log.js";
import type { PlatformHealth } from "../../runtime/platform-health.js";
import { sendTelegramReplies } from "./send.js";
import { telegramToInbound } from "./to-inbound.js";

/** The bot's command menu in Telegram clients. */
export const TELEGRAM_COMMANDS: BotCommand[] = [
  { command: "start", description: "Bắt đầu" },
  { command: "help", description: "Hướng dẫn sử dụng" },
  { command: "menu", description: "Các mục hỗ trợ" },
  { command: "danhgia", description: "Đánh giá mức độ hài lòng" },
];

export interface TelegramChannelOptions {
  config: TelegramConfig;
  dispatcher: Dispatcher;
  logger: Logger;
  /** Known bot info (skips getMe); otherwise fetched once, lazily. */
  botInfo?: UserFromGetMe;
  now?: () => number;
  /**
   * The office staff group (hand-over): its updates go to `handle`, never to the citizens'
   * dispatcher. A function, as the hand-over is built after the channel it posts through.
   */
  staff?: { chatId: string; handle: (update: Update) => Promise<void> };
  /** Counts replies that could not be delivered. */
  metrics?: Metrics;
  /** Told when setWebhook fails (not ready) and when it succeeds again. */
  readiness?: Readiness;
  /** Wait before registering the webhook again after a failure. Default 30 s, doubling to 10 min. */
  webhookRetryMs?: number;
  /** Told whether Telegram answers (for /readyz). */
  platformHealth?: PlatformHealth;
  /** Retries of a call that met a network error or a 5xx. Default {@link TELEGRAM_RETRY}. */
  retry?: RetryOptions;
}

export interface RetryOptions {
  /** Attempts in all, the first included. */
  attempts: number;
  /** Wait before the second attempt; doubled for each further one. */
  firstDelayMs: number;
  /** Upper bound of one wait. */
  maxDelayMs: number;
}

/**
 * A few quick retries, then give up: during an outage every update would otherwise hold its
 * handler (and the chat's queue) for minutes while updates pile up.
 */
export const TELEGRAM_RETRY: RetryOptions = { attempts: 3, firstDelayMs: 250, maxDelayMs: 2000 };

export interface TelegramChannel {
  readonly bot: Bot;
  readonly mode: TelegramConfig["mode"];
  /** One update from the webhook route (its secret already checked). Never throws. */
  handleUpdate(update: Update): Promise<void>;
  /** Webhook mode: setWebhook; polling mode: deleteWebhook and the runner. Registers commands. Never throws. */
  start(): Promise<void>;
  /** Stops polling and waits for updates in progress. */
  stop(): Promise<void>;
}

/**
 * Telegram through grammY. Every update — webhook or polling — goes through `bot.handleUpdate`
 * into one middleware: to-inbound → dispatcher → render/send. Constructing it does no I/O.
 */
export function createTelegramChannel(options: TelegramChannelOptions): TelegramChannel {
  const { config, dispatcher, logger } = options;
  const now = options.now ?? Date.now;
  const log = logger.child({ channel: "telegram" });
  const bot = new Bot(config.token, {
    client: { apiRoot: config.apiRoot },
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
  });
  // auto-retry only for 429 retry_after (waits of up to 10 s, twice): its retries of network errors
  // have no bound at all, and its 5xx backoff grows from 3 s; those go to `boundedRetry`.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 2, maxDelaySeconds: 10, rethrowHttpErrors: true, rethrowInternalServerErrors: true }));
  bot.api.config.use(boundedRetry(options.retry ?? TELEGRAM_RETRY, options.platformHealth));
  const abort = new AbortController();
  let runner: RunnerHandle | undefined;

  // Keeps the updates of one chat in order when the runner processes updates concurrently.
  bot.use(sequentialize((ctx: Context) => (ctx.chat?.id ?? ctx.from?.id)?.toString()));
  bot.use(async (ctx) => {
    const staff = options.staff;
    if (staff && String(ctx.chat?.id) === staff.chatId) {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
      else await staff.handle(ctx.update);
      return;
    }
    // Stop the button's spinner at once, whatever happens next.
    const ack = ctx.callbackQuery
      ? ctx.answerCallbackQuery().catch((err: unknown) => log.warn({ err: errorSummary(err) }, "telegram: answerCallbackQuery failed"))
      : undefined;
    const inbound = telegramToInbound(ctx.update, now());
    if (!inbound) return void (await ack);
    // Courtesies, never awaited before the answer: a slow typing call or callback answer must not delay it.
    void ctx.api
      .sendChatAction(inbound.chatId, "typing")
      .catch((err: unknown) => log.debug({ err: errorSummary(err) }, "telegram: sendChatAction failed"));
    const replies = await dispatcher.process(inbound);
    if (!replies) return;
    try {
      await sendTelegramReplies(ctx.api, inbound.chatId, replies);
    } catch (err) {
      options.metrics?.sendFailures.inc({ channel: "telegram" });
      log.error({ err: errorSummary(err), updateId: ctx.update.update_id }, "telegram: reply not delivered after retries");
    }
  });
  bot.catch((err) => log.error({ err: errorSummary(err.error), updateId: err.ctx.update.update_id }, "telegram: update failed"));

  let initializing: Promise<void> | undefined;
  const ensureInit = (): Promise<void> => {
    if (bot.isInited()) return Promise.resolve();
    initializing ??= bot.init(abort.signal as unknown as Parameters<Bot["init"]>[0]).finally(() => (initializing = undefined));
    return initializing;
  };

  let webhookTimer: NodeJS.Timeout | undefined;
  async function registerWebhook(mode: { url: string; secret?: string }, delayMs: number): Promise<void> {
    try {
      await bot.api.setWebhook(mode.url, {
        ...(mode.secret ? { secret_token: mode.secret } : {}),
        allowed_updates: ["message", "callback_query"],
      });
      options.readiness?.set("telegram-webhook", null);
      log.info("telegram: webhook registered");
    } catch (err) {
      options.readiness?.set("telegram-webhook", { level: "not-ready", detail: "telegram: setWebhook failed; updates will not arrive until it succeeds (retrying)" });
      log.error({ err: errorSummary(err), retryInMs: delayMs }, "telegram: setWebhook failed; updates will not arrive (check TELEGRAM_BOT_TOKEN and TELEGRAM_WEBHOOK_URL); retrying");
      if (abort.signal.aborted) return;
      webhookTimer = setTimeout(() => void registerWebhook(mode, Math.min(delayMs * 2, 600_000)), delayMs);
      webhookTimer.unref();
    }
  }

  async function registerCommands(): Promise<void> {
    try {
      await bot.api.setMyCommands(TELEGRAM_COMMANDS);
    } catch (err) {
      log.warn({ err: errorSummary(err) }, "telegram: setMyCommands failed");
    }
  }

  return {
    bot,
    mode: config.mode,
    async handleUpdate(update) {
      try {
        await ensureInit();
        await bot.handleUpdate(update);
      } catch (err) {
        const cause = err instanceof Error && "error" in err ? (err as { error: unknown }).error : err;
        log.error({ err: errorSummary(cause), updateId: update.update_id }, "telegram: update failed");
      }
    },
    async start() {
      const mode = config.mode;
      if (mode.kind === "webhook") {
        await registerWebhook(mode, options.webhookRetryMs ?? 30_000);
        await registerCommands();
        ensureInit().catch((err: unknown) => log.warn({ err: errorSummary(err) }, "telegram: getMe failed; will retry on the first update"));
        return;
      }
      try {
        await bot.api.deleteWebhook();
        await ensureInit();
      } catch (err) {
        log.error({ err: errorSummary(err) }, "telegram: could not start polling");
        return;
      }
      await registerCommands();
      runner = run(bot, { runner: { fetch: { allowed_updates: ["message", "callback_query"] } } });
      log.info("telegram: long polling started");
    },
    async stop() {
      abort.abort();
      clearTimeout(webhookTimer);
      if (runner?.isRunning()) await runner.stop();
    },
  };
}

/**
 * Retries a call that met a network error or a 5xx, a bounded number of times with a capped
 * backoff, and reports the final outcome to `health`. Installed last, so it wraps auto-retry.
 */
export function boundedRetry(retry: RetryOptions, health?: PlatformHealth): Transformer {
  return async (prev, method, payload, signal) => {
    for (let attempt = 1; ; attempt++) {
      const delay = Math.min(retry.maxDelayMs, retry.firstDelayMs * 2 ** (attempt - 1));
      const last = attempt >= retry.attempts || signal?.aborted === true;
      let result;
      try {
        result = await prev(method, payload, signal);
      } catch (err) {
        if (!(err instanceof HttpError)) throw err;
        if (last) {
          health?.unreachable("telegram");
          throw err;
        }
        await pause(delay);
        continue;
      }
      const serverError = !result.ok && result.error_code >= 500;
      if (serverError && !last) {
        await pause(delay);
        continue;
      }
      if (serverError) health?.unreachable("telegram");
      else health?.reachable("telegram");
      return result;
    }
  };
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
