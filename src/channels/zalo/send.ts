import type { Reply } from "../../engine/types.js";
import type { ZaloClient } from "./client.js";
import { renderZalo } from "./render.js";

/** Sends the replies to one chat, in order. */
export async function sendZaloReplies(client: ZaloClient, chatId: string, replies: readonly Reply[]): Promise<void> {
  for (const reply of replies) {
    for (const text of renderZalo(reply)) await client.sendMessage({ chat_id: chatId, text });
  }
}
