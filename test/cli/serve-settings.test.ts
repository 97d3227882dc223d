import { spawn } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../helpers/temp.js";
import { freePort } from "../store/redis-server.js";

// The real `serve`, started with settings it must refuse. A server that starts anyway is stopped
// after a few seconds and the test fails on its exit code.
const ROOT = join(import.meta.dirname, "../..");
const BIN = join(ROOT, "bin/dvc-bot.js");

async function serve(env: Record<string, string>): Promise<{ code: number | null; err: string }> {
  const dataDir = tempDir("serve-settings");
  const child = spawn(process.execPath, [BIN, "serve"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: tmpdir(), HOST: "127.0.0.1", PORT: String(await freePort()), DATA_DIR: dataDir, LOG_LEVEL: "silent", ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let err = "";
  child.stderr.on("data", (c: Buffer) => (err += c.toString("utf8")));
  const timer = setTimeout(() => child.kill("SIGKILL"), 8000);
  const code = await new Promise<number | null>((r) => child.once("exit", (c) => r(c)));
  clearTimeout(timer);
  return { code, err };
}

describe("serve settings", () => {
  it("refuses a Telegram webhook URL without its secret, naming the missing variable", async () => {
    const r = await serve({
      TELEGRAM_BOT_TOKEN: "123456:TESTTOKEN_abcdef",
      TELEGRAM_API_ROOT: "http://127.0.0.1:9",
      TELEGRAM_WEBHOOK_URL: "https://bot.example.invalid/webhooks/telegram",
    });
    expect(r.code).toBe(1);
    expect(r.err).toContain("TELEGRAM_WEBHOOK_SECRET");
    expect(r.err).not.toContain("TESTTOKEN_abcdef");
  });

  it("refuses a Zalo webhook URL without its secret", async () => {
    const r = await serve({ ZALO_BOT_TOKEN: "99887766:zalotesttoken", ZALO_API_URL: "http://127.0.0.1:9", ZALO_WEBHOOK_URL: "https://bot.example.invalid/webhooks/zalo" });
    expect(r.code).toBe(1);
    expect(r.err).toContain("ZALO_WEBHOOK_SECRET");
  });

  it("refuses Redis without RESPONDENT_SALT: instances would key the same chat differently", async () => {
    const r = await serve({ REDIS_URL: "redis://:pw-not-logged@127.0.0.1:9" });
    expect(r.code).toBe(1);
    expect(r.err).toContain("RESPONDENT_SALT");
    expect(r.err).not.toContain("pw-not-logged");
  });
});
