import type { StepChoice } from "./choice-id.js";
import type { EngineContext } from "./context.js";
import { answerEntry } from "./entry-answer.js";
import type { FlowContext, FlowTurn } from "./flow-port.js";
import { menuButton, menuChoices } from "./menu.js";
import { M } from "./messages.js";
import type { TurnBuilder } from "./turn-builder.js";
import type { Inbound, Session, Turn } from "./types.js";

/** Guided flows seen from the engine: it starts them, feeds them input and applies what they return. */

export function startFlow(ctx: EngineContext, flowId: string, inbound: Inbound, out: TurnBuilder): Turn {
  const fc = flowContext(ctx, inbound, out.session);
  out.metric("flow", { flow: flowId });
  return applyFlow(ctx, ctx.flows!.start(flowId, fc), inbound, out);
}

/** A message typed while a flow runs: the flow's input. */
export function continueFlow(ctx: EngineContext, text: string, inbound: Inbound, out: TurnBuilder): Turn {
  const session = out.session;
  return applyFlow(ctx, ctx.flows!.handle({ type: "text", text }, session.flow!, flowContext(ctx, inbound, session)), inbound, out);
}

/** A flow's button pressed: its answer, or, when the flow has ended, the menu instead of a guess. */
export function onStepChoice(ctx: EngineContext, choice: StepChoice, inbound: Inbound, out: TurnBuilder): Turn {
  const session = out.session;
  if (session.flow && ctx.flows) return applyFlow(ctx, ctx.flows.handle({ type: "choice", choice }, session.flow, flowContext(ctx, inbound, session)), inbound, out);
  out.reply([{ type: "text", text: M.menuPrompt }], menuChoices(ctx));
  return out.done();
}

function applyFlow(ctx: EngineContext, turn: FlowTurn, inbound: Inbound, out: TurnBuilder): Turn {
  const session = out.session;
  if (turn.state) session.flow = turn.state;
  else delete session.flow;
  if (turn.sessionPatch) Object.assign(session, turn.sessionPatch);
  for (const r of turn.replies) out.reply(r.blocks, r.choices ?? [], r.choiceLayout);
  for (const e of turn.effects) out.effect(e);
  // A flow that ended with nothing to press (the survey's thank-you) leaves the menu, not a dead end.
  if (!turn.state && !turn.showEntry && !turn.replies.some((r) => r.choices?.length)) out.addChoices([menuButton()]);
  if (turn.showEntry) {
    const e = ctx.entry(turn.showEntry);
    if (e) return answerEntry(ctx, e, new Set(), inbound, out);
  }
  return out.done();
}

function flowContext(ctx: EngineContext, inbound: Inbound, session: Session): FlowContext {
  return { inbound, session, now: inbound.at, search: (q) => ctx.index.search(q), entry: ctx.entry };
}
