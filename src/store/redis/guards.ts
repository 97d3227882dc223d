import { randomBytes } from "node:crypto";
import { setTimeout as delay } from "node:timers/promises";
import { MemoryGuards } from "../memory.js";
import type { Guards, RateDecision } from "../port.js";
import { RedisDeadlineError } from "./availability.js";
import type { RedisContext } from "./context.js";

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

export interface RedisGuardsOptions {
  /** Expiry of a chat lock, so a dead holder blocks a chat for at most this long. */
  lockTtlMs: number;
  /** How long `withChatLock` waits for a lock held elsewhere before failing. */
  lockWaitMs: number;
}

/**
 * Chat locks (`SET NX PX`, renewed while held, released only by their holder), dedup (`SET NX EX`)
 * and fixed-window rate limits in Redis, shared by every instance. This process's own guards come
 * first for locks (instances never race themselves on Redis) and stand in for all three while
 * Redis is down.
 */
export class RedisGuards implements Guards {
  private readonly local: MemoryGuards;

  constructor(
    private readonly ctx: RedisContext,
    private readonly options: RedisGuardsOptions,
  ) {
    this.local = new MemoryGuards(ctx.now);
  }

  withChatLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const { availability } = this.ctx;
    return this.local.withChatLock(key, async () => {
      await availability.passGate();
      // During an outage the local lock is what remains.
      const token = availability.up ? await this.acquire(key) : null;
      const renewal = token ? this.keepAlive(key, token) : undefined;
      try {
        return await fn();
      } finally {
        clearInterval(renewal);
        if (token && availability.up) await this.release(key, token);
      }
    });
  }

  firstSeen(key: string, ttlSeconds: number): Promise<boolean> {
    return this.ctx.availability.call(
      "dedup",
      async () => (await this.ctx.client.set(`${this.ctx.prefix}seen:${key}`, "1", { condition: "NX", expiration: { type: "EX", value: ttlSeconds } })) === "OK",
      () => this.local.firstSeen(key, ttlSeconds),
    );
  }

  rateLimit(key: string, limit: number, windowSeconds: number): Promise<RateDecision> {
    return this.ctx.availability.call(
      "rate limit",
      async () => {
        const reply = await this.ctx.client.eval(RATE_SCRIPT, { keys: [`${this.ctx.prefix}rate:${key}`], arguments: [String(windowSeconds * 1000)] });
        const [count, ttl] = Array.isArray(reply) ? reply.map(Number) : [];
        if (count === undefined || ttl === undefined || Number.isNaN(count)) {
          throw new Error("store: unexpected rate limit reply");
        }
        return count <= limit ? { allowed: true, retryAfterSeconds: 0 } : { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(ttl / 1000)) };
      },
      () => this.local.rateLimit(key, limit, windowSeconds),
    );
  }

  private lockKey(key: string): string {
    return `${this.ctx.prefix}lock:${key}`;
  }

  /** A token when the Redis lock is held; null when Redis is down (the local lock then suffices). */
  private async acquire(key: string): Promise<string | null> {
    const { client, timed, availability } = this.ctx;
    const { lockTtlMs, lockWaitMs } = this.options;
    const token = randomBytes(12).toString("hex");
    const deadline = Date.now() + lockWaitMs;
    let wait = 5;
    while (availability.up) {
      const attempt = client.set(this.lockKey(key), token, { condition: "NX", expiration: { type: "PX", value: lockTtlMs } });
      try {
        if ((await timed("lock", attempt)) === "OK") return token;
      } catch (err) {
        // Should the server wake up and take the lock for us after all, give it back at once
        // instead of blocking the chat on other instances until it expires.
        if (err instanceof RedisDeadlineError) this.releaseLate(key, token, attempt);
        availability.absorb("lock", err);
        return null;
      }
      if (Date.now() >= deadline) throw new Error(`store: chat lock "${key}" still held elsewhere after ${lockWaitMs} ms`);
      await delay(wait + Math.random() * wait);
      wait = Math.min(wait * 2, 100);
    }
    return null;
  }

  private releaseLate(key: string, token: string, attempt: Promise<string | null>): void {
    attempt
      .then(
        (ok) => (ok === "OK" ? this.ctx.client.eval(RELEASE_SCRIPT, { keys: [this.lockKey(key)], arguments: [token] }) : undefined),
        () => undefined,
      )
      .catch(() => undefined);
  }

  /** Extends the lock while its holder runs, so a slow handler keeps it, yet a dead process loses it. */
  private keepAlive(key: string, token: string): NodeJS.Timeout {
    const { client, availability, logger, safe } = this.ctx;
    const { lockTtlMs } = this.options;
    const timer = setInterval(
      () => {
        if (!availability.up) return;
        client
          .eval(EXTEND_SCRIPT, { keys: [this.lockKey(key)], arguments: [token, String(lockTtlMs)] })
          .catch((err: unknown) => logger.debug({ err: safe(err) }, "store: lock renewal failed"));
      },
      Math.max(100, Math.floor(lockTtlMs / 3)),
    );
    timer.unref();
    return timer;
  }

  private async release(key: string, token: string): Promise<void> {
    // A failed release is harmless: the lock expires by itself.
    await this.ctx.timed("unlock", this.ctx.client.eval(RELEASE_SCRIPT, { keys: [this.lockKey(key)], arguments: [token] })).catch((err: unknown) => {
      this.ctx.logger.debug({ err: this.ctx.safe(err) }, "store: lock release failed");
      if (err instanceof RedisDeadlineError) this.ctx.availability.markDown(err);
    });
  }
}
