import type { Message, Update } from "grammy/types";
import { z } from "zod";
import type { Inbound } from "../../engine/types.js";
import { clippedText } from "../clipped-text.js";

/**
 * A webhook body that is a Telegram update: only `update_id` is checked; the rest is Telegram's
 * own shape, which grammY and `telegramToInbound` read tolerantly (unknown kinds are ignored).
 */
const updateIdSchema = z.looseObject({ update_id: z.number().int().nonnegative() });
export const telegramUpdateSchema = z.custom<Update>((body) => updateIdSchema.safeParse(body).success);

type Unsupported = Extract<Inbound, { type: "unsupported" }>["what"];

/**
 * A Telegram update → the engine's Inbound, or null for updates the bot does not answer
 * (edits, service messages, channel posts, inline queries…). Pure: `now` is the clock.
 * The update id is the dedup key, so a re-delivered update is answered once.
 */
export function telegramToInbound(update: Update, now: number): Inbound | null {
  const messageId = String(update.update_id);
  const query = update.callback_query;
  if (query) {
    if (query.data === undefined) return null;
    const chatId = query.message?.chat.id ?? query.from.id;
    return {
      type: "choice",
      choiceId: query.data,
      channel: "telegram",
      chatId: String(chatId),
      userId: String(query.from.id),
      privateChat: query.message?.chat.type === "private",
      messageId,
      at: now,
      name: query.from.first_name,
    };
  }
  const message = update.message;
  if (!message || message.from?.is_bot) return null;
  const base = {
    channel: "telegram" as const,
    chatId: String(message.chat.id),
    userId: String(message.from?.id ?? message.chat.id),
    privateChat: message.chat.type === "private",
    messageId,
    at: now,
    name: message.from?.first_name,
  };
  if (typeof message.text === "string") return { ...base, ...clippedText(commandText(message.text)) };
  const what = unsupportedKind(message);
  return what ? { ...base, type: "unsupported", what } : null;
}

/** "/start@dvc_bot payload" → "/start": the engine knows commands by their bare name. */
function commandText(text: string): string {
  const command = /^(\/[A-Za-z0-9_]+)(?:@[A-Za-z0-9_]+)?(?:\s|$)/.exec(text);
  if (!command) return text;
  const name = command[1]!.toLowerCase();
  const rest = text.slice(command[0].length).trim();
  return rest && name !== "/start" ? `${name} ${rest}` : name;
}

/** Content the bot cannot read; service messages (joins, pins…) give undefined and are ignored. */
function unsupportedKind(m: Message): Unsupported | undefined {
  if (m.sticker) return "sticker";
  if (m.photo) return "image";
  if (m.document || m.animation) return "file";
  if (m.voice || m.audio) return "audio";
  if (m.video || m.video_note) return "video";
  if (m.location || m.venue) return "location";
  if (m.contact || m.poll || m.dice || m.game || m.story) return "other";
  return undefined;
}
