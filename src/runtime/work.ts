import { setTimeout as sleep } from "node:timers/promises";

/**
 * Work the server accepted but has not finished (webhook updates are acknowledged before they are
 * answered). Shutdown first `close()`s — new work is refused — then `drain()`s what is in flight.
 */
export interface WorkTracker {
  readonly closing: boolean;
  readonly inFlight: number;
  /** Tracks `work` until it settles; returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T>;
  close(): void;
  /** Resolves when nothing is in flight, or after `timeoutMs` (default 25 s) with whatever is left. */
  drain(timeoutMs?: number): Promise<{ unfinished: number }>;
}

export function createWorkTracker(): WorkTracker {
  const pending = new Set<Promise<unknown>>();
  let closing = false;
  return {
    get closing() {
      return closing;
    },
    get inFlight() {
      return pending.size;
    },
    track(work) {
      const settled = work.then(
        () => undefined,
        () => undefined,
      );
      pending.add(settled);
      void settled.then(() => pending.delete(settled));
      return work;
    },
    close() {
      closing = true;
    },
    async drain(timeoutMs = 25_000) {
      const deadline = Date.now() + timeoutMs;
      while (pending.size > 0 && Date.now() < deadline) {
        // The wait is cancelled as soon as the work settles, so no timer outlives the drain.
        const timeout = new AbortController();
        await Promise.race([Promise.all(pending), sleep(deadline - Date.now(), undefined, { signal: timeout.signal }).catch(() => undefined)]);
        timeout.abort();
      }
      return { unfinished: pending.size };
    },
  };
}
