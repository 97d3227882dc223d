import { existsSync } from "node:fs";
import { basename, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { evalAnswer, readEvalFile, scoreEval } from "../../src/knowledge/eval.js";
import { loadKnowledge } from "../../src/knowledge/loader.js";
import { createSearchIndex, type SearchIndex } from "../../src/knowledge/search.js";

// Answer quality as ../shared/eval/README.md defines it: the shared development set and
// test/fixtures/blind-eval{,-2,-3,-4,-5}.jsonl, ~850 questions written without looking at the knowledge
// (used since to tune the rules, so no longer blind — keep adding fresh ones). A clarifying
// question is not a top-1 answer; cards offered on an out-of-scope question are a false answer.
const ROOT = join(import.meta.dirname, "../..");
const SETS = [
  join(ROOT, "../shared/eval/dev.jsonl"),
  join(ROOT, "test/fixtures/blind-eval.jsonl"),
  join(ROOT, "test/fixtures/blind-eval-2.jsonl"),
  join(ROOT, "test/fixtures/blind-eval-3.jsonl"),
  join(ROOT, "test/fixtures/blind-eval-4.jsonl"),
  join(ROOT, "test/fixtures/blind-eval-5.jsonl"),
].filter((f) => existsSync(f));

/** Targets from the content issue; a set still short of them has its measured level as a floor. */
const DEFAULT_FLOOR = { top1: 0.9, falseAnswers: 0.1, wrongCards: 0.03 };
const FLOORS: Record<string, typeof DEFAULT_FLOOR> = {
  // Set A of the understanding issue (written and labelled by others, used for tuning since):
  // short of the 95 % / 5 % targets. Its false answers are forged-paper, account and translation
  // requests that the engine's intents refuse before search (this test reads search alone).
  "blind-eval-3.jsonl": { top1: 0.86, falseAnswers: 0.18, wrongCards: 0.02 },
  // Set B, held out until the end of that work and reported once (docs/benchmarks.md); now seen.
  "blind-eval-4.jsonl": { top1: 0.83, falseAnswers: 0.08, wrongCards: 0.03 },
  // Set C (blind-eval-5), written and labelled like B; tuned on since 2026-12-03. Its wrong cards
  // (5 %) are over the 3 % target: ranking misses in long stories, kept as a floor, not a goal.
  "blind-eval-5.jsonl": { top1: 0.8, falseAnswers: 0.17, wrongCards: 0.06 },
};

let index: SearchIndex;
beforeAll(() => {
  const { knowledge } = loadKnowledge(join(ROOT, "knowledge"));
  index = createSearchIndex(knowledge.entries, knowledge.synonyms);
});

describe("answer quality", () => {
  it("has at least the blind set to measure on", () => {
    expect(SETS.length).toBeGreaterThanOrEqual(1);
  });

  it.each(SETS)("%s: top-1, wrong cards and false answers within the set's floor", (file) => {
    const floor = FLOORS[basename(file)] ?? DEFAULT_FLOOR;
    const s = scoreEval(readEvalFile(file), (q) => evalAnswer(index.search(q)));
    const report = s.misses.map((m) => `${m.q} → ${m.got ?? "nothing"} (answered=${m.answered})`).join("\n");
    expect(s.top1 / s.inScope, report).toBeGreaterThanOrEqual(floor.top1);
    expect(s.falseAnswers / Math.max(s.outOfScope, 1), report).toBeLessThanOrEqual(floor.falseAnswers);
    expect(s.wrongAnswers / Math.max(s.inScope, 1), report).toBeLessThanOrEqual(floor.wrongCards);
  });
});
