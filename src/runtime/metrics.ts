import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/** Prometheus metrics of one process, on their own registry (tests create several). */
export interface Metrics {
  registry: Registry;
  updates: Counter<"channel">;
  answers: Counter<"outcome" | "channel">;
  latency: Histogram<"channel">;
  storeErrors: Counter<"op">;
  spoolSize: Gauge;
  duplicates: Counter<"channel">;
  rateLimited: Counter<"channel">;
  /** Hand-over events of this process: opened, staff-reply, delivery-failed, closed. */
  handover: Counter<"event">;
  /** Replies the platform never took, after the retries: each one is a citizen left without an answer. */
  sendFailures: Counter<"channel">;
  /** Zalo OA access-token refreshes by outcome (ok, failed). */
  tokenRefreshes: Counter<"outcome">;
}

export function createMetrics(options: { defaults?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaults) collectDefaultMetrics({ register: registry, prefix: "dvc_bot_" });
  return {
    registry,
    updates: new Counter({ name: "dvc_bot_updates_total", help: "Inbound updates by channel", labelNames: ["channel"], registers: [registry] }),
    answers: new Counter({
      name: "dvc_bot_answers_total",
      help: "Questions by outcome (answered, unanswered, flow, other)",
      labelNames: ["outcome", "channel"],
      registers: [registry],
    }),
    latency: new Histogram({
      name: "dvc_bot_answer_seconds",
      help: "Time from inbound update to replies ready",
      labelNames: ["channel"],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    storeErrors: new Counter({ name: "dvc_bot_store_errors_total", help: "Store operations that failed", labelNames: ["op"], registers: [registry] }),
    spoolSize: new Gauge({ name: "dvc_bot_spool_records", help: "Records waiting in the outage spool", registers: [registry] }),
    duplicates: new Counter({ name: "dvc_bot_duplicate_updates_total", help: "Re-delivered updates dropped", labelNames: ["channel"], registers: [registry] }),
    handover: new Counter({ name: "dvc_bot_handover_events_total", help: "Hand-over events in this process (opened, staff-reply, delivery-failed, closed)", labelNames: ["event"], registers: [registry] }),
    rateLimited: new Counter({ name: "dvc_bot_rate_limited_total", help: "Messages refused by the per-user rate limit", labelNames: ["channel"], registers: [registry] }),
    sendFailures: new Counter({ name: "dvc_bot_send_failures_total", help: "Replies that could not be delivered after retries", labelNames: ["channel"], registers: [registry] }),
    tokenRefreshes: new Counter({ name: "dvc_bot_token_refreshes_total", help: "Zalo OA access-token refreshes by outcome", labelNames: ["outcome"], registers: [registry] }),
  };
}
