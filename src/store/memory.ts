import { SESSION_VERSION, type Session } from "../engine/types.js";

/**
 * In-process building blocks shared by the embedded store and the Redis store's outage fallback:
 * a keyed mutex, sessions with TTL, dedup and a fixed-window rate limit, all on an injectable clock.
 */

export type Clock = () => number;

/** Serialises async sections per key; keys never block each other. */
export interface KeyedMutex {
  run<T>(key: string, fn: () => Promise<T>): Promise<T>;
  /** Keys with a holder or waiters (for tests and leak checks). */
  readonly size: number;
}

export function createKeyedMutex(): KeyedMutex {
  // Tail of each key's promise chain; removed when the last waiter finishes so the map cannot grow
  // with every chat ever seen.
  const tails = new Map<string, Promise<void>>();
  return {
    get size() {
      return tails.size;
    },
    async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
      const previous = tails.get(key) ?? Promise.resolve();
      let release!: () => void;
      const mine = new Promise<void>((resolve) => {
        release = resolve;
      });
      const tail = previous.then(() => mine);
      tails.set(key, tail);
      await previous;
      try {
        return await fn();
      } finally {
        release();
        if (tails.get(key) === tail) tails.delete(key);
      }
    },
  };
}

/** A map whose entries expire; expired entries are swept lazily so memory stays bounded. */
export class ExpiringMap<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();
  private writesSinceSweep = 0;

  constructor(private readonly now: Clock) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Milliseconds left, or 0 when absent/expired. */
  ttlMs(key: string): number {
    const entry = this.entries.get(key);
    if (!entry) return 0;
    return Math.max(0, entry.expiresAt - this.now());
  }

  expiresAt(key: string): number | undefined {
    return this.entries.get(key)?.expiresAt;
  }

  set(key: string, value: V, expiresAt: number): void {
    this.entries.set(key, { value, expiresAt });
    if (++this.writesSinceSweep >= 1000) this.sweep();
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  /** Live entries (expired ones are dropped on the way). */
  *live(): IterableIterator<[string, V, number]> {
    const t = this.now();
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt <= t) this.entries.delete(key);
      else yield [key, entry.value, entry.expiresAt];
    }
  }

  sweep(): void {
    this.writesSinceSweep = 0;
    const t = this.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= t) this.entries.delete(key);
  }
}

export interface RateDecision {
  allowed: boolean;
  retryAfterSeconds: number;
}

/** Dedup and fixed-window rate limiting in memory (instance-local). */
export class MemoryLimits {
  private readonly seen: ExpiringMap<true>;
  private readonly windows: ExpiringMap<{ count: number }>;

  constructor(private readonly now: Clock) {
    this.seen = new ExpiringMap(now);
    this.windows = new ExpiringMap(now);
  }

  firstSeen(key: string, ttlSeconds: number): boolean {
    if (this.seen.get(key)) return false;
    this.seen.set(key, true, this.now() + ttlSeconds * 1000);
    return true;
  }

  rateLimit(key: string, limit: number, windowSeconds: number): RateDecision {
    let window = this.windows.get(key);
    if (!window) {
      // The window starts at the first hit, like INCR + EXPIRE on the Redis side.
      window = { count: 0 };
      this.windows.set(key, window, this.now() + windowSeconds * 1000);
    }
    window.count += 1;
    if (window.count <= limit) return { allowed: true, retryAfterSeconds: 0 };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(this.windows.ttlMs(key) / 1000)) };
  }
}

/**
 * Sessions are stored as JSON and parsed back, so a caller mutating its object after `set` never
 * changes what is stored (same behaviour as the Redis adapter).
 */
export function parseSession(json: string): Session | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  return isSession(value) ? value : null;
}

/** Unknown versions read as "no session": a fresh conversation beats a misread one. */
export function isSession(value: unknown): value is Session {
  return typeof value === "object" && value !== null && (value as { v?: unknown }).v === SESSION_VERSION;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
