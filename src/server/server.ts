import type { Server } from "node:http";
import Fastify, { type FastifyError, type FastifyHttpOptions, type FastifyInstance } from "fastify";
import { encodeChoice } from "../engine/choice-id.js";
import { errorSummary } from "../log.js";
import type { Dispatcher } from "../runtime/dispatcher.js";
import type { LiveCore } from "../runtime/live-core.js";
import type { PlatformHealth } from "../runtime/platform-health.js";
import type { Metrics } from "../runtime/metrics.js";
import type { Readiness } from "../runtime/readiness.js";
import { channelMount, refuseWhileClosing, type ChannelMount } from "../channels/http.js";
import type { TelegramChannel } from "../channels/telegram/channel.js";
import { telegramRoutes } from "../channels/telegram/routes.js";
import { createWebGuard, type WebGuard } from "../channels/web/guard.js";
import { webRoutes } from "../channels/web/routes.js";
import { createLiveWebSessions, createWebSessionIds } from "../channels/web/session-ids.js";
import type { ZaloChannel } from "../channels/zalo/channel.js";
import { zaloRoutes } from "../channels/zalo/routes.js";
import type { ZaloOaChannel } from "../channels/zalo-oa/channel.js";
import { zaloOaRoutes } from "../channels/zalo-oa/routes.js";
import { createWorkTracker, type WorkTracker } from "../runtime/work.js";
import { resolveWebSessionSecret } from "../feedback/respondent.js";
import type { Config } from "../config.js";
import type { Logger } from "../log.js";
import type { Store } from "../store/port.js";
import type { Handover } from "../handover/handover.js";
import { registerHandoverMetrics } from "../handover/metrics.js";
import { registerAdmin } from "./admin.js";
import { registerHealth } from "./health.js";
import { defaultPublicDir, registerStaticFiles } from "./static-files.js";

export interface ServerDeps {
  config: Config;
  logger: Logger;
  store: Store;
  live: LiveCore;
  metrics: Metrics;
  dispatcher: Dispatcher;
  /** Present → POST /webhooks/telegram (in webhook mode). */
  telegram?: TelegramChannel | undefined;
  /** Present → POST /webhooks/zalo (in webhook mode). */
  zalo?: ZaloChannel | undefined;
  /** Hand-over to staff: the web poll route, the staff inbox, the numbers. */
  handover?: Handover | undefined;
  /** Present (with config.zaloOa) → POST /webhooks/zalo-oa. */
  zaloOa?: ZaloOaChannel | undefined;
  /** Conditions the channels report (webhook not registered, OA token not refreshed), for /readyz. */
  readiness?: Readiness | undefined;
  /** Whether Telegram and Zalo answer, for /readyz. */
  platforms?: PlatformHealth | undefined;
  /** Default: a new tracker. Shutdown closes it and drains it. */
  work?: WorkTracker;
  /** Default: the package's public/ folder. */
  publicDir?: string;
  /** Largest request body in bytes. Default 1 MiB (bigger → 413). */
  bodyLimit?: number;
  now?: () => number;
}

/**
 * The HTTP server: every channel's routes (each its own plugin, mounted alike), the web page,
 * health, metrics and the admin dashboard. Returns the fastify instance without listening (the
 * CLI listens; tests listen on port 0).
 */
export async function createServer(deps: ServerDeps): Promise<FastifyInstance> {
  const { config, logger, store, live, metrics } = deps;
  const work = deps.work ?? createWorkTracker();
  const log = logger.child({ component: "http" });
  // fastify takes a hop count too (documented) though its type omits numbers.
  const trustProxy = config.trustProxy as NonNullable<FastifyHttpOptions<Server>["trustProxy"]>;
  const app = Fastify({
    bodyLimit: deps.bodyLimit ?? 1024 * 1024,
    // Request logs would carry client addresses and URLs on every chat message: off. Errors are logged below.
    logger: false,
    return503OnClosing: true,
    forceCloseConnections: "idle",
    // A slow client cannot hold a connection forever.
    requestTimeout: 30_000,
    // req.ip / req.protocol follow X-Forwarded-* only from the proxies TRUST_PROXY names.
    trustProxy,
  });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 ? err.statusCode : 500;
    if (status >= 500) {
      log.error({ err: errorSummary(err), method: req.method, route: req.routeOptions.url }, "http: request failed");
      return reply.code(status).send({ error: "internal error" });
    }
    // Parser errors (bad JSON 400, too large 413, wrong type 415) keep their status; no stack, no body echo.
    // Logged (route and code only): a platform whose deliveries are all refused must show up somewhere.
    log.warn({ status, code: err.code, method: req.method, route: req.routeOptions.url }, "http: request refused");
    return reply.code(status).send({ error: err.code ?? "bad request" });
  });

  app.addHook("onRequest", refuseWhileClosing(work));

  const now = deps.now ?? Date.now;
  const webSecret = resolveWebSessionSecret(config);
  const guard = createWebGuard({ store, secret: webSecret, perMinute: config.rateLimitPerIpPerMinute });
  const channels = channelMounts(deps, guard, webSecret, now);
  registerHealth(app, {
    store,
    live,
    metrics,
    work,
    channels: Object.fromEntries(channels.map((c) => [c.name, c.mode])),
    readiness: deps.readiness,
    platforms: deps.platforms,
  });
  registerStaticFiles(app, deps.publicDir ?? defaultPublicDir(), (req) => guard.limited(req, "page"));
  for (const channel of channels) await channel.register(app, work);
  if (deps.handover) registerHandoverMetrics(metrics.registry, deps.handover);
  await registerAdmin(app, { store, config, live, logger, handover: deps.handover });
  return app;
}

/** Every channel present, with its routes: the web chat always, the others when configured. */
function channelMounts(deps: ServerDeps, guard: WebGuard, webSecret: string, now: () => number): ChannelMount[] {
  const { config, live } = deps;
  const web = channelMount("web", "on", webRoutes, {
    dispatcher: deps.dispatcher,
    now,
    guard,
    sessionIds: createWebSessionIds(webSecret),
    // The menu a new conversation starts with: the engine's own, without opening a session.
    welcome: () => live.current().engine.handle({ type: "choice", choiceId: encodeChoice({ kind: "menu" }), channel: "web", chatId: "welcome", userId: "welcome", at: now() }, null).replies,
    liveSessions: createLiveWebSessions({ max: config.webSessionsMax, ttlMs: config.sessionTtlSeconds * 1000, now }),
    takeStaffReplies: deps.handover?.takeWebReplies,
  });
  const { telegram, zalo, zaloOa } = deps;
  return [
    web,
    ...(telegram ? [channelMount("telegram", telegram.mode.kind, telegramRoutes, { channel: telegram })] : []),
    ...(zalo ? [channelMount("zalo", zalo.mode.kind, zaloRoutes, { channel: zalo, secret: config.zalo?.secret })] : []),
    ...(zaloOa && config.zaloOa ? [channelMount("zalo-oa", "webhook", zaloOaRoutes, { channel: zaloOa, appId: config.zaloOa.appId, secretKey: config.zaloOa.secretKey })] : []),
  ];
}
