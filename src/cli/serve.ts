import { errorSummary } from "../log.js";
import { createDispatcher, type DispatcherOptions } from "../runtime/dispatcher.js";
import { createPlatformHealth } from "../runtime/platform-health.js";
import { createStoreKeys } from "../runtime/store-keys.js";
import { createLiveCore } from "../runtime/live-core.js";
import { createMetrics } from "../runtime/metrics.js";
import { createReadiness } from "../runtime/readiness.js";
import { watchCore } from "../runtime/watch.js";
import { createTelegramChannel, type TelegramChannel } from "../channels/telegram/channel.js";
import { createZaloChannel, type ZaloChannel } from "../channels/zalo/channel.js";
import { createZaloOaChannel, type ZaloOaChannel } from "../channels/zalo-oa/channel.js";
import { loadConfig, type Config } from "../config.js";
import { createAdminChatInterceptor } from "../runtime/admin-chat.js";
import { createRespondentEnricher, resolveRespondentSalt } from "../feedback/respondent.js";
import { createCaseStore, wireHandover } from "../handover/wire.js";
import { formatProblem } from "../source/yaml-source.js";
import { createLogger } from "../log.js";
import { createServer } from "../server/server.js";
import { createWorkTracker } from "../server/work.js";
import { createStore } from "../store/create-store.js";
import { createTokenVault } from "../store/token-vault.js";

/**
 * `dvc-bot serve`: the HTTP server and every channel whose settings are present. On SIGTERM or
 * SIGINT it stops taking work (503), finishes what is in flight, closes the store and exits 0.
 */
export async function runServe(env: NodeJS.ProcessEnv): Promise<void> {
  // A signal during start-up is remembered and honoured once everything is open (then closed cleanly).
  let signalled: string | undefined;
  let shutdown: ((signal: string) => void) | undefined;
  const onSignal = (signal: string) => (shutdown ? shutdown(signal) : (signalled ??= signal));
  process.once("SIGTERM", () => onSignal("SIGTERM"));
  process.once("SIGINT", () => onSignal("SIGINT"));

  const config = loadConfig(env);
  requireSafeSettings(config);
  const logger = createLogger(config.logLevel);
  const { live, problems } = createLiveCore({ knowledgeDir: config.knowledgeDir, flowsDir: config.flowsDir, surveyOfferDays: config.surveyOfferDays, today: config.today, handover: true });
  for (const p of problems) logger.warn({ problem: formatProblem(p) }, "serve: knowledge problem (valid entries are served)");
  const store = await createStore(config, logger);
  const metrics = createMetrics({ defaults: true });
  const cases = await createCaseStore(config);
  let telegram: TelegramChannel | undefined;
  let zalo: ZaloChannel | undefined;
  const keys = createStoreKeys(resolveRespondentSalt(config));
  const handover = wireHandover({ config, store, cases, logger, metrics, keys, channels: () => ({ telegram, zalo, zaloOa }) });

  // Dispatcher options in one place. Flows/survey/admin add `interceptors` (admin chat commands)
  // and `enrichRecord` (salted respondent hash) here.
  const dispatcherOptions: DispatcherOptions = {
    core: () => live.current(),
    store,
    logger,
    metrics,
    sessionTtlSeconds: config.sessionTtlSeconds,
    rateLimitPerMinute: config.rateLimitPerMinute,
    interceptors: [createAdminChatInterceptor(config)],
    keys,
    enrichRecord: createRespondentEnricher(config),
    handover,
  };
  const dispatcher = createDispatcher(dispatcherOptions);

  const readiness = createReadiness();
  const platformHealth = createPlatformHealth();
  const staffChatId = config.handover.staffTelegramChatId;
  telegram = config.telegram
    ? createTelegramChannel({
        config: config.telegram,
        dispatcher,
        logger,
        metrics,
        readiness,
        platformHealth,
        ...(staffChatId ? { staff: { chatId: staffChatId, handle: (u) => handover.staffUpdate(u) } } : {}),
      })
    : undefined;
  if (config.telegram && !staffChatId) logger.info("serve: STAFF_TELEGRAM_CHAT_ID is not set; hand-over cases are answered in /admin/handover only");
  zalo = config.zalo ? createZaloChannel({ config: config.zalo, dispatcher, logger, metrics, readiness, platformHealth }) : undefined;
  const vault = config.zaloOa ? createTokenVault(config, "zalo-oa") : undefined;
  const zaloOa: ZaloOaChannel | undefined =
    config.zaloOa && vault ? createZaloOaChannel({ config: config.zaloOa, dispatcher, logger, vault, metrics, readiness, platformHealth }) : undefined;
  const work = createWorkTracker();
  const app = await createServer({
    config,
    logger,
    store,
    live,
    metrics,
    dispatcher,
    work,
    handover,
    readiness,
    platforms: platformHealth,
    ...(telegram ? { telegram } : {}),
    ...(zalo ? { zalo } : {}),
    ...(zaloOa ? { zaloOa } : {}),
  });
  const watcher = watchCore(live, { knowledgeDir: config.knowledgeDir, flowsDir: config.flowsDir, logger });

  // Idle hand-over cases close on any instance; closing is claimed in the store, so once.
  const sweeper = setInterval(() => void handover.sweep().catch((err: unknown) => logger.warn({ err: errorSummary(err) }, "serve: hand-over sweep failed")), Math.min(60_000, config.handover.idleMinutes * 15_000));
  sweeper.unref();

  let stopping: Promise<void> | undefined;
  shutdown = (signal: string) => {
    stopping ??= (async () => {
      logger.info({ signal }, "serve: shutting down");
      // A stuck dependency must not keep the process alive forever.
      const hardStop = setTimeout(() => {
        logger.error("serve: shutdown timed out");
        process.exit(1);
      }, 30_000);
      hardStop.unref();
      work.close();
      clearInterval(sweeper);
      await Promise.allSettled([telegram?.stop(), zalo?.stop(), zaloOa?.stop(), watcher.close()]);
      await app.close();
      const { unfinished } = await work.drain(20_000);
      if (unfinished) logger.warn({ unfinished }, "serve: some updates were still in progress");
      await cases.close().catch((err: unknown) => logger.error({ err: errorSummary(err) }, "serve: case store close failed"));
      await store.close().catch((err: unknown) => logger.error({ err: errorSummary(err) }, "serve: store close failed"));
      await vault?.close().catch(() => undefined);
      logger.info("serve: stopped");
      clearTimeout(hardStop);
      process.exit(0);
    })();
  };
  if (signalled) return shutdown(signalled);

  await app.listen({ port: config.port, host: config.host });
  logger.info(
    { port: config.port, telegram: telegram?.mode.kind ?? "off", zalo: zalo?.mode.kind ?? "off", zaloOa: zaloOa ? "webhook" : "off", knowledge: live.status().live.id },
    "serve: listening",
  );
  // Platform registration after listening, so a webhook delivered at once finds the server up.
  zaloOa?.start();
  await Promise.all([telegram?.start(), zalo?.start()]);
}

/**
 * Settings `serve` refuses to run with. A webhook without its secret accepts updates from anyone
 * who learns the URL (a forged update can make the bot talk to any chat). With Redis, chats are
 * keyed by a salted hash: instances with different salts would not share conversations.
 */
export function requireSafeSettings(config: Pick<Config, "telegram" | "zalo" | "redisUrl" | "respondentSalt">): void {
  if (config.telegram?.mode.kind === "webhook" && !config.telegram.mode.secret) {
    throw new Error("serve: TELEGRAM_WEBHOOK_URL is set but TELEGRAM_WEBHOOK_SECRET is not; set a secret (1-256 characters A-Z a-z 0-9 _ -) or unset the URL for long polling");
  }
  if (config.zalo?.mode.kind === "webhook" && config.zalo.mode.url && !config.zalo.secret) {
    throw new Error("serve: ZALO_WEBHOOK_URL is set but ZALO_WEBHOOK_SECRET is not; set a secret or unset the URL for long polling");
  }
  if (config.redisUrl && !config.respondentSalt) {
    throw new Error("serve: REDIS_URL is set but RESPONDENT_SALT is not; set the same long random salt on every instance (it keys chats and survey respondents)");
  }
}
