import { randomBytes } from "node:crypto";
import { readdir } from "node:fs/promises";
import { Writable } from "node:stream";
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newSession } from "../../src/engine/types.js";
import { createLogger, silentLogger } from "../../src/log.js";
import { createRedisStore, type RedisStore } from "../../src/store/redis.js";
import { tempDir } from "../helpers/temp.js";
import { sleep, waitUntil } from "../helpers/time.js";
import { freePort, testRedis, type TestRedis } from "./redis-server.js";

/** Real redis-server processes, killed with SIGKILL mid-test, to prove the bot rides out an outage. */

/** Fails when a store call hangs: every call during an outage must answer quickly. */
async function quick<T>(p: Promise<T>, ms = 2000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`test: call took over ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

let server: TestRedis;
let spoolDir: string;
const stores: RedisStore[] = [];

beforeAll(async () => {
  server = await testRedis();
  await server.start();
  spoolDir = tempDir("outage");
});

afterAll(async () => {
  for (const s of stores) await s.close();
  await server?.kill();
});

async function open(prefix: string, url = server.url, extra: { startupWaitMs?: number; timeoutMs?: number; logger?: ReturnType<typeof silentLogger> } = {}) {
  const store = await createRedisStore({ url, prefix, spoolDir, logger: extra.logger ?? silentLogger(), maxReconnectDelayMs: 200, ...extra });
  stores.push(store);
  return store;
}

async function rawCount(url: string, prefix: string, stream: string) {
  const c = createClient({ url });
  await c.connect();
  try {
    return { data: await c.hLen(`${prefix}records:${stream}:data`), index: await c.zCard(`${prefix}records:${stream}:at`) };
  } finally {
    await c.close();
  }
}

describe("redis store: two instances", () => {
  it("never loses an update under concurrent lock-protected read-modify-write", async () => {
    const prefix = `dvctest:${randomBytes(4).toString("hex")}:`;
    const a = await open(prefix);
    const b = await open(prefix);
    await a.setSession("chat", { ...newSession(), answers: 0 }, 600);
    const increment = (s: RedisStore) =>
      s.withChatLock("chat", async () => {
        const current = await s.getSession("chat");
        await sleep(0); // widen the race window between read and write
        await s.setSession("chat", { ...newSession(), answers: (current?.answers ?? 0) + 1 }, 600);
      });
    await Promise.all(Array.from({ length: 50 }, () => [increment(a), increment(b)]).flat());
    expect((await a.getSession("chat"))?.answers).toBe(100);
  });
});

describe("redis store: outage", () => {
  it("keeps working while Redis is down, spools records, then replays them exactly once", async () => {
    const prefix = `dvctest:${randomBytes(4).toString("hex")}:`;
    const store = await open(prefix);
    await store.append("survey", { id: "before", at: 1000, score: 5 });
    await store.setSession("tg:1", { ...newSession(), answers: 1 }, 600);
    expect(await store.health()).toEqual({ status: "ok" });

    await server.kill();

    // Every call answers, quickly, from the fallbacks.
    await quick(store.setSession("tg:2", { ...newSession(), answers: 7 }, 600));
    expect(await quick(store.getSession("tg:2"))).toMatchObject({ answers: 7 });
    await quick(store.deleteSession("tg:1"));
    expect(await quick(store.getSession("tg:1"))).toBeNull();
    expect(await quick(store.firstSeen("upd:1", 60))).toBe(true);
    expect(await quick(store.firstSeen("upd:1", 60))).toBe(false);
    expect((await quick(store.rateLimit("u", 1, 60))).allowed).toBe(true);
    expect((await quick(store.rateLimit("u", 1, 60))).allowed).toBe(false);
    expect(await quick(store.withChatLock("tg:2", async () => "locked"))).toBe("locked");
    await quick(store.append("survey", { id: "during", at: 2000, score: 4 }));
    await quick(store.append("survey", { id: "during", at: 2000, score: 4 })); // a retry: spooled once
    expect(store.spoolSize()).toBe(1);
    expect(await quick(store.health())).toMatchObject({ status: "degraded" });
    // What can be read is read: the spool.
    expect((await quick(store.read("survey"))).map((r) => r.id)).toEqual(["during"]);

    await server.start();
    await waitUntil("the store healthy again", async () => (await store.health()).status === "ok", 10_000);

    expect(store.spoolSize()).toBe(0);
    // The test server runs without persistence, so "before" died with it; the spooled record is
    // now in Redis once, and a replayed append keeps it once.
    expect(await rawCount(server.url, prefix, "survey")).toEqual({ data: 1, index: 1 });
    await store.append("survey", { id: "during", at: 2000, score: 4 });
    await store.append("survey", { id: "after", at: 3000, score: 3 });
    expect(await rawCount(server.url, prefix, "survey")).toEqual({ data: 2, index: 2 });
    expect((await store.read("survey")).map((r) => r.id)).toEqual(["during", "after"]);
    // Sessions written and deleted during the outage were carried over to Redis.
    expect(await store.getSession("tg:2")).toMatchObject({ answers: 7 });
    expect(await store.getSession("tg:1")).toBeNull();
    expect((await readdir(spoolDir)).filter((f) => f.includes(prefix.replace(/:/g, "_")))).toEqual([]);
  });

  it("loses nothing written under steady traffic across the outage and the recovery", async () => {
    const prefix = `dvctest:${randomBytes(4).toString("hex")}:`;
    const store = await open(prefix);
    await server.kill();
    let stop = false;
    let n = 0;
    const traffic = (async () => {
      while (!stop) {
        const i = n++;
        await quick(store.setSession(`c:${i % 10}`, { ...newSession(), answers: i }, 600));
        await quick(store.append("helpful", { id: `h${i}`, at: i }));
        await sleep(1);
      }
    })();
    await sleep(100);
    await server.start();
    await waitUntil("the store healthy again", async () => (await store.health()).status === "ok", 10_000);
    await sleep(100);
    stop = true;
    await traffic;

    expect(store.spoolSize()).toBe(0);
    expect(await rawCount(server.url, prefix, "helpful")).toEqual({ data: n, index: n });
    for (let k = 0; k < 10; k++) {
      const last = Math.max(...Array.from({ length: n }, (_, i) => i).filter((i) => i % 10 === k));
      expect(await store.getSession(`c:${k}`)).toMatchObject({ answers: last });
    }
  });

  it("a hung Redis (SIGSTOP): every call answers within its deadline, health says degraded, and after SIGCONT nothing is lost", async () => {
    const prefix = `dvctest:${randomBytes(4).toString("hex")}:`;
    const store = await open(prefix, server.url, { timeoutMs: 300 });
    await store.append("survey", { id: "before", at: 1000 });
    await store.setSession("tg:1", { ...newSession(), answers: 1 }, 600);
    expect(await store.health()).toEqual({ status: "ok" });

    server.pause();
    try {
      // The connection stays open and accepts commands that are never answered.
      expect(await quick(store.getSession("tg:1"))).toMatchObject({ answers: 1 });
      await quick(store.setSession("tg:1", { ...newSession(), answers: 2 }, 600));
      expect(await quick(store.firstSeen("upd:hang", 60))).toBe(true);
      expect((await quick(store.rateLimit("u:hang", 5, 60))).allowed).toBe(true);
      expect(await quick(store.withChatLock("tg:1", async () => "locked"))).toBe("locked");
      await quick(store.append("survey", { id: "during", at: 2000 }));
      expect(store.spoolSize()).toBe(1);
      expect(await quick(store.health())).toMatchObject({ status: "degraded" });
    } finally {
      server.resume();
    }

    await waitUntil("the store healthy again", async () => (await store.health()).status === "ok", 10_000);
    expect(store.spoolSize()).toBe(0);
    expect(await rawCount(server.url, prefix, "survey")).toEqual({ data: 2, index: 2 });
    expect((await store.read("survey")).map((r) => r.id)).toEqual(["before", "during"]);
    // The session written during the hang won over the one the hung server applied late.
    expect(await store.getSession("tg:1")).toMatchObject({ answers: 2 });
    // No lock taken by a late command is left behind to block the chat.
    expect(await quick(store.withChatLock("tg:1", async () => "again"))).toBe("again");
  });

  it("starts degraded when Redis is unreachable, replays a spool left by a previous run, and never logs the password", async () => {
    const port = await freePort();
    const url = `redis://:s3cret-pw@127.0.0.1:${port}`;
    const prefix = `dvctest:${randomBytes(4).toString("hex")}:`;
    let logged = "";
    const logger = createLogger(
      "debug",
      new Writable({
        write(chunk: Buffer, _enc, done) {
          logged += chunk.toString();
          done();
        },
      }),
    );

    const started = Date.now();
    const first = await open(prefix, url, { startupWaitMs: 300, logger });
    expect(Date.now() - started).toBeLessThan(2000);
    expect((await first.health()).status).toBe("degraded");
    await quick(first.append("helpful", { id: "h1", at: 1 }));
    await first.close();

    // The "next process" finds the spool and replays it once Redis is there.
    const second = await open(prefix, url.replace(":s3cret-pw@", "@"), { startupWaitMs: 300, logger });
    expect(second.spoolSize()).toBe(1);
    expect((await second.read("helpful")).map((r) => r.id)).toEqual(["h1"]);
    const late = await testRedis(port);
    try {
      await late.start();
      await waitUntil("the store healthy again", async () => (await second.health()).status === "ok", 10_000);
      expect(second.spoolSize()).toBe(0);
      expect(await rawCount(late.url, prefix, "helpful")).toEqual({ data: 1, index: 1 });
    } finally {
      await second.close();
      await late.kill();
    }
    expect(logged).toContain("store: starting degraded");
    expect(logged).not.toContain("s3cret-pw");
  });
});
