import { spawnSync } from "node:child_process";
import { join } from "node:path";

// The real command as staff and tools run it (built into dist/ by `npm ci` / `npm test`).
export const ROOT = join(import.meta.dirname, "../..");
const BIN = join(ROOT, "bin/dvc-bot.js");
/** The fixture knowledge and flows as the command's settings: tests that do not check content use them. */
export const FIXTURE_ENV = { KNOWLEDGE_DIR: join(ROOT, "test/fixtures/knowledge"), FLOWS_DIR: join(ROOT, "test/fixtures/flows") };

/** Runs `dvc-bot ARGS` in the project folder with `input` on stdin; logs silenced. */
export function run(args: string[], input?: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    input,
    encoding: "utf8",
    env: { ...process.env, ...env, LOG_LEVEL: "silent" },
    timeout: 20_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
