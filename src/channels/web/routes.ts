import type { FastifyReply } from "fastify";
import { validatorCompiler, type FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { M } from "../../engine/messages.js";
import type { Reply } from "../../engine/types.js";
import type { Dispatcher } from "../../runtime/dispatcher.js";
import type { ChannelRoutesOptions } from "../http.js";
import type { WebGuard } from "./guard.js";
import { sendWebReplies } from "./send.js";
import type { LiveWebSessions, WebSessionIds } from "./session-ids.js";
import { webChatBodySchema, webPollRequestSchema, webToInbound } from "./to-inbound.js";

export interface WebRoutesOptions extends ChannelRoutesOptions {
  dispatcher: Dispatcher;
  now: () => number;
  guard: WebGuard;
  sessionIds: WebSessionIds;
  liveSessions: LiveWebSessions;
  /** Staff replies waiting for a web chat (hand-over); absent → no poll route. */
  takeStaffReplies?: ((sessionId: string) => Promise<Reply[]>) | undefined;
  /** The replies a new conversation starts with (the menu), for GET /api/chat/welcome. */
  welcome?: () => Reply[];
}

const say = (text: string): Reply[] => [{ blocks: [{ type: "text", text }] }];

/** A refusal the page can still show: 429 too fast, 503 full, with the words to read. */
function refuse(reply: FastifyReply, status: 429 | 503, waitS: number, text: string): FastifyReply {
  return reply.code(status).header("retry-after", String(waitS)).header("cache-control", "no-store").send({ error: status === 429 ? "rate limited" : "busy", replies: say(text) });
}

/** What is wrong with a refused chat request, in the schema's own words (it was refused by that schema). */
function explain(body: unknown): string {
  const parsed = webChatBodySchema.safeParse(body);
  return parsed.success ? "bad request" : z.prettifyError(parsed.error);
}

/**
 * The web chat's API. POST /api/chat: `{sessionId?, text? | choiceId?}` → `{sessionId, replies}`;
 * the answer is the response itself. Session ids are issued and signed here; an id the server did
 * not sign (made up by a client, or from before signing) is replaced by a new one, as if none was
 * sent. Refusals (429 too fast, 503 full) still carry `replies` the page shows, so a person always
 * reads why.
 */
export const webRoutes: FastifyPluginAsyncZod<WebRoutesOptions> = async (app, opts) => {
  const { dispatcher, work, now, guard, sessionIds, liveSessions } = opts;
  app.setValidatorCompiler(validatorCompiler);

  // The page shows the menu on load, before any message: read-only, no session, counted as a page load.
  app.get("/api/chat/welcome", async (req, reply) => {
    const waitS = await guard.limited(req, "page");
    if (waitS > 0) return refuse(reply, 429, waitS, M.slowDown);
    return sendWebReplies(reply, opts.welcome?.() ?? []);
  });

  app.post("/api/chat", { config: { takesWork: true }, schema: { body: webChatBodySchema }, attachValidation: true }, async (req, reply) => {
    if (req.validationError) return reply.code(400).send({ error: explain(req.body) });
    const waitS = await guard.limited(req, "chat");
    if (waitS > 0) return refuse(reply, 429, waitS, M.slowDown);

    let sessionId = req.body.sessionId;
    if (sessionId && sessionIds.verify(sessionId)) liveSessions.touch(sessionId);
    else {
      const newWait = await guard.newSessionLimited(req);
      if (newWait > 0) return refuse(reply, 429, newWait, M.slowDown);
      sessionId = sessionIds.issue();
      if (!liveSessions.open(sessionId)) return refuse(reply, 503, 60, M.busy);
    }
    const replies = await work.track(dispatcher.process(webToInbound(req.body, sessionId, now(), guard.origin(req))));
    return sendWebReplies(reply, replies ?? [], sessionId);
  });

  /**
   * POST /api/chat/poll `{sessionId}` → `{replies}`: what office staff wrote to this chat since
   * the last poll (hand-over). The page polls while it is open; replies are handed out once.
   */
  const take = opts.takeStaffReplies;
  if (!take) return;
  app.post("/api/chat/poll", { schema: { body: webPollRequestSchema }, attachValidation: true }, async (req, reply) => {
    if (req.validationError || !sessionIds.verify(req.body.sessionId)) return reply.code(400).send({ error: "unknown session" });
    const waitS = await guard.limited(req, "chat");
    if (waitS > 0) return reply.code(429).header("retry-after", String(waitS)).send({ error: "rate limited", replies: [] });
    return sendWebReplies(reply, await take(req.body.sessionId));
  });
};
