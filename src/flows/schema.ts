import { z } from "zod";
import { ENTRY_ID, LEVELS } from "../knowledge/schema.js";
import { FLOW, SCHEMA } from "../knowledge/staff-messages.js";

/**
 * The flow schema: guided conversations that staff write in `flows/*.yaml`. A flow is a map of
 * steps; each step says something and then either waits for input (a rating, free text, a
 * procedure, a choice) or moves on by itself. Cross-references (unknown step, unknown knowledge
 * id, unreachable step) are checked by the loader, which knows every file.
 */

const text = z.string().trim().min(1, SCHEMA.notEmpty);
/** Step ids and saved keys end up in choice ids (≤ 64 bytes on Telegram): short ASCII. */
export const STEP_ID = /^[a-z][a-z0-9_-]{0,30}$/;
const stepId = z.string().regex(STEP_ID, SCHEMA.stepId);
const key = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,30}$/, SCHEMA.saveKey);
const entryId = z.string().regex(ENTRY_ID, SCHEMA.flowEntryId);
export const FLOW_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const flowId = z.string().regex(FLOW_ID, SCHEMA.entryId);

const linkSchema = z.object({ label: text, url: z.url() }).strict();

export const choiceSchema = z
  .object({
    label: text,
    /** Go to this step. */
    next: stepId.optional(),
    /** Show this knowledge entry's card; ends the flow. */
    entry: entryId.optional(),
    /** Show the card of the entry whose id was saved under this key (e.g. the picked procedure). */
    entry_from: key.optional(),
    /** Start another flow. */
    flow: flowId.optional(),
    /** Back to the bot's main menu. */
    menu: z.literal(true).optional(),
    /** Saved under the step's `save` key (default: the label). */
    value: text.optional(),
  })
  .strict()
  .refine(
    (c) => [c.next, c.entry, c.entry_from, c.flow, c.menu].filter((v) => v !== undefined).length <= 1,
    SCHEMA.oneTarget,
  );

export const INPUTS = ["rating", "text", "procedure"] as const;
export type StepInput = (typeof INPUTS)[number];

/**
 * A field that belongs to another kind of step: rejected where it is written, with a message that
 * says which kind it belongs to (typed `never`, so the step's type says it is absent).
 */
const misplaced = (message: string) => z.custom<never>(() => false, { error: message }).optional();

/** Fields every kind of step has. */
const common = {
  /** What the bot says at this step (the question, for input steps). */
  say: text,
  links: z.array(linkSchema).default([]),
  /** Where the answer is kept (ratings go under `ratings.<save>`; a choice's value or label). */
  save: key.optional(),
  /** The citizen may skip with "bỏ qua" (the question must say so). */
  optional: z.boolean().default(false),
  /** The step after this one (after the input, or straight away for a plain message). */
  next: stepId.optional(),
  /** Before `say`: a line per online level about the saved procedure ({title} is replaced). */
  level_text: z.object(Object.fromEntries(LEVELS.map((l) => [l, text])) as Record<(typeof LEVELS)[number], typeof text>).strict().optional(),
  /** Which saved procedure `level_text` is about. Default "procedure". */
  level_of: key.optional(),
  layout: z.enum(["row", "column"]).optional(),
};

/** Fields of steps without input: buttons, and what the end of a flow says or shows. */
const plainFields = {
  choices: z.array(choiceSchema).default([]),
  /** End the flow by showing this knowledge entry's card. */
  entry: entryId.optional(),
  /**
   * End step: added when the rating under `overall_rating` is 1 or 2 (without `overall_rating`:
   * when any rating is) — point to the official feedback channel.
   */
  say_if_low: text.optional(),
  /** End step: the saved key of the overall rating, which decides between `say_if_low` and `say_if_some_low`. */
  overall_rating: key.optional(),
  /** End step: added when the overall rating is 3 or more but another rating is 1 or 2. */
  say_if_some_low: text.optional(),
  links_if_low: z.array(linkSchema).default([]),
};
const notOnInput = (input: StepInput) => ({
  choices: misplaced(FLOW.inputWithChoices(input)),
  entry: misplaced(FLOW.entryEnds),
  say_if_low: misplaced(FLOW.onlyAtEnd("say_if_low")),
  overall_rating: misplaced(FLOW.onlyAtEnd("overall_rating")),
  say_if_some_low: misplaced(FLOW.onlyAtEnd("say_if_some_low")),
  links_if_low: misplaced(FLOW.onlyAtEnd("links_if_low")),
});

/** Fields of one input kind each, rejected on every other kind of step. */
const inputFields = {
  /**
   * rating input: the label of a "does not apply" option (e.g. the complaints aspect for someone
   * who never complained). Choosing it records the step's key under `notApplicable`, no rating.
   */
  not_applicable: text.optional(),
  /** free text input: longest kept answer. Default 500. */
  max_length: z.number().int().min(10).max(2000).optional(),
  /** procedure input: where to go when nothing in the knowledge base matches (default: `next`, keeping the typed words). */
  not_found: stepId.optional(),
  /** procedure input: offer the procedure the citizen just asked about as the first choice. */
  suggest_last: z.boolean().default(false),
};
const notInput = {
  not_applicable: misplaced(FLOW.notApplicableOnlyRating),
  max_length: misplaced(FLOW.onlyOnInput("max_length", "text")),
  not_found: misplaced(FLOW.notFoundOnlyProcedure),
  suggest_last: misplaced(FLOW.onlyOnInput("suggest_last", "procedure")),
};

/** A message, with buttons to press or none (then it moves on to `next`, or ends the flow). */
const plainStep = z.object({ ...common, ...notInput, ...plainFields, input: z.undefined().optional() }).strict();
/** A 1–5 rating (the survey). */
const ratingStep = z
  .object({ ...common, ...notOnInput("rating"), ...notInput, input: z.literal("rating"), not_applicable: inputFields.not_applicable })
  .strict();
/** Free text (a comment, an agency's name). */
const textStep = z.object({ ...common, ...notOnInput("text"), ...notInput, input: z.literal("text"), max_length: inputFields.max_length }).strict();
/** The name of a procedure, found in the knowledge base. */
const procedureStep = z
  .object({ ...common, ...notOnInput("procedure"), ...notInput, input: z.literal("procedure"), not_found: inputFields.not_found, suggest_last: inputFields.suggest_last })
  .strict();

/**
 * A step, by the kind of input it waits for. An unknown `input` is reported as such before the
 * kinds are tried (zod's union would only say that no kind fits).
 */
export const stepSchema = z
  .looseObject({ input: z.enum(INPUTS, { error: SCHEMA.oneOf(INPUTS) }).optional() })
  .pipe(z.discriminatedUnion("input", [plainStep, ratingStep, textStep, procedureStep]));

export const flowSchema = z
  .object({
    id: flowId,
    /** Shown on menus and "start" buttons. */
    title: text,
    /** Free-text messages that start this flow from anywhere ("đánh giá", "/danhgia"). */
    triggers: z.array(text).default([]),
    start: stepId,
    /** On finishing, store the collected answers on this record stream. */
    record: z.literal("survey").optional(),
    /** Labels of the rating scale, 1 first. */
    rating_labels: z.array(text).length(5, SCHEMA.fiveLabels).optional(),
    /** Flow-specific wording of the runner's own messages (defaults in src/flows/messages.ts). */
    messages: z
      .object({
        invalid_rating: text.optional(),
        invalid_choice: text.optional(),
        skip_label: text.optional(),
        none_label: text.optional(),
        did_you_mean: text.optional(),
        resume: text.optional(),
      })
      .strict()
      .default({}),
    steps: z.record(stepId, stepSchema).refine((s) => Object.keys(s).length > 0, SCHEMA.oneStep),
  })
  .strict();

export type Flow = z.infer<typeof flowSchema>;
export type Step = z.infer<typeof stepSchema>;
export type PlainStep = z.infer<typeof plainStep>;
export type RatingStep = z.infer<typeof ratingStep>;
export type TextStep = z.infer<typeof textStep>;
export type ProcedureStep = z.infer<typeof procedureStep>;
export type FlowChoice = z.infer<typeof choiceSchema>;
