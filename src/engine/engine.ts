import type { Knowledge } from "../knowledge/loader.js";
import type { SearchResult } from "../knowledge/search.js";
import { nfc, textKey } from "../text/normalize.js";
import { answerQuestion } from "./answer-question.js";
import { onChoice } from "./choice-turn.js";
import { createContext, type EngineContext, type EngineOptions } from "./context.js";
import { continueFlow, startFlow } from "./flow-bridge.js";
import { askStaff, handOverAwaited, maskQuestion } from "./handover.js";
import { intentFor, type IntentTurn } from "./intent-replies.js";
import { messageForms } from "./intents.js";
import { menuButton, menuChoices, surveyOfferChoices } from "./menu.js";
import { CHOICE_NUMBER, M, STAFF_COMMAND } from "./messages.js";
import { TurnBuilder } from "./turn-builder.js";
import { continueSession, type Choice, type Inbound, type Session, type Turn } from "./types.js";

export type { EngineOptions } from "./context.js";

/**
 * The conversation engine: pure. `handle(inbound, session)` returns the replies, the new session
 * and the effects (records to store, metrics) — it sends nothing and stores nothing, so every
 * channel, the CLI and the tests drive the very same logic.
 */
export interface Engine {
  handle(inbound: Inbound, session: Session | null): Turn;
  /**
   * The survey invitation at a natural end that is not a message from the citizen (a staff
   * hand-over case closed): one reply with the survey button, or no reply when it may not be
   * offered now (offered or answered lately, or a flow running). The session records the offer.
   */
  inviteSurvey(session: Session | null, at: number): Turn;
  /** The search behind the engine (for `ask --json`). */
  search(question: string): SearchResult;
  readonly knowledge: Knowledge;
}

export function createEngine(options: EngineOptions): Engine {
  const ctx = createContext(options);
  return {
    handle: (inbound, session) => handle(ctx, inbound, session),
    inviteSurvey: (session, at) => inviteSurvey(ctx, session, at),
    search: (q) => ctx.index.search(q),
    knowledge: ctx.knowledge,
  };
}

function handle(ctx: EngineContext, inbound: Inbound, previous: Session | null): Turn {
  const session = continueSession(previous);
  session.updatedAt = inbound.at;
  const out = new TurnBuilder(session);

  if (inbound.type === "unsupported") {
    out.reply([{ type: "text", text: M.unsupported }], menuChoices(ctx));
    return out.done();
  }
  if (inbound.type === "choice") return onChoice(ctx, inbound.choiceId, inbound, out);
  // A message cut at the channel's boundary is still answered, and the citizen is told why the
  // answer may miss the end of it.
  if (inbound.clipped) out.reply([{ type: "text", text: M.tooLong }]);

  const text = nfc(inbound.text).trim();
  if (!text) {
    out.reply([{ type: "text", text: M.emptyText }]);
    return out.done();
  }
  return onText(ctx, text, inbound, out);
}

function onText(ctx: EngineContext, text: string, inbound: Inbound, out: TurnBuilder): Turn {
  const session = out.session;
  const t: IntentTurn = { ctx, inbound, message: messageForms(text), out };

  // The bot asked for the question to pass on to staff: this message is it, unless it is a
  // command of its own ("hủy", "menu", a greeting).
  if (session.handoverAwaiting) {
    delete session.handoverAwaiting;
    return intentFor("always", t) ?? handOverAwaited(ctx, text, out);
  }

  // A reply of "2" or an option's words picks a choice on screen (Zalo has no buttons).
  const picked = matchChoice(textKey(text, { keep: "/?" }), session.choices);
  if (picked) return onChoice(ctx, picked.id, inbound, out);

  // "/canbo <question>": the question comes with the request.
  const typed = ctx.handover ? STAFF_COMMAND.exec(text)?.[1] : undefined;
  if (typed) {
    delete session.flow;
    return askStaff(ctx, maskQuestion(typed), out);
  }

  const always = intentFor("always", t);
  if (always) return always;

  if (session.flow && ctx.flows) return continueFlow(ctx, text, inbound, out);
  const trigger = ctx.flows?.triggered(text) ?? null;
  if (trigger && ctx.flows?.has(trigger)) return startFlow(ctx, trigger, inbound, out);

  return intentFor("idle", t) ?? answerQuestion(text, t);
}

/** "2", "2.", "số 2" pick the second choice; so does typing the option's words. */
export function matchChoice(key: string, choices: Choice[] | undefined): Choice | null {
  if (!choices?.length) return null;
  const num = CHOICE_NUMBER.exec(key);
  if (num) return choices[Number(num[1]) - 1] ?? null;
  // Labels are short: a long message is a question, not an option's words.
  if (key.length > 80) return null;
  return choices.find((c) => textKey(c.label) === key) ?? null;
}

function inviteSurvey(ctx: EngineContext, previous: Session | null, at: number): Turn {
  const session = continueSession(previous);
  const out = new TurnBuilder(session);
  const offer = surveyOfferChoices(ctx, session, at);
  if (offer.length) {
    session.surveyOfferedAt = at;
    out.reply([{ type: "text", text: M.surveyOffer }], [...offer, menuButton()]);
  }
  return out.done();
}
