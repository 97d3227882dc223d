import { join } from "node:path";
import { encodeChoice, type ChoiceId } from "../../src/engine/choice-id.js";
import { createEngine, type Engine, type EngineOptions } from "../../src/engine/engine.js";
import type { Inbound, Turn } from "../../src/engine/types.js";
import { createFlowRunner, type Flow } from "../../src/flows/index.js";
import { createSearchIndex } from "../../src/knowledge/search.js";
import { loadSources, type Sources } from "../../src/runtime/core.js";
import { repliesToPlainText } from "../../src/runtime/plain-text.js";
import { fold } from "../../src/text/normalize.js";
import { conversation as engineConversation } from "../helpers/conversation.js";

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

/** The engine on another fixture knowledge base (test/fixtures/<name>/), without flows. */
export function fixtureEngineOn(name: string): Engine {
  const other = loadSources({ knowledgeDir: join(FIXTURES, name), flowsDir: join(FIXTURES, "flows"), now: 0 });
  if (other.problems.length) throw new Error(`fixtures: ${other.problems.map((p) => p.message).join("; ")}`);
  return createEngine({ knowledge: other.knowledge, index: createSearchIndex(other.knowledge.entries, other.knowledge.synonyms), intents: other.intents });
}

/** A citizen on one channel (Zalo by default: no buttons): each turn's session, as the store keeps it, feeds the next. */
export function conversation(engine: Engine, channel: Inbound["channel"] = "zalo") {
  const c = engineConversation(engine, { channel, stored: true });
  return {
    say: c.say,
    /** A button press: a choice, or an id as it arrives (one the bot sent, or a forged one). */
    press: (choice: ChoiceId | string) => c.press(typeof choice === "string" ? choice : encodeChoice(choice)),
    get session() {
      return c.session;
    },
    /** Lets time pass before the next message. */
    wait: c.wait,
    get clock() {
      return c.clock;
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
