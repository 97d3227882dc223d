import { fold } from "../text/normalize.js";
import { CONTRACT_WORDS } from "./messages.js";
import { flowSchema, type Flow, type Step } from "./schema.js";
import { CHECK, FLOW } from "../knowledge/staff-messages.js";
import { deadLinkProblems, displayPath, listYamlFiles, parseYamlItems, zodProblems, type Problem, type YamlItem } from "../source/yaml-source.js";

export interface LoadedFlows {
  flows: Map<string, Flow>;
  problems: Problem[];
}

export interface LoadFlowsOptions {
  /** Knowledge ids that exist, to check `entry:` links. Unchecked when omitted. */
  knowledgeIds?: ReadonlySet<string>;
}

/** Flow files read and schema-checked, before cross-checks: parse once, check as often as needed. */
export interface ReadFlows {
  parsed: Array<{ flow: Flow; item: YamlItem }>;
  problems: Problem[];
}

/**
 * Loads every flow under `dir`, collecting every problem (syntax, schema, duplicate ids, unknown
 * or unreachable steps, unknown knowledge ids, wording the survey contract relies on) as
 * `path:line: message`. Flows with problems are left out; the rest load.
 */
export function loadFlows(dir: string, options: LoadFlowsOptions = {}): LoadedFlows {
  return checkFlows(readFlows(dir), options);
}

/** Reads and schema-checks the flow files (syntax, schema and duplicate-id problems). */
export function readFlows(dir: string): ReadFlows {
  const problems: Problem[] = [];
  const origins = new Map<string, { file: string; line: number }>();
  const parsed: ReadFlows["parsed"] = [];

  for (const file of listYamlFiles(dir)) {
    const shown = displayPath(file);
    const { items, problems: syntax } = parseYamlItems(file, shown);
    problems.push(...syntax);
    for (const item of items) {
      problems.push(...deadLinkProblems(item));
      const result = flowSchema.safeParse(item.value);
      if (!result.success) {
        problems.push(...zodProblems(item, result.error, "flow: "));
        continue;
      }
      const flow = result.data;
      const seen = origins.get(flow.id);
      if (seen) {
        problems.push({ file: shown, line: item.lineOf(["id"]), message: `flow: ${CHECK.duplicateFlowId(flow.id, `${seen.file}:${seen.line}`)}` });
        continue;
      }
      origins.set(flow.id, { file: shown, line: item.lineOf(["id"]) });
      parsed.push({ flow, item });
    }
  }
  return { parsed, problems };
}

/** Cross-checks read flows (steps, links to other flows and, when given, to knowledge ids); no I/O. */
export function checkFlows(read: ReadFlows, options: LoadFlowsOptions = {}): LoadedFlows {
  const problems = [...read.problems];
  const flows = new Map<string, Flow>();
  const flowIds = new Set(read.parsed.map((p) => p.flow.id));
  for (const { flow, item } of read.parsed) {
    const own = checkFlow(flow, item, flowIds, options.knowledgeIds);
    problems.push(...own);
    if (own.length === 0) flows.set(flow.id, flow);
  }
  return { flows, problems };
}

/** Reports a problem at a path of the flow's file. */
type At = (path: PropertyKey[], message: string) => void;

interface FlowCheck {
  flow: Flow;
  at: At;
  has(stepId: string): boolean;
  flowIds: ReadonlySet<string>;
  knowledgeIds: ReadonlySet<string> | undefined;
}

/** Cross-checks inside one flow (and its links to other flows and to knowledge). */
function checkFlow(flow: Flow, item: YamlItem, flowIds: ReadonlySet<string>, knowledgeIds: ReadonlySet<string> | undefined): Problem[] {
  const problems: Problem[] = [];
  const check: FlowCheck = {
    flow,
    at: (path, message) => problems.push({ file: item.file, line: item.lineOf(path), message: `flow ${flow.id}: ${message}` }),
    has: (id) => Object.hasOwn(flow.steps, id),
    flowIds,
    knowledgeIds,
  };
  if (!check.has(flow.start)) check.at(["start"], FLOW.unknownStep(flow.start));
  const edges = new Map<string, string[]>();
  for (const [id, s] of Object.entries(flow.steps)) {
    edges.set(id, stepEdges(check, id, s));
    checkStepRules(check, id, s);
  }
  checkReachable(check, edges);
  checkLoops(check);
  return problems;
}

/** The steps this step leads to; references to unknown steps, entries and flows are reported. */
function stepEdges({ at, has, flowIds, knowledgeIds }: FlowCheck, id: string, s: Step): string[] {
  const out: string[] = [];
  const stepRef = (target: string | undefined, path: PropertyKey[]) => {
    if (target === undefined) return;
    if (!has(target)) at(path, FLOW.unknownStep(target));
    else out.push(target);
  };
  const entryRef = (target: string | undefined, path: PropertyKey[]) => {
    if (target !== undefined && knowledgeIds && !knowledgeIds.has(target)) at(path, FLOW.unknownKnowledge(target));
  };
  stepRef(s.next, ["steps", id, "next"]);
  stepRef(s.not_found, ["steps", id, "not_found"]);
  entryRef(s.entry, ["steps", id, "entry"]);
  s.choices?.forEach((c, i) => {
    stepRef(c.next, ["steps", id, "choices", i, "next"]);
    entryRef(c.entry, ["steps", id, "choices", i, "entry"]);
    if (c.flow !== undefined && !flowIds.has(c.flow)) at(["steps", id, "choices", i, "flow"], FLOW.unknownFlow(c.flow));
    const goes = c.next ?? c.entry ?? c.entry_from ?? c.flow ?? c.menu ?? s.next;
    if (goes === undefined) at(["steps", id, "choices", i], FLOW.choiceGoesNowhere);
  });
  return out;
}

/**
 * What the schema cannot see in one field: inputs need `next`, ratings need `save` and labels,
 * and the wording the survey contract (and the acceptance scripts) rely on. Fields that belong
 * to another kind of step are the schema's to refuse.
 */
function checkStepRules({ flow, at }: FlowCheck, id: string, s: Step): void {
  if (s.input && !s.next) at(["steps", id, "input"], FLOW.inputNeedsNext);
  if (s.input === "rating" && !s.save) at(["steps", id, "input"], FLOW.ratingNeedsSave);
  if (s.input === "rating" && !flow.rating_labels) at(["steps", id, "input"], FLOW.ratingNeedsLabels);
  if (s.input === "rating" && s.optional) at(["steps", id, "optional"], FLOW.ratingNotOptional);
  if (s.input === undefined && s.entry && (s.next || s.choices.length)) at(["steps", id, "entry"], FLOW.entryEnds);
  if (s.input === undefined && s.say_if_some_low && !s.overall_rating) at(["steps", id, "say_if_some_low"], FLOW.sayIfSomeLowNeedsOverall);
  if (s.optional && !mentions(s, CONTRACT_WORDS.skip)) at(["steps", id, "say"], FLOW.optionalMustSaySkip);
  if (s.input === "rating" && mentions(s, CONTRACT_WORDS.skip)) at(["steps", id, "say"], FLOW.ratingNoSkip);
  if (flow.record && waitsOrGoesOn(s) && mentions(s, CONTRACT_WORDS.thanks)) at(["steps", id, "say"], FLOW.thanksOnlyAtEnd);
}

/** Everything must be reachable from the start. */
function checkReachable({ flow, at, has }: FlowCheck, edges: ReadonlyMap<string, string[]>): void {
  if (!has(flow.start)) return;
  const seen = new Set<string>();
  const queue = [flow.start];
  while (queue.length) {
    const id = queue.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    queue.push(...(edges.get(id) ?? []));
  }
  for (const id of Object.keys(flow.steps)) if (!seen.has(id)) at(["steps", id], FLOW.unreachable(id, flow.start));
}

/** Plain messages that only lead to each other would never wait for the citizen. */
function checkLoops({ flow, at }: FlowCheck): void {
  const steps = flow.steps;
  for (const id of Object.keys(steps)) {
    let cur: string | undefined = id;
    const path = new Set<string>();
    while (cur && steps[cur] && !waitsFor(steps[cur]!)) {
      if (path.has(cur)) {
        at(["steps", id, "next"], FLOW.loop([...path].join(" → ")));
        break;
      }
      path.add(cur);
      cur = steps[cur]!.next;
    }
  }
}

function waitsFor(s: Step): boolean {
  return s.input !== undefined || s.choices.length > 0;
}

function waitsOrGoesOn(s: Step): boolean {
  return waitsFor(s) || s.next !== undefined;
}

function mentions(s: Step, words: RegExp): boolean {
  return words.test(fold(s.say));
}
