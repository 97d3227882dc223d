import { computeReport, type Report } from "../feedback/report.js";
import type { RecordStream } from "../engine/types.js";
import type { RecordLog } from "../store/port.js";

export interface ReportCacheOptions {
  store: RecordLog;
  /** Reports kept (one per date filter). Default 8. */
  maxEntries?: number;
  now?: () => number;
}

export interface ReportFilter {
  since?: string;
  until?: string;
}

const STREAMS: readonly RecordStream[] = ["survey", "helpful", "unanswered"];

/**
 * The dashboard's reports, computed once per data version. Reading every record per page view
 * cost seconds and hundreds of MB with 450k records; now a view while nothing was appended reads
 * no record at all (the version is a file size or an index length), concurrent views share one
 * computation, and computations run one at a time, so at most one set of records is in memory.
 * Only reports are kept (a few kB each), at most `maxEntries`, least recently used dropped first.
 */
export function createReportCache(options: ReportCacheOptions) {
  const { store } = options;
  const max = options.maxEntries ?? 8;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { version: string; report: Promise<Report> }>();
  let queue: Promise<unknown> = Promise.resolve();

  const serialised = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };

  async function compute(filter: ReportFilter, range: { since?: number; until?: number }): Promise<Report> {
    const [survey, helpful, unanswered] = await Promise.all(STREAMS.map((s) => store.read(s, range)));
    return computeReport({ survey: survey!, helpful: helpful!, unanswered: unanswered! }, { ...filter, now: now() });
  }

  return {
    /** The report of a date filter (dates already checked) over the records stored now. */
    async get(filter: ReportFilter, range: { since?: number; until?: number } = {}): Promise<Report> {
      const key = `${filter.since ?? ""}|${filter.until ?? ""}`;
      const version = (await Promise.all(STREAMS.map((s) => store.streamVersion(s)))).join("/");
      const hit = entries.get(key);
      if (hit && hit.version === version) {
        entries.delete(key);
        entries.set(key, hit); // most recently used last
        return hit.report;
      }
      const report = serialised(() => compute(filter, range));
      entries.set(key, { version, report });
      // A failed computation is not kept: the next view tries again.
      report.catch(() => {
        if (entries.get(key)?.report === report) entries.delete(key);
      });
      while (entries.size > max) entries.delete(entries.keys().next().value!);
      return report;
    },
  };
}
