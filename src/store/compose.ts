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
  const run = async <R>(call: () => Promise<R>): Promise<R> => {
    check();
    return call();
  };
  return {
    kind: parts.kind,
    getSession: (key) => run(() => sessions.getSession(key)),
    setSession: (key, session, ttlSeconds) => run(() => sessions.setSession(key, session, ttlSeconds)),
    deleteSession: (key) => run(() => sessions.deleteSession(key)),
    append: (stream, record) => run(() => records.append(stream, record)),
    read: (stream, range) => run(() => records.read(stream, range)),
    streamVersion: (stream) => run(() => records.streamVersion(stream)),
    withChatLock: (key, fn) => run(() => guards.withChatLock(key, fn)),
    firstSeen: (key, ttlSeconds) => run(() => guards.firstSeen(key, ttlSeconds)),
    rateLimit: (key, limit, windowSeconds) => run(() => guards.rateLimit(key, limit, windowSeconds)),
    health: () => parts.health(),
    close: () => parts.close(),
  };
}
