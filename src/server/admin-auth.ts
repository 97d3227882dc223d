import { createHmac, randomBytes } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { newSession } from "../engine/types.js";
import type { Logger } from "../log.js";
import type { Store } from "../store/port.js";
import type { LoginThrottle } from "./login-throttle.js";
import { ADMIN_M, renderLogin } from "./login-page.js";
import { secretMatches } from "../text/hash.js";

const COOKIE = "dvc_admin";
/** How long a dashboard login lasts (the server forgets it then, whatever the browser keeps). */
const LOGIN_TTL_S = 8 * 3600;
/** A login id as the cookie carries it: 32 random bytes, base64url. */
const LOGIN_ID = /^[A-Za-z0-9_-]{43}$/;
const BEARER = /^bearer\s+/i;

export interface AdminAuthOptions {
  /** ADMIN_TOKEN; absent → nobody gets in. */
  token: string | undefined;
  /** Where logins are kept (the chat store's sessions, with a TTL). */
  sessions: Pick<Store, "getSession" | "setSession" | "deleteSession">;
  throttle: LoginThrottle;
  log: Logger;
  now: () => number;
}

/** The admin login check: true when the request may go on (else it has answered 401/429). */
export type AdminGuard = (req: FastifyRequest, reply: FastifyReply, page: boolean) => Promise<boolean>;

/**
 * Access to /admin: `Authorization: Bearer <ADMIN_TOKEN>` or the login cookie. The cookie holds a
 * random login id that the server keeps for 8 hours: logout deletes it, so a copied cookie dies
 * with the logout, and a changed ADMIN_TOKEN ends every login. Failed attempts (form or bearer)
 * are throttled per client address, and logged with that address, never with what was typed.
 */
export class AdminAuth {
  constructor(private readonly o: AdminAuthOptions) {}

  /** 429 while the address is throttled, 401 otherwise; true when the request may go on. */
  readonly guard: AdminGuard = async (req, reply, page) => {
    // Blocked before this attempt: 429. The attempt that reaches the limit still gets its 401.
    const waitS = this.o.throttle.blockedFor(req.ip);
    if (await this.authorized(req)) return true;
    if (waitS > 0 && page) await this.tooManyAttempts(reply, waitS);
    else if (waitS > 0) await reply.header("retry-after", String(waitS)).code(429).send({ error: "too many failed logins" });
    else if (page) await this.loginPage(reply, 401);
    else await reply.code(401).send({ error: "unauthorized" });
    return false;
  };

  /** GET/POST /admin/login and POST /admin/logout. */
  register(scope: FastifyInstance): void {
    scope.get("/admin/login", async (_req, reply) => this.loginPage(reply, 200));
    scope.post("/admin/login", async (req, reply) => this.login(req, reply));
    scope.post("/admin/logout", async (req, reply) => this.logout(req, reply));
  }

  /** Bearer token or a live login cookie. A wrong bearer token counts as a failed login. */
  private async authorized(req: FastifyRequest): Promise<boolean> {
    const { token, throttle } = this.o;
    if (!token) return false;
    const auth = req.headers.authorization;
    if (typeof auth === "string" && BEARER.test(auth)) {
      if (throttle.blockedFor(req.ip) > 0) return false;
      if (secretMatches(token, auth.replace(BEARER, "").trim())) return true;
      this.failedLogin(req, "bearer");
      return false;
    }
    const id = cookieOf(req);
    if (typeof id !== "string" || !LOGIN_ID.test(id)) return false;
    return (await this.o.sessions.getSession(this.loginKey(id))) !== null;
  }

  private async login(req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const { token, throttle } = this.o;
    const waitS = throttle.blockedFor(req.ip);
    if (waitS > 0) return this.tooManyAttempts(reply, waitS);
    const given = (req.body as Record<string, unknown> | undefined)?.token;
    if (!token || !secretMatches(token, typeof given === "string" ? given.trim() : undefined)) {
      if (token) this.failedLogin(req, "form");
      return this.loginPage(reply, 401, ADMIN_M.wrongToken);
    }
    throttle.succeeded(req.ip);
    const id = randomBytes(32).toString("base64url");
    await this.o.sessions.setSession(this.loginKey(id), { ...newSession(), updatedAt: this.o.now() }, LOGIN_TTL_S);
    reply.setCookie(COOKIE, id, {
      path: "/admin",
      httpOnly: true,
      sameSite: "strict",
      // Behind a TLS proxy req.protocol is "https" only when TRUST_PROXY lets X-Forwarded-Proto count.
      secure: req.protocol === "https",
      maxAge: LOGIN_TTL_S,
    });
    return reply.code(303).redirect("/admin");
  }

  private async logout(req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const id = cookieOf(req);
    if (this.o.token && typeof id === "string" && id) await this.o.sessions.deleteSession(this.loginKey(id));
    reply.clearCookie(COOKIE, { path: "/admin" });
    return reply.code(303).redirect("/admin/login");
  }

  /**
   * The store key of a login id: an HMAC under the token, so the store never holds a usable
   * cookie, and a new token makes every old login id unknown.
   */
  private loginKey(id: string): string {
    return `admin-login:${createHmac("sha256", this.o.token ?? "").update(id).digest("hex").slice(0, 32)}`;
  }

  private failedLogin(req: FastifyRequest, via: "form" | "bearer"): void {
    this.o.throttle.failed(req.ip);
    this.o.log.warn({ ip: req.ip, via }, "admin: failed login");
  }

  private loginPage(reply: FastifyReply, status: number, error?: string): FastifyReply {
    return reply.code(status).type("text/html; charset=utf-8").send(renderLogin(Boolean(this.o.token), error));
  }

  private tooManyAttempts(reply: FastifyReply, waitS: number): FastifyReply {
    return reply.header("retry-after", String(waitS)).code(429).type("text/html; charset=utf-8").send(renderLogin(Boolean(this.o.token), ADMIN_M.tooManyAttempts(waitS)));
  }
}

function cookieOf(req: FastifyRequest): string | undefined {
  return (req as FastifyRequest & { cookies?: Record<string, string | undefined> }).cookies?.[COOKIE];
}
