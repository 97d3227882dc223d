import { SESSION_VERSION, type RecordStream, type Session } from "../engine/types.js";
import { assertAppendable, selectRange } from "./jsonl.js";
import { composeStore } from "./compose.js";
import type { Guards, RateDecision, RecordLog, SessionStore, Store, StoredRecord } from "./port.js";

/**
 * What lives in this process only, on an injectable clock:
 * - building blocks: a keyed mutex, a map whose entries expire, sessions kept as JSON;
 * - the memory adapter of each port: `MemorySessions` (the embedded store wraps it with its log),
 *   `MemoryGuards` (the embedded store's guards, and the Redis store's local lock and outage
 *   fallback), `MemoryRecordLog`; and `createMemoryStore`, all three together, for tests.
 * Nothing here survives the process.
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


/** Sessions as JSON in an expiring map. */
export class MemorySessions implements SessionStore {
  /** Session JSON by key, with its absolute expiry (the embedded store's log mirrors it). */
  readonly entries: ExpiringMap<string>;

  constructor(private readonly now: Clock) {
    this.entries = new ExpiringMap(now);
  }

  async getSession(key: string): Promise<Session | null> {
    const json = this.entries.get(key);
    return json === undefined ? null : parseSession(json);
  }

  async setSession(key: string, session: Session, ttlSeconds: number): Promise<void> {
    this.entries.set(key, JSON.stringify(session), this.now() + ttlSeconds * 1000);
  }

  async deleteSession(key: string): Promise<void> {
    this.entries.delete(key);
  }
}

/** Chat locks, dedup and fixed-window rate limits of this process. */
export class MemoryGuards implements Guards {
  private readonly locks = createKeyedMutex();
  private readonly seen: ExpiringMap<true>;
  private readonly windows: ExpiringMap<{ count: number }>;

  constructor(private readonly now: Clock) {
    this.seen = new ExpiringMap(now);
    this.windows = new ExpiringMap(now);
  }

  withChatLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    return this.locks.run(key, fn);
  }

  async firstSeen(key: string, ttlSeconds: number): Promise<boolean> {
    if (this.seen.get(key)) return false;
    this.seen.set(key, true, this.now() + ttlSeconds * 1000);
    return true;
  }

  async rateLimit(key: string, limit: number, windowSeconds: number): Promise<RateDecision> {
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

/** Records kept as JSON (callers never share objects with the log), idempotent by id. */
export class MemoryRecordLog implements RecordLog {
  private readonly streams = new Map<RecordStream, Map<string, string>>();

  async append(stream: RecordStream, record: StoredRecord): Promise<void> {
    assertAppendable(stream, record);
    let records = this.streams.get(stream);
    if (!records) this.streams.set(stream, (records = new Map()));
    if (!records.has(record.id)) records.set(record.id, JSON.stringify(record));
  }

  async read(stream: RecordStream, range?: { since?: number; until?: number }): Promise<StoredRecord[]> {
    const records = [...(this.streams.get(stream)?.values() ?? [])].map((json) => JSON.parse(json) as StoredRecord);
    return selectRange(records, range);
  }

  async streamVersion(stream: RecordStream): Promise<string> {
    return String(this.streams.get(stream)?.size ?? 0);
  }
}

/** All three ports in memory: a store for tests and tools that need no files and no Redis. */
export function createMemoryStore(options: { now?: Clock } = {}): Store {
  const now = options.now ?? Date.now;
  return composeStore({
    kind: "memory",
    sessions: new MemorySessions(now),
    records: new MemoryRecordLog(),
    guards: new MemoryGuards(now),
    health: async () => ({ status: "ok" }),
    close: async () => undefined,
  });
}
