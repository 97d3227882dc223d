import { z } from "zod";
import { ENTRY_ID, LEVELS } from "../knowledge/schema.js";
import { SCHEMA } from "../knowledge/staff-messages.js";

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

export const stepSchema = z
  .object({
    /** What the bot says at this step (the question, for input steps). */
    say: text,
    links: z.array(linkSchema).default([]),
    /** Wait for this kind of input; without it the step shows `choices` or moves on. */
    input: z.enum(INPUTS, { error: SCHEMA.oneOf(INPUTS) }).optional(),
    /** Where the answer is kept (ratings go under `ratings.<save>`). */
    save: key.optional(),
    /** The citizen may skip with "bỏ qua" (the question must say so). */
    optional: z.boolean().default(false),
    choices: z.array(choiceSchema).default([]),
    /** The step after this one (after the input, or straight away for a plain message). */
    next: stepId.optional(),
    /** End the flow by showing this knowledge entry's card. */
    entry: entryId.optional(),
    /** procedure input: where to go when nothing in the knowledge base matches (default: `next`, keeping the typed words). */
    not_found: stepId.optional(),
    /** procedure input: offer the procedure the citizen just asked about as the first choice. */
    suggest_last: z.boolean().default(false),
    /** Before `say`: a line per online level about the saved procedure ({title} is replaced). */
    level_text: z.object(Object.fromEntries(LEVELS.map((l) => [l, text])) as Record<(typeof LEVELS)[number], typeof text>).strict().optional(),
    /** Which saved procedure `level_text` is about. Default "procedure". */
    level_of: key.optional(),
    /**
     * rating input: the label of a "does not apply" option (e.g. the complaints aspect for someone
     * who never complained). Choosing it records the step's key under `notApplicable`, no rating.
     */
    not_applicable: text.optional(),
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
    layout: z.enum(["row", "column"]).optional(),
    /** free text input: longest kept answer. Default 500. */
    max_length: z.number().int().min(10).max(2000).optional(),
  })
  .strict();

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
export type FlowChoice = z.infer<typeof choiceSchema>;
