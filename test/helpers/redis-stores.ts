import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { createClient } from "redis";
import { silentLogger } from "../../src/log.js";
import type { Store } from "../../src/store/port.js";
import { createRedisStore } from "../../src/store/redis.js";
import { canConnect } from "../store/redis-server.js";
import { tempDir } from "./temp.js";

const URL = "redis://127.0.0.1:6379";

/**
 * `n` Redis stores (instances) sharing one fresh key prefix on the local Redis, or null when no
 * Redis answers there (the test skips). `cleanups` gets what undoes them: the stores closed, the
 * prefix's keys removed (the spool folders go with the test file's temp folders).
 */
export async function redisTestStores(n: number, cleanups: Array<() => Promise<unknown>>): Promise<Store[] | null> {
  if (!(await canConnect(6379))) return null;
  const prefix = `dvctest:${randomBytes(4).toString("hex")}:`;
  const spool = tempDir("test-spool");
  cleanups.push(async () => {
    const raw = createClient({ url: URL });
    await raw.connect();
    const keys = await raw.keys(`${prefix}*`);
    if (keys.length) await raw.del(keys);
    await raw.close();
  });
  const stores: Store[] = [];
  for (let i = 0; i < n; i++) {
    const store = await createRedisStore({ url: URL, prefix, spoolDir: join(spool, String(i)), logger: silentLogger() });
    cleanups.push(() => store.close());
    stores.push(store);
  }
  return stores;
}
