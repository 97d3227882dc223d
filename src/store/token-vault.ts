import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { createKeyedMutex } from "./memory.js";
import { closeRedisClient, createRedisClient } from "./redis/connection.js";

/** An OAuth token pair as stored. `expiresAt` null: unknown (an access token given in the environment). */
export interface OaTokenPair {
  accessToken: string | null;
  refreshToken: string;
  expiresAt: number | null;
  updatedAt: number;
}

/**
 * Where the newest token pair lives, and the lock under which it is refreshed. A refresh spends
 * the stored refresh token, so it must happen at most once at a time across every instance that
 * shares the vault; `read` failing means "do not refresh now", never "start from scratch".
 */
export interface TokenVault {
  read(): Promise<OaTokenPair | null>;
  write(pair: OaTokenPair): Promise<void>;
  withLock<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

function parsePair(json: string | null): OaTokenPair | null {
  if (!json) return null;
  const v = JSON.parse(json) as Partial<OaTokenPair>;
  if (typeof v.refreshToken !== "string" || !v.refreshToken) throw new Error("token-vault: stored token pair is malformed");
  return {
    accessToken: typeof v.accessToken === "string" ? v.accessToken : null,
    refreshToken: v.refreshToken,
    expiresAt: typeof v.expiresAt === "number" ? v.expiresAt : null,
    updatedAt: typeof v.updatedAt === "number" ? v.updatedAt : 0,
  };
}

/**
 * The embedded store's vault: one JSON file (mode 0600), replaced atomically. The lock is the
 * process's own: the embedded store serves one instance.
 */
export function createFileTokenVault(path: string): TokenVault {
  const mutex = createKeyedMutex();
  return {
    async read() {
      try {
        return parsePair(await readFile(path, "utf8"));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw err;
      }
    },
    async write(pair) {
      await mkdir(dirname(path), { recursive: true });
      const tmp = `${path}.${process.pid}.tmp`;
      await writeFile(tmp, JSON.stringify(pair), { mode: 0o600 });
      await rename(tmp, path);
    },
    withLock: (fn) => mutex.run("token", fn),
    async close() {},
  };
}

const RELEASE_SCRIPT = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

export interface RedisTokenVaultOptions {
  url: string;
  /** Key of the pair; the lock is `${key}:lock`. */
  key: string;
  /** Deadline of one Redis command. Default 2 s. */
  timeoutMs?: number;
  /** The lock outlives a holder that died by this much. Default 30 s (a refresh is one HTTP call). */
  lockTtlMs?: number;
  /** How long to wait for the lock. Default 20 s. */
  lockWaitMs?: number;
}

/**
 * The production vault: the pair in one Redis key, the refresh lock a `SET NX PX` key released
 * only by its holder. While Redis is unreachable every call fails: no instance refreshes then.
 */
export function createRedisTokenVault(options: RedisTokenVaultOptions): TokenVault {
  const timeoutMs = options.timeoutMs ?? 2000;
  const lockTtlMs = options.lockTtlMs ?? 30_000;
  const lockWaitMs = options.lockWaitMs ?? 20_000;
  const lockKey = `${options.key}:lock`;
  const local = createKeyedMutex();
  const client = createRedisClient({ url: options.url, timeoutMs, maxReconnectDelayMs: 5000 });
  client.on("error", () => {
    // Reconnects by itself; callers see the failure of their own command.
  });
  let connecting: Promise<unknown> | undefined;
  const ready = async () => {
    if (client.isReady) return;
    connecting ??= client.connect().catch((err: unknown) => {
      connecting = undefined;
      throw err;
    });
    await connecting;
  };
  return {
    async read() {
      await ready();
      return parsePair(await client.get(options.key));
    },
    async write(pair) {
      await ready();
      await client.set(options.key, JSON.stringify(pair));
    },
    withLock(fn) {
      return local.run("token", async () => {
        await ready();
        const token = randomBytes(12).toString("hex");
        const deadline = Date.now() + lockWaitMs;
        while ((await client.set(lockKey, token, { condition: "NX", expiration: { type: "PX", value: lockTtlMs } })) !== "OK") {
          if (Date.now() > deadline) throw new Error(`token-vault: refresh lock still held elsewhere after ${lockWaitMs} ms`);
          await delay(50 + Math.random() * 50);
        }
        try {
          return await fn();
        } finally {
          await client.eval(RELEASE_SCRIPT, { keys: [lockKey], arguments: [token] }).catch(() => undefined);
        }
      });
    },
    close: () => closeRedisClient(client, timeoutMs),
  };
}

/** The vault for `name` beside the store the settings choose: a Redis key, or a file in DATA_DIR. */
export function createTokenVault(config: { redisUrl?: string | undefined; dataDir: string }, name: string): TokenVault {
  return config.redisUrl
    ? createRedisTokenVault({ url: config.redisUrl, key: `dvc:tokens:${name}` })
    : createFileTokenVault(join(config.dataDir, `${name}-token.json`));
}
