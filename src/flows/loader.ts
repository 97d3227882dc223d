import type { z } from "zod";
import { fold } from "../text/normalize.js";
import { flowSchema, type Flow, type Step } from "./schema.js";
import { deadLinkProblems, displayPath, listYamlFiles, parseYamlItems, zodProblems, type Problem, type YamlItem } from "../knowledge/yaml-source.js";

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
        problems.push(...schemaProblems(item, result.error));
        continue;
      }
      const flow = result.data;
      const seen = origins.get(flow.id);
      if (seen) {
        problems.push({ file: shown, line: item.lineOf(["id"]), message: `flow: duplicate flow id "${flow.id}" (first in ${seen.file}:${seen.line})` });
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

/** Cross-checks inside one flow (and its links to other flows and to knowledge). */
function checkFlow(flow: Flow, item: YamlItem, flowIds: ReadonlySet<string>, knowledgeIds: ReadonlySet<string> | undefined): Problem[] {
  const problems: Problem[] = [];
  const at = (path: PropertyKey[], message: string) => problems.push({ file: item.file, line: item.lineOf(path), message: `flow ${flow.id}: ${message}` });
  const steps = flow.steps;
  const has = (id: string) => Object.hasOwn(steps, id);

  if (!has(flow.start)) at(["start"], `unknown step "${flow.start}"`);
  const edges = new Map<string, string[]>();
  for (const [id, s] of Object.entries(steps)) {
    const out: string[] = [];
    const stepRef = (target: string | undefined, path: PropertyKey[]) => {
      if (target === undefined) return;
      if (!has(target)) at(path, `unknown step "${target}"`);
      else out.push(target);
    };
    const entryRef = (target: string | undefined, path: PropertyKey[]) => {
      if (target !== undefined && knowledgeIds && !knowledgeIds.has(target)) at(path, `unknown knowledge id "${target}"`);
    };
    stepRef(s.next, ["steps", id, "next"]);
    stepRef(s.not_found, ["steps", id, "not_found"]);
    entryRef(s.entry, ["steps", id, "entry"]);
    s.choices.forEach((c, i) => {
      stepRef(c.next, ["steps", id, "choices", i, "next"]);
      entryRef(c.entry, ["steps", id, "choices", i, "entry"]);
      if (c.flow !== undefined && !flowIds.has(c.flow)) at(["steps", id, "choices", i, "flow"], `unknown flow "${c.flow}"`);
      const goes = c.next ?? c.entry ?? c.entry_from ?? c.flow ?? c.menu ?? s.next;
      if (goes === undefined) at(["steps", id, "choices", i], "choice goes nowhere: give it next/entry/flow/menu or give the step a next");
    });

    if (s.input && s.choices.length) at(["steps", id, "choices"], `an "${s.input}" step cannot also have choices`);
    if (s.input && !s.next) at(["steps", id, "input"], "an input step needs a next step");
    if (s.input === "rating" && !s.save) at(["steps", id, "input"], "a rating step needs save: <aspect key>");
    if (s.input === "rating" && !flow.rating_labels) at(["steps", id, "input"], "rating steps need rating_labels on the flow");
    if (s.input === "rating" && s.optional) at(["steps", id, "optional"], "a rating step is not optional (the survey counts on every rating)");
    if (s.entry && (s.next || s.input || s.choices.length)) at(["steps", id, "entry"], "entry ends the flow: it goes on a final step (no next, input or choices)");
    if (s.not_applicable && s.input !== "rating") at(["steps", id, "not_applicable"], "not_applicable is only for rating input");
    if (s.say_if_some_low && !s.overall_rating) at(["steps", id, "say_if_some_low"], "say_if_some_low needs overall_rating: <the overall rating's save key>");
    if (s.not_found && s.input !== "procedure") at(["steps", id, "not_found"], "not_found is only for procedure input");
    // Wording the survey contract (and the acceptance scripts) rely on.
    if (s.optional && !mentionsSkip(s)) at(["steps", id, "say"], 'an optional step must tell the citizen it can be skipped with "bỏ qua"');
    if (s.input === "rating" && mentionsSkip(s)) at(["steps", id, "say"], 'a rating step must not offer "bỏ qua" (ratings cannot be skipped)');
    if (flow.record && (s.input || s.choices.length || s.next) && /\bcam on\b/.test(fold(s.say))) {
      at(["steps", id, "say"], 'only the final step of a survey says "cảm ơn" (it marks the end)');
    }
    edges.set(id, out);
  }

  // Everything must be reachable from the start.
  const seen = new Set<string>();
  const queue = has(flow.start) ? [flow.start] : [];
  while (queue.length) {
    const id = queue.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    queue.push(...(edges.get(id) ?? []));
  }
  for (const id of Object.keys(steps)) if (has(flow.start) && !seen.has(id)) at(["steps", id], `step "${id}" is unreachable from start "${flow.start}"`);

  // Plain messages that only lead to each other would never wait for the citizen.
  for (const id of Object.keys(steps)) {
    let cur: string | undefined = id;
    const path = new Set<string>();
    while (cur && steps[cur] && !waitsFor(steps[cur]!)) {
      if (path.has(cur)) {
        at(["steps", id, "next"], `steps loop without a question: ${[...path].join(" → ")}`);
        break;
      }
      path.add(cur);
      cur = steps[cur]!.next;
    }
  }
  return problems;
}

/** zod problems, with unknown fields pointed at their own line (not their parent's). */
function schemaProblems(item: YamlItem, error: z.ZodError): Problem[] {
  return zodProblems(item, error, "flow: ").map((p, i) => {
    const issue = error.issues[i];
    if (issue?.code !== "unrecognized_keys" || !issue.keys[0]) return p;
    const path = issue.path.filter((k): k is string | number => typeof k !== "symbol");
    return { ...p, line: item.lineOf([...path, issue.keys[0]]) };
  });
}

function waitsFor(s: Step): boolean {
  return s.input !== undefined || s.choices.length > 0;
}

function mentionsSkip(s: Step): boolean {
  return /\bbo qua\b/.test(fold(s.say));
}
