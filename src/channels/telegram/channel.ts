import { setTimeout } from "node:timers/promises";
import { autoRetry } from "@grammyjs/auto-retry";
import { run, sequentialize, type RunnerHandle } from "@grammyjs/runner";
import { Bot, HttpError, type Context, type Transformer } from "grammy";
import type { BotCommand, Update, UserFromGetMe } from "grammy/types";
import type { Dispatcher } from "../../runtime/dispatcher.js";
import { errorSummary } from "../../log.js";
import type { TelegramConfig } from "../../config.js";
import { omitUndefined } from "../../omit-undefined.js";
import type { Metrics } from "../../runtime/metrics.js";
import type { Readiness } from "../../runtime/readiness.js";
import type { Logger } from "../../log.js";
import type { PlatformHealth } from "../../runtime/platform-health.js";
import { answerInbound } from "../answer.js";
import { WebhookRegistration } from "../webhook-registration.js";
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
  staff?: { chatId: string; handle: (update: Update) => Promise<void> } | undefined;
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
  return new GrammyTelegramChannel(options);
}

const ALLOWED_UPDATES = ["message", "callback_query"] as const;

class GrammyTelegramChannel implements TelegramChannel {
  readonly bot: Bot;
  readonly mode: TelegramConfig["mode"];
  /** Webhook mode only. */
  private readonly webhook: WebhookRegistration | undefined;
  private readonly log: Logger;
  /** Polling mode, once started. */
  private runner: RunnerHandle | undefined;
  private initializing: Promise<void> | undefined;
  private readonly abort = new AbortController();

  constructor(private readonly options: TelegramChannelOptions) {
    this.log = options.logger.child({ channel: "telegram" });
    const { config } = options;
    this.mode = config.mode;
    this.bot = new Bot(config.token, omitUndefined({ client: { apiRoot: config.apiRoot }, botInfo: options.botInfo }));
    // auto-retry only for 429 retry_after (waits of up to 10 s, twice): its retries of network errors
    // have no bound at all, and its 5xx backoff grows from 3 s; those go to `boundedRetry`.
    this.bot.api.config.use(autoRetry({ maxRetryAttempts: 2, maxDelaySeconds: 10, rethrowHttpErrors: true, rethrowInternalServerErrors: true }));
    this.bot.api.config.use(boundedRetry(options.retry ?? TELEGRAM_RETRY, options.platformHealth));
    // Keeps the updates of one chat in order when the runner processes updates concurrently.
    this.bot.use(sequentialize((ctx: Context) => (ctx.chat?.id ?? ctx.from?.id)?.toString()));
    this.bot.use((ctx) => this.onUpdate(ctx));
    this.bot.catch((err) => this.log.error({ err: errorSummary(err.error), updateId: err.ctx.update.update_id }, "telegram: update failed"));
    const mode = config.mode;
    const { readiness, webhookRetryMs: firstRetryMs } = options;
    const settings = "TELEGRAM_BOT_TOKEN and TELEGRAM_WEBHOOK_URL";
    const register = mode.kind === "webhook" ? () => this.bot.api.setWebhook(mode.url, omitUndefined({ secret_token: mode.secret, allowed_updates: [...ALLOWED_UPDATES] })) : undefined;
    this.webhook = register ? new WebhookRegistration({ channel: "telegram", register, settings, log: this.log, readiness, firstRetryMs }) : undefined;
  }

  async handleUpdate(update: Update): Promise<void> {
    try {
      await this.ensureInit();
      await this.bot.handleUpdate(update);
    } catch (err) {
      const cause = err instanceof Error && "error" in err ? (err as { error: unknown }).error : err;
      this.log.error({ err: errorSummary(cause), updateId: update.update_id }, "telegram: update failed");
    }
  }

  async start(): Promise<void> {
    if (this.webhook) {
      await this.webhook.start();
      await this.registerCommands();
      this.ensureInit().catch((err: unknown) => this.log.warn({ err: errorSummary(err) }, "telegram: getMe failed; will retry on the first update"));
      return;
    }
    try {
      await this.bot.api.deleteWebhook();
      await this.ensureInit();
    } catch (err) {
      this.log.error({ err: errorSummary(err) }, "telegram: could not start polling");
      return;
    }
    await this.registerCommands();
    this.runner = run(this.bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
    this.log.info("telegram: long polling started");
  }

  async stop(): Promise<void> {
    this.abort.abort();
    this.webhook?.stop();
    if (this.runner?.isRunning()) await this.runner.stop();
  }

  /** The one middleware: staff group updates to the hand-over, everything else to the citizens' path. */
  private async onUpdate(ctx: Context): Promise<void> {
    const staff = this.options.staff;
    if (staff && String(ctx.chat?.id) === staff.chatId) {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
      else await staff.handle(ctx.update);
      return;
    }
    // Stop the button's spinner at once, whatever happens next.
    const ack = ctx.callbackQuery
      ? ctx.answerCallbackQuery().catch((err: unknown) => this.log.warn({ err: errorSummary(err) }, "telegram: answerCallbackQuery failed"))
      : undefined;
    const inbound = telegramToInbound(ctx.update, (this.options.now ?? Date.now)());
    if (!inbound) return void (await ack);
    // Courtesies, never awaited before the answer: a slow typing call or callback answer must not delay it.
    void ctx.api.sendChatAction(inbound.chatId, "typing").catch((err: unknown) => this.log.debug({ err: errorSummary(err) }, "telegram: sendChatAction failed"));
    const deps = { channel: "telegram" as const, dispatcher: this.options.dispatcher, log: this.log, metrics: this.options.metrics };
    await answerInbound(deps, inbound, (replies) => sendTelegramReplies(ctx.api, inbound.chatId, replies), { updateId: ctx.update.update_id });
  }

  private ensureInit(): Promise<void> {
    if (this.bot.isInited()) return Promise.resolve();
    this.initializing ??= this.bot.init(this.abort.signal as unknown as Parameters<Bot["init"]>[0]).finally(() => (this.initializing = undefined));
    return this.initializing;
  }

  private async registerCommands(): Promise<void> {
    try {
      await this.bot.api.setMyCommands(TELEGRAM_COMMANDS);
    } catch (err) {
      this.log.warn({ err: errorSummary(err) }, "telegram: setMyCommands failed");
    }
  }
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
        await setTimeout(delay);
        continue;
      }
      const serverError = !result.ok && result.error_code >= 500;
      if (serverError && !last) {
        await setTimeout(delay);
        continue;
      }
      if (serverError) health?.unreachable("telegram");
      else health?.reachable("telegram");
      return result;
    }
  };
}
