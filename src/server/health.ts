import type { FastifyInstance } from "fastify";
import type { LiveCore } from "../runtime/live-core.js";
import type { PlatformHealth } from "../runtime/platform-health.js";
import type { Metrics } from "../runtime/metrics.js";
import type { Readiness } from "../runtime/readiness.js";
import type { Store } from "../store/port.js";
import type { WorkTracker } from "../runtime/work.js";

export interface HealthDeps {
  store: Store;
  live: LiveCore;
  metrics: Metrics;
  work: WorkTracker;
  channels: Record<string, string>;
  readiness?: Readiness | undefined;
  platforms?: PlatformHealth | undefined;
}

/** /healthz (alive), /readyz (ready for traffic, with detail), /metrics (Prometheus text). */
export function registerHealth(app: FastifyInstance, deps: HealthDeps): void {
  const { store, live, metrics, work, channels } = deps;
  app.get("/healthz", async (_req, reply) => reply.header("cache-control", "no-store").send({ status: "ok" }));

  app.get("/readyz", async (_req, reply) => {
    reply.header("cache-control", "no-store");
    if (work.closing) return reply.code(503).send({ status: "shutting-down", inFlight: work.inFlight });
    const storeHealth = await store.health().catch((err: unknown) => ({ status: "degraded" as const, detail: err instanceof Error ? err.message : String(err) }));
    const s = live.status();
    const conditions = deps.readiness?.conditions() ?? [];
    // A webhook that could not be registered means no updates arrive: not ready (503). A platform
    // outage or a token that cannot be refreshed leaves the web chat working: degraded, still 200.
    const notReady = conditions.some((c) => c.level === "not-ready");
    const problems = [...conditions.map((c) => c.detail), ...(deps.platforms?.problems() ?? [])];
    return reply.code(notReady ? 503 : 200).send({
      status: notReady ? "not-ready" : storeHealth.status === "ok" && problems.length === 0 ? "ok" : "degraded",
      // Absent from the JSON when there are none.
      problems: problems.length ? problems : undefined,
      store: { kind: store.kind, ...storeHealth },
      knowledge: {
        version: s.live.id,
        loadedAt: new Date(s.live.loadedAt).toISOString(),
        entries: s.live.entries,
        flows: s.live.flows,
        files: s.live.files,
        lastReloadOk: s.lastAttemptOk,
        problems: s.problems.length,
      },
      channels,
      inFlight: work.inFlight,
    });
  });

  app.get("/metrics", async (_req, reply) => {
    metrics.spoolSize.set(store.spoolSize?.() ?? 0);
    return reply.header("cache-control", "no-store").type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}
