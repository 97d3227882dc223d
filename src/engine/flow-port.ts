import type { SearchResult } from "../knowledge/search.js";
import type { Entry } from "../knowledge/schema.js";
import type { StepChoice } from "./choice-id.js";
import type { Effect, FlowState, Inbound, Reply, Session } from "./types.js";

/**
 * How the engine runs guided flows (VNeID, payment, "can I do this online?", the survey). The
 * flows module implements it from `flows/*.yaml`; the engine only delegates.
 */
export interface FlowRunner {
  has(flowId: string): boolean;
  /** Title for menus ("Tài khoản VNeID"), when the flow exists. */
  title(flowId: string): string | undefined;
  /** Flow ids that a free-text trigger starts ("đánh giá" → "survey"); null when none. */
  triggered(text: string): string | null;
  start(flowId: string, ctx: FlowContext): FlowTurn;
  /** Input while a flow is active. */
  handle(input: FlowInput, state: FlowState, ctx: FlowContext): FlowTurn;
}

/** A message typed while the flow runs, or a press of one of its buttons (decoded, see choice-id.ts). */
export type FlowInput = { type: "text"; text: string } | { type: "choice"; choice: StepChoice };

export interface FlowContext {
  inbound: Inbound;
  session: Session;
  now: number;
  /** Knowledge search, for "pick or type a procedure" steps. */
  search(question: string): SearchResult;
  entry(id: string): Entry | undefined;
}

export interface FlowTurn {
  replies: Reply[];
  /** The flow's next state; null when it has finished (or was abandoned). */
  state: FlowState | null;
  effects: Effect[];
  /** After the flow's own replies, show this knowledge entry's card. */
  showEntry?: string;
  /** Session fields the flow wants to set (e.g. surveyDoneAt). */
  sessionPatch?: Partial<Pick<Session, "surveyDoneAt" | "surveyOfferedAt" | "lastEntryId">>;
}
