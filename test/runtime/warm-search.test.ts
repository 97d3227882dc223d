import { describe, expect, it } from "vitest";
import { warmSearch, warmUpQuestions } from "../../src/runtime/warm-search.js";
import { fold } from "../../src/text/normalize.js";
import { loadFixtureSearch } from "../helpers/fixture-search.js";

describe("warmUpQuestions", () => {
  const { entries } = loadFixtureSearch("knowledge-ages");

  it("builds questions from the entries' names, half typed without accents, no more than asked", () => {
    const qs = warmUpQuestions(entries, 40);
    expect(qs).toHaveLength(40);
    expect(warmUpQuestions(entries, 40)).toEqual(qs);
    expect(qs.filter((q) => q === fold(q)).length).toBeGreaterThanOrEqual(20);
    expect(qs.some((q) => q.includes("cấp hộ chiếu phổ thông"))).toBe(true);
    expect(qs.some((q) => fold(q).includes("le phi bao nhieu"))).toBe(true);
  });

  it("makes none from no knowledge", () => {
    expect(warmUpQuestions([], 10)).toEqual([]);
  });
});

describe("warmSearch", () => {
  const questions = Array.from({ length: 100 }, (_, i) => `q${i}`);

  it("answers every question, a slice at a time, letting other work run in between", async () => {
    const asked: string[] = [];
    const events: string[] = [];
    const warm = warmSearch((q) => asked.push(q), questions, 10);
    setImmediate(() => events.push(`other work after ${asked.length}`));
    expect(await warm.done).toBe(100);
    expect(asked).toEqual(questions);
    // The other callback ran while questions were still left: the warm-up did not hold the event loop.
    expect(events).toHaveLength(1);
    expect(Number(events[0]!.split(" ").at(-1))).toBeLessThan(100);
  });

  it("stops when asked, and a question that throws does not stop it", async () => {
    let n = 0;
    const warm = warmSearch(() => {
      n++;
      if (n === 3) throw new Error("unreadable");
      if (n === 30) warm.stop();
    }, questions, 10);
    expect(await warm.done).toBe(30);
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
