import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Dispatcher } from "../app/dispatcher.js";
import { renderWeb } from "../channels/web/render.js";
import { newWebSessionId, webChatRequestSchema, webToInbound } from "../channels/web/to-inbound.js";
import type { WorkTracker } from "./work.js";

/** POST /api/chat: `{sessionId?, text? | choiceId?}` → `{sessionId, replies}`. The answer is the response itself. */
export function registerWebChat(app: FastifyInstance, deps: { dispatcher: Dispatcher; work: WorkTracker; now: () => number }): void {
  const { dispatcher, work, now } = deps;
  app.post("/api/chat", async (req, reply) => {
    if (work.closing) return reply.code(503).header("retry-after", "5").send({ error: "shutting down" });
    const parsed = webChatRequestSchema.safeParse(req.body ?? {});
    if (!parsed.success) return reply.code(400).send({ error: z.prettifyError(parsed.error) });
    const sessionId = parsed.data.sessionId ?? newWebSessionId();
    const replies = await work.track(dispatcher.process(webToInbound(parsed.data, sessionId, now())));
    return reply.header("cache-control", "no-store").send({ sessionId, replies: (replies ?? []).map(renderWeb) });
  });
}
