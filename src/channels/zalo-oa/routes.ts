import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyPluginAsync } from "fastify";
import type { WorkTracker } from "../../server/work.js";
import type { ZaloOaChannel } from "./channel.js";
import { checkZaloOaEvent } from "./to-inbound.js";

/**
 * `X-ZEvent-Signature` as Zalo computes it: `mac=` + hex sha256 of the app id, the raw request
 * body, the body's `timestamp` and the OA secret key, concatenated. The raw bytes matter: a body
 * parsed and serialised again would not hash the same.
 */
export function zaloOaSignature(appId: string, rawBody: Buffer, timestamp: string, secretKey: string): string {
  return `mac=${createHash("sha256").update(appId, "utf8").update(rawBody).update(timestamp, "utf8").update(secretKey, "utf8").digest("hex")}`;
}

export function zaloOaSignatureMatches(expected: string, given: unknown): boolean {
  if (typeof given !== "string" || given.length === 0) return false;
  // Hash both so the comparison is constant-time whatever the lengths.
  const a = createHash("sha256").update(expected).digest();
  const b = createHash("sha256").update(given.trim().toLowerCase()).digest();
  return timingSafeEqual(a, b);
}

export interface ZaloOaRoutesOptions {
  channel: ZaloOaChannel;
  appId: string;
  secretKey: string;
  work: WorkTracker;
}

/**
 * POST /webhooks/zalo-oa as a fastify plugin. Registered without fastify-plugin, so its JSON
 * parser (which keeps the raw bytes for the signature) applies to this route only. A signed event
 * is acknowledged at once and answered in the background (tracked, so shutdown waits); a bad or
 * missing signature gets 401 and nothing else happens.
 */
export const zaloOaRoutes: FastifyPluginAsync<ZaloOaRoutesOptions> = async (app, opts) => {
  const { channel, appId, secretKey, work } = opts;
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "buffer" }, (_req, body, done) => done(null, body));

  app.post("/webhooks/zalo-oa", async (req, reply) => {
    if (work.closing) return reply.code(503).header("retry-after", "5").send({ error: "shutting down" });
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    let body: unknown;
    try {
      body = JSON.parse(raw.toString("utf8"));
    } catch {
      channel.rejected(undefined, ["(body): not JSON"]);
      return reply.code(400).send({ error: "not JSON" });
    }
    const timestamp = typeof body === "object" && body !== null ? (body as { timestamp?: unknown }).timestamp : undefined;
    const signature = zaloOaSignature(appId, raw, timestamp === undefined || timestamp === null ? "" : String(timestamp), secretKey);
    if (!zaloOaSignatureMatches(signature, req.headers["x-zevent-signature"])) {
      return reply.code(401).send({ error: "unauthorized" });
    }
    const checked = checkZaloOaEvent(body);
    if (!checked.ok) {
      channel.rejected(body, checked.issues);
      return reply.code(400).send({ error: "not a Zalo OA event" });
    }
    void work.track(channel.handleEvent(checked.event));
    return reply.code(200).send({ ok: true });
  });
};
