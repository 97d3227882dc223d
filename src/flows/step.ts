import type { FlowTurn } from "../engine/flow-port.js";
import { FLOW_CHOICE_PREFIX } from "../engine/flow-port.js";
import type { Block, Choice, Effect, FlowState, Reply } from "../engine/types.js";
import type { Entry } from "../knowledge/schema.js";
import type { SearchResult } from "../knowledge/search.js";
import { maskPersonalData } from "../text/mask.js";
import { fold, nfc } from "../text/normalize.js";
import { FLOW_M, RATING_WORDS, SKIP_WORDS } from "./messages.js";
import type { Flow, Step } from "./schema.js";

/**
 * The flow interpreter: pure. `step(flow, state, event, env)` returns the replies, the next state
 * (null when the flow is over) and the effects; the engine applies them. Nothing here reads a
 * clock, a store or the network — the knowledge search comes in through `env`.
 */

export type StepEvent = { type: "start" } | { type: "text"; text: string } | { type: "choice"; choiceId: string };

export interface StepEnv {
  now: number;
  channel: string;
  search?: (question: string) => SearchResult;
  entry?: (id: string) => Entry | undefined;
  /** The entry the citizen asked about last (offered first at "which procedure?" steps). */
  lastEntryId?: string;
}

/** Steps a flow may pass through without waiting before we assume a loop. */
const MAX_HOPS = 30;
/** A search hit must score this much to be offered as "did you mean". */
const SUGGEST_SCORE = 0.3;
const MAX_SUGGESTIONS = 3;
const DEFAULT_MAX_TEXT = 500;
/** Typed forms of "does not apply" accepted besides the step's own label. */
const NOT_APPLICABLE_WORDS = new Set(["khong ap dung", "ko ap dung", "k ap dung", "kad", "khong lien quan", "chua phan anh bao gio", "chua tung phan anh"]);

export function step(flow: Flow, state: FlowState | null, event: StepEvent, env: StepEnv): FlowTurn {
  if (event.type === "start" || !state || state.flowId !== flow.id) return enter(flow, flow.start, { data: {}, startedAt: env.now }, env, []);
  const current = flow.steps[state.stepId];
  // The flow file changed under a running conversation (live reload): start it again cleanly.
  if (!current) return enter(flow, flow.start, { data: {}, startedAt: env.now }, env, []);
  const run: Run = { flow, stepId: state.stepId, step: current, data: { ...state.data }, startedAt: state.startedAt, env };

  if (event.type === "choice") {
    const [stepId, token] = splitChoiceId(event.choiceId);
    if (stepId !== state.stepId || token === undefined) return prompt(run, [FLOW_M.staleButton]);
    return onToken(run, token);
  }

  const text = nfc(event.text).trim();
  const key = keyOf(text);
  if (flow.triggers.some((t) => keyOf(t) === key)) return prompt(run, [flow.messages.resume ?? FLOW_M.resume]);
  const skip = current.optional && SKIP_WORDS.has(key);
  if (skip) return advance(run, current.next);

  switch (current.input) {
    case "rating": {
      if (current.not_applicable && (key === keyOf(current.not_applicable) || NOT_APPLICABLE_WORDS.has(key))) return onToken(run, "na");
      const n = parseRating(text);
      if (n === null) return prompt(run, [flow.messages.invalid_rating ?? FLOW_M.invalidRating]);
      return onToken(run, `r${n}`);
    }
    case "text": {
      if (current.save) run.data[current.save] = maskPersonalData(text).slice(0, current.max_length ?? DEFAULT_MAX_TEXT);
      return advance(run, current.next);
    }
    case "procedure":
      return onProcedureText(run, text);
    default: {
      const i = current.choices.findIndex((c) => keyOf(c.label) === key || (c.value !== undefined && keyOf(c.value) === key));
      if (i >= 0) return onToken(run, `c${i}`);
      // A question typed in the middle of a guide: answer it rather than insist (never in a survey,
      // whose answers must not be lost to a stray message).
      if (!flow.record && env.search) {
        const r = env.search(text);
        const top = r.hits[0];
        if (r.confident && !r.ambiguous && top) return { replies: [], state: null, effects: [], showEntry: top.entry.id };
      }
      return prompt(run, [flow.messages.invalid_choice ?? FLOW_M.invalidChoice]);
    }
  }
}

interface Run {
  flow: Flow;
  stepId: string;
  step: Step;
  data: Record<string, unknown>;
  startedAt: number;
  env: StepEnv;
}

function onToken(run: Run, token: string): FlowTurn {
  const { step: s, data } = run;
  if (token === "s" && s.optional) return advance(run, s.next);
  const kind = token[0];
  const n = Number(token.slice(1));
  if (kind === "r" && s.input === "rating" && Number.isInteger(n) && n >= 1 && n <= 5) {
    const ratings = { ...((data.ratings as Record<string, number> | undefined) ?? {}) };
    ratings[s.save ?? run.stepId] = n;
    data.ratings = ratings;
    setNotApplicable(data, s.save ?? run.stepId, false);
    return advance(run, s.next);
  }
  if (token === "na" && s.input === "rating" && s.not_applicable) {
    const ratings = { ...((data.ratings as Record<string, number> | undefined) ?? {}) };
    delete ratings[s.save ?? run.stepId];
    data.ratings = ratings;
    setNotApplicable(data, s.save ?? run.stepId, true);
    return advance(run, s.next);
  }
  if (kind === "c" && !s.input) {
    const c = s.choices[n];
    if (!c) return prompt(run, [FLOW_M.staleButton]);
    if (s.save) data[s.save] = c.value ?? c.label;
    if (c.entry) return finish(run, c.entry);
    if (c.entry_from) {
      const id = data[`${c.entry_from}Id`] ?? data[c.entry_from];
      return finish(run, typeof id === "string" ? id : undefined);
    }
    return advance(run, c.next ?? s.next);
  }
  if (s.input === "procedure") {
    const hits = (data._hits as string[] | undefined) ?? [];
    const pick = kind === "h" ? hits[n] : token === "l" ? run.env.lastEntryId : undefined;
    if (pick) {
      savePicked(run, pick);
      return advance(run, s.next);
    }
    if (token === "n") return notFound(run, typeof data._typed === "string" ? data._typed : undefined);
  }
  return prompt(run, [FLOW_M.staleButton]);
}

/** `notApplicable`: the rating keys the citizen said do not apply to them (kept in step order). */
function setNotApplicable(data: Record<string, unknown>, key: string, on: boolean): void {
  const list = ((data.notApplicable as string[] | undefined) ?? []).filter((k) => k !== key);
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
  const top = r.hits[0];
  if (r.confident && !r.ambiguous && top?.entry.kind === "procedure") {
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
function enter(flow: Flow, stepId: string, ctx: { data: Record<string, unknown>; startedAt: number }, env: StepEnv, prefix: Block[]): FlowTurn {
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
  const closing = waits(s) ? undefined : lowRatingNote(s, (data.ratings as Record<string, number> | undefined) ?? {});
  if (closing) {
    out.push({ type: "text", text: closing });
    for (const l of s.links_if_low) out.push({ type: "link", url: l.url, label: l.label });
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
function lowRatingNote(s: Step, ratings: Record<string, number>): string | undefined {
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
  const { flow, stepId, step: s, data, env } = run;
  const blocks: Block[] = [...prefix, ...notes.map((text): Block => ({ type: "text", text }))];
  const choices: Choice[] = [];
  const id = (token: string) => `${FLOW_CHOICE_PREFIX}${stepId}:${token}`;
  const hits = s.input === "procedure" ? ((data._hits as string[] | undefined) ?? []) : [];
  if (hits.length) {
    blocks.push({ type: "text", text: flow.messages.did_you_mean ?? FLOW_M.didYouMean });
    hits.forEach((h, i) => choices.push({ id: id(`h${i}`), label: env.entry?.(h)?.title ?? h }));
    choices.push({ id: id("n"), label: flow.messages.none_label ?? FLOW_M.noneLabel });
  } else {
    blocks.push(...stepBlocks(run));
    if (s.input === "rating") (flow.rating_labels ?? ["1", "2", "3", "4", "5"]).forEach((label, i) => choices.push({ id: id(`r${i + 1}`), label }));
    if (s.input === "rating" && s.not_applicable) choices.push({ id: id("na"), label: s.not_applicable });
    if (s.input === "procedure" && s.suggest_last && env.lastEntryId) {
      const last = env.entry?.(env.lastEntryId);
      if (last?.kind === "procedure") choices.push({ id: id("l"), label: last.title });
    }
    s.choices.forEach((c, i) => {
      if (c.menu) choices.push({ id: "m", label: c.label });
      else if (c.flow) choices.push({ id: `g:${c.flow}`, label: c.label });
      else choices.push({ id: id(`c${i}`), label: c.label });
    });
  }
  if (s.optional) choices.push({ id: id("s"), label: flow.messages.skip_label ?? FLOW_M.skipLabel });
  const reply: Reply = { blocks };
  if (choices.length) reply.choices = choices;
  const layout = s.layout ?? (s.input === "rating" ? "row" : undefined);
  if (layout) reply.choiceLayout = layout;
  return { replies: [reply], state: { flowId: flow.id, stepId, data, startedAt: run.startedAt }, effects: [] };
}

function splitChoiceId(choiceId: string): [string | undefined, string | undefined] {
  if (!choiceId.startsWith(FLOW_CHOICE_PREFIX)) return [undefined, undefined];
  const [stepId, token] = choiceId.slice(FLOW_CHOICE_PREFIX.length).split(":");
  return [stepId, token];
}

/** Folded, punctuation-free comparison key ("Bỏ qua!" → "bo qua"). */
export function keyOf(text: string): string {
  return fold(nfc(text))
    .replace(/[^\p{L}\p{N}/ ]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** "5", "5 sao", "5/5", "⭐⭐⭐⭐⭐", "rất hài lòng", "hai long" → 1..5; anything else → null. */
export function parseRating(text: string): 1 | 2 | 3 | 4 | 5 | null {
  const stars = nfc(text).replace(/\s+/g, "");
  if (/^[⭐★]{1,5}$/u.test(stars)) return [...stars].length as 1 | 2 | 3 | 4 | 5;
  const key = keyOf(text);
  const num = /^(?:chon |so |muc |diem )?([1-5])(?: ?sao| ?diem| ?\/ ?5)?$/.exec(key);
  if (num) return Number(num[1]) as 1 | 2 | 3 | 4 | 5;
  if (key.split(" ").length > 7) return null;
  const padded = ` ${key} `;
  for (const [words, n] of RATING_WORDS) if (padded.includes(` ${words} `)) return n;
  return null;
}
