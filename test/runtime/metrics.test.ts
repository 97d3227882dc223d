import { describe, expect, it } from "vitest";
import { createMetrics } from "../../src/runtime/metrics.js";

/** The names operators' dashboards and alerts read from GET /metrics. */
const NAMES = [
  "dvc_bot_updates_total",
  "dvc_bot_answers_total",
  "dvc_bot_answer_seconds",
  "dvc_bot_store_errors_total",
  "dvc_bot_spool_records",
  "dvc_bot_duplicate_updates_total",
  "dvc_bot_rate_limited_total",
  "dvc_bot_handover_events_total",
  "dvc_bot_send_failures_total",
  "dvc_bot_token_refreshes_total",
];

describe("createMetrics", () => {
  it("exposes every metric under its stable name, with help text", async () => {
    const text = await createMetrics().registry.metrics();
    for (const name of NAMES) expect(text).toMatch(new RegExp(`^# HELP ${name} \\S`, "m"));
  });

  it("counts by label as the Prometheus text shows it", async () => {
    const m = createMetrics();
    m.updates.inc({ channel: "zalo" });
    m.updates.inc({ channel: "zalo" });
    m.answers.inc({ outcome: "unanswered", channel: "web" });
    m.latency.observe({ channel: "telegram" }, 0.003);
    m.spoolSize.set(7);
    const text = await m.registry.metrics();
    expect(text).toContain('dvc_bot_updates_total{channel="zalo"} 2');
    expect(text).toContain('dvc_bot_answers_total{outcome="unanswered",channel="web"} 1');
    expect(text).toContain('dvc_bot_answer_seconds_bucket{le="0.005",channel="telegram"} 1');
    expect(text).toContain("dvc_bot_spool_records 7");
  });

  it("keeps each process's numbers apart: two sets of metrics do not clash or share counts", async () => {
    const a = createMetrics();
    const b = createMetrics();
    a.sendFailures.inc({ channel: "zalo" });
    expect(await b.registry.metrics()).not.toContain('dvc_bot_send_failures_total{channel="zalo"}');
  });

  it("adds the process metrics (memory, event loop) only when asked, under the same prefix", async () => {
    expect(await createMetrics().registry.metrics()).not.toContain("dvc_bot_process_resident_memory_bytes");
    const text = await createMetrics({ defaults: true }).registry.metrics();
    expect(text).toContain("dvc_bot_nodejs_eventloop_lag_seconds");
  });
});
