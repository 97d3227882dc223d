import { readFileSync } from "node:fs";
import { z } from "zod";
import { fold } from "../text/normalize.js";
import { answeredFirst, type SearchResult } from "./search.js";

/**
 * Answer quality on a labelled question set, as ../shared/eval/README.md defines it: what
 * `dvc-bot eval`, the quality test and the benchmark all count with.
 */

/** One labelled question (one line of a JSONL set). */
export interface EvalLine {
  q: string;
  /** Entry ids or folded title keywords; null = no entry fits (out of scope). */
  expect: string[] | null;
}

export interface EvalScores {
  questions: number;
  inScope: number;
  outOfScope: number;
  top1: number;
  top3: number;
  /** Out-of-scope questions answered with a card (or offered cards to pick from). */
  falseAnswers: number;
  /** In-scope questions answered with a wrong card. */
  wrongAnswers: number;
  /** In-scope questions answered by a clarifying question whose options hold the right entry. */
  oneTap: number;
  /** In-scope questions answered by a clarifying question (right or not). */
  clarified: number;
  misses: Array<{ q: string; expect: string[] | null; got: string | null; answered: boolean; score: number }>;
}

/** What a search said about one question, as scoreEval reads it. */
export interface EvalAnswer {
  /** One card shown. */
  answered: boolean;
  /** Ranked hits, best first (titles; ids when known, to match id labels). */
  titles: string[];
  ids?: string[] | undefined;
  score: number;
  /** Options of a clarifying question, when the search asked one instead of answering. */
  options?: Array<{ id: string; title: string }> | undefined;
}

/**
 * Scores a search function on a question set, the way ../shared/eval/README.md defines it. An
 * `expect` item equal to an entry id matches that entry; any other item is a folded keyword of
 * the title. A clarifying question is not a top-1 answer: it counts as right after one tap when
 * its options hold the right entry (reported apart), and as a false answer out of scope.
 */
export function scoreEval(lines: EvalLine[], ask: (q: string) => EvalAnswer): EvalScores {
  let top1 = 0;
  let top3 = 0;
  let falseAnswers = 0;
  let wrongAnswers = 0;
  let oneTap = 0;
  let clarified = 0;
  let inScope = 0;
  const misses: EvalScores["misses"] = [];
  for (const line of lines) {
    const r = ask(line.q);
    const hits = r.titles.map((title, i) => ({ id: r.ids?.[i], title }));
    if (line.expect === null) {
      if (r.answered || (r.options?.length ?? 0) > 0) {
        falseAnswers++;
        misses.push({ q: line.q, expect: null, got: r.titles[0] ?? r.options?.[0]?.title ?? null, answered: true, score: r.score });
      }
      continue;
    }
    inScope++;
    const right = rightFor(line.expect);
    const ok1 = r.answered && !!hits[0] && right(hits[0]);
    const ok3 = r.answered && hits.slice(0, 3).some(right);
    if (ok1) top1++;
    else misses.push({ q: line.q, expect: line.expect, got: r.titles[0] ?? null, answered: r.answered, score: r.score });
    if (r.answered && !ok1) wrongAnswers++;
    if (ok3) top3++;
    if (!r.answered && r.options && r.options.length > 0) {
      clarified++;
      if (r.options.some(right)) oneTap++;
    }
  }
  const outOfScope = lines.length - inScope;
  return { questions: lines.length, inScope, outOfScope, top1, top3, falseAnswers, wrongAnswers, oneTap, clarified, misses };
}

function rightFor(expect: string[]): (hit: { id?: string | undefined; title: string }) => boolean {
  const keys = expect.map(fold);
  return (hit) => expect.includes(hit.id ?? "\u0000") || keys.some((k) => fold(hit.title).includes(k));
}

/** How a search result reads for scoreEval: a card, a clarifying question, or nothing. */
export function evalAnswer(r: SearchResult): EvalAnswer {
  const d = r.decision;
  // The card answered first, though the ranking may put another above it (a long message's asking sentence naming
  // another entry than its story's).
  const hits = answeredFirst(r);
  return {
    answered: d.kind === "answer",
    titles: hits.map((h) => h.entry.title),
    ids: hits.map((h) => h.entry.id),
    score: hits[0]?.score ?? 0,
    options: d.kind === "clarify" ? d.options.map((h) => ({ id: h.entry.id, title: h.entry.title })) : undefined,
  };
}

const evalLineSchema = z.object({ q: z.string(), expect: z.array(z.string()).min(1).nullable() });

/**
 * A question set read line by line: each line must be `{"q": string, "expect": string[] | null}` (at least one id);
 * anything else is an error naming the file and line. Blank lines are skipped.
 */
export function parseEvalLines(text: string, file: string): EvalLine[] {
  const out: EvalLine[] = [];
  text.split("\n").forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new Error(`${file}:${i + 1}: not a JSON line`);
    }
    const parsed = evalLineSchema.safeParse(value);
    if (!parsed.success) throw new Error(`${file}:${i + 1}: expected {"q": "…", "expect": ["id", …] | null}`);
    out.push({ q: parsed.data.q, expect: parsed.data.expect });
  });
  return out;
}

export function readEvalFile(file: string): EvalLine[] {
  return parseEvalLines(readFileSync(file, "utf8"), file);
}

/** The scores as rates: the numbers `dvc-bot eval` prints as JSON and the benchmark compares. */
export function evalRates(s: EvalScores): { top1: number; top3: number; falseAnswerRate: number; wrongAnswerRate: number; oneTap: number } {
  return {
    top1: s.top1 / Math.max(s.inScope, 1),
    top3: s.top3 / Math.max(s.inScope, 1),
    falseAnswerRate: s.falseAnswers / Math.max(s.outOfScope, 1),
    wrongAnswerRate: s.wrongAnswers / Math.max(s.inScope, 1),
    oneTap: s.oneTap / Math.max(s.inScope, 1),
  };
}
