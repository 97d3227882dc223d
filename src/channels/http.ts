import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest, RawServerDefault } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { WorkTracker } from "../runtime/work.js";
import { secretMatches } from "../text/hash.js";

declare module "fastify" {
  interface FastifyContextConfig {
    /**
     * The route starts work for the bot (a webhook update, a chat message): while the server shuts
     * down it is refused with 503 by the server's one `onRequest` hook, before anything else runs.
     */
    takesWork?: boolean;
  }
}

/** What the server hands every channel's routes plugin. */
export interface ChannelRoutesOptions {
  /** Work accepted but not finished: answers run in the background under it, so shutdown waits. */
  work: WorkTracker;
}

/** A channel's routes as the server mounts them: all alike, by name, each its own plugin scope. */
export interface ChannelMount {
  readonly name: string;
  /** How the channel receives updates ("webhook", "polling", "on"), for /healthz. */
  readonly mode: string;
  register(app: FastifyInstance, work: WorkTracker): Promise<void>;
}

/** A channel's routes plugin with its options, ready for the server to mount. */
export function channelMount<O extends object>(
  name: string,
  mode: string,
  plugin: FastifyPluginAsync<O & ChannelRoutesOptions, RawServerDefault, ZodTypeProvider>,
  options: O,
): ChannelMount {
  return {
    name,
    mode,
    async register(app, work) {
      await app.register(plugin, { ...options, work });
    },
  };
}

/**
 * An `onRequest` hook that refuses a request without the platform's secret header (401), before
 * its body is read. Without a configured secret: `open` accepts every request, `closed` none.
 */
export function requireSecretHeader(header: string, secret: string | undefined, unset: "open" | "closed") {
  return async (req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    if (secret === undefined ? unset === "open" : secretMatches(secret, req.headers[header])) return undefined;
    return reply.code(401).send({ error: "unauthorized" });
  };
}

/** The 503 a work-taking route answers while the server shuts down (see `takesWork`). */
export function refuseWhileClosing(work: WorkTracker) {
  return async (req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    if (!work.closing || !req.routeOptions.config.takesWork) return undefined;
    return reply.code(503).header("retry-after", "5").send({ error: "shutting down" });
  };
}

/** A valid update: acknowledged at once (platforms resend slow webhooks) and answered in the background under `work`. */
export function acknowledge(reply: FastifyReply, work: WorkTracker, answering: Promise<void>): FastifyReply {
  void work.track(answering);
  return reply.code(200).send({ ok: true });
}

/** A body the route's schema refused: logged by the channel (what was wrong, the body's shape only), then 400. */
export function refuseEvent(
  reply: FastifyReply,
  error: string,
  channel: { rejected(body: unknown, issues: string[]): void },
  body: unknown,
  check: (body: unknown) => { ok: true } | { ok: false; issues: string[] },
): FastifyReply {
  const checked = check(body);
  channel.rejected(body, checked.ok ? [] : checked.issues);
  return reply.code(400).send({ error });
}
