import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "redis";
import { silentLogger } from "../../src/log.js";
import type { Store } from "../../src/store/port.js";
import { createRedisStore } from "../../src/store/redis.js";
import { canConnect } from "../store/redis-server.js";

const URL = "redis://127.0.0.1:6379";

/**
 * `n` Redis stores (instances) sharing one fresh key prefix on the local Redis, or null when no
 * Redis answers there (the test skips). `cleanups` gets what undoes them: the stores closed, the
 * prefix's keys and the spool folders removed.
 */
export async function redisTestStores(n: number, cleanups: Array<() => Promise<unknown>>): Promise<Store[] | null> {
  if (!(await canConnect(6379))) return null;
  const prefix = `dvctest:${randomBytes(4).toString("hex")}:`;
  const spool = await mkdtemp(join(tmpdir(), "dvc-test-spool-"));
  cleanups.push(() => rm(spool, { recursive: true, force: true }));
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
