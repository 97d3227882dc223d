import { errorSummary } from "../../log.js";
import type { Dispatcher } from "../../runtime/dispatcher.js";
import type { ZaloConfig } from "../../config.js";
import type { Metrics } from "../../runtime/metrics.js";
import type { Readiness } from "../../runtime/readiness.js";
import type { Logger } from "../../log.js";
import { payloadShape } from "../payload-shape.js";
import type { RetryPolicy } from "../retry.js";
import type { PlatformHealth } from "../../runtime/platform-health.js";
import { createZaloClient, ZaloApiError, ZaloHttpError, type ZaloClient } from "./client.js";
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
  const { config, dispatcher } = options;
  const log = options.logger.child({ channel: "zalo" });
  const now = options.now ?? Date.now;
  const client = options.client ?? createZaloClient({ token: config.token, apiUrl: config.apiUrl });
  const abort = new AbortController();
  let polling: Promise<void> | undefined;

  /** `call`'s outcome, told to the platform health: a network error or a 5xx means unreachable. */
  async function observed<T>(call: Promise<T>): Promise<T> {
    try {
      const result = await call;
      options.platformHealth?.reachable("zalo");
      return result;
    } catch (err) {
      const down = err instanceof ZaloHttpError || (err instanceof ZaloApiError && err.errorCode >= 500);
      if (down) options.platformHealth?.unreachable("zalo");
      else options.platformHealth?.reachable("zalo");
      throw err;
    }
  }

  async function handleEvent(event: ZaloEvent): Promise<void> {
    const inbound = zaloToInbound(event, now());
    if (!inbound) return;
    // The typing indicator is a courtesy: never awaited, so a slow one cannot hold the answer back.
    void client
      .sendChatAction({ chat_id: inbound.chatId, action: "typing" })
      .catch((err: unknown) => log.debug({ err: errorSummary(err) }, "zalo: sendChatAction failed"));
    let replies;
    try {
      replies = await dispatcher.process(inbound);
    } catch (err) {
      log.error({ err: errorSummary(err) }, "zalo: event failed");
      return;
    }
    if (!replies) return;
    try {
      await observed(sendZaloReplies(client, inbound.chatId, replies, options.retry));
    } catch (err) {
      // The citizen got no (or only part of the) answer: count it so an alert can see it.
      options.metrics?.sendFailures.inc({ channel: "zalo" });
      log.error({ err: errorSummary(err), messageId: inbound.messageId }, "zalo: reply not delivered after retries");
    }
  }

  function rejected(body: unknown, issues: string[]): void {
    log.warn({ issues, shape: payloadShape(body) }, "zalo: rejected a payload that is not a Zalo event");
  }

  let webhookTimer: NodeJS.Timeout | undefined;
  async function registerWebhook(url: string, secret: string, delayMs: number): Promise<void> {
    try {
      await client.setWebhook({ url, secret_token: secret });
      options.readiness?.set("zalo-webhook", null);
      log.info("zalo: webhook registered");
    } catch (err) {
      options.readiness?.set("zalo-webhook", { level: "not-ready", detail: "zalo: setWebhook failed; updates will not arrive until it succeeds (retrying)" });
      log.error({ err: errorSummary(err), retryInMs: delayMs }, "zalo: setWebhook failed; updates will not arrive (check ZALO_BOT_TOKEN and ZALO_WEBHOOK_URL); retrying");
      if (abort.signal.aborted) return;
      webhookTimer = setTimeout(() => void registerWebhook(url, secret, Math.min(delayMs * 2, 600_000)), delayMs);
      webhookTimer.unref();
    }
  }

  async function poll(timeout: number): Promise<void> {
    let failures = 0;
    while (!abort.signal.aborted) {
      try {
        const events = await observed(client.getUpdates({ timeout }, abort.signal));
        failures = 0;
        for (const raw of events) {
          const checked = checkZaloEvent(raw);
          if (checked.ok) await handleEvent(checked.event);
          else rejected(raw, checked.issues);
        }
      } catch (err) {
        if (abort.signal.aborted) break;
        failures++;
        const delay = Math.min(30_000, 1000 * 2 ** Math.min(failures - 1, 5));
        log.warn({ err: errorSummary(err), retryInMs: delay }, "zalo: getUpdates failed");
        await sleep(delay, abort.signal);
      }
    }
  }

  return {
    client,
    mode: config.mode,
    handleEvent,
    rejected,
    async start() {
      const mode = config.mode;
      if (mode.kind === "webhook") {
        if (!mode.url) {
          log.info("zalo: webhook mode (no ZALO_WEBHOOK_URL: the webhook is registered outside this process)");
          return;
        }
        if (!config.secret) {
          log.error("zalo: ZALO_WEBHOOK_SECRET is required to register a webhook");
          return;
        }
        await registerWebhook(mode.url, config.secret, options.webhookRetryMs ?? 30_000);
        return;
      }
      try {
        await client.deleteWebhook();
      } catch (err) {
        log.warn({ err: errorSummary(err) }, "zalo: deleteWebhook failed; polling anyway");
      }
      polling = poll(options.pollTimeoutSeconds ?? 30);
      log.info("zalo: long polling started");
    },
    async stop() {
      abort.abort();
      clearTimeout(webhookTimer);
      await polling;
    },
  };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}
