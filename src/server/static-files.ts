import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { sha256 } from "../text/hash.js";

/** The package's public/ folder, found from this module (src/server or dist/server), not the cwd. */
export function defaultPublicDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), "..", "..", "public");
}

const FILES: Array<{ route: string; file: string; type: string; cache: string }> = [
  // The page is revalidated every time (ETag) so a deploy shows at once; assets may be cached briefly.
  { route: "/", file: "index.html", type: "text/html; charset=utf-8", cache: "no-cache" },
  { route: "/chat.js", file: "chat.js", type: "text/javascript; charset=utf-8", cache: "public, max-age=300" },
  { route: "/chat.css", file: "chat.css", type: "text/css; charset=utf-8", cache: "public, max-age=300" },
];

const SECURITY_HEADERS = {
  "content-security-policy":
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};

/** Too many page loads from one address (plain text: the page itself is what was refused). */
const SLOW_DOWN_PAGE = "Bạn tải trang quá nhanh. Vui lòng đợi một chút rồi thử lại.";

/**
 * Serves the web chat page and its two assets, read once at start (a few kB). `limitPage` counts
 * a load of the page for its client and says how long to wait when over the limit (0: go on).
 */
export function registerStaticFiles(app: FastifyInstance, publicDir: string, limitPage?: (req: FastifyRequest) => Promise<number>): void {
  for (const { route, file, type, cache } of FILES) {
    const body = readFileSync(join(publicDir, file));
    const etag = `"${sha256(body).toString("base64url").slice(0, 16)}"`;
    app.get(route, async (req, reply) => {
      if (route === "/" && limitPage) {
        const waitS = await limitPage(req);
        if (waitS > 0) return reply.code(429).header("retry-after", String(waitS)).type("text/plain; charset=utf-8").send(SLOW_DOWN_PAGE);
      }
      reply.header("cache-control", cache).header("etag", etag).headers(SECURITY_HEADERS);
      if (req.headers["if-none-match"] === etag) return reply.code(304).send();
      return reply.type(type).send(body);
    });
  }
}
