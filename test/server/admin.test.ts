import { existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLiveCore } from "../../src/runtime/live-core.js";
import { loadConfig } from "../../src/config.js";
import { silentLogger } from "../../src/log.js";
import { registerAdmin } from "../../src/server/admin.js";
import { createEmbeddedStore } from "../../src/store/embedded.js";
import type { Store } from "../../src/store/port.js";
import { tempDir } from "../helpers/temp.js";

const ROOT = join(import.meta.dirname, "../..");
const TOKEN = "adm_test_token_0123456789";
const CHROMIUM = "/usr/bin/chromium";
let dataDir: string;
let store: Store;
let app: FastifyInstance;

async function buildApp(adminToken?: string): Promise<FastifyInstance> {
  const config = loadConfig({ DATA_DIR: dataDir, ...(adminToken ? { ADMIN_TOKEN: adminToken } : {}) });
  const { live } = createLiveCore({ knowledgeDir: join(ROOT, "knowledge"), flowsDir: join(ROOT, "flows") });
  const a = Fastify();
  await registerAdmin(a, { store, config, live, logger: silentLogger() });
  await a.ready();
  return a;
}

/** A believable quarter of responses, so the dashboard (and its screenshot) show every part. */
async function seed(s: Store) {
  const procedures = [
    ["dang-ky-khai-sinh", "Đăng ký khai sinh"],
    ["dang-ky-thuong-tru", "Đăng ký thường trú"],
    ["dang-ky-tam-tru", "Đăng ký tạm trú"],
    ["cap-lai-giay-phep-lai-xe", "Cấp lại giấy phép lái xe"],
  ] as const;
  const agencies = ["UBND phường Hòa Khánh", "Công an xã Tân Phú", "UBND phường Bến Nghé"];
  const channels = ["zalo", "telegram", "web"];
  const comments = ["Cán bộ hướng dẫn nhiệt tình, nộp online nhanh.", "Chờ OTP VNeID lâu quá, gọi 0912345678 không ai nghe.", "Thanh toán trực tuyến tiện, nhận biên lai ngay.", "Trang web khó tìm thủ tục."];
  let n = 0;
  for (let i = 0; i < 24; i++) {
    const month = 1 + (i % 3);
    const base = i % 5 === 0 ? 2 : i % 3 === 0 ? 3 : i % 2 === 0 ? 4 : 5;
    const r = (d: number) => Math.max(1, Math.min(5, base + d));
    const [procedureId, procedure] = procedures[i % procedures.length]!;
    await s.append("survey", {
      id: `seed-s${n++}`,
      at: Date.UTC(2026, month - 1, 3 + i, 3),
      flow: "survey",
      // Every third respondent never complained: "Không áp dụng" for that aspect.
      ratings: { access: r(0), procedure: r(-1), staff: r(1), result: r(0), ...(i % 3 === 2 ? {} : { feedback: r(-1) }), online: r(0), overall: r(0) },
      ...(i % 3 === 2 ? { notApplicable: ["feedback"] } : {}),
      procedureId,
      procedure,
      agency: agencies[i % agencies.length],
      channel: channels[i % channels.length],
      respondent: `r${i.toString(16).padStart(15, "0")}`,
      ...(i % 4 === 1 ? { comment: comments[(i >> 2) % comments.length] } : {}),
      ...(i % 3 === 0 ? { ageBand: ["<25", "25-39", "40-59", "60+"][i % 4] } : {}),
    });
  }
  for (let i = 0; i < 30; i++) await s.append("helpful", { id: `seed-h${i}`, at: Date.UTC(2026, 2, 1 + (i % 28)), entryId: "dang-ky-khai-sinh", helpful: i % 5 !== 0, channel: "zalo" });
  const questions = ["làm thế nào để đổi tên trên VNeID", "xin giấy phép kinh doanh karaoke", "lam the nao de doi ten tren vneid", "thủ tục nhận con nuôi nước ngoài", "làm thế nào để đổi tên trên VNeID", "xin giấy phép kinh doanh karaoke"];
  for (const [i, q] of questions.entries()) await s.append("unanswered", { id: `seed-u${i}`, at: Date.UTC(2026, 2, 5 + i), query: q, channel: "web" });
}

beforeAll(async () => {
  dataDir = tempDir("admin");
  store = await createEmbeddedStore({ dataDir, logger: silentLogger() });
  await seed(store);
  app = await buildApp(TOKEN);
});
afterAll(async () => {
  await app?.close();
  await store?.close();
});

describe("admin routes", () => {
  it("refuses without auth: 401 (the dashboard answers with a login form)", async () => {
    for (const url of ["/admin", "/admin/feedback.csv", "/admin/report.json", "/admin/anything"]) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(401);
    }
    expect((await app.inject({ url: "/admin" })).body).toContain('action="/admin/login"');
    expect((await app.inject({ url: "/admin/feedback.csv", headers: { authorization: "Bearer wrong" } })).statusCode).toBe(401);
    expect((await app.inject({ url: "/admin", headers: { cookie: `dvc_admin=${TOKEN}` } })).statusCode).toBe(401);
  });

  it("serves the dashboard, CSV and JSON with the bearer token", async () => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    const page = await app.inject({ url: "/admin", headers: auth });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toMatch(/text\/html/);
    expect(page.body).toContain("hài lòng");
    expect(page.body).toContain("Tiếp cận dịch vụ");
    // As the citizen wrote it, the spellings with and without diacritics counted together.
    expect(page.body).toMatch(/<td>làm thế nào để đổi tên trên VNeID<\/td><td class="num">3<\/td>/);
    expect(page.body).not.toContain("0912345678");
    expect(page.body).toMatch(/Phiên bản <code>[0-9a-f]{8}<\/code>/);
    expect(page.headers["content-security-policy"]).toContain("default-src 'none'");

    const csv = await app.inject({ url: "/admin/feedback.csv", headers: auth });
    expect(csv.statusCode).toBe(200);
    expect(csv.body.startsWith("\uFEFF")).toBe(true);
    expect(csv.body.trimEnd().split("\r\n")).toHaveLength(25);

    const json = await app.inject({ url: "/admin/report.json?since=2026-02-01&until=2026-02-28", headers: auth });
    const report = json.json();
    expect(report.responses).toBe(8);
    expect(report.byMonth.map((m: { key: string }) => m.key)).toEqual(["2026-02"]);
    expect(Object.keys(report.index.aspects)).toEqual(["access", "procedure", "staff", "result", "feedback", "online"]);
    expect((await app.inject({ url: "/admin/report.json?since=31-02-2026", headers: auth })).statusCode).toBe(400);
  });

  it("logs in with the form: HttpOnly cookie (not the token), then logs out", async () => {
    const bad = await app.inject({ method: "POST", url: "/admin/login", payload: "token=nope", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(bad.statusCode).toBe(401);
    const ok = await app.inject({ method: "POST", url: "/admin/login", payload: `token=${TOKEN}`, headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe("/admin");
    const setCookie = String(ok.headers["set-cookie"]);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).not.toContain(TOKEN);
    const cookie = setCookie.split(";")[0]!;
    expect((await app.inject({ url: "/admin", headers: { cookie } })).statusCode).toBe(200);
    expect((await app.inject({ url: "/admin/feedback.csv", headers: { cookie } })).statusCode).toBe(200);
    const out = await app.inject({ method: "POST", url: "/admin/logout", headers: { cookie } });
    expect(out.statusCode).toBe(303);
  });

  it("without ADMIN_TOKEN nobody gets in", async () => {
    const closed = await buildApp(undefined);
    expect((await closed.inject({ url: "/admin", headers: { authorization: "Bearer " } })).statusCode).toBe(401);
    expect((await closed.inject({ url: "/admin/feedback.csv", headers: { authorization: "Bearer undefined" } })).statusCode).toBe(401);
    const login = await closed.inject({ method: "POST", url: "/admin/login", payload: "token=", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(login.statusCode).toBe(401);
    await closed.close();
  });
});

const haveChromium = existsSync(CHROMIUM);

/**
 * Runs in the page: every element with its own text, its colour against the first opaque
 * background behind it (WCAG ratio); returns those under 4.5:1.
 */
const CONTRAST_SCRIPT = `(() => {
  const rgb = (s) => (s.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map((v) => v / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)).reduce((a, c, i) => a + c * [0.2126, 0.7152, 0.0722][i], 0);
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length >= 3 && (c.length < 4 || c[3] > 0.5)) return c;
    }
    return [255, 255, 255];
  };
  const out = [];
  for (const el of document.querySelectorAll("body *")) {
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own || el.closest("svg") || !el.getClientRects().length) continue;
    const fg = lum(rgb(getComputedStyle(el).color));
    const bg = lum(background(el));
    const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    if (ratio < 4.5) out.push(el.tagName + "." + el.className + " '" + el.textContent.trim().slice(0, 30) + "' " + ratio.toFixed(2));
  }
  return out;
})()`;
describe("dashboard in headless Chromium", () => {
  it.skipIf(!haveChromium && !process.env.CI)("logs in, filters, and renders the charts (screenshot in docs/)", async () => {
    expect(haveChromium, `${CHROMIUM} is required in CI (apt-get install -y chromium)`).toBe(true);
    const { chromium } = await import("playwright-core");
    const address = await app.listen({ port: 0, host: "127.0.0.1" });
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: "vi-VN" });
      const res = await page.goto(`${address}/admin`);
      expect(res?.status()).toBe(401);
      // The login card fits a phone.
      expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
      expect(await page.evaluate('document.querySelector("main").getBoundingClientRect().right')).toBeLessThanOrEqual(390);
      await page.fill("#token", TOKEN);
      await Promise.all([page.waitForURL(`${address}/admin`), page.click("button[type=submit]")]);
      await expect(page.locator("h1").textContent()).resolves.toBe("Mức độ hài lòng của người dân");
      const rows = await page.locator("table tbody tr").first().locator("th").textContent();
      expect(rows).toBe("Tiếp cận dịch vụ");
      expect(await page.locator("svg.chart rect").count()).toBe(3);
      expect(await page.locator(".dist span").count()).toBeGreaterThan(10);
      const text = await page.locator("body").innerText();
      expect(text).toContain("Chỉ số hài lòng chung");
      expect(text).toContain("Câu hỏi bot chưa trả lời được");
      expect(text).toMatch(/\d+ phiếu chọn "Không áp dụng"/);
      expect(text).toMatch(/\d+,\d%/);
      expect(text).not.toMatch(/\d+\.\d%/);
      mkdirSync(join(ROOT, "docs"), { recursive: true });

      for (const width of [390, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        // No horizontal scroll, and nothing cut off inside a card.
        expect(await page.evaluate("document.documentElement.scrollWidth"), `page at ${width}px`).toBeLessThanOrEqual(width);
        const clipped = await page.evaluate<string[]>(`[...document.querySelectorAll(".card, .kpi")].filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => (c.querySelector("h2") || c).textContent.slice(0, 40))`);
        expect(clipped, `cut off at ${width}px`).toEqual([]);
        // Aspect names read on one or two lines, not one word per line.
        const nameWidth = await page.evaluate<number>('document.querySelector("table.aspects tbody th").getBoundingClientRect().width');
        expect(nameWidth, `aspect name width at ${width}px`).toBeGreaterThan(150);
        // Every piece of text against what is behind it, measured in the page.
        const lowContrast = await page.evaluate<string[]>(CONTRAST_SCRIPT);
        expect(lowContrast, `contrast at ${width}px`).toEqual([]);
        // The committed screenshots are refreshed on request only, so a test run never edits tracked files.
        const shot = process.env.UPDATE_SCREENSHOTS ? join(ROOT, `docs/admin-dashboard-${width}.png`) : join(tmpdir(), `dvc-admin-dashboard-${width}.png`);
        await page.screenshot({ path: shot, fullPage: true });
      }

      await page.fill("input[name=since]", "2026-03-01");
      await page.fill("input[name=until]", "2026-03-31");
      await Promise.all([page.waitForURL(/since=2026-03-01/), page.click("form.filter button")]);
      expect(await page.locator("svg.chart rect").count()).toBe(1);
      expect(await page.locator(".kpi b").first().textContent()).toBe("8");
    } finally {
      await browser.close();
    }
  });
});
