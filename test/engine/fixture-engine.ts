import { join } from "node:path";
import { encodeChoice, type ChoiceId } from "../../src/engine/choice-id.js";
import { createEngine, type Engine, type EngineOptions } from "../../src/engine/engine.js";
import type { Inbound, Session, Turn } from "../../src/engine/types.js";
import { createFlowRunner, type Flow } from "../../src/flows/index.js";
import { createSearchIndex } from "../../src/knowledge/search.js";
import { loadSources, type Sources } from "../../src/runtime/core.js";
import { repliesToPlainText } from "../../src/runtime/plain-text.js";
import { fold } from "../../src/text/normalize.js";

/**
 * The engine on a small fixture knowledge base written for these tests (test/fixtures/), so a
 * change of wording or fees in the real knowledge/ never breaks them.
 */
const FIXTURES = join(import.meta.dirname, "../fixtures");
let sources: Sources | undefined;
let index: ReturnType<typeof createSearchIndex> | undefined;

export interface FixtureEngineOptions extends Partial<Omit<EngineOptions, "knowledge" | "index" | "flows">> {
  /** Flows instead of test/fixtures/flows (a two-question survey); [] for none. */
  flows?: Flow[];
}

export function fixtureEngine(options: FixtureEngineOptions = {}): Engine {
  sources ??= loadSources({ knowledgeDir: join(FIXTURES, "knowledge"), flowsDir: join(FIXTURES, "flows"), now: 0 });
  if (sources.problems.length) throw new Error(`fixtures: ${sources.problems.map((p) => p.message).join("; ")}`);
  index ??= createSearchIndex(sources.knowledge.entries, sources.knowledge.synonyms);
  const { flows, ...rest } = options;
  const map = flows ? new Map(flows.map((f) => [f.id, f])) : sources.flows;
  return createEngine({ knowledge: sources.knowledge, index, intents: sources.intents, ...(map.size ? { flows: createFlowRunner(map) } : {}), ...rest });
}

/** A citizen on one channel (Zalo by default: no buttons): each turn's session feeds the next. */
export function conversation(engine: Engine, channel: Inbound["channel"] = "zalo") {
  let session: Session | null = null;
  let clock = Date.UTC(2026, 10, 23, 8);
  type Content = { type: "text"; text: string } | { type: "choice"; choiceId: string };
  const send = (content: Content): Turn => {
    clock += 60_000;
    const turn = engine.handle({ ...content, channel, chatId: "c1", userId: "u1", at: clock } as Inbound, session);
    // As the store keeps it.
    session = JSON.parse(JSON.stringify(turn.session)) as Session;
    return turn;
  };
  return {
    say: (text: string) => send({ type: "text", text }),
    /** A button press: a choice, or an id as it arrives (one the bot sent, or a forged one). */
    press: (choice: ChoiceId | string) => send({ type: "choice", choiceId: typeof choice === "string" ? choice : encodeChoice(choice) }),
    get session() {
      return session;
    },
    /** Lets time pass before the next message. */
    wait(ms: number) {
      clock += ms;
    },
    get clock() {
      return clock;
    },
  };
}

/** What the citizen reads, folded (assertions ignore diacritics and case). */
export const text = (turn: Turn) => fold(repliesToPlainText(turn.replies));
export const choices = (turn: Turn) => turn.replies.flatMap((r) => r.choices ?? []);
export const ids = (turn: Turn) => choices(turn).map((c) => c.id);
export const heading = (turn: Turn) => {
  const h = turn.replies[0]?.blocks.find((b) => b.type === "heading");
  return h && h.type === "heading" ? h.text : undefined;
};
/** What the card shows first after its heading and level badge: the facet asked for. */
export const firstSection = (turn: Turn) => fold(repliesToPlainText([{ blocks: turn.replies[0]!.blocks.slice(2, 3) }]));
export const records = (turn: Turn, stream: string) => turn.effects.filter((e) => e.type === "record" && e.stream === stream);

/** The ids the engine builds, for assertions. */
export const MENU_ID = encodeChoice({ kind: "menu" });
export const SURVEY_ID = encodeChoice({ kind: "flow", flow: "survey" });
export const entryId = (entry: string) => encodeChoice({ kind: "entry", entry });
