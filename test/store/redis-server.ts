import { spawn, type ChildProcess } from "node:child_process";
import { createServer, Socket } from "node:net";

/** A throwaway redis-server for tests: no persistence, on a port of our choosing. */
export interface TestRedis {
  port: number;
  url: string;
  /** Starts (or restarts) the server on the same port and waits until it answers. */
  start(): Promise<void>;
  /** SIGKILL: the server vanishes without a goodbye, like a crashed host. */
  kill(): Promise<void>;
  /** SIGSTOP: connections stay open, commands are accepted and never answered (a hung server). */
  pause(): void;
  /** SIGCONT: the hung server answers again, commands queued meanwhile first. */
  resume(): void;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export function canConnect(port: number, host = "127.0.0.1", timeoutMs = 300): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("error", () => done(false));
    socket.connect(port, host, () => done(true));
  });
}

/** `password` → `--requirepass`, and the url carries it (`redis://:password@…`). */
export async function testRedis(port?: number, options: { password?: string } = {}): Promise<TestRedis> {
  const p = port ?? (await freePort());
  const auth = options.password ? ["--requirepass", options.password] : [];
  let child: ChildProcess | null = null;
  return {
    port: p,
    url: options.password ? `redis://:${encodeURIComponent(options.password)}@127.0.0.1:${p}` : `redis://127.0.0.1:${p}`,
    async start() {
      if (child) return;
      child = spawn("redis-server", ["--port", String(p), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", ...auth], {
        stdio: "ignore",
      });
      const deadline = Date.now() + 5000;
      while (Date.now() < deadline) {
        if (await canConnect(p)) return;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error(`test: redis-server did not start on port ${p}`);
    },
    pause() {
      if (!child?.kill("SIGSTOP")) throw new Error("test: no redis-server to stop");
    },
    resume() {
      if (!child?.kill("SIGCONT")) throw new Error("test: no redis-server to continue");
    },
    async kill() {
      const c = child;
      // A stopped process would only die at SIGCONT; SIGKILL works either way, but resume first
      // so its exit is reported promptly.
      c?.kill("SIGCONT");
      child = null;
      if (!c || c.exitCode !== null) return;
      const exited = new Promise((r) => c.once("exit", r));
      c.kill("SIGKILL");
      await exited;
    },
  };
}
