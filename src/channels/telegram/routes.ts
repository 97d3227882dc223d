import { validatorCompiler, type FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { acknowledge, requireSecretHeader, type ChannelRoutesOptions } from "../http.js";
import type { TelegramChannel } from "./channel.js";
import { telegramUpdateSchema } from "./to-inbound.js";

export interface TelegramRoutesOptions extends ChannelRoutesOptions {
  channel: Pick<TelegramChannel, "mode" | "handleUpdate">;
}

/**
 * POST /webhooks/telegram, in webhook mode (polling needs no route). The secret header is checked
 * before the body is even read; a valid update is acknowledged at once and answered in the
 * background (tracked, so shutdown waits).
 */
export const telegramRoutes: FastifyPluginAsyncZod<TelegramRoutesOptions> = async (app, { channel, work }) => {
  const mode = channel.mode;
  if (mode.kind !== "webhook") return;
  app.setValidatorCompiler(validatorCompiler);
  app.post(
    "/webhooks/telegram",
    {
      config: { takesWork: true },
      onRequest: requireSecretHeader("x-telegram-bot-api-secret-token", mode.secret, "open"),
      schema: { body: telegramUpdateSchema },
      attachValidation: true,
    },
    async (req, reply) => {
      if (req.validationError) return reply.code(400).send({ error: "not a Telegram update" });
      return acknowledge(reply, work, channel.handleUpdate(req.body));
    },
  );
};
