import { validatorCompiler, type FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { acknowledge, refuseEvent, requireSecretHeader, type ChannelRoutesOptions } from "../http.js";
import type { ZaloChannel } from "./channel.js";
import { checkZaloEvent, zaloWebhookBodySchema } from "./to-inbound.js";

export interface ZaloRoutesOptions extends ChannelRoutesOptions {
  channel: Pick<ZaloChannel, "mode" | "handleEvent" | "rejected">;
  /** ZALO_WEBHOOK_SECRET. */
  secret?: string | undefined;
}

/**
 * POST /webhooks/zalo, in webhook mode. Zalo always sends the secret it was given in setWebhook,
 * so without a configured secret every call is refused. Valid events are acknowledged at once and
 * answered in the background (tracked); unknown event kinds are acknowledged and ignored.
 */
export const zaloRoutes: FastifyPluginAsyncZod<ZaloRoutesOptions> = async (app, { channel, secret, work }) => {
  if (channel.mode.kind !== "webhook") return;
  app.setValidatorCompiler(validatorCompiler);
  app.post(
    "/webhooks/zalo",
    {
      config: { takesWork: true },
      onRequest: requireSecretHeader("x-bot-api-secret-token", secret, "closed"),
      schema: { body: zaloWebhookBodySchema },
      attachValidation: true,
    },
    async (req, reply) => {
      if (req.validationError) return refuseEvent(reply, "not a Zalo event", channel, req.body, checkZaloEvent);
      return acknowledge(reply, work, channel.handleEvent(req.body));
    },
  );
};
