import type { RecordStream } from "../engine/types.js";
import type { Store } from "../store/port.js";
import { computeReport, dateRange, type Report, type ReportOptions } from "./report.js";

/** What a report needs of the record log: the records of a stream within a time range. */
export type RecordReader = Pick<Store, "read">;

/** The streams a report reads. */
export const REPORT_STREAMS = ["survey", "helpful", "unanswered"] as const satisfies readonly RecordStream[];

/**
 * The report of a period over the records stored now: the one way the dashboard, the `/baocao`
 * chat command and `dvc-bot report` read the record log. Only the period's records are read;
 * a malformed date throws before anything is read (dateRange's message).
 */
export async function loadReport(log: RecordReader, options: ReportOptions): Promise<Report> {
  const range = dateRange(options.since, options.until);
  const [survey, helpful, unanswered] = await Promise.all(REPORT_STREAMS.map((stream) => log.read(stream, range)));
  return computeReport({ survey: survey!, helpful: helpful!, unanswered: unanswered! }, options);
}
