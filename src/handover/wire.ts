import type { ZaloOaChannel } from "../channels/zalo-oa/channel.js";
import type { Metrics } from "../runtime/metrics.js";
import type { StoreKeys } from "../runtime/store-keys.js";
import type { TelegramChannel } from "../channels/telegram/channel.js";
import { sendTelegramReplies } from "../channels/telegram/send.js";
import type { ZaloChannel } from "../channels/zalo/channel.js";
import { sendZaloReplies } from "../channels/zalo/send.js";
import type { Config } from "../config.js";
import type { Logger } from "../log.js";
import { omitUndefined } from "../omit-undefined.js";
import type { Guards, SessionStore } from "../store/port.js";
import { createEmbeddedCaseStore, type CaseStore } from "./case-store.js";
import { createHandover, type Deliver, type Handover } from "./handover.js";
import { createRedisCaseStore } from "./redis-case-store.js";

/** The case store the settings ask for: Redis when REDIS_URL is set, else a file in DATA_DIR. */
export function createCaseStore(config: Pick<Config, "redisUrl" | "dataDir">): Promise<CaseStore> {
  return config.redisUrl ? createRedisCaseStore({ url: config.redisUrl }) : createEmbeddedCaseStore({ dataDir: config.dataDir });
}

export interface HandoverWiring {
  config: Config;
  store: SessionStore & Guards;
  cases: CaseStore;
  logger: Logger;
  metrics?: Metrics | undefined;
  /** The dispatcher's salted store keys (the same object). */
  keys: StoreKeys;
  /** The channels, read when a message is sent (they are built after the hand-over). */
  channels: () => { telegram?: TelegramChannel | undefined; zalo?: ZaloChannel | undefined; zaloOa?: ZaloOaChannel | undefined };
  retryDelaysMs?: number[] | undefined;
}

/**
 * The hand-over of `serve` (and of tests that run the same server): staff group on Telegram when
 * STAFF_TELEGRAM_CHAT_ID and a bot token are set; delivery over each configured channel.
 */
export function wireHandover(w: HandoverWiring): Handover {
  const { config } = w;
  const staffChatId = config.handover.staffTelegramChatId;
  const telegramDeliver: Deliver = async (chatId, replies) => {
    const telegram = w.channels().telegram;
    if (!telegram) throw new Error("handover: Telegram is not configured");
    await sendTelegramReplies(telegram.bot.api, chatId, replies);
  };
  const zaloDeliver: Deliver = async (chatId, replies) => {
    const zalo = w.channels().zalo;
    if (!zalo) throw new Error("handover: Zalo is not configured");
    await sendZaloReplies(zalo.client, chatId, replies);
  };
  return createHandover({
    cases: w.cases,
    store: w.store,
    logger: w.logger,
    metrics: w.metrics,
    hours: config.handover.hours,
    idleMs: config.handover.idleMinutes * 60_000,
    sessionTtlSeconds: config.sessionTtlSeconds,
    keys: w.keys,
    retryDelaysMs: w.retryDelaysMs,
    deliverers: {
      telegram: telegramDeliver,
      zalo: zaloDeliver,
      "zalo-oa": async (chatId, replies) => {
        const oa = w.channels().zaloOa;
        if (!oa) throw new Error("handover: Zalo OA is not configured");
        await oa.deliver(chatId, replies);
      },
    },
    staffGroup:
      staffChatId && config.telegram
        ? {
            async post(text: string, replyTo?: number) {
              const telegram = w.channels().telegram;
              if (!telegram) throw new Error("handover: Telegram is not configured");
              const sent = await telegram.bot.api.sendMessage(
                staffChatId,
                text,
                omitUndefined({
                  link_preview_options: { is_disabled: true },
                  reply_parameters: replyTo !== undefined ? { message_id: replyTo, allow_sending_without_reply: true } : undefined,
                }),
              );
              return sent.message_id;
            },
          }
        : undefined,
  });
}
