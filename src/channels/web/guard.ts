import { createHmac } from "node:crypto";
import type { FastifyRequest } from "fastify";
import type { Guards } from "../../store/port.js";

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
