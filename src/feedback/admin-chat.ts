import type { RecordLog } from "../store/port.js";
import { renderShortText } from "./render.js";
import { computeReport, vnDate } from "./report.js";

/** Days the chat summary covers. */
const SUMMARY_DAYS = 30;
const DAY_MS = 24 * 3600 * 1000;

export async function summaryText(store: RecordLog, now: number): Promise<string> {
  const since = vnDate(now - (SUMMARY_DAYS - 1) * DAY_MS);
  const until = vnDate(now);
  const [survey, helpful, unanswered] = await Promise.all([store.read("survey"), store.read("helpful"), store.read("unanswered")]);
  const report = computeReport({ survey, helpful, unanswered }, { since, until, now });
  return renderShortText(report, `${SUMMARY_DAYS} ngày qua (${since} → ${until})`);
}
