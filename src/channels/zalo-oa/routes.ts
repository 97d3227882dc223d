import type { FastifyReply, FastifyRequest } from "fastify";
import { validatorCompiler, type FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { secretMatches, sha256 } from "../../text/hash.js";
import { acknowledge, refuseEvent, type ChannelRoutesOptions } from "../http.js";
import type { ZaloOaChannel } from "./channel.js";
import { checkZaloOaEvent, zaloOaEventSchema } from "./to-inbound.js";

/**
 * `X-ZEvent-Signature` as Zalo computes it: `mac=` + hex sha256 of the app id, the raw request
 * body, the body's `timestamp` and the OA secret key, concatenated. The raw bytes matter: a body
 * parsed and serialised again would not hash the same.
 */
export function zaloOaSignature(appId: string, rawBody: Buffer, timestamp: string, secretKey: string): string {
  return `mac=${sha256(appId, rawBody, timestamp, secretKey).toString("hex")}`;
}

export function zaloOaSignatureMatches(expected: string, given: unknown): boolean {
  return typeof given === "string" && secretMatches(expected, given.trim().toLowerCase());
}

export interface ZaloOaRoutesOptions extends ChannelRoutesOptions {
  channel: Pick<ZaloOaChannel, "handleEvent" | "rejected">;
  appId: string;
  secretKey: string;
}

/**
 * POST /webhooks/zalo-oa as a fastify plugin. Registered without fastify-plugin, so its JSON
 * parser (which keeps the raw bytes for the signature) applies to this route only. The signature
 * is checked on those bytes before the parsed body reaches its schema. A signed event is
 * acknowledged at once and answered in the background (tracked, so shutdown waits); a bad or
 * missing signature gets 401 and nothing else happens.
 */
export const zaloOaRoutes: FastifyPluginAsyncZod<ZaloOaRoutesOptions> = async (app, { channel, appId, secretKey, work }) => {
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "buffer" }, (_req, body, done) => done(null, body));
  app.setValidatorCompiler(validatorCompiler);

  /** Raw bytes → the parsed body, when it is JSON signed with our key; otherwise the refusal. */
  async function verified(req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
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
    if (!zaloOaSignatureMatches(signature, req.headers["x-zevent-signature"])) return reply.code(401).send({ error: "unauthorized" });
    req.body = body;
    return undefined;
  }

  app.post(
    "/webhooks/zalo-oa",
    { config: { takesWork: true }, preValidation: verified, schema: { body: zaloOaEventSchema }, attachValidation: true },
    async (req, reply) => {
      if (req.validationError) return refuseEvent(reply, "not a Zalo OA event", channel, req.body, checkZaloOaEvent);
      return acknowledge(reply, work, channel.handleEvent(req.body));
    },
  );
};
