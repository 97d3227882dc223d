import type { Reply } from "../../engine/types.js";
import { replyToPlainText } from "../../runtime/plain-text.js";

/** A reply → what the terminal prints: its plain text (choices numbered) set off by blank lines. */
export function renderTerminal(reply: Reply): string {
  return `\n${replyToPlainText(reply)}\n`;
}
