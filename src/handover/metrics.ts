import { Gauge, type Registry } from "prom-client";
import type { Handover } from "./handover.js";

/**
 * Hand-over numbers for /metrics, read from the case store at scrape time, so every instance
 * reports the same totals (not only the cases it happened to handle).
 */
export function registerHandoverMetrics(registry: Registry, handover: Handover): void {
  let last: Promise<Awaited<ReturnType<Handover["stats"]>> | null> | undefined;
  // One store read per scrape, shared by the gauges below.
  const stats = () => (last ??= handover.stats().catch(() => null).finally(() => setTimeout(() => (last = undefined), 0)));
  new Gauge({
    name: "dvc_bot_handover_cases",
    help: "Hand-over cases: opened (all time), answered (a staff reply), open now, unanswered_1h (no staff reply within 1 hour)",
    labelNames: ["state"],
    registers: [registry],
    async collect() {
      const s = await stats();
      if (!s) return;
      this.set({ state: "opened" }, s.opened);
      this.set({ state: "answered" }, s.answered);
      this.set({ state: "open" }, s.open);
      this.set({ state: "unanswered_1h" }, s.unansweredAfterHour);
    },
  });
  new Gauge({
    name: "dvc_bot_handover_first_reply_median_seconds",
    help: "Median time from a hand-over case opening to the first staff reply",
    registers: [registry],
    async collect() {
      const s = await stats();
      if (s?.medianFirstReplyMinutes !== null && s?.medianFirstReplyMinutes !== undefined) this.set(s.medianFirstReplyMinutes * 60);
    },
  });
}
