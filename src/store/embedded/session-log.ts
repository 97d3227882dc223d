import { open, rename, unlink, writeFile, type FileHandle } from "node:fs/promises";
import { join } from "node:path";
import type { Session } from "../../engine/types.js";
import type { Logger } from "../../log.js";
import { createGroupCommit, type GroupCommit } from "../group-commit.js";
import { FILE_MODE, parseJsonLines, readTextIfExists, type WriteText } from "../jsonl.js";
import { createKeyedMutex, MemorySessions, type Clock, type ExpiringMap } from "../memory.js";
import type { SessionStore } from "../port.js";
import { errorCode, type WriteFailures } from "./write-failures.js";

const SESSIONS_FILE = "sessions.jsonl";

export interface SessionLogOptions {
  /** Folder of `sessions.jsonl` (and its lock file). */
  dir: string;
  now: Clock;
  write: WriteText;
  failures: WriteFailures;
  logger?: Logger | undefined;
}

/** One line of the sessions log: a set (with absolute expiry) or a delete. */
type SessionLine = { k: string; s: Session; e: number } | { k: string; d: 1 };

interface SessionLog {
  handle: FileHandle;
  lines: number;
  /** False when a write may have left part of a line at the end of the file. */
  cleanEnd: boolean;
  release(): Promise<void>;
}

/**
 * Sessions in memory, every change appended to `sessions.jsonl` (the memory adapter wrapped with
 * a log). The log has one owner process (a lock file), which compacts it on first use and when it
 * grows, so a restart loads only live sessions.
 */
export class LoggedSessions implements SessionStore {
  private readonly memory: MemorySessions;
  private readonly path: string;
  // Opened on first use: `report` and `ask` open this store for records only and must not touch
  // (let alone compact) the session log of a `serve` running on the same folder.
  private log: Promise<SessionLog | null> | null = null;
  // One writer queue for the sessions log so lines never interleave with a compaction.
  private readonly writes = createKeyedMutex();
  // Lines written while another write is in flight go out together in the next one.
  private readonly lines: GroupCommit<string>;

  constructor(private readonly options: SessionLogOptions) {
    this.memory = new MemorySessions(options.now);
    this.path = join(options.dir, SESSIONS_FILE);
    this.lines = createGroupCommit((lines) => this.flush(lines));
  }

  async getSession(key: string): Promise<Session | null> {
    await this.ready();
    return this.memory.getSession(key);
  }

  async setSession(key: string, session: Session, ttlSeconds: number): Promise<void> {
    await this.ready();
    const expiresAt = this.options.now() + ttlSeconds * 1000;
    this.memory.entries.set(key, JSON.stringify(session), expiresAt);
    // Not fsync'd: a session is rewritten on every message, and the page cache already survives
    // a process crash; losing the last seconds of chat state on a power cut is acceptable.
    await this.writeLine({ k: key, s: session, e: expiresAt });
  }

  async deleteSession(key: string): Promise<void> {
    await this.ready();
    if (this.memory.entries.get(key) === undefined) return;
    await this.memory.deleteSession(key);
    await this.writeLine({ k: key, d: 1 });
  }

  /** Writes what is queued and gives up the log (and its lock file) if this process owns it. */
  async close(): Promise<void> {
    await this.lines.drain();
    const log = await this.log;
    // Closed: nothing more reaches the file (and a second close releases nothing).
    this.log = Promise.resolve(null);
    if (log) await this.writes.run("log", () => log.release());
  }

  private ready(): Promise<SessionLog | null> {
    const { now, write, logger } = this.options;
    return (this.log ??= openSessionLog(this.path, this.memory.entries, now, write, logger));
  }

  private async writeLine(line: SessionLine): Promise<void> {
    if (!(await this.ready())) return;
    await this.lines.add(JSON.stringify(line) + "\n");
  }

  private async flush(lines: string[]): Promise<void> {
    const log = await this.ready();
    if (!log) return;
    await this.writes.run("log", async () => {
      await this.appendLines(log, lines);
      if (log.lines > Math.max(1000, this.memory.entries.size * 4)) await this.compact(log);
    });
  }

  private async appendLines(log: SessionLog, lines: string[]): Promise<void> {
    try {
      // After a failed write the file may end in part of a line: start on a fresh one.
      await this.options.write(log.handle, (log.cleanEnd ? "" : "\n") + lines.join(""), this.path);
    } catch (err) {
      log.cleanEnd = false;
      // These lines never reached the file: the next successful write rewrites the log whole
      // from memory (a compaction), so a restart after the disk is freed loses nothing.
      log.lines = Number.POSITIVE_INFINITY;
      this.options.failures.failed("sessions", err);
      throw err;
    }
    log.cleanEnd = true;
    this.options.failures.succeeded("sessions");
    log.lines += lines.length;
  }

  private async compact(log: SessionLog): Promise<void> {
    // The old log stays open until the new one is in place: a failed compaction (a full disk)
    // leaves appends working on the old file.
    let next: { handle: FileHandle; lines: number };
    try {
      next = await compactSessions(this.path, this.memory.entries, this.options.write);
    } catch (err) {
      this.options.failures.failed("sessions", err);
      return;
    }
    await log.handle.close();
    Object.assign(log, next, { cleanEnd: true });
  }
}

/** Session logs owned by this process, so a lock file bearing our pid can be told from a stale one. */
const ownedLogs = new Set<string>();

/**
 * Loads the session log and, if this process can own it, compacts it and opens it for appending.
 * Only one process writes (and compacts) a session log: a second one (a `chat` next to `serve`)
 * would lose lines to the owner's compaction, so it keeps its sessions in memory only.
 */
async function openSessionLog(path: string, sessions: ExpiringMap<string>, now: Clock, write: WriteText, logger?: Logger): Promise<SessionLog | null> {
  await loadSessions(path, sessions, now, logger);
  const lockPath = `${path}.lock`;
  let owner: number | null;
  try {
    owner = await takeLock(lockPath);
  } catch (err) {
    // No lock file on a full disk: this process cannot safely own the log; it keeps sessions in memory.
    logger?.error({ err: errorCode(err), file: path }, "store: cannot take the session log lock; sessions stay in memory");
    return null;
  }
  if (owner !== null) {
    logger?.info({ file: path, owner }, "store: session log in use by another process; sessions of this one stay in memory");
    return null;
  }
  ownedLogs.add(lockPath);
  let opened: { handle: FileHandle; lines: number; cleanEnd: boolean };
  try {
    opened = { ...(await compactSessions(path, sessions, write)), cleanEnd: true };
  } catch (err) {
    // A full disk at start-up: append to the log as it is (a torn tail is skipped at the next load).
    logger?.error({ err: errorCode(err), file: path }, "store: cannot compact the session log; appending to it as it is");
    opened = { handle: await open(path, "a", FILE_MODE), lines: Number.POSITIVE_INFINITY, cleanEnd: false };
  }
  const log: SessionLog = {
    ...opened,
    async release() {
      await log.handle.close();
      ownedLogs.delete(lockPath);
      await unlink(lockPath).catch(() => undefined);
    },
  };
  return log;
}

/** Creates the lock file; returns null when taken, or the pid of the live process holding it. */
async function takeLock(lockPath: string): Promise<number | null> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(lockPath, String(process.pid), { flag: "wx", mode: FILE_MODE });
      return null;
    } catch (err) {
      if ((err as { code?: unknown }).code !== "EEXIST") throw err;
    }
    const pid = Number((await readTextIfExists(lockPath)).trim());
    if (ownedLogs.has(lockPath)) return process.pid;
    // Our own pid without our own record is a previous run's (a container's pid 1 again).
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) return pid;
    await unlink(lockPath).catch(() => undefined); // stale: its process is gone
  }
  throw new Error(`store: cannot take the session log lock ${lockPath}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as { code?: unknown }).code === "EPERM";
  }
}

async function loadSessions(path: string, into: ExpiringMap<string>, now: Clock, logger?: Logger) {
  const text = await readTextIfExists(path);
  let skipped = 0;
  const t = now();
  for (const value of parseJsonLines(text)) {
    if (typeof value !== "object" || value === null || typeof (value as { k?: unknown }).k !== "string") {
      skipped += 1;
      continue;
    }
    const line = value as Partial<{ k: string; s: unknown; e: unknown; d: unknown }> & { k: string };
    if (line.d === 1) into.delete(line.k);
    else if (typeof line.e === "number" && line.e > t && typeof line.s === "object" && line.s !== null) {
      into.set(line.k, JSON.stringify(line.s), line.e);
    } else into.delete(line.k);
  }
  if (skipped > 0) logger?.warn({ skipped, file: path }, "store: skipped unreadable session lines");
}

/**
 * Rewrites the log with live sessions only (temp file + fsync + rename, so a crash mid-compaction
 * leaves either the old or the new log, never half of one) and opens it for appending.
 */
async function compactSessions(path: string, sessions: ExpiringMap<string>, write: WriteText): Promise<{ handle: FileHandle; lines: number }> {
  const tmp = `${path}.${process.pid}.tmp`;
  const parts: string[] = [];
  for (const [k, json, e] of sessions.live()) parts.push(`{"k":${JSON.stringify(k)},"s":${json},"e":${e}}\n`);
  try {
    const out = await open(tmp, "w", FILE_MODE);
    try {
      await write(out, parts.join(""), tmp);
      await out.sync();
    } finally {
      await out.close();
    }
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
  return { handle: await open(path, "a", FILE_MODE), lines: parts.length };
}
