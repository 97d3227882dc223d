import { writeFile } from "node:fs/promises";
import { loadConfig } from "../config.js";
import { renderReportHtml } from "../feedback/html.js";
import { renderCsv, renderText } from "../feedback/render.js";
import { loadReport } from "../feedback/load-report.js";
import { dateRange } from "../feedback/report.js";
import { createLogger } from "../log.js";
import { createCaseStore } from "../handover/wire.js";
import { computeHandoverStats } from "../handover/stats.js";
import { createStore } from "../store/create-store.js";

export interface ReportCliOptions {
  json?: boolean;
  csv?: boolean;
  html?: string;
  since?: string;
  until?: string;
}

/**
 * `dvc-bot report`: the survey summary from the configured store (Redis when REDIS_URL is set).
 * Plain text by default; `--json`, `--csv` (one row per response, for Excel) or `--html FILE`.
 * With REDIS_URL set but Redis unreachable it fails (exit 1) rather than print partial numbers.
 */
export async function runReport(env: NodeJS.ProcessEnv, opts: ReportCliOptions): Promise<void> {
  const config = loadConfig(env);
  // Validate the dates before touching the store.
  const range = dateRange(opts.since, opts.until);
  const logger = createLogger(env.LOG_LEVEL ?? "warn");
  const store = await createStore(config, logger);
  try {
    // A Redis store that cannot reach Redis would report only this machine's spool: numbers that
    // look real but are not. Better no report than a wrong one.
    if (store.kind === "redis") {
      const health = await store.health();
      if (health.status !== "ok") throw new Error(`report: Redis is unreachable, the report would be incomplete (${health.detail ?? "degraded"})`);
    }
    if (opts.csv) {
      process.stdout.write(renderCsv(await store.read("survey", range), range));
      return;
    }
    const report = await loadReport(store, { now: Date.now(), since: opts.since, until: opts.until });
    if (opts.html) {
      await writeFile(opts.html, renderReportHtml(report), "utf8");
      console.error(`report: wrote ${opts.html} (${report.responses} responses)`);
    }
    if (opts.json) {
      // Hand-over numbers of the same period: cases opened, answered, median first reply, late.
      const cases = await createCaseStore(config);
      try {
        console.log(JSON.stringify({ ...report, handover: computeHandoverStats(await cases.list(range), Date.now()) }));
      } finally {
        await cases.close();
      }
    }
    else if (!opts.html) console.log(renderText(report));
  } finally {
    await store.close();
  }
}
