import { Command } from "commander";

/**
 * The `dvc-bot` command. Each subcommand lives in its own module and is imported only when run,
 * so `ask` does not pay for loading grammY, fastify or redis.
 */
const program = new Command();
program
  .name("dvc-bot")
  .description("Trợ lý hướng dẫn dịch vụ công trực tuyến — guidance bot for Vietnamese online public services")
  .showHelpAfterError();

program
  .command("chat")
  .description("interactive chat in the terminal (same engine, embedded store)")
  .action(async () => (await import("./chat.js")).runChat(process.env));

program
  .command("ask")
  .description("answer one question, or one per line from standard input")
  .option("--json", "one JSON line per answer")
  .argument("[question...]", "the question (omit to read questions from stdin)")
  .action(async (words: string[], opts: { json?: boolean }) =>
    (await import("./ask.js")).runAsk(process.env, words.join(" "), Boolean(opts.json)),
  );

program
  .command("check")
  .description("validate knowledge and flows; prints path:line: message for each problem, then review warnings (stale entries, ending facts, replaced documents)")
  .option("--knowledge <dir>", "knowledge folder (default KNOWLEDGE_DIR or ./knowledge)")
  .option("--flows <dir>", "flows folder (default FLOWS_DIR or ./flows)")
  .option("--strict", "review warnings fail the check too (exit 1)")
  .action(async (opts: { knowledge?: string; flows?: string; strict?: boolean }) =>
    (await import("./check.js")).runCheck(process.env, opts),
  );

program
  .command("export")
  .description("export the knowledge base")
  .option("--json", "every entry as one JSON array")
  .option("--csv", "the procedure list in the provincial report shape")
  .action(async (opts: { json?: boolean; csv?: boolean }) => (await import("./export.js")).runExport(process.env, opts));

program
  .command("serve")
  .description("HTTP server: webhooks, web chat, admin dashboard, health, metrics")
  .action(async () => (await import("./serve.js")).runServe(process.env));

program
  .command("report")
  .description("satisfaction survey summary")
  .option("--json", "JSON summary")
  .option("--csv", "CSV of responses")
  .option("--html <file>", "write an HTML report to FILE")
  .option("--since <date>", "from YYYY-MM-DD")
  .option("--until <date>", "until YYYY-MM-DD (inclusive)")
  .action(async (opts: { json?: boolean; csv?: boolean; html?: string; since?: string; until?: string }) =>
    (await import("./report.js")).runReport(process.env, opts),
  );

program
  .command("import")
  .description("import a procedure list (CSV in the provincial report shape) into knowledge files")
  .argument("<file>", "CSV file")
  .option("--dry-run", "show what would change without writing")
  .option("--tier <tier>", "tier of every procedure when the sheet has no tier rows (A Cấp tỉnh…) or Cấp thực hiện column: xa, tinh, trung-uong, huyen")
  .action(async (file: string, opts: { dryRun?: boolean; tier?: string }) => (await import("./import.js")).runImport(process.env, file, opts));

program
  .command("eval")
  .description("answer-quality check on a JSONL question set (default ../shared/eval/dev.jsonl)")
  .argument("[file]", "JSONL file")
  .action(async (file?: string) => (await import("./eval.js")).runEval(process.env, file));

program.parseAsync(process.argv).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
