import type { Engine } from "../../src/engine/engine.js";
import type { Effect, Inbound, Session, Turn } from "../../src/engine/types.js";

export interface ConversationOptions {
  /** Default "zalo": a channel without buttons. */
  channel?: Inbound["channel"];
  /** The clock before the first message, which comes `stepMs` later. Default 2026-11-23 08:00 UTC. */
  start?: number;
  /** Time between messages. Default one minute. */
  stepMs?: number;
  /** Pass the session on as the store keeps it (through JSON), not as the engine returned it. */
  stored?: boolean;
}

export interface Conversation {
  say(text: string): Turn;
  /** A button press (or the choice a numbered reply maps to), by choice id. */
  press(choiceId: string): Turn;
  /** The session the next message is handled with. */
  readonly session: Session | null;
  /** Every turn so far, first first. */
  readonly turns: readonly Turn[];
  /** The records the turns asked to store in `stream` (survey, unanswered, …). */
  records(stream: string): Array<Extract<Effect, { type: "record" }>["record"]>;
  /** Lets time pass before the next message. */
  wait(ms: number): void;
  /** The time of the last message sent. */
  readonly clock: number;
}

/**
 * One citizen talking to the pure engine, each turn's session feeding the next as the dispatcher
 * does. `engine` may be a getter, for engines built in `beforeAll`.
 */
export function conversation(engine: Engine | (() => Engine), options: ConversationOptions = {}): Conversation {
  const engineNow = typeof engine === "function" ? engine : () => engine;
  const channel = options.channel ?? "zalo";
  const step = options.stepMs ?? 60_000;
  let clock = options.start ?? Date.UTC(2026, 10, 23, 8);
  let session: Session | null = null;
  const turns: Turn[] = [];
  const send = (content: { type: "text"; text: string } | { type: "choice"; choiceId: string }): Turn => {
    clock += step;
    const turn = engineNow().handle({ ...content, channel, chatId: "c1", userId: "u1", at: clock } as Inbound, session);
    session = options.stored ? (JSON.parse(JSON.stringify(turn.session)) as Session) : turn.session;
    turns.push(turn);
    return turn;
  };
  return {
    say: (text) => send({ type: "text", text }),
    press: (choiceId) => send({ type: "choice", choiceId }),
    get session() {
      return session;
    },
    turns,
    records: (stream) => turns.flatMap((t) => t.effects).flatMap((e) => (e.type === "record" && e.stream === stream ? [e.record] : [])),
    wait(ms) {
      clock += ms;
    },
    get clock() {
      return clock;
    },
  };
}
