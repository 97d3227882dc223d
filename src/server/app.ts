import type { FastifyInstance } from "fastify";
import { createTelegramChannel, type TelegramChannel, type TelegramChannelOptions } from "../channels/telegram/channel.js";
import { createZaloChannel, type ZaloChannel, type ZaloChannelOptions } from "../channels/zalo/channel.js";
import { createZaloOaChannel, type ZaloOaChannel, type ZaloOaChannelOptions } from "../channels/zalo-oa/channel.js";
import type { Config } from "../config.js";
import { createRespondentEnricher, resolveRespondentSalt } from "../feedback/respondent.js";
import type { CaseStore } from "../handover/case-store.js";
import type { Handover } from "../handover/handover.js";
import { createCaseStore, wireHandover } from "../handover/wire.js";
import type { Problem } from "../source/yaml-source.js";
import { errorSummary, type Logger } from "../log.js";
import { createAdminChatInterceptor } from "../runtime/admin-chat.js";
import { createDispatcher, type Dispatcher } from "../runtime/dispatcher.js";
import { createLiveCore, type LiveCore } from "../runtime/live-core.js";
import { createMetrics, type Metrics } from "../runtime/metrics.js";
import { createPlatformHealth, type PlatformHealth } from "../runtime/platform-health.js";
import { createReadiness, type Readiness } from "../runtime/readiness.js";
import { createStoreKeys } from "../runtime/store-keys.js";
import { createWorkTracker, type WorkTracker } from "../runtime/work.js";
import { createStore } from "../store/create-store.js";
import type { Store } from "../store/port.js";
import { createTokenVault, type TokenVault } from "../store/token-vault.js";
import { createServer } from "./server.js";

export interface AppDeps {
  logger: Logger;
  /** Hand-over to office staff: the case store, the engine offering it, the inbox. `serve`: on. */
  handover?: boolean;
  /** Node's default process metrics on /metrics too. `serve`: on. */
  processMetrics?: boolean;
  /** Channel settings that are not configuration (tests: known bot info, quick retries). */
  telegram?: Pick<TelegramChannelOptions, "botInfo" | "webhookRetryMs" | "retry">;
  zalo?: Pick<ZaloChannelOptions, "webhookRetryMs" | "retry">;
  zaloOa?: Pick<ZaloOaChannelOptions, "retry">;
  /** Waits between delivery retries of staff replies. */
  handoverRetryDelaysMs?: number[];
}

/** The bot as `serve` runs it: knowledge, store, dispatcher, every configured channel, the HTTP server. */
export interface App {
  readonly server: FastifyInstance;
  readonly live: LiveCore;
  /** Knowledge problems at start (the valid entries are served). */
  readonly problems: Problem[];
  readonly store: Store;
  readonly metrics: Metrics;
  readonly dispatcher: Dispatcher;
  readonly work: WorkTracker;
  readonly handover?: Handover | undefined;
  readonly telegram?: TelegramChannel | undefined;
  readonly zalo?: ZaloChannel | undefined;
  readonly zaloOa?: ZaloOaChannel | undefined;
  /** Registers with the platforms (webhooks, polling, token checks): call once listening. */
  start(): Promise<void>;
  /**
   * Stops taking work (503), stops the channels and the server, waits up to `drainMs` for what is
   * in flight, then closes the stores. Resolves with what was still unfinished.
   */
  close(drainMs?: number): Promise<{ unfinished: number }>;
}

interface Channels {
  telegram?: TelegramChannel | undefined;
  zalo?: ZaloChannel | undefined;
  zaloOa?: ZaloOaChannel | undefined;
  vault?: TokenVault | undefined;
}

/**
 * Builds everything `serve` serves from the parsed settings, without listening: `serve` and the
 * tests that run the real server wire the bot the same way through here.
 */
export async function createApp(config: Config, deps: AppDeps): Promise<App> {
  const { logger } = deps;
  const { live, problems } = createLiveCore({ knowledgeDir: config.knowledgeDir, flowsDir: config.flowsDir, surveyOfferDays: config.surveyOfferDays, today: config.today, handover: deps.handover });
  const store = await createStore(config, logger);
  const metrics = createMetrics({ defaults: deps.processMetrics === true });
  const keys = createStoreKeys(resolveRespondentSalt(config));
  const channels: Channels = {};
  const cases = deps.handover ? await createCaseStore(config) : undefined;
  const handover = cases
    ? wireHandover({ config, store, cases, logger, metrics, keys, channels: () => channels, retryDelaysMs: deps.handoverRetryDelaysMs })
    : undefined;
  const dispatcher = createDispatcher({
    core: () => live.current(),
    store,
    logger,
    metrics,
    sessionTtlSeconds: config.sessionTtlSeconds,
    rateLimitPerMinute: config.rateLimitPerMinute,
    // Admin chat commands (/baocao) for the ids in ADMIN_TELEGRAM_IDS / ADMIN_ZALO_IDS.
    interceptors: [createAdminChatInterceptor(config)],
    keys,
    // Survey records carry the salted respondent hash, never the raw id.
    enrichRecord: createRespondentEnricher(config),
    handover,
  });
  const readiness = createReadiness();
  const platforms = createPlatformHealth();
  Object.assign(channels, createChannels(config, deps, { dispatcher, metrics, readiness, platforms, handover }));
  const work = createWorkTracker();
  const { telegram, zalo, zaloOa } = channels;
  const present = { handover, telegram, zalo, zaloOa };
  const server = await createServer({ config, logger, store, live, metrics, dispatcher, work, readiness, platforms, ...present });
  return {
    server,
    live,
    problems,
    store,
    metrics,
    dispatcher,
    work,
    ...present,
    async start() {
      // The OA checks its token in the background; the others register webhooks or start polling.
      zaloOa?.start();
      await Promise.all([telegram?.start(), zalo?.start()]);
    },
    async close(drainMs = 20_000) {
      work.close();
      await Promise.allSettled([telegram?.stop(), zalo?.stop(), zaloOa?.stop()]);
      await server.close();
      const drained = await work.drain(drainMs);
      await closeStores(logger, cases, store, channels.vault);
      return drained;
    },
  };
}

interface ChannelWiring {
  dispatcher: Dispatcher;
  metrics: Metrics;
  readiness: Readiness;
  platforms: PlatformHealth;
  handover?: Handover | undefined;
}

/** The channels whose settings are present. Constructing them does no I/O. */
function createChannels(config: Config, deps: AppDeps, w: ChannelWiring): Channels {
  const { logger } = deps;
  const shared = { dispatcher: w.dispatcher, logger, metrics: w.metrics, readiness: w.readiness, platformHealth: w.platforms };
  const staffChatId = config.handover.staffTelegramChatId;
  const handover = w.handover;
  if (config.telegram && handover && !staffChatId) logger.info("serve: STAFF_TELEGRAM_CHAT_ID is not set; hand-over cases are answered in /admin/handover only");
  const telegram = config.telegram
    ? createTelegramChannel({
        config: config.telegram,
        ...shared,
        ...deps.telegram,
        staff: handover && staffChatId ? { chatId: staffChatId, handle: (u) => handover.staffUpdate(u) } : undefined,
      })
    : undefined;
  const zalo = config.zalo ? createZaloChannel({ config: config.zalo, ...shared, ...deps.zalo }) : undefined;
  const vault = config.zaloOa ? createTokenVault(config, "zalo-oa") : undefined;
  const zaloOa = config.zaloOa && vault ? createZaloOaChannel({ config: config.zaloOa, ...shared, vault, ...deps.zaloOa }) : undefined;
  return { telegram, zalo, zaloOa, vault };
}

async function closeStores(logger: Logger, cases: CaseStore | undefined, store: Store, vault: TokenVault | undefined): Promise<void> {
  await cases?.close().catch((err: unknown) => logger.error({ err: errorSummary(err) }, "serve: case store close failed"));
  await store.close().catch((err: unknown) => logger.error({ err: errorSummary(err) }, "serve: store close failed"));
  await vault?.close().catch(() => undefined);
}
