import type { Guards, RecordLog, SessionStore, Store } from "./port.js";

/** One adapter's ports and lifecycle, before they are put together as a `Store`. */
export interface StoreParts<K extends Store["kind"]> {
  kind: K;
  sessions: SessionStore;
  records: RecordLog;
  guards: Guards;
  health: Store["health"];
  close: Store["close"];
  /** Runs before every port call, e.g. to refuse calls after close. */
  check?: () => void;
}

/** The `Store` that delegates each method to the port of its concern. */
export function composeStore<K extends Store["kind"]>(parts: StoreParts<K>): Store & { readonly kind: K } {
  const { sessions, records, guards } = parts;
  const check = parts.check ?? (() => undefined);
  return {
    kind: parts.kind,
    getSession: async (key) => (check(), sessions.getSession(key)),
    setSession: async (key, session, ttlSeconds) => (check(), sessions.setSession(key, session, ttlSeconds)),
    deleteSession: async (key) => (check(), sessions.deleteSession(key)),
    append: async (stream, record) => (check(), records.append(stream, record)),
    read: async (stream, range) => (check(), records.read(stream, range)),
    streamVersion: async (stream) => (check(), records.streamVersion(stream)),
    withChatLock: async (key, fn) => (check(), guards.withChatLock(key, fn)),
    firstSeen: async (key, ttlSeconds) => (check(), guards.firstSeen(key, ttlSeconds)),
    rateLimit: async (key, limit, windowSeconds) => (check(), guards.rateLimit(key, limit, windowSeconds)),
    health: () => parts.health(),
    close: () => parts.close(),
  };
}
