import { randomBytes } from "node:crypto";
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newSession } from "../../src/engine/types.js";
import { silentLogger } from "../../src/log.js";
import { createEmbeddedStore } from "../../src/store/embedded.js";
import { createMemoryStore } from "../../src/store/memory.js";
import type { Store, StoredRecord } from "../../src/store/port.js";
import { createRedisStore } from "../../src/store/redis.js";
import { tempDir } from "../helpers/temp.js";
import { sleep } from "../helpers/time.js";
import { canConnect, testRedis, type TestRedis } from "./redis-server.js";

/**
 * One behavioural contract per port (sessions, record log, guards), run against every adapter
 * with real parts: memory, files in a temp dir, and a real Redis (the local one on 6379 when
 * present, else a redis-server spawned for the run).
 */

interface Harness {
  /** A new store over the same data (same dir / same key prefix): what a restart sees. */
  open(): Promise<Store>;
  /** Lets `ms` pass for TTLs: a fake clock for the embedded store, real time for Redis. */
  advance(ms: number): Promise<void>;
  cleanup(): Promise<void>;
}

async function memoryHarness(): Promise<Harness> {
  let t = Date.UTC(2025, 0, 1);
  return {
    open: async () => createMemoryStore({ now: () => t }),
    advance: async (ms) => {
      t += ms;
    },
    cleanup: async () => undefined,
  };
}

async function embeddedHarness(): Promise<Harness> {
  const dir = tempDir("store");
  let t = Date.UTC(2025, 0, 1);
  return {
    open: () => createEmbeddedStore({ dataDir: dir, now: () => t }),
    advance: async (ms) => {
      t += ms;
    },
    cleanup: async () => undefined,
  };
}

async function redisHarness(): Promise<Harness> {
  let server: TestRedis | null = null;
  let url = process.env.REDIS_TEST_URL ?? "redis://127.0.0.1:6379";
  if (!process.env.REDIS_TEST_URL && !(await canConnect(6379))) {
    server = await testRedis();
    await server.start();
    url = server.url;
  }
  const prefix = `dvctest:${randomBytes(6).toString("hex")}:`;
  const spoolDir = tempDir("spool");
  return {
    open: () => createRedisStore({ url, prefix, spoolDir, logger: silentLogger() }),
    advance: sleep,
    async cleanup() {
      const c = createClient({ url });
      await c.connect();
      const keys: string[] = [];
      for await (const batch of c.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) keys.push(...batch);
      if (keys.length > 0) await c.del(keys);
      await c.close();
      await server?.kill();
    },
  };
}

const rec = (id: string, at: number, extra: Record<string, unknown> = {}): StoredRecord => ({ id, at, ...extra });

// `durable`: what was stored survives a restart (a new store over the same files or keys).
describe.each([
  ["memory", memoryHarness, false],
  ["embedded", embeddedHarness, true],
  ["redis", redisHarness, true],
] as const)("store contract: %s", (kind, makeHarness, durable) => {
  let h: Harness;
  let store: Store;

  beforeAll(async () => {
    h = await makeHarness();
    store = await h.open();
  });

  afterAll(async () => {
    await store?.close();
    await h?.cleanup();
  });

  it("reports its kind and is healthy", async () => {
    expect(store.kind).toBe(kind);
    expect(await store.health()).toEqual({ status: "ok" });
  });

  describe("SessionStore", () => {
    it("gets, sets and deletes sessions", async () => {
      expect(await store.getSession("telegram:1")).toBeNull();
      const session = { ...newSession(), lastEntryId: "thuong-tru", answers: 2 };
      await store.setSession("telegram:1", session, 3600);
      expect(await store.getSession("telegram:1")).toEqual(session);
      // The store keeps a copy, not the caller's object.
      session.answers = 99;
      expect((await store.getSession("telegram:1"))?.answers).toBe(2);
      await store.deleteSession("telegram:1");
      expect(await store.getSession("telegram:1")).toBeNull();
      await store.deleteSession("telegram:never-set");
    });

    it("expires sessions after their TTL", async () => {
      await store.setSession("zalo:ttl", newSession(), 1);
      await store.setSession("zalo:long", newSession(), 3600);
      expect(await store.getSession("zalo:ttl")).not.toBeNull();
      await h.advance(1150);
      expect(await store.getSession("zalo:ttl")).toBeNull();
      expect(await store.getSession("zalo:long")).not.toBeNull();
    });
  });

  describe("Guards", () => {
    it("serialises critical sections of one chat", async () => {
      let inside = 0;
      let maxInside = 0;
      const order: number[] = [];
      await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          store.withChatLock("web:same", async () => {
            inside += 1;
            maxInside = Math.max(maxInside, inside);
            await sleep(5);
            order.push(i);
            inside -= 1;
          }),
        ),
      );
      expect(maxInside).toBe(1);
      expect(order).toHaveLength(8);
    });

    it("does not serialise different chats, and returns fn's value or error", async () => {
      let releaseA!: () => void;
      const aWaits = new Promise<void>((r) => (releaseA = r));
      const a = store.withChatLock("web:a", async () => {
        await aWaits; // only finishes if b runs while a holds its lock
        return "a";
      });
      const b = store.withChatLock("web:b", async () => {
        releaseA();
        return "b";
      });
      expect(await Promise.all([a, b])).toEqual(["a", "b"]);
      await expect(store.withChatLock("web:a", async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
      // The lock is free again after a throwing holder.
      expect(await store.withChatLock("web:a", async () => 1)).toBe(1);
    });

    it("tells first sight from a repeat", async () => {
      expect(await store.firstSeen("tg:update:1", 60)).toBe(true);
      expect(await store.firstSeen("tg:update:1", 60)).toBe(false);
      expect(await store.firstSeen("tg:update:2", 60)).toBe(true);
    });

    it("rate-limits: N allowed, then refused with a wait", async () => {
      for (let i = 0; i < 3; i++) {
        expect(await store.rateLimit("user:1", 3, 60)).toEqual({ allowed: true, retryAfterSeconds: 0 });
      }
      const refused = await store.rateLimit("user:1", 3, 60);
      expect(refused.allowed).toBe(false);
      expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
      expect((await store.rateLimit("user:2", 3, 60)).allowed).toBe(true);
    });
  });

  describe("RecordLog", () => {
    it("appends idempotently by id and reads in time order", async () => {
      await store.append("survey", rec("s2", 2000, { score: 4 }));
      await store.append("survey", rec("s1", 1000, { score: 5, comment: "Tốt, nhanh gọn" }));
      await store.append("survey", rec("s1", 1000, { score: 1 })); // replay of s1: ignored
      await store.append("helpful", rec("h1", 1500));
      const all = await store.read("survey");
      expect(all).toEqual([rec("s1", 1000, { score: 5, comment: "Tốt, nhanh gọn" }), rec("s2", 2000, { score: 4 })]);
      expect((await store.read("helpful")).map((r) => r.id)).toEqual(["h1"]);
      expect(await store.read("unanswered")).toEqual([]);
    });

    it("reads a time range [since, until)", async () => {
      for (const at of [10_000, 20_000, 30_000, 40_000]) await store.append("unanswered", rec(`u${at}`, at, { q: "lệ phí" }));
      const ids = async (range: { since?: number; until?: number }) => (await store.read("unanswered", range)).map((r) => r.id);
      expect(await ids({ since: 20_000, until: 40_000 })).toEqual(["u20000", "u30000"]);
      expect(await ids({ since: 30_000 })).toEqual(["u30000", "u40000"]);
      expect(await ids({ until: 20_000 })).toEqual(["u10000"]);
    });

    it("rejects records without an id", async () => {
      await expect(store.append("survey", { id: "", at: 1 })).rejects.toThrow(/^store: survey record needs a non-empty string id$/);
    });

    it("changes the stream version when, and only when, a record is added", async () => {
      const before = await store.streamVersion("helpful");
      expect(await store.streamVersion("helpful")).toBe(before);
      await store.append("helpful", rec("h1", 1500)); // already there: nothing added
      expect(await store.streamVersion("helpful")).toBe(before);
      await store.append("helpful", rec("h2", 1600));
      expect(await store.streamVersion("helpful")).not.toBe(before);
    });
  });

  it.runIf(durable)("keeps sessions and records across a restart", async () => {
    const session = { ...newSession(), flow: { flowId: "vneid", stepId: "s2", data: { a: 1 }, startedAt: 5 } };
    await store.setSession("telegram:persist", session, 3600);
    await store.setSession("telegram:gone", newSession(), 3600);
    await store.deleteSession("telegram:gone");
    await store.append("survey", rec("p1", 5000));
    await store.close();

    store = await h.open();
    expect(await store.getSession("telegram:persist")).toEqual(session);
    expect(await store.getSession("telegram:gone")).toBeNull();
    expect((await store.read("survey")).map((r) => r.id)).toEqual(["s1", "s2", "p1"]);
    // Idempotency survives the restart too.
    await store.append("survey", rec("s1", 1000, { score: 1 }));
    expect((await store.read("survey")).filter((r) => r.id === "s1")).toHaveLength(1);
  });
});
