import type { Inbound } from "../../engine/types.js";

/** The one conversation of a terminal session. */
export const TERMINAL_CHAT_ID = "terminal";

/**
 * A typed line → the engine's Inbound. Pure: `seq` (the line's number in this session) and `now`
 * make the message id, so every line is a new message to the dispatcher's dedup.
 */
export function terminalToInbound(line: string, seq: number, now: number): Inbound {
  return { type: "text", text: line, channel: "terminal", chatId: TERMINAL_CHAT_ID, userId: TERMINAL_CHAT_ID, messageId: `t${now}-${seq}`, at: now };
}
