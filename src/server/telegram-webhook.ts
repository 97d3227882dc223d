import type { FastifyInstance } from "fastify";
import type { Update } from "grammy/types";
import { z } from "zod";
import type { TelegramChannel } from "../channels/telegram/channel.js";
import { secretMatches } from "./secret.js";
import type { WorkTracker } from "./work.js";

const updateSchema = z.looseObject({ update_id: z.number().int().nonnegative() });

/**
 * POST /webhooks/telegram. The secret header is checked before the body is even read; a valid
 * update is acknowledged at once and answered in the background (tracked, so shutdown waits).
 */
export function registerTelegramWebhook(app: FastifyInstance, deps: { telegram: TelegramChannel; secret?: string; work: WorkTracker }): void {
  const { telegram, secret, work } = deps;
  app.post(
    "/webhooks/telegram",
    {
      onRequest: async (req, reply) => {
        if (secret !== undefined && !secretMatches(secret, req.headers["x-telegram-bot-api-secret-token"])) {
          return reply.code(401).send({ error: "unauthorized" });
        }
        if (work.closing) return reply.code(503).header("retry-after", "5").send({ error: "shutting down" });
      },
    },
    async (req, reply) => {
      const parsed = updateSchema.safeParse(req.body);
      if (!parsed.success) return reply.code(400).send({ error: "not a Telegram update" });
      void work.track(telegram.handleUpdate(req.body as Update));
      return reply.code(200).send({ ok: true });
    },
  );
}
