import { setTimeout } from "node:timers/promises";
import type { Reply } from "../../engine/types.js";
import { errorSummary } from "../../log.js";
import type { Dispatcher } from "../../runtime/dispatcher.js";
import type { ZaloConfig } from "../../config.js";
import type { Metrics } from "../../runtime/metrics.js";
import type { Readiness } from "../../runtime/readiness.js";
import type { Logger } from "../../log.js";
import { answerInbound, observePlatform } from "../answer.js";
import { payloadShape } from "../payload-shape.js";
import type { RetryPolicy } from "../retry.js";
import type { PlatformHealth } from "../../runtime/platform-health.js";
import { createZaloClient, ZaloApiError, ZaloHttpError, type ZaloClient } from "./client.js";
import { WebhookRegistration } from "../webhook-registration.js";
import { sendZaloReplies } from "./send.js";
import { checkZaloEvent, zaloToInbound, type ZaloEvent } from "./to-inbound.js";

export interface ZaloChannelOptions {
  config: ZaloConfig;
  dispatcher: Dispatcher;
  logger: Logger;
  /** Default: a client over axios built from the config. */
  client?: ZaloClient;
  now?: () => number;
  /** Long-poll timeout in seconds. Default 30. */
  pollTimeoutSeconds?: number;
  /** Counts replies that could not be delivered. */
  metrics?: Metrics;
  /** Told when setWebhook fails (not ready) and when it succeeds again. */
  readiness?: Readiness;
  /** Retries of one send. Default SEND_RETRY. */
  retry?: RetryPolicy;
  /** Wait before registering the webhook again after a failure. Default 30 s, doubling to 10 min. */
  webhookRetryMs?: number;
  /** Told whether Zalo answers (for /readyz). */
  platformHealth?: PlatformHealth;
}

export interface ZaloChannel {
  readonly client: ZaloClient;
  readonly mode: ZaloConfig["mode"];
  /** One event (webhook route, after its secret was checked, or polling). Never throws. */
  handleEvent(event: ZaloEvent): Promise<void>;
  /** A webhook or polled body that is not an event: logged (its shape only) and dropped. */
  rejected(body: unknown, issues: string[]): void;
  /** Webhook mode: setWebhook when a URL is configured; polling mode: deleteWebhook and poll. Never throws. */
  start(): Promise<void>;
  /** Stops polling and waits for the event in progress. */
  stop(): Promise<void>;
}

/** The Zalo Bot API channel: to-inbound → dispatcher → render/send, fed by the webhook or getUpdates. */
export function createZaloChannel(options: ZaloChannelOptions): ZaloChannel {
  return new ZaloBotChannel(options);
}

/** A network error or a Zalo 5xx: the platform is not answering (a refusal is an answer). */
const zaloDown = (err: unknown) => err instanceof ZaloHttpError || (err instanceof ZaloApiError && err.errorCode >= 500);

class ZaloBotChannel implements ZaloChannel {
  readonly client: ZaloClient;
  readonly mode: ZaloConfig["mode"];
  private readonly log: Logger;
  private readonly abort = new AbortController();
  /** Platform calls, their outcome told to the platform health. */
  private readonly observed: <T>(call: Promise<T>) => Promise<T>;
  private webhook: WebhookRegistration | undefined;
  private polling: Promise<void> | undefined;

  constructor(private readonly options: ZaloChannelOptions) {
    const { config } = options;
    this.mode = config.mode;
    this.log = options.logger.child({ channel: "zalo" });
    this.client = options.client ?? createZaloClient({ token: config.token, apiUrl: config.apiUrl });
    this.observed = observePlatform(options.platformHealth, "zalo", zaloDown);
  }

  async handleEvent(event: ZaloEvent): Promise<void> {
    const inbound = zaloToInbound(event, (this.options.now ?? Date.now)());
    if (!inbound) return;
    // The typing indicator is a courtesy: never awaited, so a slow one cannot hold the answer back.
    void this.client
      .sendChatAction({ chat_id: inbound.chatId, action: "typing" })
      .catch((err: unknown) => this.log.debug({ err: errorSummary(err) }, "zalo: sendChatAction failed"));
    const { dispatcher, metrics, retry } = this.options;
    const send = (replies: readonly Reply[]) => this.observed(sendZaloReplies(this.client, inbound.chatId, replies, retry));
    await answerInbound({ channel: "zalo", dispatcher, log: this.log, metrics }, inbound, send, { messageId: inbound.messageId });
  }

  rejected(body: unknown, issues: string[]): void {
    this.log.warn({ issues, shape: payloadShape(body) }, "zalo: rejected a payload that is not a Zalo event");
  }

  async start(): Promise<void> {
    const mode = this.mode;
    const secret = this.options.config.secret;
    if (mode.kind === "polling") return this.startPolling();
    if (!mode.url) return void this.log.info("zalo: webhook mode (no ZALO_WEBHOOK_URL: the webhook is registered outside this process)");
    if (!secret) return void this.log.error("zalo: ZALO_WEBHOOK_SECRET is required to register a webhook");
    const url = mode.url;
    const { readiness, webhookRetryMs: firstRetryMs } = this.options;
    const settings = "ZALO_BOT_TOKEN and ZALO_WEBHOOK_URL";
    const register = () => this.client.setWebhook({ url, secret_token: secret });
    this.webhook = new WebhookRegistration({ channel: "zalo", register, settings, log: this.log, readiness, firstRetryMs });
    await this.webhook.start();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    this.webhook?.stop();
    await this.polling;
  }

  private async startPolling(): Promise<void> {
    try {
      await this.client.deleteWebhook();
    } catch (err) {
      this.log.warn({ err: errorSummary(err) }, "zalo: deleteWebhook failed; polling anyway");
    }
    this.polling = this.poll(this.options.pollTimeoutSeconds ?? 30);
    this.log.info("zalo: long polling started");
  }

  private async poll(timeout: number): Promise<void> {
    const signal = this.abort.signal;
    let failures = 0;
    while (!signal.aborted) {
      try {
        const events = await this.observed(this.client.getUpdates({ timeout }, signal));
        failures = 0;
        for (const raw of events) {
          const checked = checkZaloEvent(raw);
          if (checked.ok) await this.handleEvent(checked.event);
          else this.rejected(raw, checked.issues);
        }
      } catch (err) {
        if (signal.aborted) break;
        failures++;
        const delay = Math.min(30_000, 1000 * 2 ** Math.min(failures - 1, 5));
        this.log.warn({ err: errorSummary(err), retryInMs: delay }, "zalo: getUpdates failed");
        // Resolves early (rejecting with AbortError) when the channel stops.
        await setTimeout(delay, undefined, { signal }).catch(() => undefined);
      }
    }
  }
}
