import cookie from "@fastify/cookie";
import formbody from "@fastify/formbody";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Config } from "../config.js";
import { renderReportHtml, type LiveStatus } from "../feedback/html.js";
import { renderCsv } from "../feedback/render.js";
import { dateRange } from "../feedback/report.js";
import type { Handover } from "../handover/handover.js";
import { vietnamDay } from "../knowledge/dated.js";
import { reviewWarnings } from "../knowledge/review.js";
import type { Logger } from "../log.js";
import type { LiveCore } from "../runtime/live-core.js";
import type { RecordLog, SessionStore } from "../store/port.js";
import { AdminAuth, type AdminGuard } from "./admin-auth.js";
import { registerHandoverInbox } from "./handover-inbox.js";
import { createLoginThrottle, type LoginThrottle } from "./login-throttle.js";
import { createReportCache } from "./report-cache.js";

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
  handover?: Handover | undefined;
}

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
  const now = deps.now ?? Date.now;
  const auth = new AdminAuth({
    token: deps.config.adminToken,
    sessions: deps.store,
    throttle: deps.throttle ?? createLoginThrottle(),
    log: deps.logger.child({ component: "admin" }),
    now,
  });
  const reports = createReportCache({ store: deps.store, now });

  await app.register(async (scope) => {
    // The server may already parse forms or cookies; registering twice would throw.
    if (!scope.hasContentTypeParser("application/x-www-form-urlencoded")) await scope.register(formbody);
    if (!scope.hasDecorator("parseCookie")) await scope.register(cookie);
    scope.addHook("onSend", async (_req, reply) => {
      reply.headers(SECURITY_HEADERS);
    });
    auth.register(scope);
    registerReports(scope, { ...deps, guard: auth.guard, reports });
    if (deps.handover) registerHandoverInbox(scope, { handover: deps.handover, guard: auth.guard });
    // Anything else under /admin: nothing to see without auth, nothing there with it.
    scope.get("/admin/*", async (req, reply) => ((await auth.guard(req, reply, false)) ? reply.code(404).send({ error: "not found" }) : reply));
  });
}

type ReportDeps = AdminDeps & { guard: AdminGuard; reports: ReturnType<typeof createReportCache> };

/** GET /admin (the dashboard), /admin/report.json and /admin/feedback.csv, with the date filter. */
function registerReports(scope: FastifyInstance, deps: ReportDeps): void {
  const { guard, reports, store } = deps;

  scope.get("/admin", async (req, reply) => {
    if (!(await guard(req, reply, true))) return reply;
    const data = await checkedFilters(req, reply);
    if (!data) return reply;
    const report = await reports.get(data.f);
    const handover = deps.handover ? await deps.handover.stats(data.range) : undefined;
    const html = renderReportHtml(report, {
      handover,
      filterForm: true,
      exports: { csv: `/admin/feedback.csv${query(data.f)}`, json: `/admin/report.json${query(data.f)}` },
      logoutAction: "/admin/logout",
      live: liveStatus(deps),
    });
    return reply.type("text/html; charset=utf-8").send(html);
  });

  scope.get("/admin/report.json", async (req, reply) => {
    if (!(await guard(req, reply, false))) return reply;
    const data = await checkedFilters(req, reply);
    if (!data) return reply;
    const report = await reports.get(data.f);
    const status = deps.live.status();
    const handover = deps.handover ? await deps.handover.stats(data.range) : undefined;
    return reply.send({ ...report, handover, knowledge: { version: status.live, problems: status.problems.length, review: review(deps) } });
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
}

type DateFilter = { since?: string | undefined; until?: string | undefined };

function filters(req: FastifyRequest): DateFilter {
  const q = req.query as Record<string, unknown>;
  const pick = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : undefined);
  const since = pick(q.since);
  const until = pick(q.until);
  return { since, until };
}

/** The date filter of the request; null (after a 400) when a date is malformed. */
async function checkedFilters(req: FastifyRequest, reply: FastifyReply): Promise<{ f: DateFilter; range: { since?: number; until?: number } } | null> {
  const f = filters(req);
  try {
    return { f, range: dateRange(f.since, f.until) };
  } catch (err) {
    await reply.code(400).type("application/json").send({ error: (err as Error).message });
    return null;
  }
}

function query(f: DateFilter): string {
  const p = new URLSearchParams();
  if (f.since) p.set("since", f.since);
  if (f.until) p.set("until", f.until);
  const s = p.toString();
  return s ? `?${s}` : "";
}

/** What staff must re-check today (the same list as `dvc-bot check` prints). */
function review(deps: Pick<AdminDeps, "live" | "config">) {
  const k = deps.live.current().engine.knowledge;
  return reviewWarnings(k.reviews, k.superseded, deps.config.today ?? vietnamDay(Date.now()));
}

/** The running knowledge, its errors and today's review list, for the dashboard. */
function liveStatus(deps: Pick<AdminDeps, "live" | "config">): LiveStatus {
  const status = deps.live.status();
  return {
    id: status.live.id,
    loadedAt: status.live.loadedAt,
    entries: status.live.entries,
    flows: status.live.flows,
    files: status.live.files,
    problems: status.problems,
    lastAttemptOk: status.lastAttemptOk,
    review: review(deps),
  };
}
