import { z } from "zod";

/**
 * The shapes of the records the reports read (the engine's `record` effects, as the dispatcher
 * stores them with `id`, `at`, `channel` and, on surveys, the hashed `respondent`). Every report
 * reads records through these schemas: a record that does not fit — torn by a crash, written by
 * hand, from a version that stored something else — is left out and counted, never trusted and
 * never allowed to stop a report. Fields added later (the respondent, the unanswered `key`) are
 * optional, so records from before them still count.
 */

const stored = {
  /** The idempotency key the dispatcher gave the record. */
  id: z.string(),
  /** Milliseconds since epoch. */
  at: z.number().finite(),
  channel: z.string().optional(),
};

/** A rating as the survey flow saves it: a whole number 1..5. */
const ratingValue = z.number().int().min(1).max(5);

/** A finished satisfaction survey (flows/survey.yaml, `record: survey`). */
export const surveyRecordSchema = z.object({
  ...stored,
  flow: z.string().optional(),
  startedAt: z.number().optional(),
  /** Salted hash of channel + user (or the web client's address); absent on older records. */
  respondent: z.string().optional(),
  /** Rating key (`save:` of a rating step) → 1..5; a question left out has no key. */
  ratings: z.record(z.string(), ratingValue),
  /** Rating keys the citizen marked "Không áp dụng". */
  notApplicable: z.array(z.string()).optional(),
  procedure: z.string().optional(),
  procedureId: z.string().optional(),
  agency: z.string().optional(),
  ageBand: z.string().optional(),
  comment: z.string().optional(),
});
export type SurveyRecord = z.infer<typeof surveyRecordSchema>;

/** A "was this helpful?" vote on an answer. */
export const helpfulRecordSchema = z.object({
  ...stored,
  entryId: z.string().optional(),
  helpful: z.boolean(),
});
export type HelpfulRecord = z.infer<typeof helpfulRecordSchema>;

/** A question the bot could not answer (masked as the citizen wrote it). */
export const unansweredRecordSchema = z.object({
  ...stored,
  query: z.string(),
  /** The folded query; records from before it was kept hold the folded text in `query`. */
  key: z.string().optional(),
  closest: z.string().optional(),
  closestScore: z.number().optional(),
});
export type UnansweredRecord = z.infer<typeof unansweredRecordSchema>;

/** The items that fit `schema`, and how many did not. */
export function parseEach<T>(schema: z.ZodType<T>, items: readonly unknown[]): { records: T[]; skipped: number } {
  const records: T[] = [];
  for (const item of items) {
    const parsed = schema.safeParse(item);
    if (parsed.success) records.push(parsed.data);
  }
  return { records, skipped: items.length - records.length };
}
