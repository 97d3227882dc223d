import type { Session } from "../../engine/types.js";
import { ExpiringMap, parseSession, type Clock } from "../memory.js";
import type { SessionStore } from "../port.js";
import type { RedisContext } from "./context.js";

/** Deletes survive in the fallback map until Redis is back (then they are applied there). */
const TOMBSTONE_TTL_MS = 7 * 24 * 3600 * 1000;
/** How long a session seen only by a read is remembered for an outage. */
const MEMORY_TTL_MS = 3600 * 1000;

/**
 * The sessions this instance last read or wrote while Redis was up: when Redis goes away in the
 * middle of a survey, the next answer continues it instead of silently starting over.
 * Bounded: the least recently used are forgotten first.
 */
class RecentSessions {
  private readonly entries = new Map<string, { json: string; expiresAt: number }>();

  constructor(
    private readonly now: Clock,
    private readonly max: number,
  ) {}

  /** Remembers `json` (null: forgets the key); without `expiresAt`, for at least MEMORY_TTL_MS. */
  remember(key: string, json: string | null, expiresAt?: number): void {
    const previous = this.entries.get(key);
    this.entries.delete(key);
    if (json === null) return;
    this.entries.set(key, { json, expiresAt: expiresAt ?? Math.max(previous?.expiresAt ?? 0, this.now() + MEMORY_TTL_MS) });
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
  }

  get(key: string): string | null {
    const seen = this.entries.get(key);
    return !seen || seen.expiresAt <= this.now() ? null : seen.json;
  }
}

/**
 * Sessions in Redis (`<prefix>session:<key>`, expiring with their TTL). While Redis is down they
 * are written to a fallback map (deletes as tombstones) and read from it or from the recently
 * used ones; the recovery pass writes the fallback map to Redis.
 */
export class RedisSessions implements SessionStore {
  /** Sessions written during an outage; `null` is a delete still to apply to Redis. */
  private readonly fallback: ExpiringMap<{ json: string | null }>;
  private readonly recent: RecentSessions;

  constructor(
    private readonly ctx: RedisContext,
    /** Sessions remembered in memory for an outage. */
    memorySize: number,
  ) {
    this.fallback = new ExpiringMap(ctx.now);
    this.recent = new RecentSessions(ctx.now, memorySize);
  }

  getSession(key: string): Promise<Session | null> {
    return this.ctx.availability.call(
      "get",
      async () => {
        const json = await this.ctx.client.get(this.key(key));
        this.recent.remember(key, json);
        return json === null ? null : parseSession(json);
      },
      () => this.recall(key),
    );
  }

  async setSession(key: string, session: Session, ttlSeconds: number): Promise<void> {
    const json = JSON.stringify(session);
    await this.ctx.availability.call(
      "set",
      async () => {
        await this.ctx.client.set(this.key(key), json, { expiration: { type: "EX", value: ttlSeconds } });
        this.recent.remember(key, json, this.ctx.now() + ttlSeconds * 1000);
      },
      () => {
        this.fallback.set(key, { json }, this.ctx.now() + ttlSeconds * 1000);
        this.recent.remember(key, null);
      },
    );
  }

  async deleteSession(key: string): Promise<void> {
    await this.ctx.availability.call(
      "delete",
      async () => {
        await this.ctx.client.del(this.key(key));
        this.recent.remember(key, null);
      },
      () => {
        this.fallback.set(key, { json: null }, this.ctx.now() + TOMBSTONE_TTL_MS);
        this.recent.remember(key, null);
      },
    );
  }

  /** Sessions written or deleted during the outage, not yet in Redis. */
  get pending(): number {
    return this.fallback.size;
  }

  /** Writes sessions changed during the outage to Redis; entries changed meanwhile stay for the next pass. */
  async flushFallback(): Promise<void> {
    const { client, timed, now } = this.ctx;
    for (const [k, entry, expiresAt] of [...this.fallback.live()]) {
      if (entry.json === null) await timed("delete", client.del(this.key(k)));
      else {
        // Relative TTL: the injectable clock need not agree with the server's.
        const ttl = Math.max(1, expiresAt - now());
        await timed("set", client.set(this.key(k), entry.json, { expiration: { type: "PX", value: ttl } }));
      }
      if (this.fallback.get(k) === entry) this.fallback.delete(k);
    }
  }

  private key(k: string): string {
    return `${this.ctx.prefix}session:${k}`;
  }

  private recall(key: string): Session | null {
    const entry = this.fallback.get(key);
    if (entry) return entry.json === null ? null : parseSession(entry.json);
    const json = this.recent.get(key);
    return json === null ? null : parseSession(json);
  }
}
