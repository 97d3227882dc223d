import { mkdir } from "node:fs/promises";
import type { Logger } from "../log.js";
import { composeStore } from "./compose.js";
import { RecordFiles } from "./embedded/record-files.js";
import { LoggedSessions } from "./embedded/session-log.js";
import { WriteFailures } from "./embedded/write-failures.js";
import { DIR_MODE, writeText, type WriteText } from "./jsonl.js";
import { MemoryGuards, type Clock } from "./memory.js";
import type { Store } from "./port.js";

export interface EmbeddedStoreOptions {
  /** Folder for `sessions.jsonl` and one `<stream>.jsonl` per record stream; created if missing. */
  dataDir: string;
  logger?: Logger;
  /** Clock in ms; default Date.now. Tests inject one to expire sessions without waiting. */
  now?: Clock;
  /** How text reaches the files; default one write call. Tests inject a failing one (a full disk). */
  write?: WriteText;
}

/**
 * The single-instance store: everything in memory, with sessions and records in append-only
 * JSON-lines files under `dataDir`. Records are fsync'd per append and may be appended and read by
 * several processes; the sessions log has one owner process (a lock file), which compacts it on
 * first use and when it grows, so a restart loads only live sessions. Guards (locks, dedup, rate
 * limits) are this process's own.
 */
export async function createEmbeddedStore(options: EmbeddedStoreOptions): Promise<Store> {
  const now = options.now ?? Date.now;
  const dir = options.dataDir;
  const write = options.write ?? writeText;
  await mkdir(dir, { recursive: true, mode: DIR_MODE });

  const failures = new WriteFailures(dir, options.logger);
  const sessions = new LoggedSessions({ dir, now, write, failures, logger: options.logger });
  const records = new RecordFiles({ dir, write, failures });
  let closed = false;

  return composeStore({
    kind: "embedded",
    sessions,
    records,
    guards: new MemoryGuards(now),
    check() {
      if (closed) throw new Error("store: embedded store is closed");
    },
    async health() {
      if (closed) return { status: "degraded", detail: "closed" };
      return failures.health();
    },
    async close() {
      if (closed) return;
      closed = true;
      await sessions.close();
      await records.drain();
    },
  });
}
