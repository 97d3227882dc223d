import { loadReport, REPORT_STREAMS } from "../feedback/load-report.js";
import type { Report } from "../feedback/report.js";
import type { RecordLog } from "../store/port.js";

export interface ReportCacheOptions {
  /** The record log: its records, and a version that changes when one is added. */
  store: Pick<RecordLog, "read" | "streamVersion">;
  /** Reports kept (one per date filter). Default 8. */
  maxEntries?: number;
  now?: () => number;
}

export interface ReportFilter {
  since?: string | undefined;
  until?: string | undefined;
}

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

  return {
    /** The report of a date filter over the records stored now; rejects on a malformed date. */
    async get(filter: ReportFilter): Promise<Report> {
      const key = `${filter.since ?? ""}|${filter.until ?? ""}`;
      const version = (await Promise.all(REPORT_STREAMS.map((s) => store.streamVersion(s)))).join("/");
      const hit = entries.get(key);
      if (hit && hit.version === version) {
        entries.delete(key);
        entries.set(key, hit); // most recently used last
        return hit.report;
      }
      const report = serialised(() => loadReport(store, { ...filter, now: now() }));
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
