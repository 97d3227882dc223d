import { describe, expect, it } from "vitest";
import { measureLatency } from "../../bench/speed.js";

// The latency sample's warm-up (bench/run.ts): a slow peer must not turn the warm-up into minutes.
describe("measureLatency warm-up", () => {
  const counting = () => {
    const asked: string[] = [];
    return { asked, engine: { search: (q: string) => (asked.push(q), { hits: [], confidence: 0, answered: false }) } };
  };
  const warm = Array.from({ length: 50 }, (_, i) => `warm ${i}`);
  const timed = Array.from({ length: 20 }, (_, i) => `timed ${i}`);

  it("answers every warm-up question untimed, then times each question once", () => {
    const { asked, engine } = counting();
    const r = measureLatency(engine, timed, { warmup: 50, warmupQuestions: warm });
    expect(asked.filter((q) => q.startsWith("warm"))).toHaveLength(50);
    expect(r.warmed).toBe(50);
    expect(r.queries).toBe(20);
  });

  it("stops the warm-up once its time budget is spent", () => {
    const { asked, engine } = counting();
    const r = measureLatency(engine, timed, { warmup: 50, warmupQuestions: warm, warmupBudgetMs: -1 });
    expect(asked.filter((q) => q.startsWith("warm"))).toHaveLength(1);
    expect(r.warmed).toBe(1);
  });
});
