import { Writable } from "node:stream";
import { ErrorReply } from "redis";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "../../../src/log.js";
import { Availability, RedisDeadlineError, type Backlog, type Timed } from "../../../src/store/redis/availability.js";
import { withDeadline } from "../../../src/store/redis/connection.js";
import { sleep } from "../../helpers/time.js";

/**
 * The up / degraded / recovering state machine of the Redis store, driven by hand: a stand-in
 * client (ready or not, a ping that answers or fails) and a backlog whose flush the test controls.
 */

const DEADLINE_MS = 50;
const timed: Timed = (what, p) => withDeadline(p, DEADLINE_MS, () => new RedisDeadlineError(what, DEADLINE_MS));

interface Harness {
  availability: Availability;
  client: { isReady: boolean; ping: () => Promise<unknown> };
  /** Log lines (level and message) in order. */
  logs: { level: number; msg: string; err?: string }[];
}

const made: Availability[] = [];
afterEach(async () => {
  for (const a of made.splice(0)) await a.close();
});

function harness(): Harness {
  const logs: Harness["logs"] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split("\n").filter(Boolean)) logs.push(JSON.parse(line) as Harness["logs"][number]);
      done();
    },
  });
  const client = { isReady: true, ping: async (): Promise<unknown> => "PONG" };
  const availability = new Availability({
    target: "redis://127.0.0.1:6379",
    logger: createLogger("debug", destination),
    now: Date.now,
    safe: (err) => (err instanceof Error ? err.message : String(err)).replace("s3cret", "***"),
    timed,
    client,
  });
  made.push(availability);
  return { availability, client, logs };
}

function backlog(records = 0): Backlog & { flushes: number } {
  return {
    flushes: 0,
    pending: () => false,
    async flush() {
      this.flushes += 1;
      return records;
    },
  };
}

const redisOp = async () => "from redis";
const fallback = () => "from fallback";
const messages = (h: Harness, level: number) => h.logs.filter((l) => l.level === level).map((l) => l.msg);
const WARN = 40;
const DEBUG = 20;

describe("redis availability", () => {
  it("starts degraded: calls use the fallbacks until a recovery pass has run", async () => {
    const h = harness();
    expect(h.availability.up).toBe(false);
    let ran = false;
    expect(await h.availability.call("get", async () => ((ran = true), "x"), fallback)).toBe("from fallback");
    expect(ran).toBe(false);
    expect(await h.availability.health(2)).toEqual({ status: "degraded", detail: "redis unavailable (not connected yet); 2 record(s) spooled" });
    await h.availability.tryRecover(); // no backlog given yet: nothing to recover with
    expect(h.availability.up).toBe(false);
  });

  it("recovers once the client is ready: writes the backlog, then uses Redis", async () => {
    const h = harness();
    const b = backlog(3);
    h.client.isReady = false;
    h.availability.watch(b);
    await h.availability.tryRecover();
    expect(h.availability.up).toBe(false);
    h.client.isReady = true;
    await h.availability.tryRecover();
    expect(h.availability.up).toBe(true);
    expect(b.flushes).toBe(1);
    expect(h.logs.find((l) => l.msg === "store: redis available")).toMatchObject({ replayed: 3 });
    expect(await h.availability.call("get", redisOp, fallback)).toBe("from redis");
    expect(await h.availability.health(0)).toEqual({ status: "ok" });
  });

  it("runs bulk passes while a backlog remains, then a last one", async () => {
    const h = harness();
    let left = 2;
    const b: Backlog = { pending: () => left > 0, flush: async () => (left = Math.max(0, left - 1), 1) };
    h.availability.watch(b);
    await h.availability.tryRecover();
    expect(h.logs.find((l) => l.msg === "store: redis available")).toMatchObject({ replayed: 3 });
  });

  it("goes down on connection trouble: the call is answered from the fallback, and the outage is logged once", async () => {
    const h = harness();
    h.availability.watch(backlog());
    await h.availability.tryRecover();
    const lost = async () => Promise.reject(new Error("Socket closed unexpectedly (redis://:s3cret@host)"));
    expect(await h.availability.call("set", lost, fallback)).toBe("from fallback");
    expect(h.availability.up).toBe(false);
    h.availability.markDown(new Error("still refused"));
    expect(messages(h, WARN)).toEqual(["store: redis unavailable, answering from local fallbacks"]);
    expect(messages(h, DEBUG)).toContain("store: redis still unavailable");
    expect(JSON.stringify(h.logs)).not.toContain("s3cret");
    expect((await h.availability.health(1)).detail).toBe("redis unavailable (still refused); 1 record(s) spooled");
  });

  it("treats a call past its deadline and a transient reply as an outage", async () => {
    const h = harness();
    h.availability.watch(backlog());
    await h.availability.tryRecover();
    const started = Date.now();
    expect(await h.availability.call("get", () => new Promise<string>(() => undefined), fallback)).toBe("from fallback");
    expect(Date.now() - started).toBeLessThan(1000);
    expect(h.availability.lastError).toBe(`redis get did not answer within ${DEADLINE_MS} ms`);

    await h.availability.tryRecover();
    expect(await h.availability.call("get", async () => Promise.reject(new ErrorReply("LOADING Redis is loading the dataset in memory")), fallback)).toBe("from fallback");
    expect(h.availability.up).toBe(false);
  });

  it("throws on a real error instead of passing it off as an outage", async () => {
    const h = harness();
    h.availability.watch(backlog());
    await h.availability.tryRecover();
    await expect(h.availability.call("set", async () => Promise.reject(new ErrorReply("WRONGTYPE Operation against a key")), fallback)).rejects.toThrow(
      "store: redis set failed: WRONGTYPE Operation against a key",
    );
    await expect(h.availability.call("get", async () => Promise.reject(new TypeError("x is not a function")), fallback)).rejects.toThrow("store: redis get failed");
    await expect(h.availability.call("rate", async () => Promise.reject(new Error("store: unexpected rate limit reply")), fallback)).rejects.toThrow(
      "store: redis rate failed: store: unexpected rate limit reply",
    );
    expect(h.availability.up).toBe(true);
  });

  it("makes calls wait behind the last recovery pass, so none slips past it to the fallbacks", async () => {
    const h = harness();
    let finish!: () => void;
    const b: Backlog = { pending: () => false, flush: () => new Promise((resolve) => (finish = () => resolve(0))) };
    h.availability.watch(b);
    const recovery = h.availability.tryRecover();
    await sleep(10); // the last pass is running behind the gate
    const seen: string[] = [];
    const call = h.availability.call("set", redisOp, fallback).then((v) => void seen.push(v));
    await sleep(10);
    expect(seen).toEqual([]);
    finish();
    await recovery;
    await call;
    expect(seen).toEqual(["from redis"]);
  });

  it("stays degraded when a recovery pass fails, and recovers on a later try", async () => {
    const h = harness();
    const b = backlog();
    h.availability.watch(b);
    h.client.ping = async () => Promise.reject(new Error("connection reset"));
    await h.availability.tryRecover();
    expect(h.availability.up).toBe(false);
    expect(b.flushes).toBe(0);
    h.client.ping = async () => "PONG";
    await h.availability.tryRecover();
    expect(h.availability.up).toBe(true);
  });

  it("waits at startup only as long as it is told", async () => {
    const h = harness();
    const started = Date.now();
    expect(await h.availability.waitUntilUp(100)).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
    h.availability.watch(backlog(), 20);
    expect(await h.availability.waitUntilUp(2000)).toBe(true);
  });

  it("after close: no recovery, no outage logs, health says closed", async () => {
    const h = harness();
    h.availability.watch(backlog());
    await h.availability.tryRecover();
    await h.availability.close();
    expect(h.availability.up).toBe(false);
    h.availability.markDown(new Error("gone"));
    await h.availability.tryRecover();
    expect(h.availability.up).toBe(false);
    expect(messages(h, WARN)).toEqual([]);
    expect(await h.availability.health(0)).toEqual({ status: "degraded", detail: "closed" });
    expect(await h.availability.call("get", redisOp, fallback)).toBe("from fallback");
  });
});
