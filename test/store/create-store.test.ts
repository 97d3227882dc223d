import { beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/log.js";
import { createStore } from "../../src/store/create-store.js";
import { tempDir } from "../helpers/temp.js";
import { freePort } from "./redis-server.js";

let dir: string;
beforeAll(() => {
  dir = tempDir("create");
});

describe("createStore", () => {
  it("picks the embedded store without REDIS_URL", async () => {
    const store = await createStore({ dataDir: dir }, silentLogger());
    expect(store.kind).toBe("embedded");
    await store.close();
  });

  it("picks the Redis store with REDIS_URL, and does not hang when it is unreachable", async () => {
    const started = Date.now();
    const store = await createStore({ dataDir: dir, redisUrl: `redis://127.0.0.1:${await freePort()}` }, silentLogger());
    try {
      expect(store.kind).toBe("redis");
      expect(Date.now() - started).toBeLessThan(4000);
      expect((await store.health()).status).toBe("degraded");
      await store.append("survey", { id: "s", at: 1 });
      expect(store.spoolSize?.()).toBe(1);
    } finally {
      await store.close();
    }
  });
});
