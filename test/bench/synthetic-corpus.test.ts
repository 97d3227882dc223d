import { describe, expect, it } from "vitest";
import { createSyntheticCorpus, syntheticQuestions } from "../../bench/synthetic-corpus.js";
import { entrySchema } from "../../src/knowledge/schema.js";

describe("bench synthetic corpus", () => {
  const corpus = createSyntheticCorpus({ count: 6000, seed: 42 });

  it("makes 6,000 valid procedure entries with distinct ids and titles", () => {
    expect(corpus).toHaveLength(6000);
    for (const entry of corpus) expect(() => entrySchema.parse(entry)).not.toThrow();
    expect(new Set(corpus.map((e) => e.id)).size).toBe(6000);
    expect(new Set(corpus.map((e) => e.title)).size).toBe(6000);
    expect(corpus.every((e) => e.kind === "procedure" && e.id.startsWith("syn-"))).toBe(true);
  });

  it("is deterministic for a seed and differs across seeds", () => {
    expect(createSyntheticCorpus({ count: 6000, seed: 42 })).toEqual(corpus);
    expect(createSyntheticCorpus({ count: 50, seed: 43 }).map((e) => e.title)).not.toEqual(corpus.slice(0, 50).map((e) => e.title));
    expect(syntheticQuestions(corpus, 20, 7)).toEqual(syntheticQuestions(corpus, 20, 7));
  });

  it("never reuses a taken title", () => {
    const taken = new Set(corpus.slice(0, 100).map((e) => e.title));
    const again = createSyntheticCorpus({ count: 500, seed: 42, takenTitles: taken });
    expect(again.some((e) => taken.has(e.title))).toBe(false);
  });
});
