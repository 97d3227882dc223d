import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { buildCore } from "../runtime/core.js";
import { loadConfig } from "../config.js";
import { CLI_CACHE_DIR } from "./cache-dir.js";
import { evalRates, readEvalFile, scoreEval } from "../knowledge/eval.js";
import { engineEvalAnswer } from "../engine/eval-answer.js";

/** Default question set: the shared development set beside this checkout. */
export const DEFAULT_EVAL_FILE = "../shared/eval/dev.jsonl";

const pct = (a: number, b: number) => (b === 0 ? "n/a" : `${((100 * a) / b).toFixed(1)}%`);

/** `npm run eval` / `dvc-bot eval [FILE]`: top-1, top-3 and false-answer rate, then the misses. */
export async function runEval(env: NodeJS.ProcessEnv, file?: string): Promise<void> {
  const config = loadConfig(env);
  const path = resolve(file ?? DEFAULT_EVAL_FILE);
  if (!existsSync(path)) throw new Error(`eval: no question file at ${path}`);
  const { core } = buildCore({ knowledgeDir: config.knowledgeDir, flowsDir: config.flowsDir, cacheDir: CLI_CACHE_DIR });
  const engine = core!.engine;
  const s = scoreEval(readEvalFile(path), (q) => engineEvalAnswer(engine, q));
  console.log(`questions: ${s.questions} (${s.inScope} in scope, ${s.outOfScope} out of scope) — ${path}`);
  console.log(`top-1: ${pct(s.top1, s.inScope)}  top-3: ${pct(s.top3, s.inScope)}  false answers: ${pct(s.falseAnswers, s.outOfScope)}`);
  console.log(
    `wrong card (in scope): ${pct(s.wrongAnswers, s.inScope)}  clarified: ${pct(s.clarified, s.inScope)}  right after one tap: ${pct(s.oneTap, s.inScope)}  top-1 or one tap: ${pct(s.top1 + s.oneTap, s.inScope)}`,
  );
  for (const m of s.misses) {
    console.log(`  miss: ${JSON.stringify(m.q)} expected ${m.expect ? m.expect.join("|") : "no answer"}; got ${m.got ?? "nothing"} (answered=${m.answered}, score=${m.score})`);
  }
  console.log(JSON.stringify({ measure: "eval", ...evalRates(s) }));
}
