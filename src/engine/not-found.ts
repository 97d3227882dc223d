import type { SearchHit } from "../knowledge/search.js";
import { maskPersonalData } from "../text/mask.js";
import { fold } from "../text/normalize.js";
import { fitting } from "./choice-id.js";
import type { EngineContext } from "./context.js";
import { entryChoice } from "./entry-answer.js";
import { maskQuestion, staffChoices } from "./handover.js";
import { menuButton } from "./menu.js";
import { M, PORTAL_SEARCH_URL } from "./messages.js";
import type { TurnBuilder } from "./turn-builder.js";
import type { Block, Inbound, Turn } from "./types.js";

/** "I don't know": the question and its options together, then the portal and the hotline. */
export function notFound(
  ctx: EngineContext,
  text: string,
  suggestions: SearchHit[],
  inbound: Inbound,
  out: TurnBuilder,
  reply: { opening: string; rephrase: boolean; heading?: string; ways?: boolean } = { opening: M.notFound, rephrase: true },
): Turn {
  // `ways: false`: the portal and hotline are not the way forward (a fine's amount is not a procedure to look up).
  const ways: Block[] =
    reply.ways === false
      ? []
      : [
          { type: "text", text: M.fallbackWayForward },
          { type: "link", url: PORTAL_SEARCH_URL, label: M.portalSearchLabel },
        ];
  const menu = menuButton();
  // Every "I don't know" can go to a person, with this very question.
  const staff = staffChoices(ctx);
  if (ctx.handover) out.session.lastUnanswered = maskQuestion(text);
  if (suggestions.length) {
    out.reply([{ type: "text", text: reply.opening }, { type: "text", text: reply.heading ?? (suggestions.length === 1 ? M.didYouMeanOne : M.didYouMean) }], [...fitting(suggestions.map((h) => entryChoice(h.entry, new Set()))), ...staff, menu]);
    if (ways.length) out.reply(ways);
  } else {
    const rephrase: Block[] = reply.rephrase ? [{ type: "text", text: M.rephrase }] : [];
    out.reply([{ type: "text", text: reply.opening }, ...rephrase, ...ways], [...staff, menu]);
  }
  const closest = suggestions[0];
  // What the citizen wrote (masked, with its diacritics) for the administrator to read; the
  // folded key groups "cho tôi gặp cán bộ" with "cho toi gap can bo".
  const query = maskPersonalData(text).replace(/\s+/g, " ").trim().slice(0, 200);
  out.record("unanswered", {
    query,
    key: fold(query),
    channel: inbound.channel,
    closest: closest?.entry.id,
    closestScore: closest?.score,
  });
  out.metric("unanswered");
  return out.done();
}
