import { spawn, type ChildProcess } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "../store/redis-server.js";
import type { FakePlatforms } from "./fake-platforms.js";
import { fold, postJson, zaloEvent } from "./bot-server.js";
import { sleep, waitUntil } from "./time.js";

/**
 * The real CLI (`node bin/dvc-bot.js …`, compiled dist/) as a child process, for process-level
 * tests. The child gets a clean environment (PATH and HOME only, plus what the test passes) so a
 * REDIS_URL or bot token on the developer's machine never leaks in.
 */

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BIN = join(ROOT, "bin", "dvc-bot.js");

function cleanEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: process.env.HOME ?? tmpdir(), ...env };
}

/**
 * How long a process test waits for what should happen (a reply, /readyz changing): generous, as
 * a 2-core machine shared with other work is slow at times. It bounds liveness, never speed.
 */
export const DEADLINE_MS = 20_000;

export interface ServeProcess {
  url: string;
  port: number;
  /** The DATA_DIR it was given (a restart passes it again). */
  dataDir: string | undefined;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** True while the process has not exited. */
  alive(): boolean;
  /** SIGKILL: a crash, no shutdown code runs. */
  crash(): Promise<void>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves with the exit code (null if killed) once it is gone. */
  stop(graceMs?: number): Promise<number | null>;
}

/** Starts `dvc-bot serve` on a free port and waits for /healthz (up to 60 s: a loaded machine starts it slowly). */
export async function spawnServe(env: Record<string, string>): Promise<ServeProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [BIN, "serve"], {
    cwd: ROOT,
    env: cleanEnv({ HOST: "127.0.0.1", LOG_LEVEL: "info", ...env, PORT: String(port) }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (c: Buffer) => (out += c.toString("utf8")));
  child.stderr?.on("data", (c: Buffer) => (out += c.toString("utf8")));
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const proc: ServeProcess = {
    url: `http://127.0.0.1:${port}`,
    port,
    dataDir: env.DATA_DIR,
    output: () => out,
    alive: () => child.exitCode === null && child.signalCode === null,
    async crash() {
      if (proc.alive()) child.kill("SIGKILL");
      await exited;
    },
    async stop(graceMs = 5000) {
      if (proc.alive()) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
        await exited;
        clearTimeout(timer);
      }
      return child.exitCode;
    },
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (!proc.alive()) throw new Error(`test: serve exited during start-up:\n${out.slice(-2000)}`);
    const ok = await fetch(`${proc.url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return proc;
    await sleep(100);
  }
  await proc.stop(0);
  throw new Error(`test: serve did not answer /healthz within 60 s:\n${out.slice(-2000)}`);
}

/** Runs the CLI once (`node bin/dvc-bot.js ARGS…`) under a clean `env`; resolves when it exits. */
export async function runCli(args: readonly string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: cleanEnv(env), stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => (stdout += c.toString("utf8")));
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
  const code = await new Promise<number | null>((r) => child.once("exit", (c) => r(c)));
  return { code, stdout, stderr };
}

/** `dvc-bot report --json` under `env` (give it its own DATA_DIR), parsed; throws if it fails. */
export async function reportJson(env: Record<string, string>): Promise<{ responses: number; index: { overall: number | null } }> {
  const { code, stdout, stderr } = await runCli(["report", "--json"], env);
  if (code !== 0) throw new Error(`test: report exited ${code}: ${stderr.slice(-1000)}`);
  return JSON.parse(stdout) as { responses: number; index: { overall: number | null } };
}

/** What GET /readyz says about an instance. */
export interface Ready {
  status: string;
  store: { kind: string; status: string; detail?: string };
  /** Updates accepted and not yet fully answered. */
  inFlight: number;
}

/** GET /readyz (with a deadline: a hung store must not hang the test). */
export async function readyz(serverUrl: string): Promise<{ code: number; body: Ready }> {
  const res = await fetch(`${serverUrl}/readyz`, { signal: AbortSignal.timeout(DEADLINE_MS) });
  return { code: res.status, body: (await res.json()) as Ready };
}

/** With many chats talking at once a server is seldom idle: a reply this long without a new part is whole. */
const QUIET_MS = 1500;

/**
 * One Zalo text message to a server; resolves with the bot's whole reply to that chat (a long
 * card comes in several messages: Zalo's 2000-character limit). The webhook answers at once and
 * the bot replies in the background: the reply is whole once the chat got a message and the
 * server has no update left in flight, or (when other chats keep it busy) no part came for a while.
 */
export async function zaloSay(fake: FakePlatforms, serverUrl: string, secret: string, chatId: string, text: string, timeoutMs = DEADLINE_MS): Promise<string> {
  const before = fake.sent(chatId).length;
  const res = await postJson(`${serverUrl}/webhooks/zalo`, zaloEvent(chatId, text), { "x-bot-api-secret-token": secret });
  if (res.status !== 200) throw new Error(`test: zalo webhook answered ${res.status}`);
  await waitUntil(
    `the reply to "${text.slice(0, 40)}" in ${chatId}`,
    async () => {
      const sent = fake.sent(chatId);
      if (sent.length <= before) return false;
      return Date.now() - sent.at(-1)!.at >= QUIET_MS || (await readyz(serverUrl)).body.inFlight === 0;
    },
    timeoutMs,
  );
  return fake
    .sent(chatId)
    .slice(before)
    .map((c) => String(c.payload.text ?? ""))
    .join("\n");
}

/**
 * The satisfaction survey as the acceptance scripts take it: "đánh giá", then "5" to every
 * question ("bỏ qua" where the bot offers to skip) until it thanks; messages go to the servers
 * in turn. Returns how many messages the citizen sent.
 */
export async function takeZaloSurvey(fake: FakePlatforms, serverUrls: readonly string[], secret: string, chatId: string): Promise<number> {
  let last = fold(await zaloSay(fake, serverUrls[0]!, secret, chatId, "đánh giá"));
  let k = 0;
  for (let i = 0; i < 30; i++) {
    if (i > 0 && last.includes("cam on")) return k + 1;
    k += 1;
    const url = serverUrls[k % serverUrls.length]!;
    last = fold(await zaloSay(fake, url, secret, chatId, last.includes("bo qua") ? "bỏ qua" : "5"));
  }
  throw new Error(`test: the survey did not end; last message: ${last}`);
}
