import type { StoredRecord } from "../../src/store/port.js";

/** Every survey question rated `n` (1–5). */
export const allRatings = (n: number) => ({ access: n, procedure: n, staff: n, result: n, feedback: n, online: n, overall: n });

let seq = 0;

/**
 * A stored survey response at `at` (ISO time), as the dispatcher records it; each from its own
 * respondent unless `extra` says otherwise (only one response per respondent counts per 30 days).
 */
export function surveyRecord(at: string, ratings: Record<string, number>, extra: Record<string, unknown> = {}): StoredRecord {
  const n = seq++;
  return { id: `s${n}`, at: Date.parse(at), flow: "survey", ratings, channel: "zalo", respondent: `respondent-${n}`, ...extra };
}
