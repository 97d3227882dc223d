import { randomBytes } from "node:crypto";
import { mkdir, readdir, rename, unlink } from "node:fs/promises";
import { join } from "node:path";
import { createClient, ErrorReply } from "redis";
import type { RecordStream, Session } from "../engine/types.js";
import type { Logger } from "../log.js";
import {
  appendDurably,
  assertAppendable,
  DIR_MODE,
  restrictMode,
  isNotFound,
  isRecordStream,
  isStoredRecord,
  parseJsonLines,
  readTail,
  readTextIfExists,
  selectRange,
} from "./jsonl.js";
import { createKeyedMutex, ExpiringMap, MemoryLimits, parseSession, sleep, type Clock } from "./memory.js";
import type { Store, StoredRecord } from "./port.js";

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
  timeoutMs?: number;
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

// Exactly-once append: the id hash decides, the time index follows only for a new id.
const APPEND_SCRIPT = `
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[3]) == 1 then
  redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
  return 1
end
return 0`;

// INCR and the window's expiry in one step: a crash between the two can never leave a counter
// without expiry (which would rate-limit a user forever).
const RATE_SCRIPT = `
local n = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if n == 1 or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {n, ttl}`;

// Only the holder (same token) may release or extend a lock.
const RELEASE_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;
const EXTEND_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`;

/** Replies that mean "the server cannot serve right now" rather than "the command is wrong". */
const TRANSIENT_REPLY = /^(LOADING|READONLY|MASTERDOWN|BUSY|TRYAGAIN|CLUSTERDOWN|NOREPLICAS)\b/;

const HMGET_CHUNK = 500;
/** Deletes survive in the fallback map until Redis is back (then they are applied there). */
const TOMBSTONE_TTL_MS = 7 * 24 * 3600 * 1000;

/** Redis accepted the command (or the socket looks open) but did not answer in time. */
export class RedisDeadlineError extends Error {
  constructor(what: string, ms: number) {
    super(`redis ${what} did not answer within ${ms} ms`);
    this.name = "RedisDeadlineError";
  }
}

/** How long a session seen only by a read is remembered for an outage. */
const MEMORY_TTL_MS = 3600 * 1000;

/**
 * Sessions, locks, dedup, rate limits and records in Redis, shared by every instance. When Redis
 * is unreachable the store keeps answering from instance-local fallbacks (memory, in-process locks,
 * a durable spool file for records) and reports "degraded"; when it is back, spooled records and
 * fallback sessions are written to Redis (records exactly once, by id) before it reports "ok".
 */
export async function createRedisStore(options: RedisStoreOptions): Promise<RedisStore> {
  const prefix = options.prefix ?? "dvc:";
  const logger = options.logger;
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? 2000;
  const maxReconnectDelayMs = options.maxReconnectDelayMs ?? 2000;
  const lockTtlMs = options.lockTtlMs ?? 10_000;
  const lockWaitMs = options.lockWaitMs ?? 15_000;
  const target = describeUrl(options.url);
  const secrets = urlSecrets(options.url);
  const safe = (err: unknown) => safeMessage(err, secrets);

  const key = {
    session: (k: string) => `${prefix}session:${k}`,
    lock: (k: string) => `${prefix}lock:${k}`,
    seen: (k: string) => `${prefix}seen:${k}`,
    rate: (k: string) => `${prefix}rate:${k}`,
    recordData: (s: RecordStream) => `${prefix}records:${s}:data`,
    recordIndex: (s: RecordStream) => `${prefix}records:${s}:at`,
  };

  let client: Client;
  try {
    client = makeClient(options.url, timeoutMs, maxReconnectDelayMs);
  } catch (err) {
    // The client's own messages may quote the URL, password included.
    throw new Error(`store: invalid REDIS_URL (${safe(err)})`);
  }

  // --- availability state -------------------------------------------------------------------
  // `up` is true only after a recovery pass has emptied the spool and fallback sessions, so data
  // written during an outage is never shadowed by older data in Redis.
  let up = false;
  let closed = false;
  let recovering: Promise<void> | null = null;
  /** Set during the last recovery pass: calls wait (milliseconds) so no write slips past it. */
  let gate: Promise<void> | null = null;
  let downSince: number | null = now();
  let lastError = "not connected yet";

  function markDown(err: unknown) {
    lastError = safe(err);
    if (closed) return;
    if (up || downSince === null) {
      logger.warn({ redis: target, err: lastError }, "store: redis unavailable, answering from local fallbacks");
      downSince = now();
    } else {
      logger.debug({ redis: target, err: lastError }, "store: redis still unavailable");
    }
    up = false;
  }

  client.on("error", (err: unknown) => markDown(err));
  client.on("ready", () => void tryRecover());

  /** Connection trouble (fall back) versus a real error (throw): a bug must not pass for an outage. */
  function isUnavailable(err: unknown): boolean {
    if (err instanceof ErrorReply) return TRANSIENT_REPLY.test(err.message);
    if (err instanceof TypeError || err instanceof RangeError || err instanceof ReferenceError) return false;
    return !(err instanceof Error && err.message.startsWith("store:"));
  }

  /**
   * `p` or a RedisDeadlineError after `timeoutMs`. node-redis's own command timeout stops counting
   * once a command is written, so a server that reads and never answers would hold the caller for
   * ever. A command that times out still runs if the server wakes up; everything written that way
   * is idempotent or overwritten by the recovery pass that follows (it runs after them, on the
   * same connection).
   */
  function timed<T>(what: string, p: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new RedisDeadlineError(what, timeoutMs)), timeoutMs);
    });
    return Promise.race([p, deadline]).finally(() => clearTimeout(timer));
  }

  /**
   * Runs `op` on Redis when it is up, within the deadline (`perCommand`: `op` times its own
   * commands); on a connection failure or a deadline marks Redis down and uses `fallback`.
   */
  async function withRedis<T>(what: string, op: (c: Client) => Promise<T>, fallback: () => T | Promise<T>, perCommand = false): Promise<T> {
    if (gate) await gate;
    if (up) {
      try {
        return await (perCommand ? op(client) : timed(what, op(client)));
      } catch (err) {
        if (!isUnavailable(err)) throw new Error(`store: redis ${what} failed: ${safe(err)}`);
        markDown(err);
      }
    }
    return fallback();
  }

  // --- fallbacks ------------------------------------------------------------------------------
  /** Sessions written during an outage; `null` is a delete still to apply to Redis. */
  const fallbackSessions = new ExpiringMap<{ json: string | null }>(now);
  /**
   * The sessions this instance last read or wrote while Redis was up: when Redis goes away in the
   * middle of a survey, the next answer continues it instead of silently starting over.
   * Bounded: the least recently used are forgotten first.
   */
  const sessionMemory = new Map<string, { json: string; expiresAt: number }>();
  const sessionMemoryMax = options.sessionMemory ?? 10_000;
  function remember(k: string, json: string | null, expiresAt?: number) {
    const previous = sessionMemory.get(k);
    sessionMemory.delete(k);
    if (json === null) return;
    sessionMemory.set(k, { json, expiresAt: expiresAt ?? Math.max(previous?.expiresAt ?? 0, now() + MEMORY_TTL_MS) });
    if (sessionMemory.size > sessionMemoryMax) sessionMemory.delete(sessionMemory.keys().next().value!);
  }
  function recall(k: string): Session | null {
    const entry = fallbackSessions.get(k);
    if (entry) return entry.json === null ? null : parseSession(entry.json);
    const seen = sessionMemory.get(k);
    if (!seen || seen.expiresAt <= now()) return null;
    return parseSession(seen.json);
  }
  const limits = new MemoryLimits(now);
  let versionsWhileDown = 0;
  const localLocks = createKeyedMutex();

  const spoolBase = `spool-${prefix.replace(/[^A-Za-z0-9_-]+/g, "_")}`;
  const spoolPath = join(options.spoolDir, `${spoolBase}.jsonl`);
  const spoolMutex = createKeyedMutex();
  /** `stream\0id` of every spooled record, so a retried append is spooled once. */
  const spooled = new Set<string>();
  let spoolCleanEnd = true;

  await mkdir(options.spoolDir, { recursive: true, mode: DIR_MODE });
  await restrictMode(spoolPath);
  for (const { stream, record } of await readSpool()) spooled.add(`${stream}\0${record.id}`);
  {
    const tail = await readTail(spoolPath, 0);
    spoolCleanEnd = tail.length === 0 || tail[tail.length - 1] === 0x0a;
  }

  async function spoolFiles(): Promise<string[]> {
    let names: string[];
    try {
      names = await readdir(options.spoolDir);
    } catch (err) {
      if (isNotFound(err)) return [];
      throw err;
    }
    // Files renamed for replay by a previous run that died mid-replay are replayed too.
    const replaying = names.filter((n) => n.startsWith(`${spoolBase}.`) && n.endsWith(".replaying")).sort();
    return [...replaying.map((n) => join(options.spoolDir, n)), spoolPath];
  }

  async function readSpool(): Promise<{ stream: RecordStream; record: StoredRecord }[]> {
    const out: { stream: RecordStream; record: StoredRecord }[] = [];
    for (const file of await spoolFiles()) out.push(...parseSpool(await readTextIfExists(file)));
    return out;
  }

  async function appendToRedis(c: Client, stream: RecordStream, record: StoredRecord): Promise<void> {
    await timed(
      "append",
      c.eval(APPEND_SCRIPT, {
        keys: [key.recordData(stream), key.recordIndex(stream)],
        arguments: [record.id, String(record.at), JSON.stringify(record)],
      }),
    );
  }

  async function spool(stream: RecordStream, record: StoredRecord): Promise<void> {
    await spoolMutex.run("spool", async () => {
      // Redis may have come back while we queued behind a replay: then write there directly.
      if (up) {
        try {
          await appendToRedis(client, stream, record);
          return;
        } catch (err) {
          if (!isUnavailable(err)) throw new Error(`store: redis append failed: ${safe(err)}`);
          markDown(err);
        }
      }
      const id = `${stream}\0${record.id}`;
      if (spooled.has(id)) return;
      const line = (spoolCleanEnd ? "" : "\n") + JSON.stringify({ stream, record }) + "\n";
      await appendDurably(spoolPath, line);
      spoolCleanEnd = true;
      spooled.add(id);
    });
  }

  /** Moves the spool aside, writes every record to Redis (idempotent by id), then deletes it. */
  async function replaySpool(): Promise<number> {
    return spoolMutex.run("spool", async () => {
      const pending = await readTail(spoolPath, 0);
      if (pending.length > 0) {
        // A unique name: appends that come after this point start a fresh spool file.
        await rename(spoolPath, join(options.spoolDir, `${spoolBase}.${Date.now()}-${randomBytes(4).toString("hex")}.replaying`));
        spoolCleanEnd = true;
      }
      let replayed = 0;
      for (const file of await spoolFiles()) {
        if (file === spoolPath) continue;
        for (const { stream, record } of parseSpool(await readTextIfExists(file))) {
          await appendToRedis(client, stream, record);
          spooled.delete(`${stream}\0${record.id}`);
          replayed += 1;
        }
        await unlink(file).catch((err: unknown) => {
          if (!isNotFound(err)) throw err;
        });
      }
      return replayed;
    });
  }

  /** Writes sessions changed during the outage to Redis; entries changed meanwhile stay for the next pass. */
  async function flushFallbackSessions(): Promise<void> {
    for (const [k, entry, expiresAt] of [...fallbackSessions.live()]) {
      if (entry.json === null) await timed("delete", client.del(key.session(k)));
      else {
        // Relative TTL: the injectable clock need not agree with the server's.
        const ttl = Math.max(1, expiresAt - now());
        await timed("set", client.set(key.session(k), entry.json, { expiration: { type: "PX", value: ttl } }));
      }
      if (fallbackSessions.get(k) === entry) fallbackSessions.delete(k);
    }
  }

  function tryRecover(): Promise<void> {
    if (closed || up || !client.isReady) return Promise.resolve();
    recovering ??= (async () => {
      try {
        await timed("ping", client.ping());
        // Bulk passes while traffic keeps flowing to the fallbacks; under steady load they never
        // empty on their own, so a last short pass runs behind the gate (new calls wait for it),
        // and `up` flips before the gate opens: nothing written during the outage is left behind.
        let replayed = 0;
        for (let pass = 0; pass < 3 && (spooled.size > 0 || fallbackSessions.size > 0); pass++) {
          replayed += await replaySpool();
          await flushFallbackSessions();
        }
        let open!: () => void;
        gate = new Promise<void>((resolve) => (open = resolve));
        try {
          replayed += await replaySpool();
          await flushFallbackSessions();
          up = true;
        } finally {
          gate = null;
          open();
        }
        logger.info({ redis: target, replayed, downMs: downSince === null ? 0 : now() - downSince }, "store: redis available");
        downSince = null;
      } catch (err) {
        if (!isUnavailable(err)) logger.error({ err: safe(err) }, "store: recovery after redis outage failed");
        markDown(err);
      } finally {
        recovering = null;
      }
    })();
    return recovering;
  }

  // The 'ready' event starts recovery; this timer retries it when a pass failed or when a command
  // timed out while the socket stayed open.
  const recoveryTimer = setInterval(() => void tryRecover(), 500);
  recoveryTimer.unref();

  // connect() keeps retrying until it succeeds, so it is never awaited directly: startup with
  // Redis unreachable must neither hang nor crash, only start degraded.
  client.connect().catch((err: unknown) => {
    if (!closed) markDown(err);
  });
  {
    const deadline = Date.now() + (options.startupWaitMs ?? 2000);
    while (!up && Date.now() < deadline) {
      await (recovering ?? sleep(20));
    }
    if (!up) logger.warn({ redis: target, err: lastError }, "store: starting degraded, redis unreachable");
  }

  // --- locks ----------------------------------------------------------------------------------
  /** A token when the Redis lock is held; null when Redis is down (the local lock then suffices). */
  async function acquire(k: string): Promise<string | null> {
    const token = randomBytes(12).toString("hex");
    const deadline = Date.now() + lockWaitMs;
    let delay = 5;
    while (up) {
      const attempt = client.set(key.lock(k), token, { condition: "NX", expiration: { type: "PX", value: lockTtlMs } });
      try {
        const ok = await timed("lock", attempt);
        if (ok === "OK") return token;
      } catch (err) {
        if (err instanceof RedisDeadlineError) {
          // Should the server wake up and take the lock for us after all, give it back at once
          // instead of blocking the chat on other instances until it expires.
          attempt.then(
            (ok) => (ok === "OK" ? client.eval(RELEASE_SCRIPT, { keys: [key.lock(k)], arguments: [token] }) : undefined),
            () => undefined,
          ).catch(() => undefined);
        }
        if (!isUnavailable(err)) throw new Error(`store: redis lock failed: ${safe(err)}`);
        markDown(err);
        return null;
      }
      if (Date.now() >= deadline) throw new Error(`store: chat lock "${k}" still held elsewhere after ${lockWaitMs} ms`);
      await sleep(delay + Math.random() * delay);
      delay = Math.min(delay * 2, 100);
    }
    return null;
  }

  return {
    kind: "redis",

    getSession(k) {
      return withRedis(
        "get",
        async (c) => {
          const json = await c.get(key.session(k));
          remember(k, json);
          return json === null ? null : parseSession(json);
        },
        () => recall(k),
      );
    },

    async setSession(k, session: Session, ttlSeconds) {
      const json = JSON.stringify(session);
      await withRedis(
        "set",
        async (c) => {
          await c.set(key.session(k), json, { expiration: { type: "EX", value: ttlSeconds } });
          remember(k, json, now() + ttlSeconds * 1000);
        },
        () => {
          fallbackSessions.set(k, { json }, now() + ttlSeconds * 1000);
          remember(k, null);
        },
      );
    },

    async deleteSession(k) {
      await withRedis(
        "delete",
        async (c) => {
          await c.del(key.session(k));
          remember(k, null);
        },
        () => {
          fallbackSessions.set(k, { json: null }, now() + TOMBSTONE_TTL_MS);
          remember(k, null);
        },
      );
    },

    withChatLock(k, fn) {
      // The local lock first: instances never race themselves on Redis, and it is what remains
      // during an outage.
      return localLocks.run(k, async () => {
        if (gate) await gate;
        const token = up ? await acquire(k) : null;
        // Extend while `fn` runs so a slow handler keeps its lock, yet a dead process loses it.
        const renew = token
          ? setInterval(() => {
              if (!up) return;
              client
                .eval(EXTEND_SCRIPT, { keys: [key.lock(k)], arguments: [token, String(lockTtlMs)] })
                .catch((err: unknown) => logger.debug({ err: safe(err) }, "store: lock renewal failed"));
            }, Math.max(100, Math.floor(lockTtlMs / 3)))
          : undefined;
        renew?.unref();
        try {
          return await fn();
        } finally {
          if (renew) clearInterval(renew);
          if (token && up) {
            // A failed release is harmless: the lock expires by itself.
            await timed("unlock", client.eval(RELEASE_SCRIPT, { keys: [key.lock(k)], arguments: [token] })).catch((err: unknown) => {
              logger.debug({ err: safe(err) }, "store: lock release failed");
              if (err instanceof RedisDeadlineError) markDown(err);
            });
          }
        }
      });
    },

    firstSeen(k, ttlSeconds) {
      return withRedis(
        "dedup",
        async (c) => (await c.set(key.seen(k), "1", { condition: "NX", expiration: { type: "EX", value: ttlSeconds } })) === "OK",
        () => limits.firstSeen(k, ttlSeconds),
      );
    },

    rateLimit(k, limit, windowSeconds) {
      return withRedis(
        "rate limit",
        async (c) => {
          const reply = await c.eval(RATE_SCRIPT, { keys: [key.rate(k)], arguments: [String(windowSeconds * 1000)] });
          const [count, ttl] = Array.isArray(reply) ? reply.map(Number) : [];
          if (count === undefined || ttl === undefined || Number.isNaN(count)) {
            throw new Error("store: unexpected rate limit reply");
          }
          return count <= limit
            ? { allowed: true, retryAfterSeconds: 0 }
            : { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(ttl / 1000)) };
        },
        () => limits.rateLimit(k, limit, windowSeconds),
      );
    },

    async append(stream, record) {
      assertAppendable(stream, record);
      await withRedis(
        "append",
        (c) => appendToRedis(c, stream, record),
        () => spool(stream, record),
      );
    },

    async read(stream, range) {
      const fromRedis = await withRedis(
        "read",
        async (c) => {
          // A deadline per command, not for the whole read: a large history may take longer.
          const ids = await timed(
            "read",
            c.zRange(
              key.recordIndex(stream),
              range?.since === undefined ? "-inf" : String(range.since),
              range?.until === undefined ? "+inf" : `(${range.until}`,
              { BY: "SCORE" },
            ),
          );
          const out: StoredRecord[] = [];
          for (let i = 0; i < ids.length; i += HMGET_CHUNK) {
            const values = await timed("read", c.hmGet(key.recordData(stream), ids.slice(i, i + HMGET_CHUNK)));
            for (const json of values) {
              const value = json === null ? null : safeParse(json);
              if (isStoredRecord(value)) out.push(value);
            }
          }
          return out;
        },
        () => [] as StoredRecord[],
        true,
      );
      // Spooled records are part of the truth until replayed (and read fine while Redis is down).
      // Read under the spool mutex so a replay moving files around cannot hide them.
      const spoolRecords =
        spooled.size === 0
          ? []
          : (await spoolMutex.run("spool", readSpool)).filter((s) => s.stream === stream).map((s) => s.record);
      return selectRange([...fromRedis, ...spoolRecords], range);
    },

    async streamVersion(stream) {
      // Appends only add ids to the index, so its length moves with every new record. While Redis
      // is away nothing is known about it: a fresh value each time, so nothing is reused.
      const length = await withRedis("version", (c) => c.zCard(key.recordIndex(stream)).then(String), () => `down-${++versionsWhileDown}`);
      return `${length}+${spooled.size}`;
    },

    async health() {
      if (closed) return { status: "degraded", detail: "closed" };
      if (up) {
        try {
          await timed("ping", client.ping());
          return { status: "ok" };
        } catch (err) {
          if (!isUnavailable(err)) throw new Error(`store: redis ping failed: ${safe(err)}`);
          markDown(err);
        }
      }
      return { status: "degraded", detail: `redis unavailable (${lastError}); ${spooled.size} record(s) spooled` };
    },

    spoolSize() {
      return spooled.size;
    },

    async close() {
      if (closed) return;
      closed = true;
      up = false;
      clearInterval(recoveryTimer);
      await recovering?.catch(() => undefined);
      await spoolMutex.run("spool", async () => undefined);
      try {
        // close() waits for commands in flight: a server that never answers must not hold shutdown.
        if (client.isReady) await timed("close", client.close());
        else client.destroy();
      } catch {
        client.destroy();
      }
    },
  };
}

function makeClient(url: string, timeoutMs: number, maxReconnectDelayMs: number) {
  return createClient({
    url,
    // Without this, commands issued during an outage wait in memory until Redis returns: the bot
    // would hang instead of falling back.
    disableOfflineQueue: true,
    commandOptions: { timeout: timeoutMs },
    socket: {
      connectTimeout: timeoutMs,
      reconnectStrategy: (retries: number) =>
        Math.min(50 * 2 ** Math.min(retries, 10), maxReconnectDelayMs) + Math.floor(Math.random() * 50),
    },
  });
}

type Client = ReturnType<typeof makeClient>;

function parseSpool(text: string): { stream: RecordStream; record: StoredRecord }[] {
  const out: { stream: RecordStream; record: StoredRecord }[] = [];
  for (const value of parseJsonLines(text)) {
    if (typeof value !== "object" || value === null) continue;
    const { stream, record } = value as { stream?: unknown; record?: unknown };
    if (isRecordStream(stream) && isStoredRecord(record)) out.push({ stream, record });
  }
  return out;
}

function safeParse(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return null;
  }
}

/** `redis://host:port/db` without credentials, for logs. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname === "/" ? "" : u.pathname}`;
  } catch {
    return "(unparsable url)";
  }
}

function urlSecrets(url: string): string[] {
  try {
    const u = new URL(url);
    return [u.password, decodeURIComponent(u.password)].filter((s) => s.length > 0);
  } catch {
    return [];
  }
}

/** An error's message with any URL credentials and the password itself masked. */
export function safeMessage(err: unknown, secrets: readonly string[] = []): string {
  let message = err instanceof Error ? err.message || err.name : String(err);
  message = message.replace(/(\w+:\/\/)[^@/\s]*@/g, "$1***@");
  for (const s of secrets) message = message.split(s).join("***");
  return message;
}
