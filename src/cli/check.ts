import { loadConfig } from "../config.js";
import { loadSources } from "../app/core.js";
import { formatProblem } from "../knowledge/yaml-source.js";

/** `dvc-bot check`: every problem in knowledge and flows as `path:line: message`; exit 1 if any. */
export async function runCheck(env: NodeJS.ProcessEnv, opts: { knowledge?: string; flows?: string }): Promise<void> {
  const config = loadConfig(env);
  const knowledgeDir = opts.knowledge ?? config.knowledgeDir;
  const flowsDir = opts.flows ?? config.flowsDir;
  const { knowledge, flowIds, problems: all } = loadSources({ knowledgeDir, flowsDir });
  for (const p of all) console.log(formatProblem(p));
  if (all.length > 0) {
    console.error(`check: ${all.length} problem(s) in ${knowledgeDir} and ${flowsDir}`);
    process.exitCode = 1;
    return;
  }
  console.log(`check: ok — ${knowledge.entries.length} knowledge entries, ${flowIds.size} flows`);
}
