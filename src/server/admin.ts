import { createHmac, randomBytes } from "node:crypto";
import { vietnamDay } from "../knowledge/dated.js";
import { reviewWarnings } from "../knowledge/review.js";
import cookie from "@fastify/cookie";
import formbody from "@fastify/formbody";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { LiveCore } from "../runtime/live-core.js";
import type { Config } from "../config.js";
import { renderReportHtml } from "../feedback/html.js";
import { renderCsv } from "../feedback/render.js";
import { dateRange } from "../feedback/report.js";
import type { Logger } from "../log.js";
import type { RecordLog, SessionStore } from "../store/port.js";
import { newSession } from "../engine/types.js";
import type { Handover } from "../handover/handover.js";
import { registerHandoverInbox } from "./handover-inbox.js";
import { createLoginThrottle, type LoginThrottle } from "./login-throttle.js";
import { createReportCache } from "./report-cache.js";
import { secretMatches } from "./secret.js";

export interface AdminDeps {
  /** Login sessions, and the records the dashboard reports on. */
  store: SessionStore & RecordLog;
  config: Config;
  live: LiveCore;
  logger: Logger;
  /** Default: 5 failures per address per 15 minutes. */
  throttle?: LoginThrottle;
  now?: () => number;
  /** Present → the staff inbox (/admin/handover) and the hand-over numbers on the dashboard. */
  handover?: Handover;
}

const COOKIE = "dvc_admin";
/** How long a dashboard login lasts (the server forgets it then, whatever the browser keeps). */
const LOGIN_TTL_S = 8 * 3600;
const SECURITY_HEADERS = {
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
  // The pages have no script at all; inline styles only.
  "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
};

/**
 * The administrators' side: `GET /admin` (dashboard), `GET /admin/report.json`,
 * `GET /admin/feedback.csv`, and a login form that sets an HttpOnly cookie. Access needs
 * `Authorization: Bearer <ADMIN_TOKEN>` or that cookie; without ADMIN_TOKEN configured nobody
 * gets in (401). The cookie holds a random login id that the server keeps in the store's
 * sessions for 8 hours: logout deletes it there, so a copied cookie dies with the logout, and a
 * changed ADMIN_TOKEN ends every login. Failed attempts (form or bearer) are throttled per
 * client address, and logged with that address, never with what was typed.
 */
export async function registerAdmin(app: FastifyInstance, deps: AdminDeps): Promise<void> {
  /** What staff must re-check today (the same list as `dvc-bot check` prints). */
  const review = () => {
    const k = deps.live.current().engine.knowledge;
    return reviewWarnings(k.reviews, k.superseded, deps.config.today ?? vietnamDay(Date.now()));
  };
  const { store, config, live, logger } = deps;
  const token = config.adminToken;
  const log = logger.child({ component: "admin" });
  const throttle = deps.throttle ?? createLoginThrottle();
  const now = deps.now ?? Date.now;
  const reports = createReportCache({ store, now });
  // Keyed by an HMAC under the token: the store never holds a usable cookie, and a new token
  // makes every old login id unknown.
  const loginKey = (id: string) => `admin-login:${createHmac("sha256", token ?? "").update(id).digest("hex").slice(0, 32)}`;

  await app.register(async (scope) => {
    // The server may already parse forms or cookies; registering twice would throw.
    if (!scope.hasContentTypeParser("application/x-www-form-urlencoded")) await scope.register(formbody);
    if (!scope.hasDecorator("parseCookie")) await scope.register(cookie);

    scope.addHook("onSend", async (_req, reply) => {
      reply.headers(SECURITY_HEADERS);
    });

    const cookieOf = (req: FastifyRequest) => (req as FastifyRequest & { cookies?: Record<string, string | undefined> }).cookies?.[COOKIE];

    /** Bearer token or a live login cookie. A wrong bearer token counts as a failed login. */
    const authorized = async (req: FastifyRequest): Promise<boolean> => {
      if (!token) return false;
      const auth = req.headers.authorization;
      if (typeof auth === "string" && /^bearer\s+/i.test(auth)) {
        if (throttle.blockedFor(req.ip) > 0) return false;
        if (secretMatches(token, auth.replace(/^bearer\s+/i, "").trim())) return true;
        failedLogin(req, "bearer");
        return false;
      }
      const id = cookieOf(req);
      if (typeof id !== "string" || !/^[A-Za-z0-9_-]{43}$/.test(id)) return false;
      return (await store.getSession(loginKey(id))) !== null;
    };

    const failedLogin = (req: FastifyRequest, via: "form" | "bearer") => {
      throttle.failed(req.ip);
      log.warn({ ip: req.ip, via }, "admin: failed login");
    };

    const filters = (req: FastifyRequest): { since?: string; until?: string } => {
      const q = req.query as Record<string, unknown>;
      const pick = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : undefined);
      const since = pick(q.since);
      const until = pick(q.until);
      return { ...(since ? { since } : {}), ...(until ? { until } : {}) };
    };

    /** The date filter of the request; null (after a 400) when a date is malformed. */
    const checkedFilters = async (req: FastifyRequest, reply: FastifyReply) => {
      const f = filters(req);
      try {
        return { f, range: dateRange(f.since, f.until) };
      } catch (err) {
        await reply.code(400).type("application/json").send({ error: (err as Error).message });
        return null;
      }
    };

    const query = (f: { since?: string; until?: string }) => {
      const p = new URLSearchParams(f as Record<string, string>).toString();
      return p ? `?${p}` : "";
    };

    const loginPage = (reply: FastifyReply, status: number, error?: string) =>
      reply.code(status).type("text/html; charset=utf-8").send(renderLogin(Boolean(token), error));

    const tooManyAttempts = (reply: FastifyReply, waitS: number) =>
      reply.header("retry-after", String(waitS)).code(429).type("text/html; charset=utf-8").send(renderLogin(Boolean(token), ADMIN_M.tooManyAttempts(waitS)));

    scope.get("/admin/login", async (_req, reply) => loginPage(reply, 200));

    scope.post("/admin/login", async (req, reply) => {
      const waitS = throttle.blockedFor(req.ip);
      if (waitS > 0) return tooManyAttempts(reply, waitS);
      const given = (req.body as Record<string, unknown> | undefined)?.token;
      if (!token || !secretMatches(token, typeof given === "string" ? given.trim() : undefined)) {
        if (token) failedLogin(req, "form");
        return loginPage(reply, 401, ADMIN_M.wrongToken);
      }
      throttle.succeeded(req.ip);
      const id = randomBytes(32).toString("base64url");
      await store.setSession(loginKey(id), { ...newSession(), updatedAt: now() }, LOGIN_TTL_S);
      reply.setCookie(COOKIE, id, {
        path: "/admin",
        httpOnly: true,
        sameSite: "strict",
        // Behind a TLS proxy req.protocol is "https" only when TRUST_PROXY lets X-Forwarded-Proto count.
        secure: req.protocol === "https",
        maxAge: LOGIN_TTL_S,
      });
      return reply.code(303).redirect("/admin");
    });

    scope.post("/admin/logout", async (req, reply) => {
      const id = cookieOf(req);
      if (token && typeof id === "string" && id) await store.deleteSession(loginKey(id));
      reply.clearCookie(COOKIE, { path: "/admin" });
      return reply.code(303).redirect("/admin/login");
    });

    /** 429 while the address is throttled, 401 otherwise; true when the request may go on. */
    const guard = async (req: FastifyRequest, reply: FastifyReply, page: boolean): Promise<boolean> => {
      // Blocked before this attempt: 429. The attempt that reaches the limit still gets its 401.
      const waitS = throttle.blockedFor(req.ip);
      if (await authorized(req)) return true;
      if (waitS > 0 && page) await tooManyAttempts(reply, waitS);
      else if (waitS > 0) await reply.header("retry-after", String(waitS)).code(429).send({ error: "too many failed logins" });
      else if (page) await loginPage(reply, 401);
      else await reply.code(401).send({ error: "unauthorized" });
      return false;
    };

    scope.get("/admin", async (req, reply) => {
      if (!(await guard(req, reply, true))) return reply;
      const data = await checkedFilters(req, reply);
      if (!data) return reply;
      const status = live.status();
      const report = await reports.get(data.f, data.range);
      const handover = deps.handover ? await deps.handover.stats(data.range) : undefined;
      const html = renderReportHtml(report, {
        ...(handover ? { handover } : {}),
        filterForm: true,
        exports: { csv: `/admin/feedback.csv${query(data.f)}`, json: `/admin/report.json${query(data.f)}` },
        logoutAction: "/admin/logout",
        live: {
          id: status.live.id,
          loadedAt: status.live.loadedAt,
          entries: status.live.entries,
          flows: status.live.flows,
          files: status.live.files,
          problems: status.problems,
          lastAttemptOk: status.lastAttemptOk,
          review: review(),
        },
      });
      return reply.type("text/html; charset=utf-8").send(html);
    });

    scope.get("/admin/report.json", async (req, reply) => {
      if (!(await guard(req, reply, false))) return reply;
      const data = await checkedFilters(req, reply);
      if (!data) return reply;
      const report = await reports.get(data.f, data.range);
      const status = live.status();
      const handover = deps.handover ? await deps.handover.stats(data.range) : undefined;
      return reply.send({ ...report, ...(handover ? { handover } : {}), knowledge: { version: status.live, problems: status.problems.length, review: review() } });
    });

    scope.get("/admin/feedback.csv", async (req, reply) => {
      if (!(await guard(req, reply, false))) return reply;
      const data = await checkedFilters(req, reply);
      if (!data) return reply;
      const survey = await store.read("survey", data.range);
      const name = `phieu-khao-sat${data.f.since ? `-${data.f.since}` : ""}${data.f.until ? `-${data.f.until}` : ""}.csv`;
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${name}"`)
        .send(renderCsv(survey, data.range));
    });

    if (deps.handover) registerHandoverInbox(scope, { handover: deps.handover, guard });

    // Anything else under /admin: nothing to see without auth, nothing there with it.
    scope.get("/admin/*", async (req, reply) => ((await guard(req, reply, false)) ? reply.code(404).send({ error: "not found" }) : reply));
  });
}

/** The login page's words (administrators read Vietnamese). */
const ADMIN_M = {
  wrongToken: "Mã truy cập không đúng.",
  tooManyAttempts: (waitS: number) => `Nhập sai quá nhiều lần. Vui lòng thử lại sau ${Math.ceil(waitS / 60)} phút.`,
};

function renderLogin(enabled: boolean, error?: string): string {
  const body = enabled
    ? `<form method="post" action="/admin/login">
<label for="token">Mã truy cập quản trị</label>
<input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
<button type="submit">Đăng nhập</button>
</form>`
    : `<p>Trang quản trị đang tắt: chưa cấu hình ADMIN_TOKEN.</p>`;
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Đăng nhập — Mức độ hài lòng</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f4f6f8;color:#1b2631;display:flex;justify-content:center;padding-top:12vh;margin:0}
main{box-sizing:border-box;background:#fff;border-radius:10px;padding:24px 20px;box-shadow:0 1px 3px rgba(0,0,0,.1);width:min(360px,calc(100vw - 24px))}
h1{font-size:1.2rem;margin-top:0}label{display:block;margin-bottom:6px}
input{width:100%;box-sizing:border-box;font:inherit;padding:6px 8px;margin-bottom:12px}
button{font:inherit;padding:6px 16px}.error{color:#c0392b}
</style></head>
<body><main>
<h1>Báo cáo mức độ hài lòng</h1>
${error ? `<p class="error">${error}</p>` : ""}
${body}
</main></body></html>
`;
}
