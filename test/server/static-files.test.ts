import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultPublicDir, registerStaticFiles } from "../../src/server/static-files.js";

/** The web chat page and its assets over loopback HTTP; page loads limited by a counter the test controls. */
let app: FastifyInstance;
let url: string;
let waitS = 0;
const limited: string[] = [];

beforeAll(async () => {
  app = Fastify();
  registerStaticFiles(app, defaultPublicDir(), async (req) => {
    limited.push(req.url);
    return waitS;
  });
  url = await app.listen({ port: 0, host: "127.0.0.1" });
});

afterAll(async () => {
  await app.close();
});

describe("web chat page and assets", () => {
  it("serves the Vietnamese page, revalidated on every load, with a strict content policy", async () => {
    const res = await fetch(`${url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await res.text()).toContain('<html lang="vi">');
    expect(res.headers.get("cache-control")).toBe("no-cache");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
  });

  it("answers 304 without a body when the browser already has this version", async () => {
    const first = await fetch(`${url}/chat.js`);
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[\w-]{16}"$/);
    const again = await fetch(`${url}/chat.js`, { headers: { "if-none-match": etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const stale = await fetch(`${url}/chat.js`, { headers: { "if-none-match": '"old-version-0000"' } });
    expect(stale.status).toBe(200);
  });

  it.each([
    ["/chat.js", "text/javascript; charset=utf-8"],
    ["/chat.css", "text/css; charset=utf-8"],
  ])("serves %s as %s, cached for five minutes", async (path, type) => {
    const res = await fetch(url + path);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(type);
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
  });

  it("counts page loads only (not assets), and over the limit says in Vietnamese to wait", async () => {
    limited.length = 0;
    await fetch(`${url}/chat.css`);
    await fetch(`${url}/`);
    expect(limited).toEqual(["/"]);

    waitS = 42;
    try {
      const res = await fetch(`${url}/`);
      expect(res.status).toBe(429);
      expect(res.headers.get("retry-after")).toBe("42");
      expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
      expect(await res.text()).toBe("Bạn tải trang quá nhanh. Vui lòng đợi một chút rồi thử lại.");
      // The assets a page already loaded keep coming.
      expect((await fetch(`${url}/chat.js`)).status).toBe(200);
    } finally {
      waitS = 0;
    }
  });

  it("serves nothing else from the folder", async () => {
    expect((await fetch(`${url}/index.html`)).status).toBe(404);
    expect((await fetch(`${url}/../package.json`)).status).toBe(404);
  });
});
