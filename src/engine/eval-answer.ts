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
  const result = engine.search(q);
  const a = evalAnswer(result);
  const turn = engine.handle({ type: "text", text: q, channel: "cli", chatId: "eval", userId: "eval", at: 0 }, newSession());
  const shownKinds = new Set(turn.effects.flatMap((e) => (e.type === "metric" && e.name === "answered" ? [e.labels?.kind ?? ""] : [])));
  const card = ["procedure", "guide", "faq"].some((k) => shownKinds.has(k));
  const shown = card && turn.session.lastEntryId ? engine.knowledge.byId.get(turn.session.lastEntryId) : undefined;
  // An intent may show a card the search alone would not ("hồ sơ … mấy tuần rồi mà chưa có" → the
  // lookup guide): the card shown is the answer, ranked first.
  if (shown && !(a.answered && (a.ids?.[0] ?? null) === shown.id)) {
    const rest = (a.ids ?? []).map((id, i) => ({ id, title: a.titles[i] ?? "" })).filter((h) => h.id !== shown.id);
    // Its score is the search's for that entry (0 when the search did not rank it).
    const score = result.hits.find((h) => h.entry.id === shown.id)?.score ?? 0;
    return { answered: true, titles: [shown.title, ...rest.map((h) => h.title)], ids: [shown.id, ...rest.map((h) => h.id)], score };
  }
  if (card && a.answered) return a;
  const { options, ...rest } = a;
  return { ...rest, answered: false, options: shownKinds.has("clarify") ? options : undefined };
}
