import type { Logger } from "../log.js";
import { composeStore } from "./compose.js";
import type { Clock } from "./memory.js";
import type { Store } from "./port.js";
import { Availability, RedisDeadlineError, type Backlog, type Timed } from "./redis/availability.js";
import { closeRedisClient, createRedisClient, describeUrl, safeMessage, urlSecrets, withDeadline, type RedisClient } from "./redis/connection.js";
import type { RedisContext } from "./redis/context.js";
import { RedisGuards } from "./redis/guards.js";
import { RedisRecords } from "./redis/records.js";
import { RedisSessions } from "./redis/sessions.js";
import { OutageSpool } from "./redis/spool.js";

export { RedisDeadlineError };

export interface RedisStoreOptions {
  /** redis:// or rediss:// URL; credentials in it are never logged. */
  url: string;
  /** Prefix of every key. Default "dvc:". */
  prefix?: string;
  /** Folder of the outage spool (records appended while Redis is unreachable); created if missing. */
  spoolDir: string;
  logger: Logger;
  /** Clock in ms for the in-memory fallbacks; default Date.now. Redis keeps its own time for TTLs. */
  now?: Clock;
  /** How long creation waits for a first connection before starting degraded. Default 2000 ms. */
  startupWaitMs?: number;
  /**
   * Connect timeout and the deadline of every store call on Redis, so no call waits on a server
   * that accepted the command and never answers (stopped, half-open connection, failover without
   * reset): past it the call is answered from the fallbacks and the store reports "degraded".
   * Default 2000 ms (REDIS_TIMEOUT_MS).
   */
  timeoutMs?: number | undefined;
  /** Sessions remembered in memory for an outage (most recently used kept). Default 10000. */
  sessionMemory?: number;
  /** Upper bound of the reconnect backoff. Default 2000 ms. */
  maxReconnectDelayMs?: number;
  /** Expiry of a chat lock, so a dead holder blocks a chat for at most this long. Default 10000 ms. */
  lockTtlMs?: number;
  /** How long `withChatLock` waits for a lock held elsewhere before failing. Default 15000 ms. */
  lockWaitMs?: number;
}

/** The Redis adapter, with the outage spool size exposed for metrics. */
export interface RedisStore extends Store {
  readonly kind: "redis";
  /** Records waiting in the local spool for Redis to come back. */
  spoolSize(): number;
}

/**
 * Sessions, locks, dedup, rate limits and records in Redis, shared by every instance. When Redis
 * is unreachable the store keeps answering from instance-local fallbacks (memory, in-process locks,
 * a durable spool file for records) and reports "degraded"; when it is back, spooled records and
 * fallback sessions are written to Redis (records exactly once, by id) before it reports "ok".
 */
export async function createRedisStore(options: RedisStoreOptions): Promise<RedisStore> {
  const prefix = options.prefix ?? "dvc:";
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? 2000;
  const target = describeUrl(options.url);
  const secrets = urlSecrets(options.url);
  const safe = (err: unknown) => safeMessage(err, secrets);
  const timed: Timed = (what, p) => withDeadline(p, timeoutMs, () => new RedisDeadlineError(what, timeoutMs));

  let client: RedisClient;
  try {
    client = createRedisClient({ url: options.url, timeoutMs, maxReconnectDelayMs: options.maxReconnectDelayMs ?? 2000, reconnectJitterMs: 50 });
  } catch (err) {
    // The client's own messages may quote the URL, password included.
    throw new Error(`store: invalid REDIS_URL (${safe(err)})`);
  }

  const spool = await OutageSpool.open(options.spoolDir, prefix);
  const availability = new Availability({ target, logger: options.logger, now, safe, timed, client });
  const ctx: RedisContext = { client, availability, timed, prefix, now, logger: options.logger, safe };
  const sessions = new RedisSessions(ctx, options.sessionMemory ?? 10_000);
  const records = new RedisRecords(ctx, spool);
  const guards = new RedisGuards(ctx, { lockTtlMs: options.lockTtlMs ?? 10_000, lockWaitMs: options.lockWaitMs ?? 15_000 });
  const backlog: Backlog = {
    pending: () => spool.size > 0 || sessions.pending > 0,
    async flush() {
      const replayed = await spool.replay((entry) => records.write(entry));
      await sessions.flushFallback();
      return replayed;
    },
  };

  await connect(client, availability, backlog, options.startupWaitMs ?? 2000);
  if (!availability.up) options.logger.warn({ redis: target, err: availability.lastError }, "store: starting degraded, redis unreachable");

  const store = composeStore({
    kind: "redis",
    sessions,
    records,
    guards,
    health: () => availability.health(spool.size),
    async close() {
      if (availability.closed) return;
      await availability.close();
      await spool.idle();
      await closeRedisClient(client, timeoutMs);
    },
  });
  return { ...store, spoolSize: () => spool.size };
}

/**
 * Starts connecting and waits up to `waitMs` for Redis to be up. connect() keeps retrying until it
 * succeeds, so it is never awaited directly: startup with Redis unreachable must neither hang nor
 * crash, only start degraded.
 */
async function connect(client: RedisClient, availability: Availability, backlog: Backlog, waitMs: number): Promise<void> {
  client.on("error", (err: unknown) => availability.markDown(err));
  client.on("ready", () => void availability.tryRecover());
  availability.watch(backlog);
  client.connect().catch((err: unknown) => {
    if (!availability.closed) availability.markDown(err);
  });
  await availability.waitUntilUp(waitMs);
}
