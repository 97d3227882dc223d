import { createHmac } from "node:crypto";
import { vietnamDay } from "../knowledge/dated.js";
import { reviewWarnings } from "../knowledge/review.js";
import cookie from "@fastify/cookie";
import formbody from "@fastify/formbody";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { LiveCore } from "../app/live-core.js";
import type { Config } from "../config.js";
import { renderReportHtml } from "../feedback/html.js";
import { renderCsv } from "../feedback/render.js";
import { computeReport, dateRange } from "../feedback/report.js";
import type { Logger } from "../log.js";
import type { Store } from "../store/port.js";
import { secretMatches } from "./secret.js";

export interface AdminDeps {
  store: Store;
  config: Config;
  live: LiveCore;
  logger: Logger;
}

const COOKIE = "dvc_admin";
/** How long a dashboard login lasts. */
const COOKIE_MAX_AGE_S = 8 * 3600;
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
 * gets in (401). The cookie holds an HMAC of the token, never the token itself.
 */
export async function registerAdmin(app: FastifyInstance, deps: AdminDeps): Promise<void> {
  /** What staff must re-check today (the same list as `dvc-bot check` prints). */
  const review = () => {
    const k = deps.live.current().engine.knowledge;
    return reviewWarnings(k.reviews, k.superseded, deps.config.today ?? vietnamDay(Date.now()));
  };
  const { store, config, live, logger } = deps;
  const token = config.adminToken;
  const cookieValue = token ? createHmac("sha256", token).update("dvc-bot admin session v1").digest("hex") : undefined;
  const log = logger.child({ component: "admin" });

  await app.register(async (scope) => {
    // The server may already parse forms or cookies; registering twice would throw.
    if (!scope.hasContentTypeParser("application/x-www-form-urlencoded")) await scope.register(formbody);
    if (!scope.hasDecorator("parseCookie")) await scope.register(cookie);

    scope.addHook("onSend", async (_req, reply) => {
      reply.headers(SECURITY_HEADERS);
    });

    const authorized = (req: FastifyRequest): boolean => {
      if (!token || !cookieValue) return false;
      const auth = req.headers.authorization;
      if (typeof auth === "string" && /^bearer\s+/i.test(auth)) return secretMatches(token, auth.replace(/^bearer\s+/i, "").trim());
      const c = (req as FastifyRequest & { cookies?: Record<string, string | undefined> }).cookies?.[COOKIE];
      return secretMatches(cookieValue, c);
    };

    const filters = (req: FastifyRequest): { since?: string; until?: string } => {
      const q = req.query as Record<string, unknown>;
      const pick = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : undefined);
      const since = pick(q.since);
      const until = pick(q.until);
      return { ...(since ? { since } : {}), ...(until ? { until } : {}) };
    };

    /** Reads the records of the filter; null (after a 400) when a date is malformed. */
    const load = async (req: FastifyRequest, reply: FastifyReply) => {
      const f = filters(req);
      let range: { since?: number; until?: number };
      try {
        range = dateRange(f.since, f.until);
      } catch (err) {
        await reply.code(400).type("application/json").send({ error: (err as Error).message });
        return null;
      }
      const [survey, helpful, unanswered] = await Promise.all([store.read("survey", range), store.read("helpful", range), store.read("unanswered", range)]);
      return { f, range, survey, helpful, unanswered };
    };

    const query = (f: { since?: string; until?: string }) => {
      const p = new URLSearchParams(f as Record<string, string>).toString();
      return p ? `?${p}` : "";
    };

    const loginPage = (reply: FastifyReply, status: number, error?: string) =>
      reply.code(status).type("text/html; charset=utf-8").send(renderLogin(Boolean(token), error));

    scope.get("/admin/login", async (_req, reply) => loginPage(reply, 200));

    scope.post("/admin/login", async (req, reply) => {
      const given = (req.body as Record<string, unknown> | undefined)?.token;
      if (!token || !cookieValue || !secretMatches(token, typeof given === "string" ? given.trim() : undefined)) {
        log.warn("admin: failed login");
        return loginPage(reply, 401, "Mã truy cập không đúng.");
      }
      reply.setCookie(COOKIE, cookieValue, {
        path: "/admin",
        httpOnly: true,
        sameSite: "strict",
        secure: req.protocol === "https",
        maxAge: COOKIE_MAX_AGE_S,
      });
      return reply.code(303).redirect("/admin");
    });

    scope.post("/admin/logout", async (_req, reply) => {
      reply.clearCookie(COOKIE, { path: "/admin" });
      return reply.code(303).redirect("/admin/login");
    });

    scope.get("/admin", async (req, reply) => {
      if (!authorized(req)) return loginPage(reply, 401);
      const data = await load(req, reply);
      if (!data) return reply;
      const status = live.status();
      const report = computeReport(data, { ...data.f, now: Date.now() });
      const html = renderReportHtml(report, {
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
      if (!authorized(req)) return reply.code(401).send({ error: "unauthorized" });
      const data = await load(req, reply);
      if (!data) return reply;
      const report = computeReport(data, { ...data.f, now: Date.now() });
      const status = live.status();
      return reply.send({ ...report, knowledge: { version: status.live, problems: status.problems.length, review: review() } });
    });

    scope.get("/admin/feedback.csv", async (req, reply) => {
      if (!authorized(req)) return reply.code(401).send({ error: "unauthorized" });
      const data = await load(req, reply);
      if (!data) return reply;
      const name = `phieu-khao-sat${data.f.since ? `-${data.f.since}` : ""}${data.f.until ? `-${data.f.until}` : ""}.csv`;
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${name}"`)
        .send(renderCsv(data.survey, data.range));
    });

    // Anything else under /admin: nothing to see without auth, nothing there with it.
    scope.get("/admin/*", async (req, reply) => (authorized(req) ? reply.code(404).send({ error: "not found" }) : reply.code(401).send({ error: "unauthorized" })));
  });
}

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
main{background:#fff;border-radius:10px;padding:24px 28px;box-shadow:0 1px 3px rgba(0,0,0,.1);width:min(360px,90vw)}
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
