import type { RecordStream, Session } from "../engine/types.js";

/**
 * The storage ports, one per concern (DESIGN.md "store"). A consumer names only the port it needs
 * — a report reads the record log, the web guard only rate-limits — and the dispatcher, which needs
 * all three, takes the whole `Store`. Adapters: memory (tests, building blocks), embedded (memory +
 * append-only files in DATA_DIR) and Redis. The engine never sees any of them.
 */

/**
 * Chat sessions: read / write / delete by key, each write with its time to live. A stored session
 * is a copy: mutating the object after `setSession` never changes what is stored.
 */
export interface SessionStore {
  getSession(key: string): Promise<Session | null>;
  setSession(key: string, session: Session, ttlSeconds: number): Promise<void>;
  deleteSession(key: string): Promise<void>;
}

/** Append-only record streams: survey answers, "was this helpful", unanswered questions. */
export interface RecordLog {
  /**
   * Appends a record durably. `record.id` (string) makes the append idempotent: a record with an
   * id already stored is not stored twice (spool replays rely on this).
   */
  append(stream: RecordStream, record: StoredRecord): Promise<void>;

  /** Records of a stream in time order, optionally within [since, until) in ms. */
  read(stream: RecordStream, range?: { since?: number; until?: number }): Promise<StoredRecord[]>;

  /**
   * A value that changes whenever a record is added to the stream, found without reading the
   * records (file size, index length): lets the dashboard reuse a report while nothing changed.
   */
  streamVersion(stream: RecordStream): Promise<string>;
}

export interface RateDecision {
  allowed: boolean;
  retryAfterSeconds: number;
}

/** What keeps updates in line: the per-chat lock, dedup of redelivered updates, rate limits. */
export interface Guards {
  /**
   * Runs `fn` while holding the chat's lock, so two updates of one chat (even on two instances)
   * never interleave. Locks expire on their own if a holder dies.
   */
  withChatLock<T>(key: string, fn: () => Promise<T>): Promise<T>;

  /** True the first time `key` is seen within `ttlSeconds`; false for a repeat (dedup). */
  firstSeen(key: string, ttlSeconds: number): Promise<boolean>;

  /** Fixed-window rate limit: allowed, or how long to wait. */
  rateLimit(key: string, limit: number, windowSeconds: number): Promise<RateDecision>;
}

/** The three ports over one backing service, with its lifecycle. */
export interface Store extends SessionStore, RecordLog, Guards {
  readonly kind: "memory" | "embedded" | "redis";

  /** Liveness of the backing service: "degraded" means answering from fallbacks. */
  health(): Promise<{ status: "ok" | "degraded"; detail?: string }>;

  /** Records waiting in a local outage spool (Redis adapter only), for metrics. */
  spoolSize?(): number;

  close(): Promise<void>;
}

export interface StoredRecord {
  /** Unique id (idempotency key). */
  id: string;
  /** Milliseconds since epoch. */
  at: number;
  [field: string]: unknown;
}
