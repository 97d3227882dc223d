import type { Reply } from "../../engine/types.js";
import type { Dispatcher } from "../../runtime/dispatcher.js";
import type { Metrics } from "../../runtime/metrics.js";
import type { PlatformHealth } from "../../runtime/platform-health.js";
import type { Readiness } from "../../runtime/readiness.js";
import type { ZaloOaConfig } from "../../config.js";
import type { Logger } from "../../log.js";
import type { TokenVault } from "../../store/token-vault.js";
import { answerInbound, observePlatform } from "../answer.js";
import { payloadShape } from "../payload-shape.js";
import type { RetryPolicy } from "../retry.js";
import { createZaloOaApi, sendZaloOaReplies, ZaloOaHttpError, type ZaloOaApi } from "./send.js";
import { zaloOaToInbound, type ZaloOaEvent } from "./to-inbound.js";
import { createOaTokens, type OaTokens } from "./tokens.js";

export interface ZaloOaChannelOptions {
  config: ZaloOaConfig;
  dispatcher: Dispatcher;
  logger: Logger;
  /** Where the rotating token pair lives (Redis in production, a file in DATA_DIR otherwise). */
  vault: TokenVault;
  /** Default: over axios, from the config. */
  api?: ZaloOaApi;
  metrics?: Metrics;
  readiness?: Readiness;
  /** Told whether the OA API answers (for /readyz). */
  platformHealth?: PlatformHealth;
  retry?: RetryPolicy;
  now?: () => number;
}

export interface ZaloOaChannel {
  readonly tokens: OaTokens;
  /** One signed event from the webhook route. Never throws. */
  handleEvent(event: ZaloOaEvent): Promise<void>;
  /** Sends to a citizen outside a webhook turn (a staff reply in a hand-over); throws when it fails. */
  deliver(userId: string, replies: readonly Reply[]): Promise<void>;
  /** A body that is not an event: logged (its shape only) and dropped. */
  rejected(body: unknown, issues: string[]): void;
  /** Checks the token at once and ahead of every expiry. */
  start(): void;
  stop(): Promise<void>;
}

/** The Zalo Official Account channel: signed webhook → to-inbound → dispatcher → render/send. */
export function createZaloOaChannel(options: ZaloOaChannelOptions): ZaloOaChannel {
  const { config, dispatcher } = options;
  const log = options.logger.child({ channel: "zalo-oa" });
  const now = options.now ?? Date.now;
  const api = options.api ?? createZaloOaApi({ appId: config.appId, appSecret: config.appSecret, apiUrl: config.apiUrl, oauthUrl: config.oauthUrl });
  const tokens = createOaTokens({
    api,
    vault: options.vault,
    seed: { refreshToken: config.refreshToken, accessToken: config.accessToken },
    logger: options.logger,
    metrics: options.metrics,
    readiness: options.readiness,
    now,
  });

  const observed = observePlatform(options.platformHealth, "zalo-oa", (err) => err instanceof ZaloOaHttpError);
  const answerDeps = { channel: "zalo-oa" as const, dispatcher, log, metrics: options.metrics };

  return {
    tokens,
    async handleEvent(event) {
      const inbound = zaloOaToInbound(event, now());
      if (!inbound) return;
      const target = { userId: inbound.chatId, replyTo: event.message?.msg_id || undefined };
      await answerInbound(answerDeps, inbound, (replies) => observed(sendZaloOaReplies(api, tokens, target, replies, options.retry)), { event: event.event_name });
    },
    async deliver(userId, replies) {
      await sendZaloOaReplies(api, tokens, { userId }, replies, options.retry);
    },
    rejected(body, issues) {
      log.warn({ issues, shape: payloadShape(body) }, "zalo-oa: rejected a payload that is not an OA event");
    },
    start() {
      tokens.start();
      log.info("zalo-oa: channel started");
    },
    async stop() {
      tokens.stop();
    },
  };
}
