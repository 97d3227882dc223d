import { evalAnswer, type EvalAnswer } from "../knowledge/eval.js";
import type { Engine } from "./engine.js";
import { newSession } from "./types.js";

/**
 * What a citizen who opens a conversation with `q` is shown, read like {@link evalAnswer}: the
 * search's ranking, but a card or a clarifying question only when the engine shows one — a
 * refusal ("mua bằng lái không cần thi"), the out-of-domain line or another intent reply is
 * neither, whatever the search alone would have said (as `ask --json` reads it).
 */
export function engineEvalAnswer(engine: Engine, q: string): EvalAnswer {
  const a = evalAnswer(engine.search(q));
  const turn = engine.handle({ type: "text", text: q, channel: "cli", chatId: "eval", userId: "eval", at: 0 }, newSession());
  const shownKinds = new Set(turn.effects.flatMap((e) => (e.type === "metric" && e.name === "answered" ? [e.labels?.kind ?? ""] : [])));
  const card = ["procedure", "guide", "faq"].some((k) => shownKinds.has(k));
  if (card && a.answered) return a;
  const { options, ...rest } = a;
  return { ...rest, answered: false, options: shownKinds.has("clarify") ? options : undefined };
}
