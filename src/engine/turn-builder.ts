import { M } from "./messages.js";
import type { Block, Choice, Effect, RecordStream, Reply, Session, Turn } from "./types.js";

/** Collects one turn's replies and effects over the session being changed; `done()` seals it. */
export class TurnBuilder {
  readonly replies: Reply[] = [];
  readonly effects: Effect[] = [];
  constructor(readonly session: Session) {}

  reply(blocks: Block[], choices: Choice[] = [], layout?: Reply["choiceLayout"]): void {
    const r: Reply = { blocks };
    if (choices.length) r.choices = choices;
    if (layout) r.choiceLayout = layout;
    this.replies.push(r);
  }
  record(stream: RecordStream, record: Record<string, unknown>): void {
    this.effects.push({ type: "record", stream, record });
  }
  metric(name: "answered" | "unanswered" | "fallback" | "flow", labels?: Record<string, string>): void {
    this.effects.push(labels ? { type: "metric", name, labels } : { type: "metric", name });
  }
  effect(e: Effect): void {
    this.effects.push(e);
  }
  /** Adds choices to the last reply (a new empty reply would show as a blank message). */
  addChoices(choices: Choice[]): void {
    const last = this.replies.at(-1);
    if (!last) return this.reply([{ type: "text", text: M.menuPrompt }], choices);
    last.choices = [...(last.choices ?? []), ...choices];
  }
  lastChoicesOffered(id: string): boolean {
    return this.replies.some((r) => r.choices?.some((c) => c.id === id));
  }
  done(): Turn {
    // One list of choices per turn, on the last reply that has any, so "2" is never ambiguous
    // on channels that number choices instead of showing buttons.
    const all: Choice[] = [];
    let holder: Reply | undefined;
    for (const r of this.replies) {
      if (!r.choices) continue;
      for (const c of r.choices) if (!all.some((x) => x.id === c.id)) all.push(c);
      holder = r;
      delete r.choices;
    }
    if (holder && all.length) {
      holder.choices = all;
      this.session.choices = all;
    } else delete this.session.choices;
    return { replies: this.replies, session: this.session, effects: this.effects };
  }
}
