import { encodeChoice, type StepAnswer, type StepChoice } from "../engine/choice-id.js";
import type { FlowTurn } from "../engine/flow-port.js";
import type { Block, Choice, Effect, FlowData, FlowState, Reply } from "../engine/types.js";
import type { Entry } from "../knowledge/schema.js";
import type { SearchResult } from "../knowledge/search.js";
import { maskPersonalData } from "../text/mask.js";
import { nfc, textKey, type TextKeyOptions } from "../text/normalize.js";
import { FLOW_M, NOT_APPLICABLE_WORDS, RATING_NUMBER, RATING_WORDS, SKIP_WORDS } from "./messages.js";
import type { Flow, PlainStep, ProcedureStep, RatingStep, Step } from "./schema.js";

/**
 * The flow interpreter: pure. `step(flow, state, event, env)` returns the replies, the next state
 * (null when the flow is over) and the effects; the engine applies them. Nothing here reads a
 * clock, a store or the network — the knowledge search comes in through `env`.
 */

/** The flow starts, the citizen types, or presses one of the flow's buttons (decoded, see choice-id.ts). */
export type StepEvent = { type: "start" } | { type: "text"; text: string } | { type: "choice"; choice: StepChoice };

export interface StepEnv {
  now: number;
  channel: string;
  search?: (question: string) => SearchResult;
  entry?: (id: string) => Entry | undefined;
  /** The entry the citizen asked about last (offered first at "which procedure?" steps). */
  lastEntryId?: string | undefined;
}

/** Steps a flow may pass through without waiting before we assume a loop. */
const MAX_HOPS = 30;
/** A search hit must score this much to be offered as "did you mean". */
const SUGGEST_SCORE = 0.3;
const MAX_SUGGESTIONS = 3;
const DEFAULT_MAX_TEXT = 500;
/** How typed words are compared (with triggers, labels, skip words): folded, marks dropped but the "/" of commands ("/danhgia"). */
export const TYPED_KEY: TextKeyOptions = { keep: "/" };
const keyOf = (text: string): string => textKey(text, TYPED_KEY);

export function step(flow: Flow, state: FlowState | null, event: StepEvent, env: StepEnv): FlowTurn {
  if (event.type === "start" || !state || state.flowId !== flow.id) return enter(flow, flow.start, { data: {}, startedAt: env.now }, env, []);
  const current = flow.steps[state.stepId];
  // The flow file changed under a running conversation (live reload): start it again cleanly.
  if (!current) return enter(flow, flow.start, { data: {}, startedAt: env.now }, env, []);
  const run: Run = { flow, stepId: state.stepId, step: current, data: { ...state.data }, startedAt: state.startedAt, env };

  if (event.type === "choice") {
    if (event.choice.step !== state.stepId) return prompt(run, [FLOW_M.staleButton]);
    return onAnswer(run, event.choice.answer);
  }
  return onText(run, nfc(event.text).trim());
}

interface Run {
  flow: Flow;
  stepId: string;
  step: Step;
  data: FlowData;
  startedAt: number;
  env: StepEnv;
}

/** Typed words: the flow's trigger again, "bỏ qua", or the answer the step waits for. */
function onText(run: Run, text: string): FlowTurn {
  const { flow, step: current, env } = run;
  const key = keyOf(text);
  if (flow.triggers.some((t) => keyOf(t) === key)) return prompt(run, [flow.messages.resume ?? FLOW_M.resume]);
  const skip = current.optional && SKIP_WORDS.has(key);
  if (skip) return advance(run, current.next);

  switch (current.input) {
    case "rating": {
      if (current.not_applicable && (key === keyOf(current.not_applicable) || NOT_APPLICABLE_WORDS.has(key))) return onAnswer(run, { kind: "not-applicable" });
      const value = parseRating(text);
      if (value === null) return prompt(run, [flow.messages.invalid_rating ?? FLOW_M.invalidRating]);
      return onAnswer(run, { kind: "rating", value });
    }
    case "text": {
      if (current.save) run.data[current.save] = maskPersonalData(text).slice(0, current.max_length ?? DEFAULT_MAX_TEXT);
      return advance(run, current.next);
    }
    case "procedure":
      return onProcedureText(run, text);
    case undefined: {
      const index = current.choices.findIndex((c) => keyOf(c.label) === key || (c.value !== undefined && keyOf(c.value) === key));
      if (index >= 0) return onAnswer(run, { kind: "option", index });
      // A question typed in the middle of a guide: answer it rather than insist (never in a survey,
      // whose answers must not be lost to a stray message).
      if (!flow.record && env.search) {
        // The card the search decided on (not always the first ranked: a long message's asking sentence may name another).
        const d = env.search(text).decision;
        if (d.kind === "answer") return { replies: [], state: null, effects: [], showEntry: d.hit.entry.id };
      }
      return prompt(run, [flow.messages.invalid_choice ?? FLOW_M.invalidChoice]);
    }
  }
}

/** A button pressed (or its words typed): an answer the current step takes, or a stale one. */
function onAnswer(run: Run, answer: StepAnswer): FlowTurn {
  const s = run.step;
  if (answer.kind === "skip" && s.optional) return advance(run, s.next);
  switch (s.input) {
    case "rating":
      return onRating(run, s, answer);
    case "procedure":
      return onProcedureAnswer(run, s, answer);
    case undefined:
      if (answer.kind === "option") return onOption(run, s, answer.index);
      break;
  }
  return prompt(run, [FLOW_M.staleButton]);
}

function onRating(run: Run, s: RatingStep, answer: StepAnswer): FlowTurn {
  const { data } = run;
  const key = s.save ?? run.stepId;
  if (answer.kind === "rating") {
    data.ratings = { ...(data.ratings ?? {}), [key]: answer.value };
    setNotApplicable(data, key, false);
    return advance(run, s.next);
  }
  if (answer.kind === "not-applicable" && s.not_applicable) {
    const ratings = { ...(data.ratings ?? {}) };
    delete ratings[key];
    data.ratings = ratings;
    setNotApplicable(data, key, true);
    return advance(run, s.next);
  }
  return prompt(run, [FLOW_M.staleButton]);
}

function onOption(run: Run, s: PlainStep, index: number): FlowTurn {
  const { data } = run;
  const c = s.choices[index];
  if (!c) return prompt(run, [FLOW_M.staleButton]);
  if (s.save) data[s.save] = c.value ?? c.label;
  if (c.entry) return finish(run, c.entry);
  if (c.entry_from) {
    const id = data[`${c.entry_from}Id`] ?? data[c.entry_from];
    return finish(run, typeof id === "string" ? id : undefined);
  }
  return advance(run, c.next ?? s.next);
}

function onProcedureAnswer(run: Run, s: ProcedureStep, answer: StepAnswer): FlowTurn {
  const { data } = run;
  const pick = answer.kind === "hit" ? data._hits?.[answer.index] : answer.kind === "last" ? run.env.lastEntryId : undefined;
  if (pick) {
    savePicked(run, pick);
    return advance(run, s.next);
  }
  if (answer.kind === "none") return notFound(run, data._typed);
  return prompt(run, [FLOW_M.staleButton]);
}

/** `notApplicable`: the rating keys the citizen said do not apply to them (kept in step order). */
function setNotApplicable(data: FlowData, key: string, on: boolean): void {
  const list = (data.notApplicable ?? []).filter((k) => k !== key);
  if (on) list.push(key);
  if (list.length) data.notApplicable = list;
  else delete data.notApplicable;
}

function onProcedureText(run: Run, text: string): FlowTurn {
  const { env, data } = run;
  const masked = maskPersonalData(text).slice(0, 200);
  if (!env.search) return notFound(run, masked);
  const r = env.search(text);
  // A procedure step ("which procedure?", "can it be done online?") offers procedures only: a
  // guide or an FAQ that shares words with the question has no level and is not what was asked.
  const procedures = r.hits.filter((h) => h.entry.kind === "procedure");
  const top = r.decision.kind === "answer" ? r.decision.hit : undefined;
  if (top?.entry.kind === "procedure") {
    savePicked(run, top.entry.id);
    return advance(run, run.step.next);
  }
  const close = procedures.filter((h) => h.score >= SUGGEST_SCORE).slice(0, MAX_SUGGESTIONS);
  if (close.length === 0) return notFound(run, masked);
  data._hits = close.map((h) => h.entry.id);
  data._typed = masked;
  return prompt(run, []);
}

function savePicked(run: Run, id: string): void {
  const key = run.step.save ?? "procedure";
  const e = run.env.entry?.(id);
  run.data[`${key}Id`] = id;
  run.data[key] = e?.title ?? id;
}

function notFound(run: Run, typed: string | undefined): FlowTurn {
  const key = run.step.save ?? "procedure";
  delete run.data[`${key}Id`];
  if (typed) run.data[key] = typed;
  return advance(run, run.step.not_found ?? run.step.next);
}

function advance(run: Run, next: string | undefined): FlowTurn {
  delete run.data._hits;
  delete run.data._typed;
  if (!next) return finish(run, undefined);
  return enter(run.flow, next, { data: run.data, startedAt: run.startedAt }, run.env, []);
}

/**
 * Shows `stepId` and every plain message after it until a step that waits for input (its
 * messages merged into one reply) or the end of the flow.
 */
function enter(flow: Flow, stepId: string, ctx: { data: FlowData; startedAt: number }, env: StepEnv, prefix: Block[]): FlowTurn {
  let id = stepId;
  let pending = prefix;
  for (let hops = 0; hops < MAX_HOPS; hops++) {
    const s = flow.steps[id];
    if (!s) break;
    const run: Run = { flow, stepId: id, step: s, data: ctx.data, startedAt: ctx.startedAt, env };
    if (waits(s)) return prompt(run, [], pending);
    const blocks = [...pending, ...stepBlocks(run)];
    if (s.next) {
      pending = blocks;
      id = s.next;
      continue;
    }
    return finish(run, s.entry, blocks);
  }
  // Only reachable with a broken flow (the loader reports loops and unknown steps).
  return { replies: pending.length ? [{ blocks: pending }] : [], state: null, effects: [] };
}

function waits(s: Step): boolean {
  return s.input !== undefined || s.choices.length > 0;
}

/** Ends the flow: the end step's words (plus the low-rating note), the record, the card to show. */
function finish(run: Run, showEntry: string | undefined, blocks: Block[] = []): FlowTurn {
  const { flow, data, env, step: s } = run;
  const effects: Effect[] = [];
  const out = [...blocks];
  const end = s.input === undefined && s.choices.length === 0 ? s : undefined;
  const closing = end && lowRatingNote(end, data.ratings ?? {});
  if (end && closing) {
    out.push({ type: "text", text: closing });
    for (const l of end.links_if_low) out.push({ type: "link", url: l.url, label: l.label });
  }
  const turn: FlowTurn = { replies: out.length ? [{ blocks: out }] : [], state: null, effects };
  if (flow.record) {
    const record: Record<string, unknown> = { flow: flow.id };
    for (const [k, v] of Object.entries(data)) if (!k.startsWith("_")) record[k] = v;
    record.channel = env.channel;
    record.startedAt = run.startedAt;
    effects.push({ type: "record", stream: flow.record, record });
    turn.sessionPatch = { surveyDoneAt: env.now };
  }
  if (showEntry) turn.showEntry = showEntry;
  return turn;
}

/**
 * The words after a survey that has low ratings, fitted to the overall rating: "sorry you are not
 * satisfied" only when the overall rating says so; a satisfied citizen who marked one aspect low
 * is thanked and pointed to the feedback channel for that point.
 */
function lowRatingNote(s: PlainStep, ratings: Record<string, number>): string | undefined {
  const values = Object.values(ratings);
  const anyLow = values.some((r) => r <= 2);
  if (!anyLow) return undefined;
  const overall = s.overall_rating ? ratings[s.overall_rating] : undefined;
  if (!s.overall_rating || overall === undefined || overall <= 2) return s.say_if_low;
  return s.say_if_some_low;
}

/** What a step says: the level of the saved procedure (if asked), the text, the links. */
function stepBlocks(run: Run): Block[] {
  const { step: s, data, env } = run;
  const blocks: Block[] = [];
  if (s.level_text) {
    const key = s.level_of ?? "procedure";
    const id = data[`${key}Id`];
    const e = typeof id === "string" ? env.entry?.(id) : undefined;
    if (e && e.kind === "procedure") {
      blocks.push({ type: "heading", text: e.title });
      blocks.push({ type: "text", text: s.level_text[e.level].replaceAll("{title}", e.title) });
      if (e.level_note) blocks.push({ type: "text", text: e.level_note });
      if (e.link) blocks.push({ type: "link", url: e.link, label: FLOW_M.procedureLink });
    }
  }
  blocks.push({ type: "text", text: s.say });
  for (const l of s.links) blocks.push({ type: "link", url: l.url, label: l.label });
  return blocks;
}

/** Shows the current step again (or for the first time), after optional notes. */
function prompt(run: Run, notes: string[], prefix: Block[] = []): FlowTurn {
  const { flow, stepId, step: s, data } = run;
  const blocks: Block[] = [...prefix, ...notes.map((text): Block => ({ type: "text", text }))];
  const hits = s.input === "procedure" ? (data._hits ?? []) : [];
  let choices: Choice[];
  if (hits.length) {
    blocks.push({ type: "text", text: flow.messages.did_you_mean ?? FLOW_M.didYouMean });
    choices = hitChoices(run, hits);
  } else {
    blocks.push(...stepBlocks(run));
    choices = stepChoices(run);
  }
  if (s.optional) choices.push({ id: answerId(run, { kind: "skip" }), label: flow.messages.skip_label ?? FLOW_M.skipLabel });
  const reply: Reply = { blocks };
  if (choices.length) reply.choices = choices;
  const layout = s.layout ?? (s.input === "rating" ? "row" : undefined);
  if (layout) reply.choiceLayout = layout;
  return { replies: [reply], state: { flowId: flow.id, stepId, data, startedAt: run.startedAt }, effects: [] };
}

const answerId = (run: Run, answer: StepAnswer): string => encodeChoice({ kind: "step", step: run.stepId, answer });

/** "Did you mean": the close procedures, then "none of these". */
function hitChoices(run: Run, hits: readonly string[]): Choice[] {
  const choices = hits.map((h, index): Choice => ({ id: answerId(run, { kind: "hit", index }), label: run.env.entry?.(h)?.title ?? h }));
  choices.push({ id: answerId(run, { kind: "none" }), label: run.flow.messages.none_label ?? FLOW_M.noneLabel });
  return choices;
}

const RATINGS = [1, 2, 3, 4, 5] as const;

/** The buttons of the step itself: the rating scale, the procedure asked last, or the step's choices. */
function stepChoices(run: Run): Choice[] {
  const { flow, step: s, env } = run;
  switch (s.input) {
    case "rating": {
      const labels = flow.rating_labels ?? RATINGS.map(String);
      const choices = RATINGS.map((value, i): Choice => ({ id: answerId(run, { kind: "rating", value }), label: labels[i] ?? String(value) }));
      if (s.not_applicable) choices.push({ id: answerId(run, { kind: "not-applicable" }), label: s.not_applicable });
      return choices;
    }
    case "procedure": {
      const last = s.suggest_last && env.lastEntryId ? env.entry?.(env.lastEntryId) : undefined;
      return last?.kind === "procedure" ? [{ id: answerId(run, { kind: "last" }), label: last.title }] : [];
    }
    case "text":
      return [];
    case undefined:
      return s.choices.map((c, index): Choice => {
        if (c.menu) return { id: encodeChoice({ kind: "menu" }), label: c.label };
        if (c.flow) return { id: encodeChoice({ kind: "flow", flow: c.flow }), label: c.label };
        return { id: answerId(run, { kind: "option", index }), label: c.label };
      });
  }
}

/** "5", "5 sao", "5/5", "⭐⭐⭐⭐⭐", "rất hài lòng", "hai long" → 1..5; anything else → null. */
export function parseRating(text: string): 1 | 2 | 3 | 4 | 5 | null {
  const stars = nfc(text).replace(/\s+/g, "");
  if (/^[⭐★]{1,5}$/u.test(stars)) return [...stars].length as 1 | 2 | 3 | 4 | 5;
  const key = keyOf(text);
  const num = RATING_NUMBER.exec(key);
  if (num) return Number(num[1]) as 1 | 2 | 3 | 4 | 5;
  if (key.split(" ").length > 7) return null;
  const padded = ` ${key} `;
  for (const [words, n] of RATING_WORDS) if (padded.includes(` ${words} `)) return n;
  return null;
}
