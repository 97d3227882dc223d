import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** Random part and signature of a web session id, in base64url characters. */
const RANDOM_CHARS = 22; // 16 bytes
const MAC_CHARS = 22; // 16 bytes of HMAC-SHA256

export interface WebSessionIds {
  /** A new id: 128 random bits + an HMAC of them under the server secret (44 base64url characters). */
  issue(): string;
  /** True only for ids this server (or one sharing its secret) issued. */
  verify(id: string): boolean;
}

/**
 * Web chat session ids are made by the server and signed: a client cannot pick its own (fresh ids
 * per message used to reset the per-session rate limit and create unlimited sessions).
 */
export function createWebSessionIds(secret: string): WebSessionIds {
  if (!secret) throw new Error("web: session secret must not be empty");
  const mac = (random: string) => createHmac("sha256", secret).update(`web-session:${random}`).digest().subarray(0, 16).toString("base64url");
  return {
    issue() {
      const random = randomBytes(16).toString("base64url");
      return random + mac(random);
    },
    verify(id) {
      if (id.length !== RANDOM_CHARS + MAC_CHARS) return false;
      const expected = Buffer.from(mac(id.slice(0, RANDOM_CHARS)));
      const given = Buffer.from(id.slice(RANDOM_CHARS));
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}

export interface LiveWebSessionsOptions {
  /** Sessions kept at most. */
  max: number;
  /** A session unused this long is no longer live (the store forgets it then too). */
  ttlMs: number;
  now?: () => number;
}

/**
 * The web sessions alive on this instance, most recently used last, so expired ones are always
 * at the front and pruning costs only what it removes. Bounded: past `max`, no new session is
 * opened until one expires (80,000 forged sessions used to cost 176 MB and a 59 MB log).
 */
export function createLiveWebSessions(options: LiveWebSessionsOptions) {
  const now = options.now ?? Date.now;
  const expiry = new Map<string, number>();
  const prune = () => {
    const t = now();
    for (const [id, at] of expiry) {
      if (at > t) break;
      expiry.delete(id);
    }
  };
  return {
    /** Records a new session; false when the instance is full. */
    open(id: string): boolean {
      prune();
      if (expiry.size >= options.max) return false;
      expiry.set(id, now() + options.ttlMs);
      return true;
    },
    /** A valid session was used: keep it alive (adopting one opened elsewhere when there is room). */
    touch(id: string): void {
      prune();
      const known = expiry.delete(id);
      if (known || expiry.size < options.max) expiry.set(id, now() + options.ttlMs);
    },
    get size(): number {
      prune();
      return expiry.size;
    },
  };
}

export type LiveWebSessions = ReturnType<typeof createLiveWebSessions>;
