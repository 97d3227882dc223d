import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { buildCore } from "../app/core.js";
import { loadConfig } from "../config.js";
import { CLI_CACHE_DIR } from "./cache-dir.js";
import { fold } from "../text/normalize.js";

interface EvalLine {
  q: string;
  expect: string[] | null;
}

/** Default question set: the shared development set beside this checkout. */
export const DEFAULT_EVAL_FILE = "../shared/eval/dev.jsonl";

export interface EvalScores {
  questions: number;
  inScope: number;
  outOfScope: number;
  top1: number;
  top3: number;
  falseAnswers: number;
  misses: Array<{ q: string; expect: string[] | null; got: string | null; answered: boolean; score: number }>;
}

/** Scores a search function on a question set, the way ../shared/eval/README.md defines it. */
export function scoreEval(
  lines: EvalLine[],
  ask: (q: string) => { answered: boolean; titles: string[]; score: number },
): EvalScores {
  let top1 = 0;
  let top3 = 0;
  let falseAnswers = 0;
  let inScope = 0;
  const misses: EvalScores["misses"] = [];
  for (const line of lines) {
    const r = ask(line.q);
    const titles = r.titles.map(fold);
    if (line.expect === null) {
      if (r.answered) {
        falseAnswers++;
        misses.push({ q: line.q, expect: null, got: r.titles[0] ?? null, answered: true, score: r.score });
      }
      continue;
    }
    inScope++;
    const keys = line.expect.map(fold);
    const ok1 = r.answered && !!titles[0] && keys.some((k) => titles[0]!.includes(k));
    const ok3 = r.answered && titles.slice(0, 3).some((t) => keys.some((k) => t.includes(k)));
    if (ok1) top1++;
    else misses.push({ q: line.q, expect: line.expect, got: r.titles[0] ?? null, answered: r.answered, score: r.score });
    if (ok3) top3++;
  }
  const outOfScope = lines.length - inScope;
  return { questions: lines.length, inScope, outOfScope, top1, top3, falseAnswers, misses };
}

export function readEvalFile(file: string): EvalLine[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EvalLine);
}

const pct = (a: number, b: number) => (b === 0 ? "n/a" : `${((100 * a) / b).toFixed(1)}%`);

/** `npm run eval` / `dvc-bot eval [FILE]`: top-1, top-3 and false-answer rate, then the misses. */
export async function runEval(env: NodeJS.ProcessEnv, file?: string): Promise<void> {
  const config = loadConfig(env);
  const path = resolve(file ?? DEFAULT_EVAL_FILE);
  if (!existsSync(path)) throw new Error(`eval: no question file at ${path}`);
  const { core } = buildCore({ knowledgeDir: config.knowledgeDir, flowsDir: config.flowsDir, cacheDir: CLI_CACHE_DIR });
  const engine = core!.engine;
  const s = scoreEval(readEvalFile(path), (q) => {
    const r = engine.search(q);
    return { answered: r.confident, titles: r.hits.map((h) => h.entry.title), score: r.hits[0]?.score ?? 0 };
  });
  console.log(`questions: ${s.questions} (${s.inScope} in scope, ${s.outOfScope} out of scope) — ${path}`);
  console.log(`top-1: ${pct(s.top1, s.inScope)}  top-3: ${pct(s.top3, s.inScope)}  false answers: ${pct(s.falseAnswers, s.outOfScope)}`);
  for (const m of s.misses) {
    console.log(`  miss: ${JSON.stringify(m.q)} expected ${m.expect ? m.expect.join("|") : "no answer"}; got ${m.got ?? "nothing"} (answered=${m.answered}, score=${m.score})`);
  }
  console.log(JSON.stringify({ measure: "eval", top1: s.top1 / Math.max(s.inScope, 1), top3: s.top3 / Math.max(s.inScope, 1), falseAnswerRate: s.falseAnswers / Math.max(s.outOfScope, 1) }));
}
