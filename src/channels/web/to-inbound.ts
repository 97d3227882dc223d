import { z } from "zod";
import type { Inbound } from "../../engine/types.js";
import { clippedText } from "../clipped-text.js";

/** Body of POST /api/chat: a text or a choice, with the session id from an earlier answer. */
export const webChatRequestSchema = z
  .object({
    sessionId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, "sessionId: 16–64 characters of A–Z a–z 0–9 _ -").optional(),
    // Longer texts are not refused: they are cut to MAX_MESSAGE_CHARS below and still answered.
    // The request body limit bounds what reaches the parser.
    text: z.string().optional(),
    choiceId: z.string().min(1).max(64).optional(),
  })
  .strict()
  .refine((b) => (b.text === undefined) !== (b.choiceId === undefined), { message: "send exactly one of text and choiceId" });

export type WebChatRequest = z.infer<typeof webChatRequestSchema>;

/** The body of POST /api/chat as the route reads it: no body at all is an empty request. */
export const webChatBodySchema = z.preprocess((body) => body ?? {}, webChatRequestSchema);

/** Body of POST /api/chat/poll: the session whose staff replies are asked for. */
export const webPollRequestSchema = z.object({ sessionId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) }).strict();

/**
 * A validated request → the engine's Inbound, for the given (server-issued) session. `origin` is
 * the keyed hash of the client address, never the address itself. Pure.
 */
export function webToInbound(request: WebChatRequest, sessionId: string, now: number, origin?: string): Inbound {
  const base = { channel: "web" as const, chatId: sessionId, userId: sessionId, at: now, origin };
  return request.choiceId !== undefined ? { ...base, type: "choice", choiceId: request.choiceId } : { ...base, ...clippedText(request.text ?? "") };
}
