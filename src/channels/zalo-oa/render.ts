import { replyToPlainText } from "../../runtime/plain-text.js";
import type { Reply } from "../../engine/types.js";
import { splitText } from "../split-text.js";

/** The OA API's limit for one text message (`message.text`, 2000 characters). */
export const ZALO_OA_TEXT_LIMIT = 2000;

/**
 * One turn's replies → OA text messages. A consultation text message carries no buttons, so
 * choices become a numbered list (a reply of "2" picks the second, as on the Zalo Bot). The replies
 * of a turn are packed into as few messages as the limit allows: Zalo counts every message the OA
 * sends against a small free-reply quota per citizen message.
 */
export function renderZaloOa(replies: readonly Reply[], limit = ZALO_OA_TEXT_LIMIT): string[] {
  const text = replies.map((r) => replyToPlainText(r)).filter(Boolean).join("\n\n");
  return splitText(text, limit);
}
