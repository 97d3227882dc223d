import type { Knowledge } from "../knowledge/loader.js";
import type { Entry } from "../knowledge/schema.js";
import type { SearchIndex } from "../knowledge/search.js";
import type { FlowRunner } from "./flow-port.js";
import { createIntentTable, type IntentTable } from "./intents.js";

export interface EngineOptions {
  knowledge: Knowledge;
  index: SearchIndex;
  flows?: FlowRunner | undefined;
  /** The words of greetings, requests for a person, refusals… (knowledge/intents.yaml). Default: none. */
  intents?: IntentTable | undefined;
  /** Days between two survey offers to one citizen. Default 30. */
  surveyOfferDays?: number | undefined;
  /**
   * Answers in a session after which the survey is offered with the answer (the conversation has
   * gone on a while). Earlier, it is offered only when the citizen winds down ("cảm ơn", "xong
   * rồi", a helpful vote). Default 4.
   */
  surveyOfferAfterAnswers?: number | undefined;
  /** Day (YYYY-MM-DD) that time-bound facts are read for. Default: the message's day in Vietnam. */
  today?: string | undefined;
  /**
   * Office staff take hand-over cases (the server has a staff inbox): asking for a person opens a
   * case and "I don't know" offers "Hỏi cán bộ". Default false: the bot lists the ways to reach
   * a person (the terminal has nobody to hand over to).
   */
  handover?: boolean | undefined;
}

/** What every part of the engine reads: the options with their defaults applied. Never changes. */
export interface EngineContext {
  readonly knowledge: Knowledge;
  readonly index: SearchIndex;
  readonly flows: FlowRunner | undefined;
  readonly intents: IntentTable;
  readonly surveyOfferMs: number;
  readonly offerAfter: number;
  readonly today: string | undefined;
  readonly handover: boolean;
  /** The knowledge entry with this id, if there is one. */
  entry(id: string | undefined): Entry | undefined;
}

export function createContext(options: EngineOptions): EngineContext {
  const { knowledge } = options;
  return {
    knowledge,
    index: options.index,
    flows: options.flows,
    intents: options.intents ?? createIntentTable(),
    surveyOfferMs: (options.surveyOfferDays ?? 30) * 24 * 3600 * 1000,
    offerAfter: options.surveyOfferAfterAnswers ?? 4,
    today: options.today,
    handover: options.handover ?? false,
    entry: (id) => (id ? knowledge.byId.get(id) : undefined),
  };
}
