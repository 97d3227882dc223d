import type { Reply } from "../../engine/types.js";
import { SEND_RETRY, withRetry, type RetryPolicy } from "../retry.js";
import { ZaloApiError, ZaloHttpError, type ZaloClient } from "./client.js";
import { renderZalo } from "./render.js";

/**
 * Worth another try: the network failed, Zalo had a server error, or it asked us to slow down.
 * A refusal (bad chat, bad text, bad token) would fail the same way again.
 */
export function zaloRetryable(err: unknown): boolean {
  if (err instanceof ZaloHttpError) return err.status === undefined || err.status >= 500 || err.status === 429;
  if (err instanceof ZaloApiError) return err.errorCode >= 500 || err.errorCode === 429;
  return false;
}

/** Sends the replies to one chat, in order, each message retried on transient failures. */
export async function sendZaloReplies(client: ZaloClient, chatId: string, replies: readonly Reply[], retry: RetryPolicy = SEND_RETRY): Promise<void> {
  for (const reply of replies) {
    for (const text of renderZalo(reply)) await withRetry(() => client.sendMessage({ chat_id: chatId, text }), zaloRetryable, retry);
  }
}
