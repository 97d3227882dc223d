import { parseEach } from "../feedback/records.js";
import { handoverCaseSchema } from "./case-record.js";

/** A case not answered by staff within this long counts as "unanswered after 1 hour". */
export const UNANSWERED_AFTER_MS = 3600 * 1000;

/** The administrators' numbers of hand-over cases. */
export interface HandoverStats {
  /** Cases opened in the period. */
  opened: number;
  /** …of which staff replied to at least once. */
  answered: number;
  /** Cases still open now. */
  open: number;
  /** Median minutes from opening to the first staff reply (answered cases); null with none. */
  medianFirstReplyMinutes: number | null;
  /** Cases with no staff reply within 1 hour of opening (answered late, or not yet and older than 1 hour). */
  unansweredAfterHour: number;
  /** Stored cases left out because they do not fit the case schema (case-record.ts). */
  skipped: number;
}

/** The numbers of the cases given (those opened in the period), read through the case schema. */
export function computeHandoverStats(stored: readonly unknown[], now: number): HandoverStats {
  const { records: cases, skipped } = parseEach(handoverCaseSchema, stored);
  const waits = cases.filter((c) => c.firstReplyAt !== undefined).map((c) => c.firstReplyAt! - c.openedAt).sort((a, b) => a - b);
  const late = cases.filter((c) => (c.firstReplyAt !== undefined ? c.firstReplyAt - c.openedAt : now - c.openedAt) > UNANSWERED_AFTER_MS);
  return {
    opened: cases.length,
    answered: waits.length,
    open: cases.filter((c) => c.closedAt === undefined).length,
    medianFirstReplyMinutes: waits.length ? Math.round((median(waits) / 60_000) * 10) / 10 : null,
    unansweredAfterHour: late.length,
    skipped,
  };
}

function median(sorted: number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
