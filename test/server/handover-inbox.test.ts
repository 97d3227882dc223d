import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import type { CaseStore } from "../../src/handover/case-store.js";
import { silentLogger } from "../../src/log.js";
import { createLiveCore } from "../../src/runtime/live-core.js";
import { registerAdmin } from "../../src/server/admin.js";
import { createEmbeddedStore } from "../../src/store/embedded.js";
import type { Store } from "../../src/store/port.js";
import { memoryHandover } from "../handover/memory-handover.js";

/** The staff inbox page and its forms (the Telegram group side: test/server/handover.test.ts). */

const FIXTURES = join(import.meta.dirname, "../fixtures");
const TOKEN = "inbox_test_token_0123456789";
const AUTH = { authorization: `Bearer ${TOKEN}` };
const FORM = { "content-type": "application/x-www-form-urlencoded", ...AUTH };
let dir: string;
let store: Store;
let cases: CaseStore;
let app: FastifyInstance;
const delivered: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "dvc-inbox-"));
  store = await createEmbeddedStore({ dataDir: dir, logger: silentLogger() });
  const made = await memoryHandover(store, {
    deliverers: { zalo: async (_chat, replies) => void delivered.push(replies.flatMap((r) => r.blocks.map((b) => ("text" in b ? b.text : ""))).join(" ")) },
    retryDelaysMs: [],
  });
  cases = made.cases;
  const handover = made.handover;
  const { live } = createLiveCore({ knowledgeDir: join(FIXTURES, "knowledge"), flowsDir: join(FIXTURES, "flows") });
  app = Fastify();
  await registerAdmin(app, { store, config: loadConfig({ DATA_DIR: dir, ADMIN_TOKEN: TOKEN }), live, logger: silentLogger(), handover });
  await app.ready();
});

afterAll(async () => {
  await app.close();
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const page = async (url = "/admin/handover") => (await app.inject({ url, headers: AUTH })).body;

describe("/admin/handover", () => {
  it("lists the open cases with what the citizen typed shown as text, never as markup", async () => {
    const attack = `<script>alert("x")</script> & 'quote'`;
    const c = await cases.open({ channel: "zalo", chatId: "z1", chatKey: "zalo:k1", question: attack, lastAnswer: "<b>trợ lý</b>", openedAt: Date.UTC(2026, 11, 2, 2) });
    await cases.addMessage(c.id, { id: "m1", from: "citizen", text: attack, at: Date.UTC(2026, 11, 2, 2, 5) });
    const html = await page();
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>trợ lý");
    expect(html.split("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quote&#39;").length - 1).toBe(2);
    expect(html).toContain(`action="/admin/handover/${c.id}/reply"`);
    expect(html).toContain("09:00"); // opened at 02:00 UTC, shown in Vietnam time
    expect(html).toContain("Zalo");
  });

  it("answers from the form reach the citizen and say so; an unknown notice shows nothing", async () => {
    const [c] = await cases.listOpen();
    const res = await app.inject({ method: "POST", url: `/admin/handover/${c!.id}/reply`, payload: "text=Ch%C3%A0o%20b%E1%BA%A1n", headers: FORM });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/admin/handover?done=delivered");
    expect(delivered.at(-1)).toContain("Chào bạn");
    expect(await page("/admin/handover?done=delivered")).toContain('<p class="notice" role="status">Đã gửi trả lời.</p>');
    expect(await page("/admin/handover?done=constructor")).not.toContain('class="notice"');
    const empty = await app.inject({ method: "POST", url: `/admin/handover/${c!.id}/reply`, payload: "text=%20", headers: FORM });
    expect(empty.headers.location).toBe("/admin/handover?done=empty");
  });

  it("closes a case from the form; with none open it says so", async () => {
    const [c] = await cases.listOpen();
    const res = await app.inject({ method: "POST", url: `/admin/handover/${c!.id}/close`, headers: FORM });
    expect(res.headers.location).toBe("/admin/handover?done=closed");
    expect(await cases.listOpen()).toEqual([]);
    expect(await page()).toContain("Không có yêu cầu nào đang mở.");
    expect((await app.inject({ method: "POST", url: "/admin/handover/abc/close", headers: FORM })).statusCode).toBe(404);
    expect((await app.inject({ url: "/admin/handover" })).statusCode).toBe(401);
  });
});
