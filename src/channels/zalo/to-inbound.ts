import { z } from "zod";
import type { Inbound } from "../../engine/types.js";
import { clippedText } from "../clipped-text.js";

const id = z.union([z.string(), z.number()]).transform(String);

/** One Zalo Bot API event. Unknown fields are kept; unknown event names are valid (and ignored). */
export const zaloEventSchema = z.looseObject({
  event_name: z.string(),
  message: z
    .looseObject({
      message_id: id,
      date: z.number().optional(),
      chat: z.looseObject({ id, chat_type: z.string().optional() }),
      from: z.looseObject({ id, display_name: z.string().optional(), is_bot: z.boolean().optional() }).optional(),
      text: z.string().optional(),
    })
    .optional(),
});

export type ZaloEvent = z.infer<typeof zaloEventSchema>;

/** A webhook body: `{ ok, result: event }` or the bare event. */
const webhookBodySchema = z.union([z.looseObject({ ok: z.boolean().optional(), result: zaloEventSchema }), zaloEventSchema]);

/** Validates a webhook (or getUpdates) body; null when it is not a Zalo event at all. */
export function parseZaloEvent(body: unknown): ZaloEvent | null {
  const parsed = webhookBodySchema.safeParse(body);
  if (!parsed.success) return null;
  return "result" in parsed.data && typeof parsed.data.result === "object" ? (parsed.data.result as ZaloEvent) : (parsed.data as ZaloEvent);
}

/**
 * A Zalo event → the engine's Inbound, or null for events the bot does not answer. Pure.
 * The message id is the dedup key (Zalo retries webhooks).
 */
export function zaloToInbound(event: ZaloEvent, now: number): Inbound | null {
  const m = event.message;
  if (!m || m.from?.is_bot) return null;
  const base = {
    channel: "zalo" as const,
    chatId: m.chat.id,
    userId: m.from?.id ?? m.chat.id,
    privateChat: m.chat.chat_type?.toUpperCase() === "PRIVATE",
    messageId: m.message_id,
    at: now,
    ...(m.from?.display_name ? { name: m.from.display_name } : {}),
  };
  switch (event.event_name) {
    case "message.text.received":
      return typeof m.text === "string" ? { ...base, ...clippedText(m.text) } : null;
    case "message.image.received":
      return { ...base, type: "unsupported", what: "image" };
    case "message.sticker.received":
      return { ...base, type: "unsupported", what: "sticker" };
    case "message.unsupported.received":
      return { ...base, type: "unsupported", what: "other" };
    default:
      return null;
  }
}
