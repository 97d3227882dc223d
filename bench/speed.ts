import type { Entry, Synonyms } from "../src/knowledge/schema.js";
import type { Engine, EngineKind } from "./engines.js";
import { percentile, settledHeap } from "./stats.js";

export interface BuildResult {
  engine: Engine;
  buildMs: number;
  /** heapUsed after a full GC, minus the same before the build: what the index keeps alive. */
  heapBytes: number;
}

/** Builds once and measures wall time and retained heap. The entries exist before `before`. */
export function buildMeasured(kind: EngineKind, entries: readonly Entry[], synonyms: Synonyms): BuildResult {
  const before = settledHeap();
  const t0 = performance.now();
  const engine = kind.build(entries, synonyms);
  const buildMs = performance.now() - t0;
  const heapBytes = settledHeap() - before;
  return { engine, buildMs, heapBytes };
}

export interface LatencyResult {
  queries: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  /** CPU time (user + system) per query: less sensitive than wall time to other load on the machine. */
  cpuMsPerQuery: number;
  /** Questions answered untimed before the sample (fewer than asked when the warm-up's time budget ran out). */
  warmed: number;
}

export interface LatencyOptions {
  /** Queries run first, untimed (JIT, caches). Default 30. */
  warmup?: number;
  /** Run these untimed first instead of the first `warmup` timed questions (so no timed question is pre-cached). */
  warmupQuestions?: string[];
  /** Stop after this much measured wall time (the run must stay short); at least 20 queries run. Default 8000. */
  budgetMs?: number;
  /** Stop the warm-up after this much wall time (a slow peer at 6,000 entries); default: no limit. */
  warmupBudgetMs?: number;
}

/** Per-query wall time over `questions`, in order, after a warm-up; stops early at the time budget. */
export function measureLatency(engine: Engine, questions: string[], options: LatencyOptions = {}): LatencyResult {
  const budgetMs = options.budgetMs ?? 8000;
  const warmStart = performance.now();
  let warmed = 0;
  for (const q of (options.warmupQuestions ?? questions).slice(0, options.warmup ?? 30)) {
    engine.search(q);
    warmed++;
    if (performance.now() - warmStart > (options.warmupBudgetMs ?? Infinity)) break;
  }
  const times: number[] = [];
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (const q of questions) {
    const s = performance.now();
    engine.search(q);
    times.push(performance.now() - s);
    if (times.length >= 20 && s - t0 > budgetMs) break;
  }
  const cpu = process.cpuUsage(cpu0);
  return summarise(times, performance.now() - t0, (cpu.user + cpu.system) / 1000, warmed);
}

/** Wraps an engine so each search's wall time is recorded (to time the quality pass itself). */
export function timedEngine(engine: Engine): { engine: Engine; times: number[] } {
  const times: number[] = [];
  return {
    times,
    engine: {
      search(q) {
        const s = performance.now();
        const r = engine.search(q);
        times.push(performance.now() - s);
        return r;
      },
    },
  };
}

export function summarise(times: number[], totalMs: number, cpuMs: number, warmed = 0): LatencyResult {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    queries: times.length,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    meanMs: totalMs / Math.max(1, times.length),
    cpuMsPerQuery: cpuMs / Math.max(1, times.length),
    warmed,
  };
}
