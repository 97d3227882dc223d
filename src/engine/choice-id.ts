import type { Facet } from "../knowledge/analyze.js";

/**
 * Choice ids: what a button carries back (Telegram callback_data, the web's choiceId, the number
 * typed on Zalo through the session). Every kind is built and read here and nowhere else. The
 * wire format is fixed — buttons in old chats keep working — and stays within
 * {@link CHOICE_ID_MAX_BYTES}:
 *
 * | kind      | wire                  | example              |
 * |-----------|-----------------------|----------------------|
 * | menu      | `m`                   | `m`                  |
 * | staff     | `p`                   | `p`                  |
 * | entry     | `e:<entry>`           | `e:dang-ky-tam-tru`  |
 * | facets    | `q:<codes>:<entry>`   | `q:fd:dang-ky-tam-tru` |
 * | flow      | `g:<flow>`            | `g:survey`           |
 * | helpful   | `h:<1 or 0>:<entry>`  | `h:1:dang-ky-tam-tru` |
 * | step      | `f:<step>:<answer>`   | `f:r_access:r5`      |
 *
 * Step answers: `r1`…`r5` a rating, `na` "does not apply", `s` skip, `c<i>` the step's i-th
 * option, `h<i>` the i-th "did you mean" procedure, `l` the procedure asked about last, `n`
 * "none of these".
 */
export type ChoiceId =
  /** Back to the main menu. */
  | { kind: "menu" }
  /** Hand the conversation over to office staff ("Hỏi cán bộ"). */
  | { kind: "staff" }
  /** Answer this knowledge entry (its whole card). */
  | { kind: "entry"; entry: string }
  /** Answer this entry with these facets first (kept in the order given). */
  | { kind: "facets"; entry: string; facets: Facet[] }
  /** Start this guided flow (or, without it, the menu's guide for it). */
  | { kind: "flow"; flow: string }
  /** The "helpful?" vote on an answer. */
  | { kind: "helpful"; entry: string; helpful: boolean }
  /** An answer to a step of the running flow. */
  | StepChoice;

export interface StepChoice {
  kind: "step";
  step: string;
  answer: StepAnswer;
}

export type StepAnswer =
  | { kind: "rating"; value: 1 | 2 | 3 | 4 | 5 }
  | { kind: "not-applicable" }
  | { kind: "skip" }
  /** The step's i-th choice (0-based). */
  | { kind: "option"; index: number }
  /** The i-th procedure offered as "did you mean" (0-based). */
  | { kind: "hit"; index: number }
  /** The procedure the citizen asked about last. */
  | { kind: "last" }
  /** None of the procedures offered: keep what was typed. */
  | { kind: "none" };

/** Telegram's limit for callback_data, which carries a choice id. */
export const CHOICE_ID_MAX_BYTES = 64;

export const FACET_CODE: Readonly<Record<Facet, string>> = { documents: "d", fee: "f", time: "t", where: "w", online: "o", steps: "s" };
const CODE_FACET = new Map(Object.entries(FACET_CODE).map(([f, c]) => [c, f as Facet]));

export function encodeChoice(choice: ChoiceId): string {
  switch (choice.kind) {
    case "menu":
      return "m";
    case "staff":
      return "p";
    case "entry":
      return `e:${choice.entry}`;
    case "facets":
      return `q:${choice.facets.map((f) => FACET_CODE[f]).join("")}:${choice.entry}`;
    case "flow":
      return `g:${choice.flow}`;
    case "helpful":
      return `h:${choice.helpful ? "1" : "0"}:${choice.entry}`;
    case "step":
      return `f:${choice.step}:${encodeAnswer(choice.answer)}`;
  }
}

function encodeAnswer(answer: StepAnswer): string {
  switch (answer.kind) {
    case "rating":
      return `r${answer.value}`;
    case "not-applicable":
      return "na";
    case "skip":
      return "s";
    case "option":
      return `c${answer.index}`;
    case "hit":
      return `h${answer.index}`;
    case "last":
      return "l";
    case "none":
      return "n";
  }
}

/** One segment of an id: an entry, flow or step id (none of them contains ":"). */
const SEGMENT = "([^:]+)";
const ENTRY = new RegExp(`^e:${SEGMENT}$`);
const FACETS = new RegExp(`^q:([a-z]+):${SEGMENT}$`);
const FLOW = new RegExp(`^g:${SEGMENT}$`);
const HELPFUL = new RegExp(`^h:([01]):${SEGMENT}$`);
const STEP = new RegExp(`^f:${SEGMENT}:${SEGMENT}$`);
const INDEX = /^([ch])(0|[1-9]\d{0,2})$/;

/**
 * The choice an id stands for; null for anything this code never built (a forged id, another
 * bot's button): the engine then shows the menu, as it does for an entry or a flow that is gone.
 */
export function decodeChoice(id: string): ChoiceId | null {
  if (id === "m") return { kind: "menu" };
  if (id === "p") return { kind: "staff" };
  let m: RegExpExecArray | null;
  if ((m = ENTRY.exec(id))) return { kind: "entry", entry: m[1]! };
  if ((m = FACETS.exec(id))) {
    const facets = decodeFacets(m[1]!);
    return facets && { kind: "facets", entry: m[2]!, facets };
  }
  if ((m = FLOW.exec(id))) return { kind: "flow", flow: m[1]! };
  if ((m = HELPFUL.exec(id))) return { kind: "helpful", entry: m[2]!, helpful: m[1] === "1" };
  if ((m = STEP.exec(id))) {
    const answer = decodeAnswer(m[2]!);
    return answer && { kind: "step", step: m[1]!, answer };
  }
  return null;
}

/** "ft" → [fee, time]; null when any letter is not a facet code. */
function decodeFacets(codes: string): Facet[] | null {
  const out: Facet[] = [];
  for (const c of codes) {
    const f = CODE_FACET.get(c);
    if (!f) return null;
    out.push(f);
  }
  return out;
}

function decodeAnswer(token: string): StepAnswer | null {
  switch (token) {
    case "na":
      return { kind: "not-applicable" };
    case "s":
      return { kind: "skip" };
    case "l":
      return { kind: "last" };
    case "n":
      return { kind: "none" };
  }
  const rating = /^r([1-5])$/.exec(token);
  if (rating) return { kind: "rating", value: Number(rating[1]) as 1 | 2 | 3 | 4 | 5 };
  const indexed = INDEX.exec(token);
  if (indexed) return { kind: indexed[1] === "c" ? "option" : "hit", index: Number(indexed[2]) };
  return null;
}

/** True when the id fits Telegram's callback data. */
export function fitsChoiceId(id: string): boolean {
  return Buffer.byteLength(id, "utf8") <= CHOICE_ID_MAX_BYTES;
}

/** The choices whose ids fit: a longer one is left out here rather than break the whole message on Telegram. */
export function fitting<T extends { id: string }>(choices: T[]): T[] {
  return choices.filter((c) => fitsChoiceId(c.id));
}

/**
 * Every choice id the engine builds around a knowledge entry id (open it, ask one facet of it,
 * rate it helpful or not). `dvc-bot check` refuses entry ids whose longest one would not fit
 * {@link CHOICE_ID_MAX_BYTES}: Telegram drops such buttons.
 */
export function entryChoiceIds(entry: string): string[] {
  return [
    encodeChoice({ kind: "entry", entry }),
    encodeChoice({ kind: "helpful", entry, helpful: true }),
    encodeChoice({ kind: "helpful", entry, helpful: false }),
    ...Object.keys(FACET_CODE).map((f) => encodeChoice({ kind: "facets", entry, facets: [f as Facet] })),
  ];
}
