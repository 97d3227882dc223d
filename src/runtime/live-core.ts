import type { Problem } from "../source/yaml-source.js";
import { buildCore, type Core, type CoreOptions, type CoreVersion } from "./core.js";

/**
 * The core a running server answers from. `reload()` builds a new one off to the side and swaps
 * it in only when the files are valid; a broken edit leaves the last good version live and its
 * problems visible (`status()`), for /admin and /readyz.
 */
export interface LiveCore {
  current(): Core;
  reload(): { ok: boolean; problems: Problem[] };
  status(): LiveStatus;
}

export interface LiveStatus {
  live: CoreVersion;
  /** Problems of the last attempted load (empty when it was good). */
  problems: Problem[];
  lastAttemptAt: number;
  lastAttemptOk: boolean;
}

export function createLiveCore(options: CoreOptions): { live: LiveCore; problems: Problem[] } {
  // At start, serve what is valid even if some files are broken (staff see the problems).
  const first = buildCore(options, false);
  let core = first.core!;
  let status: LiveStatus = { live: core.version, problems: first.problems, lastAttemptAt: core.version.loadedAt, lastAttemptOk: first.problems.length === 0 };
  const live: LiveCore = {
    current: () => core,
    reload() {
      const now = Date.now();
      const next = buildCore({ ...options, now }, true);
      if (next.core) {
        core = next.core;
        status = { live: core.version, problems: [], lastAttemptAt: now, lastAttemptOk: true };
        return { ok: true, problems: [] };
      }
      status = { live: core.version, problems: next.problems, lastAttemptAt: now, lastAttemptOk: false };
      return { ok: false, problems: next.problems };
    },
    status: () => status,
  };
  return { live, problems: first.problems };
}
