import { errorSummary, type Dispatcher } from "../../app/dispatcher.js";
import type { ZaloConfig } from "../../config.js";
import type { Logger } from "../../log.js";
import type { PlatformHealth } from "../../app/platform-health.js";
import { createZaloClient, ZaloApiError, ZaloHttpError, type ZaloClient } from "./client.js";
import { sendZaloReplies } from "./send.js";
import { parseZaloEvent, zaloToInbound, type ZaloEvent } from "./to-inbound.js";

export interface ZaloChannelOptions {
  config: ZaloConfig;
  dispatcher: Dispatcher;
  logger: Logger;
  /** Default: a client over axios built from the config. */
  client?: ZaloClient;
  now?: () => number;
  /** Long-poll timeout in seconds. Default 30. */
  pollTimeoutSeconds?: number;
  /** Told whether Zalo answers (for /readyz). */
  platformHealth?: PlatformHealth;
}

export interface ZaloChannel {
  readonly client: ZaloClient;
  readonly mode: ZaloConfig["mode"];
  /** One event (webhook route, after its secret was checked, or polling). Never throws. */
  handleEvent(event: ZaloEvent): Promise<void>;
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
    try {
      const typing = client
        .sendChatAction({ chat_id: inbound.chatId, action: "typing" })
        .catch((err: unknown) => log.debug({ err: errorSummary(err) }, "zalo: sendChatAction failed"));
      const replies = await dispatcher.process(inbound);
      await typing;
      if (replies) await observed(sendZaloReplies(client, inbound.chatId, replies));
    } catch (err) {
      log.error({ err: errorSummary(err) }, "zalo: event failed");
    }
  }

  async function poll(timeout: number): Promise<void> {
    let failures = 0;
    while (!abort.signal.aborted) {
      try {
        const events = await observed(client.getUpdates({ timeout }, abort.signal));
        failures = 0;
        for (const raw of events) {
          const event = parseZaloEvent(raw);
          if (event) await handleEvent(event);
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
        try {
          await client.setWebhook({ url: mode.url, secret_token: config.secret });
          log.info("zalo: webhook registered");
        } catch (err) {
          log.error({ err: errorSummary(err) }, "zalo: setWebhook failed; updates may not arrive");
        }
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
