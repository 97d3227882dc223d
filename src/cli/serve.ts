import { setTimeout as delay } from "node:timers/promises";
import { loadConfig, type Config } from "../config.js";
import { formatProblem } from "../source/yaml-source.js";
import { createLogger, errorSummary } from "../log.js";
import { watchCore } from "../runtime/watch.js";
import { warmSearch, warmUpQuestions, type WarmUp } from "../runtime/warm-search.js";
import { createApp } from "../server/app.js";

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
  const app = await createApp(config, { logger, handover: true, processMetrics: true });
  for (const p of app.problems) logger.warn({ problem: formatProblem(p) }, "serve: knowledge problem (valid entries are served)");
  const watcher = watchCore(app.live, { knowledgeDir: config.knowledgeDir, flowsDir: config.flowsDir, logger });
  // Idle hand-over cases close on any instance; closing is claimed in the store, so once.
  const sweep = () => void app.handover?.sweep().catch((err: unknown) => logger.warn({ err: errorSummary(err) }, "serve: hand-over sweep failed"));
  const sweeper = setInterval(sweep, Math.min(60_000, config.handover.idleMinutes * 15_000));
  sweeper.unref();

  let stopping: Promise<void> | undefined;
  let warm: WarmUp | undefined;
  shutdown = (signal: string) => {
    stopping ??= (async () => {
      logger.info({ signal }, "serve: shutting down");
      // A stuck dependency must not keep the process alive forever.
      const hardStop = setTimeout(() => {
        logger.error("serve: shutdown timed out");
        process.exit(1);
      }, 30_000);
      hardStop.unref();
      clearInterval(sweeper);
      warm?.stop();
      // close() refuses new work at once, before its first wait.
      const closed = app.close(20_000);
      await watcher.close().catch(() => undefined);
      const { unfinished } = await closed;
      if (unfinished) logger.warn({ unfinished }, "serve: some updates were still in progress");
      logger.info("serve: stopped");
      clearTimeout(hardStop);
      process.exit(0);
    })();
  };
  if (signalled) return shutdown(signalled);

  // Staff edits are seen only after the watcher's first scan: start listening (and answering /healthz) once it is done, so
  // a file added right after start-up is not taken for one that was already there and missed.
  await watchingOrLate(watcher, logger);
  await app.server.listen({ port: config.port, host: config.host });
  logger.info(
    { port: config.port, telegram: app.telegram?.mode.kind ?? "off", zalo: app.zalo?.mode.kind ?? "off", zaloOa: app.zaloOa ? "webhook" : "off", knowledge: app.live.status().live.id },
    "serve: listening",
  );
  // Platform registration after listening, so a webhook delivered at once finds the server up.
  await app.start();
  // The first citizens after a start should not wait for V8 to compile the search (src/runtime/warm-search.ts). The live
  // core is read per question: after a hot reload the warm-up goes on with the new one and keeps no old index alive.
  if (stopping) return;
  const warmStart = Date.now();
  warm = warmSearch((q) => app.live.current().engine.search(q), warmUpQuestions(app.live.current().engine.knowledge.entries, WARM_UP_QUESTIONS));
  void warm.done.then(({ asked, failed, stopped }) => {
    warm = undefined;
    if (failed > 0) logger.warn({ failed, asked }, "serve: some warm-up questions failed in search");
    if (!stopped) logger.info({ questions: asked, ms: Date.now() - warmStart }, "serve: search warmed up");
  });
}

/** Questions `serve` answers from its own knowledge after starting (1.3–1.8 s of search at 6,129 entries, in 2 ms turns). */
const WARM_UP_QUESTIONS = 2000;

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

/** How long start-up waits for the knowledge watcher's first scan before it listens anyway (and says so). */
const WATCH_READY_MS = 15_000;

async function watchingOrLate(watcher: { ready: Promise<void> }, logger: ReturnType<typeof createLogger>): Promise<void> {
  const ready = await Promise.race([watcher.ready.then(() => true), delay(WATCH_READY_MS, false, { ref: false })]);
  if (!ready) logger.warn({ waitedMs: WATCH_READY_MS }, "serve: knowledge watcher not ready yet; edits made now may be missed until the next change");
}
