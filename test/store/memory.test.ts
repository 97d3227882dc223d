import { describe, expect, it } from "vitest";
import { newSession } from "../../src/engine/types.js";
import { createKeyedMutex, ExpiringMap, MemoryGuards, MemoryRecordLog, MemorySessions } from "../../src/store/memory.js";

/** The in-process building blocks; the memory adapters also run the contract in contract.test.ts. */

describe("keyed mutex", () => {
  it("runs one section per key at a time, and forgets a key once nobody holds or waits for it", async () => {
    const mutex = createKeyedMutex();
    const order: string[] = [];
    let release!: () => void;
    const first = mutex.run("a", () => new Promise<void>((r) => (release = r)).then(() => void order.push("a1")));
    const second = mutex.run("a", async () => void order.push("a2"));
    await mutex.run("b", async () => void order.push("b"));
    expect(mutex.size).toBe(1);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(["b", "a1", "a2"]);
    expect(mutex.size).toBe(0);
    await expect(mutex.run("a", async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(mutex.size).toBe(0);
  });
});

describe("expiring map", () => {
  it("drops entries at their expiry, on read, on iteration and on sweep", () => {
    let t = 1000;
    const map = new ExpiringMap<string>(() => t);
    map.set("a", "x", 2000);
    map.set("b", "y", 3000);
    expect(map.ttlMs("a")).toBe(1000);
    t = 2000;
    expect(map.get("a")).toBeUndefined();
    expect(map.ttlMs("a")).toBe(0);
    expect([...map.live()].map(([k]) => k)).toEqual(["b"]);
    t = 3000;
    map.sweep();
    expect(map.size).toBe(0);
  });
});

describe("memory guards", () => {
  it("rate-limits in a window that starts at the first hit, and counts the wait down", async () => {
    let t = 0;
    const guards = new MemoryGuards(() => t);
    expect(await guards.rateLimit("u", 1, 60)).toEqual({ allowed: true, retryAfterSeconds: 0 });
    t = 45_500;
    expect(await guards.rateLimit("u", 1, 60)).toEqual({ allowed: false, retryAfterSeconds: 15 });
    t = 60_000;
    expect(await guards.rateLimit("u", 1, 60)).toEqual({ allowed: true, retryAfterSeconds: 0 });
  });

  it("forgets a seen key after its TTL", async () => {
    let t = 0;
    const guards = new MemoryGuards(() => t);
    expect(await guards.firstSeen("update:1", 10)).toBe(true);
    t = 9_999;
    expect(await guards.firstSeen("update:1", 10)).toBe(false);
    t = 10_000;
    expect(await guards.firstSeen("update:1", 10)).toBe(true);
  });
});

describe("memory sessions and records", () => {
  it("read a session of an unknown version as none", async () => {
    const sessions = new MemorySessions(() => 0);
    sessions.entries.set("old", JSON.stringify({ v: 0 }), 60_000);
    expect(await sessions.getSession("old")).toBeNull();
    await sessions.setSession("new", newSession(), 60);
    expect(await sessions.getSession("new")).toEqual(newSession());
  });

  it("hand out copies of records, so a reader cannot change the log", async () => {
    const log = new MemoryRecordLog();
    await log.append("survey", { id: "s", at: 1, ratings: { overall: 5 } });
    const [read] = await log.read("survey");
    (read!.ratings as { overall: number }).overall = 1;
    expect((await log.read("survey"))[0]).toEqual({ id: "s", at: 1, ratings: { overall: 5 } });
  });
});
