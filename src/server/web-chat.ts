import { createHmac } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { Dispatcher } from "../runtime/dispatcher.js";
import { renderWeb } from "../channels/web/render.js";
import type { LiveWebSessions, WebSessionIds } from "../channels/web/session-ids.js";
import { webChatRequestSchema, webToInbound } from "../channels/web/to-inbound.js";
import { M } from "../engine/messages.js";
import type { Reply } from "../engine/types.js";
import type { Guards } from "../store/port.js";
import type { WorkTracker } from "./work.js";

/**
 * New web sessions one client address may open per hour, per request allowed per minute: a page
 * reload keeps its session, so a person needs few (default 60 requests/min → 30 sessions/hour).
 */
export const NEW_SESSIONS_PER_HOUR_PER_RATE = 0.5;

export interface WebGuardOptions {
  store: Guards;
  /** Signs client addresses into keys, so no raw address reaches the store. */
  secret: string;
  /** Requests per client address per minute (RATE_LIMIT_PER_IP_PER_MINUTE). */
  perMinute: number;
}

/**
 * Per-client limits of the public web routes. The client address is `req.ip`: the TCP peer, or
 * the X-Forwarded-For client when TRUST_PROXY says which proxies to believe (fastify's
 * `trustProxy`); without it a forged header changes nothing.
 */
export function createWebGuard(options: WebGuardOptions) {
  const { store, perMinute } = options;
  const newPerHour = Math.max(1, Math.ceil(perMinute * NEW_SESSIONS_PER_HOUR_PER_RATE));
  const origin = (req: FastifyRequest) => createHmac("sha256", options.secret).update(`client:${req.ip}`).digest("hex").slice(0, 16);
  return {
    origin,
    /** Counts a request of this client; how long to wait when over the limit, else 0. */
    async limited(req: FastifyRequest, route: "page" | "chat"): Promise<number> {
      const r = await store.rateLimit(`ip:${route}:${origin(req)}`, perMinute, 60);
      return r.allowed ? 0 : r.retryAfterSeconds;
    },
    /** Counts a new session for this client; how long to wait when it opened too many, else 0. */
    async newSessionLimited(req: FastifyRequest): Promise<number> {
      const r = await store.rateLimit(`ip:new-session:${origin(req)}`, newPerHour, 3600);
      return r.allowed ? 0 : r.retryAfterSeconds;
    },
  };
}

export type WebGuard = ReturnType<typeof createWebGuard>;

export interface WebChatDeps {
  dispatcher: Dispatcher;
  work: WorkTracker;
  now: () => number;
  guard: WebGuard;
  sessionIds: WebSessionIds;
  liveSessions: LiveWebSessions;
  /** Staff replies waiting for a web chat (hand-over); absent → no poll route. */
  takeStaffReplies?: (sessionId: string) => Promise<Reply[]>;
  /** The replies a new conversation starts with (the menu), for GET /api/chat/welcome. */
  welcome?: () => Reply[];
}

const pollSchema = z.object({ sessionId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) }).strict();

const say = (text: string): Reply[] => [{ blocks: [{ type: "text", text }] }];

/**
 * POST /api/chat: `{sessionId?, text? | choiceId?}` → `{sessionId, replies}`. The answer is the
 * response itself. Session ids are issued and signed here; an id the server did not sign (made
 * up by a client, or from before signing) is replaced by a new one, as if none was sent. Refusals
 * (429 too fast, 503 full) still carry `replies` the page shows, so a person always reads why.
 */
export function registerWebChat(app: FastifyInstance, deps: WebChatDeps): void {
  const { dispatcher, work, now, guard, sessionIds, liveSessions } = deps;
  const refuse = (reply: FastifyReply, status: number, waitS: number, text: string) =>
    reply.code(status).header("retry-after", String(waitS)).header("cache-control", "no-store").send({ error: status === 429 ? "rate limited" : "busy", replies: say(text) });

  // The page shows the menu on load, before any message: read-only, no session, counted as a page load.
  app.get("/api/chat/welcome", async (req, reply) => {
    const waitS = await guard.limited(req, "page");
    if (waitS > 0) return refuse(reply, 429, waitS, M.slowDown);
    return reply.header("cache-control", "no-store").send({ replies: (deps.welcome?.() ?? []).map(renderWeb) });
  });

  app.post("/api/chat", async (req, reply) => {
    if (work.closing) return reply.code(503).header("retry-after", "5").send({ error: "shutting down" });
    const parsed = webChatRequestSchema.safeParse(req.body ?? {});
    if (!parsed.success) return reply.code(400).send({ error: z.prettifyError(parsed.error) });
    const waitS = await guard.limited(req, "chat");
    if (waitS > 0) return refuse(reply, 429, waitS, M.slowDown);

    let sessionId = parsed.data.sessionId;
    if (sessionId && sessionIds.verify(sessionId)) liveSessions.touch(sessionId);
    else {
      const newWait = await guard.newSessionLimited(req);
      if (newWait > 0) return refuse(reply, 429, newWait, M.slowDown);
      sessionId = sessionIds.issue();
      if (!liveSessions.open(sessionId)) return refuse(reply, 503, 60, M.busy);
    }
    const replies = await work.track(dispatcher.process(webToInbound(parsed.data, sessionId, now(), guard.origin(req))));
    return reply.header("cache-control", "no-store").send({ sessionId, replies: (replies ?? []).map(renderWeb) });
  });

  /**
   * POST /api/chat/poll `{sessionId}` → `{replies}`: what office staff wrote to this chat since
   * the last poll (hand-over). The page polls while it is open; replies are handed out once.
   */
  const take = deps.takeStaffReplies;
  if (take) {
    app.post("/api/chat/poll", async (req, reply) => {
      const parsed = pollSchema.safeParse(req.body ?? {});
      if (!parsed.success || !sessionIds.verify(parsed.data.sessionId)) return reply.code(400).send({ error: "unknown session" });
      const waitS = await guard.limited(req, "chat");
      if (waitS > 0) return reply.code(429).header("retry-after", String(waitS)).send({ error: "rate limited", replies: [] });
      const replies = await take(parsed.data.sessionId);
      return reply.header("cache-control", "no-store").send({ replies: replies.map(renderWeb) });
    });
  }
}
