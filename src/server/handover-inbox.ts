import type { FastifyInstance } from "fastify";
import type { HandoverCase } from "../handover/case-store.js";
import type { Handover } from "../handover/handover.js";
import { CHANNEL_LABELS, INBOX_M as IM } from "../handover/messages.js";
import { html, type SafeHtml } from "../text/html.js";
import type { AdminGuard } from "./admin-auth.js";

export interface InboxDeps {
  handover: Handover;
  /** The admin login check: true when the request may go on (else it has answered 401/429). */
  guard: AdminGuard;
}

const time = (at: number) => new Date(at + 7 * 3600_000).toISOString().slice(0, 16).replace("T", " ");
const CASE_ID = /^\d{1,12}$/;

/**
 * The staff inbox, for offices without a Telegram group: `GET /admin/handover` lists open cases
 * with their messages, a reply form and a close button (plain forms: the admin pages run no
 * script). Same login as the dashboard.
 */
export function registerHandoverInbox(scope: FastifyInstance, deps: InboxDeps): void {
  const { handover, guard } = deps;

  scope.get("/admin/handover", async (req, reply) => {
    if (!(await guard(req, reply, true))) return reply;
    const open = (await handover.cases.listOpen()).sort((a, b) => a.openedAt - b.openedAt);
    const done = String((req.query as Record<string, unknown>).done ?? "");
    const notice = Object.hasOwn(IM.notice, done) ? IM.notice[done as keyof typeof IM.notice] : undefined;
    return reply.type("text/html; charset=utf-8").send(renderInbox(open, notice));
  });

  scope.get("/admin/handover.json", async (req, reply) => {
    if (!(await guard(req, reply, false))) return reply;
    return reply.send({ open: await handover.cases.listOpen(), stats: await handover.stats() });
  });

  scope.post("/admin/handover/:id/reply", async (req, reply) => {
    if (!(await guard(req, reply, false))) return reply;
    const id = (req.params as { id: string }).id;
    const text = (req.body as Record<string, unknown> | undefined)?.text;
    if (!CASE_ID.test(id)) return reply.code(404).send({ error: "not found" });
    if (typeof text !== "string" || !text.trim()) return reply.code(303).redirect("/admin/handover?done=empty");
    const result = await handover.staffReply(id, text.trim().slice(0, 4000));
    return reply.code(303).redirect(`/admin/handover?done=${result}`);
  });

  scope.post("/admin/handover/:id/close", async (req, reply) => {
    if (!(await guard(req, reply, false))) return reply;
    const id = (req.params as { id: string }).id;
    if (!CASE_ID.test(id)) return reply.code(404).send({ error: "not found" });
    await handover.close(id, "staff");
    return reply.code(303).redirect("/admin/handover?done=closed");
  });
}

function renderCase(c: HandoverCase): SafeHtml {
  const messages = c.messages.map(
    (m) =>
      html`<li class="${m.from}"><span class="who">${m.from === "staff" ? IM.staff : IM.citizen}</span> <time>${time(m.at)}</time>${c.failed.includes(m.id) && html` <strong class="failed">${IM.failed}</strong>`}<p>${m.text}</p></li>
`,
  );
  return html`<section class="case" id="case-${c.id}">
<h2>#${c.id} · ${CHANNEL_LABELS[c.channel] ?? c.channel} · <time>${time(c.openedAt)}</time></h2>
<p><strong>${IM.question}:</strong> ${c.question}</p>
<p class="muted"><strong>${IM.botAnswered}:</strong> ${c.lastAnswer}</p>
<ol class="messages">${messages}</ol>
<form method="post" action="/admin/handover/${c.id}/reply">
<label for="text-${c.id}" class="visually-hidden">${IM.placeholder}</label>
<textarea id="text-${c.id}" name="text" rows="3" required placeholder="${IM.placeholder}"></textarea>
<button type="submit">${IM.answer}</button>
</form>
<form method="post" action="/admin/handover/${c.id}/close"><button type="submit" class="secondary">${IM.close}</button></form>
</section>
`;
}

function renderInbox(open: HandoverCase[], notice?: string): string {
  return html`<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${IM.title}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f4f6f8;color:#1b2631;margin:0;padding:16px}
main{max-width:860px;margin:0 auto}h1{font-size:1.3rem}h2{font-size:1.05rem;margin:0 0 8px}
.case{background:#fff;border-radius:10px;padding:16px 20px;margin-bottom:16px;box-shadow:0 1px 3px rgba(0,0,0,.1)}
.messages{list-style:none;padding:0}.messages li{margin:6px 0;padding:6px 10px;border-radius:8px;background:#eef2f5}
.messages li.staff{background:#e3f1e8}.messages p{margin:4px 0 0;white-space:pre-wrap}.who{font-weight:600}
.muted{color:#5d6d7e}.failed{color:#c0392b}.notice{background:#fff8e1;padding:8px 12px;border-radius:8px}
textarea{width:100%;box-sizing:border-box;font:inherit;padding:6px 8px}button{font:inherit;padding:6px 16px;margin-top:6px}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
</style></head>
<body><main>
<p><a href="/admin">${IM.back}</a></p>
<h1>${IM.title}</h1>
${notice && html`<p class="notice" role="status">${notice}</p>`}
${open.length ? open.map(renderCase) : html`<p>${IM.none}</p>`}
</main></body></html>
`.value;
}
