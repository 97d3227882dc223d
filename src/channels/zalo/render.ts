import { replyToPlainText } from "../../runtime/plain-text.js";
import type { Reply } from "../../engine/types.js";
import { splitText } from "../split-text.js";

/** Zalo's limit for one text message. */
export const ZALO_TEXT_LIMIT = 2000;

/**
 * A reply → Zalo text messages. Zalo has no buttons: choices become a numbered list after the
 * text (the engine keeps them in the session, so a reply of "2" picks the second). Long text is
 * split at paragraph boundaries.
 */
export function renderZalo(reply: Reply, limit = ZALO_TEXT_LIMIT): string[] {
  return splitText(replyToPlainText(reply), limit);
}
