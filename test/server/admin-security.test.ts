import { join } from "node:path";
import { Writable } from "node:stream";
import { parse } from "csv-parse/sync";
import Fastify, { type FastifyInstance } from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { createLiveCore } from "../../src/runtime/live-core.js";
import { loadConfig } from "../../src/config.js";
import { createLogger, silentLogger } from "../../src/log.js";
import { registerAdmin } from "../../src/server/admin.js";
import { createEmbeddedStore } from "../../src/store/embedded.js";
import { startBotServer } from "../helpers/bot-server.js";
import { tempDir } from "../helpers/temp.js";

/**
 * The admin side against the attack run's findings: guessable logins, logins that outlive
 * logout, cookies without Secure behind TLS, formulas in the CSV, and a dashboard that re-read
 * every record per view.
 */

const ROOT = join(import.meta.dirname, "../..");
const TOKEN = "adm_security_token_0123456789";
const FORM = { "content-type": "application/x-www-form-urlencoded" };
const AUTH = { authorization: `Bearer ${TOKEN}` };
const ratings = (n: number) => ({ access: n, procedure: n, staff: n, result: n, feedback: n, online: n, overall: n });

let closers: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of closers.reverse()) await c();
  closers = [];
});

async function setUp(options: { env?: Record<string, string>; trustProxy?: boolean; clock?: { t: number } } = {}) {
  const dataDir = tempDir("admin-sec");
  const clock = options.clock;
  const store = await createEmbeddedStore({ dataDir, logger: silentLogger(), ...(clock ? { now: () => clock.t } : {}) });
  closers.push(() => store.close());
  let logText = "";
  const logger = createLogger(
    "info",
    new Writable({
      write(chunk: Buffer, _enc, done) {
        logText += chunk.toString("utf8");
        done();
      },
    }),
  );
  const config = loadConfig({ DATA_DIR: dataDir, ADMIN_TOKEN: TOKEN, ...options.env });
  const { live } = createLiveCore({ knowledgeDir: join(ROOT, "knowledge"), flowsDir: join(ROOT, "flows") });
  const app = Fastify({ trustProxy: options.trustProxy ?? false });
  await registerAdmin(app, { store, config, live, logger, ...(clock ? { now: () => clock.t } : {}) });
  await app.ready();
  closers.push(() => app.close());
  return { app, store, logs: () => logText };
}

const login = (app: FastifyInstance, token: string, extra: { remoteAddress?: string; headers?: Record<string, string> } = {}) =>
  app.inject({ method: "POST", url: "/admin/login", payload: `token=${encodeURIComponent(token)}`, headers: { ...FORM, ...extra.headers }, ...(extra.remoteAddress ? { remoteAddress: extra.remoteAddress } : {}) });
const cookieOf = (res: { headers: Record<string, unknown> }) => String(res.headers["set-cookie"]).split(";")[0]!;

describe("ADMIN_TOKEN", () => {
  it("refuses a token shorter than 16 characters, naming the variable", () => {
    expect(() => loadConfig({ ADMIN_TOKEN: "short-token" })).toThrow(/ADMIN_TOKEN: must be at least 16 characters/);
    expect(loadConfig({ ADMIN_TOKEN: "a".repeat(16) }).adminToken).toBe("a".repeat(16));
  });
});

describe("admin login", () => {
  it("throttles failed logins per address and logs the address, never the attempt", async () => {
    const { app, logs } = await setUp();
    const attacker = "192.0.2.66";
    for (let i = 0; i < 5; i++) expect((await login(app, `guess-number-${i}`, { remoteAddress: attacker })).statusCode).toBe(401);
    // Blocked now, even with the right token; bearer guesses are refused the same way.
    const blocked = await login(app, TOKEN, { remoteAddress: attacker });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers["retry-after"])).toBeGreaterThan(0);
    expect(blocked.body).toContain("Nhập sai quá nhiều lần");
    expect((await app.inject({ url: "/admin/report.json", headers: AUTH, remoteAddress: attacker })).statusCode).toBe(429);
    // Another address is not affected.
    expect((await login(app, TOKEN, { remoteAddress: "192.0.2.10" })).statusCode).toBe(303);
    expect(logs()).toContain('"ip":"192.0.2.66"');
    expect(logs()).not.toContain("guess-number");
    expect(logs()).not.toContain(TOKEN);
  });

  it("counts wrong bearer tokens as failed logins", async () => {
    const { app } = await setUp();
    for (let i = 0; i < 5; i++) expect((await app.inject({ url: "/admin/report.json", headers: { authorization: `Bearer wrong-${i}` }, remoteAddress: "192.0.2.7" })).statusCode).toBe(401);
    expect((await app.inject({ url: "/admin/report.json", headers: AUTH, remoteAddress: "192.0.2.7" })).statusCode).toBe(429);
  });

  it("ends a login on logout for real: the old cookie no longer opens the dashboard", async () => {
    const { app } = await setUp();
    const cookie = cookieOf(await login(app, TOKEN));
    expect((await app.inject({ url: "/admin/report.json", headers: { cookie } })).statusCode).toBe(200);
    expect((await app.inject({ method: "POST", url: "/admin/logout", headers: { cookie } })).statusCode).toBe(303);
    // A copy of the cookie kept by someone else is dead too.
    expect((await app.inject({ url: "/admin/report.json", headers: { cookie } })).statusCode).toBe(401);
  });

  it("ends a login after 8 hours on the server side, whatever the browser keeps", async () => {
    const clock = { t: Date.UTC(2026, 11, 2, 8) };
    const { app } = await setUp({ clock });
    const cookie = cookieOf(await login(app, TOKEN));
    clock.t += 7 * 3600 * 1000;
    expect((await app.inject({ url: "/admin/report.json", headers: { cookie } })).statusCode).toBe(200);
    clock.t += 3600 * 1000 + 1000;
    expect((await app.inject({ url: "/admin/report.json", headers: { cookie } })).statusCode).toBe(401);
  });

  it("sets a Secure cookie behind a TLS proxy only when TRUST_PROXY lets X-Forwarded-Proto count", async () => {
    const cookieFlags = async (env: Record<string, string>) => {
      const bot = await startBotServer(null, { ADMIN_TOKEN: TOKEN, ...env });
      closers.push(() => bot.close());
      const res = await fetch(`${bot.url}/admin/login`, {
        method: "POST",
        redirect: "manual",
        headers: { ...FORM, "x-forwarded-proto": "https", "x-forwarded-for": "198.51.100.1" },
        body: `token=${TOKEN}`,
      });
      expect(res.status).toBe(303);
      return res.headers.get("set-cookie") ?? "";
    };
    expect(await cookieFlags({ TRUST_PROXY: "true" })).toMatch(/;\s*Secure/i);
    // Without TRUST_PROXY anyone could send the header: it changes nothing.
    expect(await cookieFlags({})).not.toMatch(/;\s*Secure/i);
  });
});

describe("/admin/feedback.csv", () => {
  it("neutralises formulas in comment, agency and procedure", async () => {
    const { app, store } = await setUp();
    await store.append("survey", {
      id: "f1",
      at: Date.UTC(2026, 2, 1),
      flow: "survey",
      ratings: ratings(4),
      respondent: "r1",
      channel: "web",
      comment: '=HYPERLINK("http://x.invalid","bấm")',
      agency: "+cmd|' /C calc'!A0",
      procedure: "@SUM(1+1)",
    });
    const res = await app.inject({ url: "/admin/feedback.csv", headers: AUTH });
    const [header, row] = parse(res.body.slice(1)) as string[][];
    const col = (name: string) => row![header!.indexOf(name)];
    expect(col("comment")).toBe(`'=HYPERLINK("http://x.invalid","bấm")`);
    expect(col("agency")).toBe("'+cmd|' /C calc'!A0");
    expect(col("procedure")).toBe("'@SUM(1+1)");
    expect(col("rating_overall")).toBe("4");
  });
});

describe("dashboard over many records", () => {
  it("does not re-read the records while none were added, shares concurrent loads, and shows a new record", async () => {
    const { app, store } = await setUp();
    for (let i = 0; i < 30; i++) await store.append("survey", { id: `s${i}`, at: Date.UTC(2026, 2, 1 + (i % 28)), flow: "survey", ratings: ratings(5), respondent: `r${i}`, channel: "zalo" });
    let reads = 0;
    const read = store.read.bind(store);
    store.read = (stream, range) => {
      reads++;
      return read(stream, range);
    };
    const responses = async () => (await app.inject({ url: "/admin/report.json", headers: AUTH })).json().responses as number;

    const views = await Promise.all([responses(), responses(), responses()]);
    expect(views).toEqual([30, 30, 30]);
    const afterFirst = reads;
    expect(afterFirst).toBe(3); // one computation: survey, helpful, unanswered read once
    expect((await app.inject({ url: "/admin", headers: AUTH })).statusCode).toBe(200);
    expect(await responses()).toBe(30);
    expect(reads).toBe(afterFirst);

    await store.append("survey", { id: "s-new", at: Date.UTC(2026, 2, 29), flow: "survey", ratings: ratings(2), respondent: "r-new", channel: "web" });
    expect(await responses()).toBe(31);
    expect(reads).toBe(afterFirst + 3);
  });
});
