import { chmod, open, readFile, type FileHandle } from "node:fs/promises";
import type { RecordStream } from "../engine/types.js";
import type { StoredRecord } from "./port.js";

/**
 * JSON-lines helpers for the append-only files of the embedded store and the Redis outage spool.
 * Every line is written with one write() on an O_APPEND descriptor, so concurrent writers (serve
 * and a CLI) never interleave inside a line; a crash can only tear the last line, which readers skip.
 */

/** Files of the stores hold conversations and survey answers: readable by the bot's user only. */
export const FILE_MODE = 0o600;
/** Folders the stores create (DATA_DIR, the spool): the same. */
export const DIR_MODE = 0o700;

/**
 * How text reaches a store file: the one write point of the file-backed stores. Injectable so a
 * test can fill the disk (a write that stores part of its text and fails with ENOSPC).
 */
export type WriteText = (handle: FileHandle, text: string, path: string) => Promise<void>;

export const writeText: WriteText = async (handle, text) => {
  await handle.write(text);
};

/** Files written by older versions were created world-readable: narrowed once, where we can. */
export async function restrictMode(path: string): Promise<void> {
  await chmod(path, FILE_MODE).catch(() => undefined);
}

export const RECORD_STREAMS: readonly RecordStream[] = ["survey", "helpful", "unanswered"];

export function isRecordStream(value: unknown): value is RecordStream {
  return typeof value === "string" && (RECORD_STREAMS as readonly string[]).includes(value);
}

export function isStoredRecord(value: unknown): value is StoredRecord {
  if (typeof value !== "object" || value === null) return false;
  const r = value as { id?: unknown; at?: unknown };
  return typeof r.id === "string" && r.id.length > 0 && typeof r.at === "number" && Number.isFinite(r.at);
}

/** Rejects records that could never be read back, before anything is written. */
export function assertAppendable(stream: RecordStream, record: StoredRecord): void {
  if (!isRecordStream(stream)) throw new Error(`store: unknown record stream "${String(stream)}"`);
  if (typeof record.id !== "string" || record.id.length === 0) {
    throw new Error(`store: ${stream} record needs a non-empty string id`);
  }
  if (typeof record.at !== "number" || !Number.isFinite(record.at)) {
    throw new Error(`store: ${stream} record "${record.id}" needs a numeric "at" (ms since epoch)`);
  }
}

/**
 * Parses complete lines; a line that is not valid JSON (a torn tail after a crash, or a tail
 * another process is still writing) is skipped, never fatal.
 */
export function parseJsonLines(text: string): unknown[] {
  const out: unknown[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    try {
      out.push(JSON.parse(line));
    } catch {
      // torn or foreign line: skip it, keep the rest
    }
  }
  return out;
}

/** Whole file as text; a missing file reads as empty. */
export async function readTextIfExists(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (err) {
    if (isNotFound(err)) return "";
    throw err;
  }
}

/** Bytes from `from` to the end; a missing file reads as empty. */
export async function readTail(path: string, from: number): Promise<Buffer> {
  let handle;
  try {
    handle = await open(path, "r");
  } catch (err) {
    if (isNotFound(err)) return Buffer.alloc(0);
    throw err;
  }
  try {
    const { size } = await handle.stat();
    if (size <= from) return Buffer.alloc(0);
    const buf = Buffer.alloc(size - from);
    let done = 0;
    while (done < buf.length) {
      const { bytesRead } = await handle.read(buf, done, buf.length - done, from + done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return buf.subarray(0, done);
  } finally {
    await handle.close();
  }
}

/**
 * Appends `text` in one write and waits for it to reach the disk (fdatasync): a record that
 * `append` acknowledged survives a power cut, not only a process crash.
 */
export async function appendDurably(path: string, text: string, sync = true, write: WriteText = writeText): Promise<void> {
  const handle = await open(path, "a", FILE_MODE);
  try {
    await write(handle, text, path);
    if (sync) await handle.datasync();
  } finally {
    await handle.close();
  }
}

export function isNotFound(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: unknown }).code === "ENOENT";
}

/** Time filter [since, until) and stable time order, shared by both adapters. */
export function selectRange(records: Iterable<StoredRecord>, range?: { since?: number; until?: number }): StoredRecord[] {
  const since = range?.since ?? -Infinity;
  const until = range?.until ?? Infinity;
  const out: StoredRecord[] = [];
  const ids = new Set<string>();
  for (const r of records) {
    if (r.at < since || r.at >= until || ids.has(r.id)) continue;
    ids.add(r.id);
    out.push(r);
  }
  return out.sort((a, b) => a.at - b.at);
}
