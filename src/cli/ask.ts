import { createInterface } from "node:readline";
import { buildCore } from "../runtime/core.js";
import { repliesToPlainText } from "../runtime/plain-text.js";
import { loadConfig } from "../config.js";
import { CLI_CACHE_DIR } from "./cache-dir.js";
import { newSession } from "../engine/types.js";
import { formatProblem } from "../source/yaml-source.js";

/** The `ask --json` line: the contract other tools (eval, benchmarks, acceptance checks) read. */
export interface AskJson {
  query: string;
  answered: boolean;
  results: Array<{ id: string; title: string; kind: "procedure" | "guide" | "faq"; score: number }>;
  reply: string;
}

/** `dvc-bot ask [--json] [QUESTION]`: one answer, or one per stdin line (batch). */
export async function runAsk(env: NodeJS.ProcessEnv, question: string, json: boolean): Promise<void> {
  const config = loadConfig(env);
  const { core, problems } = buildCore({ knowledgeDir: config.knowledgeDir, flowsDir: config.flowsDir, cacheDir: CLI_CACHE_DIR, today: config.today });
  for (const p of problems) console.error(`warning: ${formatProblem(p)}`);
  const engine = core!.engine;

  const answer = (q: string): string => {
    const result = engine.search(q);
    const turn = engine.handle({ type: "text", text: q, channel: "cli", chatId: "cli", userId: "cli", at: Date.now() }, newSession());
    const reply = repliesToPlainText(turn.replies);
    if (!json) return reply;
    // Answered means the bot showed a knowledge card — not a refusal, a clarifying question or
    // "I don't know" — whatever the search alone would have said.
    const shown = turn.effects.some((e) => e.type === "metric" && e.name === "answered" && ["procedure", "guide", "faq"].includes(e.labels?.kind ?? ""))
      ? turn.session.lastEntryId
      : undefined;
    const hits = shown ? [...result.hits].sort((a, b) => Number(b.entry.id === shown) - Number(a.entry.id === shown)) : result.hits;
    const line: AskJson = {
      query: q,
      answered: shown !== undefined,
      results: hits.map((h) => ({ id: h.entry.id, title: h.entry.title, kind: h.entry.kind, score: h.score })),
      reply,
    };
    return JSON.stringify(line);
  };

  if (question.trim()) {
    console.log(answer(question));
    return;
  }
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    if (!line.trim()) continue;
    process.stdout.write(answer(line) + (json ? "\n" : "\n\n---\n\n"));
  }
}
