import { join } from "node:path";
import type { Config } from "../config.js";
import type { Logger } from "../log.js";
import { createEmbeddedStore } from "./embedded.js";
import type { Store } from "./port.js";
import { createRedisStore } from "./redis.js";

/**
 * The store the settings ask for: Redis when REDIS_URL is set (its outage spool in
 * `<DATA_DIR>/spool`), else the embedded store in DATA_DIR. Never hangs on an unreachable Redis:
 * it starts degraded and keeps reconnecting.
 */
export function createStore(config: Pick<Config, "redisUrl" | "dataDir"> & Partial<Pick<Config, "redisTimeoutMs">>, logger: Logger): Promise<Store> {
  if (config.redisUrl) {
    return createRedisStore({
      url: config.redisUrl,
      spoolDir: join(config.dataDir, "spool"),
      logger,
      timeoutMs: config.redisTimeoutMs,
    });
  }
  return createEmbeddedStore({ dataDir: config.dataDir, logger });
}
