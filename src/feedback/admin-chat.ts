import { loadReport, type RecordReader } from "./load-report.js";
import { FM } from "./messages.js";
import { renderShortText } from "./render.js";
import { vnDate } from "./report.js";

/** Days the chat summary covers. */
const SUMMARY_DAYS = 30;
const DAY_MS = 24 * 3600 * 1000;

/** The `/baocao` summary: the last SUMMARY_DAYS days, today included, in a few lines. */
export async function summaryText(log: RecordReader, now: number): Promise<string> {
  const since = vnDate(now - (SUMMARY_DAYS - 1) * DAY_MS);
  const until = vnDate(now);
  const report = await loadReport(log, { since, until, now });
  return renderShortText(report, FM.lastDays(SUMMARY_DAYS, since, until));
}
