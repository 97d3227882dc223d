import { z } from "zod";
import type { Inbound } from "../../engine/types.js";

const id = z.union([z.string(), z.number()]).transform(String);

/**
 * One Zalo Official Account webhook event (OpenAPI v3 "user_send_*", "follow", …). Only what the
 * bot reads is checked; everything else is kept. Zalo sends `timestamp` as a string of ms.
 */
export const zaloOaEventSchema = z.looseObject({
  event_name: z.string(),
  app_id: id.nullish(),
  timestamp: z.union([z.string(), z.number()]).nullish(),
  sender: z.looseObject({ id }).nullish(),
  recipient: z.looseObject({ id }).nullish(),
  follower: z.looseObject({ id }).nullish(),
  message: z
    .looseObject({
      msg_id: id.nullish(),
      text: z.string().nullish(),
    })
    .nullish(),
});

export type ZaloOaEvent = z.infer<typeof zaloOaEventSchema>;

/** A parsed event, or what was wrong with the body (paths and reasons, never values). */
export function checkZaloOaEvent(body: unknown): { ok: true; event: ZaloOaEvent } | { ok: false; issues: string[] } {
  const parsed = zaloOaEventSchema.safeParse(body);
  if (parsed.success) return { ok: true, event: parsed.data };
  return { ok: false, issues: parsed.error.issues.slice(0, 10).map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`) };
}

/** What the bot cannot read, by OA event name. */
const UNSUPPORTED: Record<string, Extract<Inbound, { type: "unsupported" }>["what"]> = {
  user_send_image: "image",
  user_send_gif: "image",
  user_send_sticker: "sticker",
  user_send_file: "file",
  user_send_location: "location",
  user_send_audio: "audio",
  user_send_voice: "audio",
  user_send_video: "video",
  user_send_link: "other",
  user_send_business_card: "other",
};

/** The text that makes the engine greet: a new follower gets the same welcome as "/start". */
export const FOLLOW_TEXT = "/start";

/**
 * An OA event → the engine's Inbound, or null for events the bot does not answer (the OA's own
 * messages, seen/received receipts, unfollow…). Pure. The dedup key is Zalo's `msg_id`; a follow
 * has none, so the follower and the event time stand in for it.
 */
export function zaloOaToInbound(event: ZaloOaEvent, now: number): Inbound | null {
  if (event.event_name === "follow") {
    const follower = event.follower?.id;
    if (!follower) return null;
    return { channel: "zalo-oa", chatId: follower, userId: follower, privateChat: true, messageId: `follow:${follower}:${event.timestamp ?? now}`, at: now, type: "text", text: FOLLOW_TEXT };
  }
  if (!event.event_name.startsWith("user_send_")) return null;
  const user = event.sender?.id;
  if (!user) return null;
  const base = {
    channel: "zalo-oa" as const,
    chatId: user,
    userId: user,
    // An OA conversation is always one citizen and the OA.
    privateChat: true,
    messageId: event.message?.msg_id || undefined,
    at: now,
  };
  if (event.event_name === "user_send_text") {
    const text = event.message?.text;
    return typeof text === "string" && text.trim() ? { ...base, type: "text", text } : null;
  }
  return { ...base, type: "unsupported", what: UNSUPPORTED[event.event_name] ?? "other" };
}
