import { maskPersonalData } from "../text/mask.js";
import { nfc } from "../text/normalize.js";
import { encodeChoice } from "./choice-id.js";
import type { EngineContext } from "./context.js";
import { CHOICE_LABELS, M } from "./messages.js";
import type { TurnBuilder } from "./turn-builder.js";
import type { Choice, Session, Turn } from "./types.js";

/**
 * Handing a conversation over to office staff, as the engine sees it: a `handover` effect with
 * the question (masked) and what the bot last said; the caller opens the case and confirms.
 */

/** The one-tap "Hỏi cán bộ" choice, when staff are on hand (none in the terminal). */
export function staffChoices(ctx: EngineContext): Choice[] {
  return ctx.handover ? [{ id: encodeChoice({ kind: "staff" }), label: CHOICE_LABELS.askStaff }] : [];
}

/** Hands over `question`, or the last unanswered one, or asks the citizen for it. */
export function askStaff(ctx: EngineContext, question: string | undefined, out: TurnBuilder): Turn {
  const session = out.session;
  const q = question ?? session.lastUnanswered;
  if (!q) {
    session.handoverAwaiting = true;
    out.reply([{ type: "text", text: M.handoverAskQuestion }]);
    return out.done();
  }
  return handOver(ctx, q, q === session.lastUnanswered, out);
}

/** The question the bot asked for (`handoverAwaiting`) has come: pass it on. */
export function handOverAwaited(ctx: EngineContext, text: string, out: TurnBuilder): Turn {
  return handOver(ctx, maskQuestion(text), false, out);
}

function handOver(ctx: EngineContext, question: string, unanswered: boolean, out: TurnBuilder): Turn {
  const lastAnswer = lastAnswerOf(ctx, out.session, unanswered);
  delete out.session.lastUnanswered;
  delete out.session.handoverAwaiting;
  out.effect({ type: "handover", question, lastAnswer });
  return out.done();
}

/** What the bot last told this citizen, in a few words for staff. */
function lastAnswerOf(ctx: EngineContext, session: Session, unanswered: boolean): string {
  if (unanswered) return M.handoverLastNotFound;
  const e = ctx.entry(session.lastEntryId);
  return e ? e.title : M.handoverLastNone;
}

/** A question as staff may read and the store may keep it: personal numbers masked, bounded. */
export function maskQuestion(text: string): string {
  return maskPersonalData(nfc(text)).replace(/\s+/g, " ").trim().slice(0, 1000);
}
