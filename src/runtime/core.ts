import { CHOICE_ID_MAX_BYTES, entryChoiceIds } from "../engine/choice-id.js";
import { createEngine, type Engine } from "../engine/engine.js";
import { loadIntents, type IntentTable } from "../engine/intents.js";
import { createFlowRunner, type Flow } from "../flows/index.js";
import { checkFlows, readFlows } from "../flows/loader.js";
import { loadKnowledge, type Knowledge } from "../knowledge/loader.js";
import { createSearchIndex } from "../knowledge/search.js";
import { CHECK } from "../knowledge/staff-messages.js";
import type { Problem, YamlItem } from "../source/yaml-source.js";
import { sha256Hex } from "../text/hash.js";

/**
 * Knowledge + flows + index + engine, built together from the two folders. A running server
 * keeps one `Core` and swaps it whole on reload, so a request never sees half a version.
 */
export interface Core {
  engine: Engine;
  version: CoreVersion;
}

export interface CoreVersion {
  loadedAt: number;
  entries: number;
  flows: number;
  files: number;
  /** Short fingerprint of what was loaded (for "which version is live"). */
  id: string;
}

export interface CoreOptions {
  knowledgeDir: string;
  flowsDir: string;
  surveyOfferDays?: number | undefined;
  /** Fixed day for time-bound facts (DVC_TODAY); unset → the day of each message in Vietnam. */
  today?: string | undefined;
  now?: number | undefined;
  /** Staff take hand-over cases (`serve`); see EngineOptions.handover. Default false. */
  handover?: boolean | undefined;
  /** Cache folder for one-shot commands (see LoadKnowledgeOptions.cacheDir). */
  cacheDir?: string | undefined;
}

export interface BuildResult {
  /** Absent when the knowledge has problems (strict) — the caller keeps the last good core. */
  core?: Core;
  problems: Problem[];
}

export interface Sources {
  knowledge: Knowledge;
  /** Flows that passed every check, knowledge links included. */
  flows: Map<string, Flow>;
  /** Flows that are valid on their own (what `flow:` links in knowledge may name). */
  flowIds: Set<string>;
  /** The words that recognise greetings, requests for a person, refusals… (knowledge/intents.yaml). */
  intents: IntentTable;
  /** intents.yaml as parsed (for `dvc-bot check`'s warnings on it): absent when it is missing or not valid YAML, present even when the schema rejects it. */
  intentsSource?: YamlItem | undefined;
  /** Knowledge problems, then intent and flow problems. */
  problems: Problem[];
}

/**
 * Loads knowledge and flows with their cross-checks (a guide's `flow:` must name a flow; a flow's
 * `entry:` must name an entry). Flow files are read once and checked twice in memory.
 */
export function loadSources(options: Pick<CoreOptions, "knowledgeDir" | "flowsDir" | "now" | "cacheDir">): Sources {
  const read = readFlows(options.flowsDir);
  const flowIds = new Set(checkFlows(read).flows.keys());
  const { knowledge, problems } = loadKnowledge(options.knowledgeDir, { flowIds, now: options.now, cacheDir: options.cacheDir });
  const knowledgeIds = new Set(knowledge.byId.keys());
  const intents = loadIntents(options.knowledgeDir, knowledgeIds, knowledge.synonyms.abbreviations);
  const flows = checkFlows(read, { knowledgeIds });
  return { knowledge, flows: flows.flows, flowIds, intents: intents.table, intentsSource: intents.source, problems: [...problems, ...intents.problems, ...idLengthProblems(knowledge), ...flows.problems] };
}

/** Entry ids too long for the buttons the engine builds from them (Telegram callback data). */
function idLengthProblems(knowledge: Knowledge): Problem[] {
  const out: Problem[] = [];
  for (const entry of knowledge.entries) {
    const longest = Math.max(...entryChoiceIds(entry.id).map((id) => Buffer.byteLength(id, "utf8")));
    if (longest <= CHOICE_ID_MAX_BYTES) continue;
    const origin = knowledge.origins.get(entry.id);
    const allowed = Buffer.byteLength(entry.id, "utf8") - (longest - CHOICE_ID_MAX_BYTES);
    out.push({ file: origin?.file ?? "knowledge", line: origin?.line ?? 1, message: `knowledge: ${CHECK.idTooLong(entry.id, longest, CHOICE_ID_MAX_BYTES, allowed)}` });
  }
  return out;
}

/**
 * Builds a core. With `strict`, any problem means no core (live reload keeps the old one);
 * without it, valid entries are served and problems only reported (CLI `ask`, `chat`).
 */
export function buildCore(options: CoreOptions, strict = false): BuildResult {
  const now = options.now ?? Date.now();
  const { knowledge, flows, flowIds, intents, problems: all } = loadSources({ ...options, now });
  const runner = flows.size > 0 ? createFlowRunner(flows) : undefined;
  if (strict && all.length > 0) return { problems: all };
  const index = createSearchIndex(knowledge.entries, knowledge.synonyms);
  const engine = createEngine({ knowledge, index, intents, flows: runner, surveyOfferDays: options.surveyOfferDays, today: options.today, handover: options.handover });
  // From the content itself: any edit (a fee, a level) gives a new version id staff can see live.
  const content = JSON.stringify(knowledge.entries) + JSON.stringify(knowledge.synonyms) + JSON.stringify(intents.data) + JSON.stringify([...flows.entries()]);
  const id = sha256Hex(content).slice(0, VERSION_ID_HEX);
  return {
    core: {
      engine,
      version: { loadedAt: now, entries: knowledge.entries.length, flows: flowIds.size, files: knowledge.files.length, id },
    },
    problems: all,
  };
}

/** Hex digits of the version id: short enough to read out, long enough that two versions seldom share one. */
const VERSION_ID_HEX = 8;
