import { describe, expect, it } from "vitest";
import { warmSearch, warmUpQuestions } from "../../src/runtime/warm-search.js";
import { fold } from "../../src/text/normalize.js";
import { loadFixtureSearch } from "../helpers/fixture-search.js";

describe("warmUpQuestions", () => {
  const { entries } = loadFixtureSearch("knowledge-ages");

  it("builds questions from the entries' names, half typed without accents, no more than asked", () => {
    const qs = warmUpQuestions(entries, 60);
    expect(qs).toHaveLength(60);
    expect(warmUpQuestions(entries, 60)).toEqual(qs);
    expect(qs.filter((q) => q === fold(q)).length).toBeGreaterThanOrEqual(15);
    expect(qs.some((q) => q.includes("cấp hộ chiếu phổ thông"))).toBe(true);
    // Every tail comes both with and without accents.
    expect(qs.some((q) => q.includes("lệ phí bao nhiêu"))).toBe(true);
    expect(qs.some((q) => q.includes("le phi bao nhieu"))).toBe(true);
    expect(qs.some((q) => q.endsWith("ở đâu"))).toBe(true);
    expect(qs.some((q) => q.endsWith("o dau"))).toBe(true);
  });

  it("makes none from no knowledge", () => {
    expect(warmUpQuestions([], 10)).toEqual([]);
  });
});

describe("warmSearch", () => {
  const questions = Array.from({ length: 100 }, (_, i) => `q${i}`);
  /** A search that takes about `ms` of wall time (busy), recording the question. */
  const slow = (asked: string[], ms: number) => (q: string) => {
    asked.push(q);
    const until = performance.now() + ms;
    while (performance.now() < until);
  };

  it("asks every question, a few milliseconds at a time, letting other work run in between", async () => {
    const asked: string[] = [];
    const seen: number[] = [];
    const warm = warmSearch(slow(asked, 0.5), questions, 2);
    const other = () => {
      seen.push(asked.length);
      if (asked.length < questions.length) setImmediate(other);
    };
    setImmediate(other);
    expect(await warm.done).toEqual({ asked: 100, failed: 0, stopped: false });
    expect(asked).toEqual(questions);
    // Other work ran between turns, each turn asking only a few questions (about 2 ms of 0.5 ms questions).
    expect(seen.length).toBeGreaterThan(10);
    const turns = seen.slice(1).map((n, i) => n - seen[i]!);
    expect(Math.max(...turns)).toBeLessThan(20);
  });

  it("stops when asked from inside a turn or between turns, and a question that throws is counted", async () => {
    let n = 0;
    const inside = warmSearch(() => {
      n++;
      if (n === 3) throw new Error("unreadable");
      if (n === 25) inside.stop();
    }, questions, 1000);
    expect(await inside.done).toEqual({ asked: 25, failed: 1, stopped: true });

    const asked: string[] = [];
    const between = warmSearch(slow(asked, 0.5), questions, 2);
    setImmediate(() => between.stop());
    const r = await between.done;
    expect(r.stopped).toBe(true);
    expect(r.asked).toBeLessThan(100);
    expect(asked).toHaveLength(r.asked);
  });

  it("leaves the search answering as before", async () => {
    const { entries, index } = loadFixtureSearch("knowledge-ages");
    const q = "làm căn cước cho con 8 tuổi mang giấy tờ gì";
    const before = index.search(q);
    await warmSearch((x) => index.search(x), warmUpQuestions(entries, 200)).done;
    const after = index.search(q);
    expect(after.decision).toEqual(before.decision);
    expect(after.hits.map((h) => [h.entry.id, h.score])).toEqual(before.hits.map((h) => [h.entry.id, h.score]));
  });
});
