import type { FastifyInstance } from "fastify";
import type { ZaloChannel } from "../channels/zalo/channel.js";
import { checkZaloEvent } from "../channels/zalo/to-inbound.js";
import { secretMatches } from "./secret.js";
import type { WorkTracker } from "./work.js";

/**
 * POST /webhooks/zalo. Zalo always sends the secret it was given in setWebhook, so without a
 * configured secret every call is refused. Valid events are acknowledged at once and answered in
 * the background (tracked); unknown event kinds are acknowledged and ignored.
 */
export function registerZaloWebhook(app: FastifyInstance, deps: { zalo: ZaloChannel; secret?: string; work: WorkTracker }): void {
  const { zalo, secret, work } = deps;
  app.post(
    "/webhooks/zalo",
    {
      onRequest: async (req, reply) => {
        if (secret === undefined || !secretMatches(secret, req.headers["x-bot-api-secret-token"])) {
          return reply.code(401).send({ error: "unauthorized" });
        }
        if (work.closing) return reply.code(503).header("retry-after", "5").send({ error: "shutting down" });
      },
    },
    async (req, reply) => {
      const checked = checkZaloEvent(req.body);
      if (!checked.ok) {
        zalo.rejected(req.body, checked.issues);
        return reply.code(400).send({ error: "not a Zalo event" });
      }
      void work.track(zalo.handleEvent(checked.event));
      return reply.code(200).send({ ok: true });
    },
  );
}
