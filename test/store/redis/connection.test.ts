import { describe, expect, it } from "vitest";
import { createRedisClient, describeUrl, safeMessage, urlSecrets, withDeadline } from "../../../src/store/redis/connection.js";
import { freePort } from "../redis-server.js";

describe("redis connection helpers", () => {
  it("names a server without its credentials", () => {
    expect(describeUrl("redis://user:p%40ss@cache.internal:6380/2")).toBe("redis://cache.internal:6380/2");
    expect(describeUrl("rediss://:pw@cache.internal:6380")).toBe("rediss://cache.internal:6380");
    expect(describeUrl("not a url")).toBe("(unparsable url)");
  });

  it("masks URL credentials and the password itself, as written and decoded, in error messages", () => {
    const url = "redis://:p%40ss-w0rd@cache.internal:6379";
    const secrets = urlSecrets(url);
    expect(secrets).toEqual(["p%40ss-w0rd", "p@ss-w0rd"]);
    expect(safeMessage(new Error(`connect ECONNREFUSED ${url}`), secrets)).toBe("connect ECONNREFUSED redis://***@cache.internal:6379");
    expect(safeMessage(new Error("WRONGPASS invalid password p@ss-w0rd"), secrets)).toBe("WRONGPASS invalid password ***");
    expect(safeMessage("plain")).toBe("plain");
    expect(urlSecrets("redis://127.0.0.1:6379")).toEqual([]);
  });

  it("answers within the deadline: the value, the call's own error, or the deadline's error", async () => {
    const late = () => new Error("test: too late");
    expect(await withDeadline(Promise.resolve(7), 50, late)).toBe(7);
    await expect(withDeadline(Promise.reject(new Error("refused")), 50, late)).rejects.toThrow("refused");
    const started = Date.now();
    await expect(withDeadline(new Promise(() => undefined), 50, late)).rejects.toThrow("test: too late");
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("makes clients that fail a command at once while disconnected instead of queueing it", async () => {
    const client = createRedisClient({ url: `redis://127.0.0.1:${await freePort()}`, timeoutMs: 200, maxReconnectDelayMs: 100 });
    client.on("error", () => undefined);
    const connecting = client.connect().catch(() => undefined);
    try {
      const started = Date.now();
      await expect(client.get("k")).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(100);
    } finally {
      client.destroy();
      await connecting;
    }
  });
});
