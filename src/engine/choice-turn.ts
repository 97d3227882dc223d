import { decodeChoice, encodeChoice, type ChoiceId } from "./choice-id.js";
import type { EngineContext } from "./context.js";
import { answerEntry } from "./entry-answer.js";
import { onStepChoice, startFlow } from "./flow-bridge.js";
import { askStaff } from "./handover.js";
import { menuButton, menuGuide, showMenu, SURVEY_FLOW, surveyOfferChoices } from "./menu.js";
import { M } from "./messages.js";
import type { TurnBuilder } from "./turn-builder.js";
import type { Inbound, Turn } from "./types.js";

/**
 * A button pressed (or picked by its number on Zalo). An id this code never built, or one whose
 * entry or flow is gone (a button in an old chat), gets the menu.
 */
export function onChoice(ctx: EngineContext, choiceId: string, inbound: Inbound, out: TurnBuilder): Turn {
  delete out.session.handoverAwaiting;
  const choice = decodeChoice(choiceId);
  return (choice && onKnownChoice(ctx, choice, inbound, out)) ?? showMenu(ctx, out);
}

/** The turn for a choice, or null when what it points to is gone. */
function onKnownChoice(ctx: EngineContext, choice: ChoiceId, inbound: Inbound, out: TurnBuilder): Turn | null {
  switch (choice.kind) {
    case "staff":
      return ctx.handover ? askStaff(ctx, undefined, out) : null;
    case "step":
      return onStepChoice(ctx, choice, inbound, out);
    case "menu":
      return null;
    case "entry": {
      const e = ctx.entry(choice.entry);
      return e ? answerEntry(ctx, e, new Set(), inbound, out) : null;
    }
    case "facets": {
      const e = ctx.entry(choice.entry);
      return e ? answerEntry(ctx, e, new Set(choice.facets), inbound, out) : null;
    }
    case "flow": {
      if (ctx.flows?.has(choice.flow)) return startFlow(ctx, choice.flow, inbound, out);
      const e = menuGuide(ctx, choice.flow);
      return e ? answerEntry(ctx, e, new Set(), inbound, out) : null;
    }
    case "helpful":
      return onHelpful(ctx, choice.entry, choice.helpful, inbound, out);
  }
}

function onHelpful(ctx: EngineContext, entryId: string, helpful: boolean, inbound: Inbound, out: TurnBuilder): Turn {
  const session = out.session;
  // Counted only for an answer this session was shown and has not voted on yet: a forged vote
  // for any entry or a second press of the same button is thanked but not counted.
  if (session.shown?.includes(entryId)) {
    out.record("helpful", { entryId, helpful, channel: inbound.channel });
    session.shown = session.shown.filter((id) => id !== entryId);
  }
  out.reply([{ type: "text", text: helpful ? M.helpfulThanks : M.notHelpfulReply }], helpful ? surveyOfferChoices(ctx, session, inbound.at) : [menuButton()]);
  if (helpful && out.lastChoicesOffered(encodeChoice({ kind: "flow", flow: SURVEY_FLOW }))) session.surveyOfferedAt = inbound.at;
  return out.done();
}
