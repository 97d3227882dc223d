import type { FastifyReply } from "fastify";
import type { Reply } from "../../engine/types.js";
import { renderWeb } from "./render.js";

/**
 * The web channel's only output: the replies as the answer to the page's own request (never
 * cached), with the session id when one was issued or kept.
 */
export function sendWebReplies(reply: FastifyReply, replies: readonly Reply[], sessionId?: string): FastifyReply {
  return reply.header("cache-control", "no-store").send({ sessionId, replies: replies.map(renderWeb) });
}
