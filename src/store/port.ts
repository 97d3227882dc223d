import type { RecordStream, Session } from "../engine/types.js";

/**
 * The one storage port. Two adapters implement it: the embedded store (memory + append-only
 * files in DATA_DIR) and the Redis store. The engine never sees it; the dispatcher does.
 */
export interface Store {
  readonly kind: "embedded" | "redis";

  getSession(key: string): Promise<Session | null>;
  setSession(key: string, session: Session, ttlSeconds: number): Promise<void>;
  deleteSession(key: string): Promise<void>;

  /**
   * Runs `fn` while holding the chat's lock, so two updates of one chat (even on two instances)
   * never interleave. Locks expire on their own if a holder dies.
   */
  withChatLock<T>(key: string, fn: () => Promise<T>): Promise<T>;

  /** True the first time `key` is seen within `ttlSeconds`; false for a repeat (dedup). */
  firstSeen(key: string, ttlSeconds: number): Promise<boolean>;

  /** Fixed-window rate limit: allowed, or how long to wait. */
  rateLimit(key: string, limit: number, windowSeconds: number): Promise<{ allowed: boolean; retryAfterSeconds: number }>;

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
