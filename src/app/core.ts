import { createEngine, type Engine } from "../engine/engine.js";
import { buildFlowRunner } from "../flows/index.js";
import { loadFlows } from "../flows/loader.js";
import { loadKnowledge } from "../knowledge/loader.js";
import { createSearchIndex } from "../knowledge/search.js";
import type { Problem } from "../knowledge/yaml-source.js";

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
  surveyOfferDays?: number;
  now?: number;
  /** Cache folder for one-shot commands (see LoadKnowledgeOptions.cacheDir). */
  cacheDir?: string;
}

export interface BuildResult {
  /** Absent when the knowledge has problems (strict) — the caller keeps the last good core. */
  core?: Core;
  problems: Problem[];
}

/**
 * Builds a core. With `strict`, any problem means no core (live reload keeps the old one);
 * without it, valid entries are served and problems only reported (CLI `ask`, `chat`).
 */
export function buildCore(options: CoreOptions, strict = false): BuildResult {
  const now = options.now ?? Date.now();
  const flowsForIds = loadFlows(options.flowsDir);
  const { knowledge, problems } = loadKnowledge(options.knowledgeDir, {
    flowIds: new Set(flowsForIds.flows.keys()),
    now,
    ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
  });
  const { runner, problems: flowProblems } = buildFlowRunner(options.flowsDir, new Set(knowledge.byId.keys()));
  const all = [...problems, ...flowProblems];
  if (strict && all.length > 0) return { problems: all };
  const index = createSearchIndex(knowledge.entries, knowledge.synonyms);
  const engine = createEngine({
    knowledge,
    index,
    ...(runner ? { flows: runner } : {}),
    ...(options.surveyOfferDays !== undefined ? { surveyOfferDays: options.surveyOfferDays } : {}),
  });
  // From the content itself: any edit (a fee, a level) gives a new version id staff can see live.
  const id = fingerprint(JSON.stringify(knowledge.entries) + JSON.stringify(knowledge.synonyms) + JSON.stringify([...flowsForIds.flows.entries()]));
  return {
    core: {
      engine,
      version: { loadedAt: now, entries: knowledge.entries.length, flows: flowsForIds.flows.size, files: knowledge.files.length, id },
    },
    problems: all,
  };
}

function fingerprint(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}
