import { mkdir, open, rename, stat, unlink, writeFile, type FileHandle } from "node:fs/promises";
import { join } from "node:path";
import type { RecordStream, Session } from "../engine/types.js";
import type { Logger } from "../log.js";
import {
  appendDurably,
  assertAppendable,
  DIR_MODE,
  FILE_MODE,
  restrictMode,
  writeText,
  type WriteText,
  isStoredRecord,
  parseJsonLines,
  readTail,
  readTextIfExists,
  selectRange,
} from "./jsonl.js";
import { createGroupCommit, type GroupCommit } from "./group-commit.js";
import { createKeyedMutex, ExpiringMap, MemoryLimits, parseSession, type Clock } from "./memory.js";
import type { Store, StoredRecord } from "./port.js";

export interface EmbeddedStoreOptions {
  /** Folder for `sessions.jsonl` and one `<stream>.jsonl` per record stream; created if missing. */
  dataDir: string;
  logger?: Logger;
  /** Clock in ms; default Date.now. Tests inject one to expire sessions without waiting. */
  now?: Clock;
  /** How text reaches the files; default one write call. Tests inject a failing one (a full disk). */
  write?: WriteText;
}

const SESSIONS_FILE = "sessions.jsonl";

/** One line of the sessions log: a set (with absolute expiry) or a delete. */
type SessionLine = { k: string; s: Session; e: number } | { k: string; d: 1 };

/**
 * The single-instance store: everything in memory, with sessions and records in append-only
 * JSON-lines files under `dataDir`. Records are fsync'd per append and may be appended and read by
 * several processes; the sessions log has one owner process (a lock file), which compacts it on
 * first use and when it grows, so a restart loads only live sessions.
 */
export async function createEmbeddedStore(options: EmbeddedStoreOptions): Promise<Store> {
  const now = options.now ?? Date.now;
  const logger = options.logger;
  const dir = options.dataDir;
  const write = options.write ?? writeText;
  await mkdir(dir, { recursive: true, mode: DIR_MODE });

  // The last write failure of each kind (a full or read-only disk), until a write succeeds again:
  // chats go on in memory meanwhile, and /readyz says the store is failing.
  const failures: { sessions: string | null; records: string | null } = { sessions: null, records: null };
  const failed = (what: keyof typeof failures, err: unknown) => {
    const reason = errorCode(err);
    if (failures[what] === null) logger?.error({ err: reason, dir }, `store: cannot write ${what} to DATA_DIR`);
    failures[what] = reason;
  };

  const sessionsPath = join(dir, SESSIONS_FILE);
  const sessions = new ExpiringMap<string>(now);
  // Opened on first use: `report` and `ask` open this store for records only and must not touch
  // (let alone compact) the session log of a `serve` running on the same folder.
  let sessionLog: Promise<SessionLog | null> | null = null;
  const sessionsReady = () => (sessionLog ??= openSessionLog(sessionsPath, sessions, now, write, logger));
  // One writer queue for the sessions log so lines never interleave with a compaction.
  const sessionWrites = createKeyedMutex();

  const chatLocks = createKeyedMutex();
  const limits = new MemoryLimits(now);

  // Per stream: ids already in the file and how far (in bytes, at a line boundary) we have looked.
  // Another process (the CLI) may append too, so appends first catch up on bytes they have not seen.
  const streams = new Map<RecordStream, { ids: Set<string>; scanned: number; cleanEnd: boolean }>();
  const streamLocks = createKeyedMutex();
  let closed = false;

  const recordPath = (stream: RecordStream) => join(dir, `${stream}.jsonl`);

  // Per stream, records arriving together share one write and one fsync (still durable before
  // each append resolves).
  const recordWriters = new Map<RecordStream, GroupCommit<StoredRecord>>();
  const recordWriter = (stream: RecordStream): GroupCommit<StoredRecord> => {
    let writer = recordWriters.get(stream);
    if (!writer) {
      writer = createGroupCommit<StoredRecord>((records) =>
        streamLocks.run(stream, async () => {
          const state = await catchUp(stream);
          const fresh: StoredRecord[] = [];
          for (const r of records) {
            if (state.ids.has(r.id) || fresh.some((f) => f.id === r.id)) continue;
            fresh.push(r);
          }
          if (fresh.length === 0) return;
          const text = (state.cleanEnd ? "" : "\n") + fresh.map((r) => JSON.stringify(r) + "\n").join("");
          try {
            await appendDurably(recordPath(stream), text, true, write);
          } catch (err) {
            // Part of the text may have reached the file: the next catch-up sees the torn tail.
            failed("records", err);
            throw err;
          }
          failures.records = null;
          for (const r of fresh) state.ids.add(r.id);
        }),
      );
      recordWriters.set(stream, writer);
    }
    return writer;
  };

  async function catchUp(stream: RecordStream) {
    let state = streams.get(stream);
    if (!state) {
      state = { ids: new Set(), scanned: 0, cleanEnd: true };
      streams.set(stream, state);
      await restrictMode(recordPath(stream));
    }
    const tail = await readTail(recordPath(stream), state.scanned);
    if (tail.length === 0) return state;
    const lastNewline = tail.lastIndexOf(0x0a);
    const complete = lastNewline < 0 ? Buffer.alloc(0) : tail.subarray(0, lastNewline + 1);
    for (const value of parseJsonLines(complete.toString("utf8"))) {
      if (isStoredRecord(value)) state.ids.add(value.id);
    }
    state.scanned += complete.length;
    // Bytes after the last newline are a torn line (crash mid-write): the next append starts on a
    // fresh line so it is not glued to the fragment and lost with it.
    state.cleanEnd = lastNewline === tail.length - 1;
    return state;
  }

  // Lines written while another write is in flight go out together in the next one.
  const sessionLines = createGroupCommit<string>(async (lines) => {
    const log = await sessionsReady();
    if (!log) return;
    await sessionWrites.run("log", async () => {
      try {
        // After a failed write the file may end in part of a line: start on a fresh one.
        await write(log.handle, (log.cleanEnd ? "" : "\n") + lines.join(""), sessionsPath);
      } catch (err) {
        log.cleanEnd = false;
        // These lines never reached the file: the next successful write rewrites the log whole
        // from memory (a compaction), so a restart after the disk is freed loses nothing.
        log.lines = Number.POSITIVE_INFINITY;
        failed("sessions", err);
        throw err;
      }
      log.cleanEnd = true;
      failures.sessions = null;
      log.lines += lines.length;
      if (log.lines > Math.max(1000, sessions.size * 4)) {
        // The old log stays open until the new one is in place: a failed compaction (a full
        // disk) leaves appends working on the old file.
        let next: { handle: FileHandle; lines: number };
        try {
          next = await compactSessions(sessionsPath, sessions, write);
        } catch (err) {
          failed("sessions", err);
          return;
        }
        await log.handle.close();
        Object.assign(log, next, { cleanEnd: true });
      }
    });
  });

  async function writeSessionLine(line: SessionLine) {
    if (!(await sessionsReady())) return;
    await sessionLines.add(JSON.stringify(line) + "\n");
  }

  function ensureOpen() {
    if (closed) throw new Error("store: embedded store is closed");
  }

  return {
    kind: "embedded",

    async getSession(key) {
      ensureOpen();
      await sessionsReady();
      const json = sessions.get(key);
      return json === undefined ? null : parseSession(json);
    },

    async setSession(key, session, ttlSeconds) {
      ensureOpen();
      await sessionsReady();
      const expiresAt = now() + ttlSeconds * 1000;
      sessions.set(key, JSON.stringify(session), expiresAt);
      // Not fsync'd: a session is rewritten on every message, and the page cache already survives
      // a process crash; losing the last seconds of chat state on a power cut is acceptable.
      await writeSessionLine({ k: key, s: session, e: expiresAt });
    },

    async deleteSession(key) {
      ensureOpen();
      await sessionsReady();
      if (sessions.get(key) === undefined) return;
      sessions.delete(key);
      await writeSessionLine({ k: key, d: 1 });
    },

    withChatLock(key, fn) {
      ensureOpen();
      return chatLocks.run(key, fn);
    },

    async firstSeen(key, ttlSeconds) {
      ensureOpen();
      return limits.firstSeen(key, ttlSeconds);
    },

    async rateLimit(key, limit, windowSeconds) {
      ensureOpen();
      return limits.rateLimit(key, limit, windowSeconds);
    },

    async append(stream, record) {
      ensureOpen();
      assertAppendable(stream, record);
      await recordWriter(stream).add(record);
    },

    async read(stream, range) {
      ensureOpen();
      // Always from the file, never from a cache: other processes append to it as well.
      const text = await readTextIfExists(recordPath(stream));
      return selectRange(parseJsonLines(text).filter(isStoredRecord), range);
    },

    async streamVersion(stream) {
      ensureOpen();
      // Record files are only ever appended to (by this and other processes): the size is the version.
      try {
        return String((await stat(recordPath(stream))).size);
      } catch (err) {
        if ((err as { code?: unknown }).code === "ENOENT") return "0";
        throw err;
      }
    },

    async health() {
      if (closed) return { status: "degraded", detail: "closed" };
      const failing = (["sessions", "records"] as const).filter((w) => failures[w] !== null);
      if (failing.length === 0) return { status: "ok" };
      return { status: "degraded", detail: `cannot write ${failing.map((w) => `${w} (${failures[w]})`).join(", ")} to DATA_DIR` };
    },

    async close() {
      if (closed) return;
      closed = true;
      await sessionLines.drain();
      for (const writer of recordWriters.values()) await writer.drain();
      const log = await sessionLog;
      if (log) await sessionWrites.run("log", () => log.release());
    },
  };
}

interface SessionLog {
  handle: FileHandle;
  lines: number;
  /** False when a write may have left part of a line at the end of the file. */
  cleanEnd: boolean;
  release(): Promise<void>;
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

/** The errno code (ENOSPC, EROFS…) of a file error: enough to act on, and no path in it. */
function errorCode(err: unknown): string {
  const code = (err as { code?: unknown }).code;
  return typeof code === "string" ? code : err instanceof Error ? err.message : String(err);
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
