import { ExpiringMap, type Clock } from "../store/memory.js";

export interface LoginThrottleOptions {
  /** Failures allowed per address within the window. Default 5. */
  maxFailures?: number;
  /** Window in ms, from the first failure. Default 15 minutes. */
  windowMs?: number;
  now?: Clock;
}

/**
 * Failed admin logins per client address: after `maxFailures` within the window every attempt
 * from that address is refused, right or wrong, until the window ends, so the token cannot be
 * guessed at request speed. In memory, per instance: each instance adds its own allowance.
 */
export function createLoginThrottle(options: LoginThrottleOptions = {}) {
  const max = options.maxFailures ?? 5;
  const windowMs = options.windowMs ?? 15 * 60 * 1000;
  const now = options.now ?? Date.now;
  const failures = new ExpiringMap<{ count: number }>(now);
  return {
    /** Seconds to wait when the address is blocked, else 0. */
    blockedFor(address: string): number {
      const f = failures.get(address);
      return f && f.count >= max ? Math.max(1, Math.ceil(failures.ttlMs(address) / 1000)) : 0;
    },
    failed(address: string): void {
      const f = failures.get(address);
      if (f) f.count += 1;
      else failures.set(address, { count: 1 }, now() + windowMs);
    },
    succeeded(address: string): void {
      failures.delete(address);
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
