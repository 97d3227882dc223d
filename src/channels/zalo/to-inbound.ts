import { z } from "zod";
import type { Inbound } from "../../engine/types.js";
import { clippedText } from "../clipped-text.js";

const id = z.union([z.string(), z.number()]).transform(String);

/**
 * One Zalo Bot API event, read as tolerantly as real deliveries need: `display_name`, `text` and
 * `chat_type` may be null, `date` may come as a string, and a text message may arrive without
 * `event_name`. Unknown fields are kept; unknown event names are valid (and ignored).
 */
export const zaloEventSchema = z.looseObject({
  event_name: z.string().nullish(),
  message: z
    .looseObject({
      message_id: id,
      date: z.union([z.number(), z.string()]).nullish(),
      chat: z.looseObject({ id, chat_type: z.string().nullish() }),
      from: z.looseObject({ id, display_name: z.string().nullish(), is_bot: z.boolean().nullish() }).nullish(),
      text: z.string().nullish(),
    })
    .nullish(),
}).refine((e) => e.event_name != null || e.message != null, { message: "neither event_name nor message" });

export type ZaloEvent = z.infer<typeof zaloEventSchema>;

/** A webhook body, `{ ok, result: event }` or the bare event, read as the event. */
export const zaloWebhookBodySchema = z
  .union([z.looseObject({ ok: z.boolean().optional(), result: zaloEventSchema }), zaloEventSchema])
  .transform((body): ZaloEvent => ("result" in body && typeof body.result === "object" ? (body.result as ZaloEvent) : (body as ZaloEvent)));

/** Validates a webhook (or getUpdates) body; null when it is not a Zalo event at all. */
export function parseZaloEvent(body: unknown): ZaloEvent | null {
  const parsed = checkZaloEvent(body);
  return parsed.ok ? parsed.event : null;
}

/** As `parseZaloEvent`, with what was wrong (paths and reasons, never values) when it is not an event. */
export function checkZaloEvent(body: unknown): { ok: true; event: ZaloEvent } | { ok: false; issues: string[] } {
  const parsed = zaloWebhookBodySchema.safeParse(body);
  if (parsed.success) return { ok: true, event: parsed.data };
  // The bare-event branch explains a bare body best; the wrapped one a body with `result`.
  const bare = zaloEventSchema.safeParse(isRecord(body) && isRecord(body.result) ? body.result : body);
  const issues = (bare.success ? parsed.error : bare.error).issues.map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`);
  return { ok: false, issues: issues.slice(0, 10) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
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
    name: m.from?.display_name || undefined,
  };
  // A text message without event_name has been seen in deliveries: its text says what it is.
  const name = event.event_name ?? (typeof m.text === "string" ? "message.text.received" : undefined);
  switch (name) {
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
