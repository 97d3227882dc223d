import { blocksToText } from "../engine/blocks-to-text.js";
import type { Reply } from "../engine/types.js";

/** A reply as plain text with numbered choices: terminal, `ask`, and the base of Zalo's rendering. */
export function replyToPlainText(reply: Reply, numberFrom = 1): string {
  const parts = [blocksToText(reply.blocks)];
  if (reply.choices?.length) {
    parts.push(reply.choices.map((c, i) => `${numberFrom + i}. ${withoutOwnNumber(c.label, numberFrom + i)}`).join("\n"));
  }
  return parts.filter(Boolean).join("\n\n");
}

export function repliesToPlainText(replies: readonly Reply[]): string {
  return replies.map((r) => replyToPlainText(r)).join("\n\n");
}

/**
 * "1 - Rất không hài lòng" listed as choice 1 would read "1. 1 - Rất không hài lòng": the list's
 * number already says it, so a label that starts with that same number drops it.
 */
function withoutOwnNumber(label: string, n: number): string {
  const m = /^(\d+)\s*[-–.:)]\s*(\S.*)$/su.exec(label);
  return m && Number(m[1]) === n ? m[2]! : label;
}
