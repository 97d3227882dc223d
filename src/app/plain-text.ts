import { blocksToText } from "../engine/card.js";
import type { Reply } from "../engine/types.js";

/** A reply as plain text with numbered choices: terminal, `ask`, and the base of Zalo's rendering. */
export function replyToPlainText(reply: Reply, numberFrom = 1): string {
  const parts = [blocksToText(reply.blocks)];
  if (reply.choices?.length) {
    parts.push(reply.choices.map((c, i) => `${numberFrom + i}. ${c.label}`).join("\n"));
  }
  return parts.filter(Boolean).join("\n\n");
}

export function repliesToPlainText(replies: readonly Reply[]): string {
  return replies.map((r) => replyToPlainText(r)).join("\n\n");
}
