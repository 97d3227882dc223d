import { stat } from "node:fs/promises";
import { join } from "node:path";
import type { RecordStream } from "../../engine/types.js";
import { createGroupCommit, type GroupCommit } from "../group-commit.js";
import { appendDurably, assertAppendable, isStoredRecord, parseJsonLines, readTail, readTextIfExists, restrictMode, selectRange, type WriteText } from "../jsonl.js";
import { createKeyedMutex } from "../memory.js";
import type { RecordLog, StoredRecord } from "../port.js";
import type { WriteFailures } from "./write-failures.js";

export interface RecordFilesOptions {
  /** Folder of one `<stream>.jsonl` per record stream. */
  dir: string;
  write: WriteText;
  failures: WriteFailures;
}

/** Per stream: ids already in the file and how far (in bytes, at a line boundary) we have looked. */
interface StreamState {
  ids: Set<string>;
  scanned: number;
  /** False when the file ends in a torn line (a crash mid-write). */
  cleanEnd: boolean;
}

/**
 * The record log as append-only JSON-lines files, fsync'd per append. Other processes (the CLI)
 * may append to and read the same files, so appends first catch up on bytes they have not seen
 * and reads always go to the file.
 */
export class RecordFiles implements RecordLog {
  private readonly streams = new Map<RecordStream, StreamState>();
  private readonly locks = createKeyedMutex();
  // Per stream, records arriving together share one write and one fsync (still durable before
  // each append resolves).
  private readonly writers = new Map<RecordStream, GroupCommit<StoredRecord>>();

  constructor(private readonly options: RecordFilesOptions) {}

  async append(stream: RecordStream, record: StoredRecord): Promise<void> {
    assertAppendable(stream, record);
    await this.writer(stream).add(record);
  }

  async read(stream: RecordStream, range?: { since?: number; until?: number }): Promise<StoredRecord[]> {
    // Always from the file, never from a cache: other processes append to it as well.
    const text = await readTextIfExists(this.path(stream));
    return selectRange(parseJsonLines(text).filter(isStoredRecord), range);
  }

  async streamVersion(stream: RecordStream): Promise<string> {
    // Record files are only ever appended to (by this and other processes): the size is the version.
    try {
      return String((await stat(this.path(stream))).size);
    } catch (err) {
      if ((err as { code?: unknown }).code === "ENOENT") return "0";
      throw err;
    }
  }

  /** Resolves when every append so far has been written. */
  async drain(): Promise<void> {
    for (const writer of this.writers.values()) await writer.drain();
  }

  private path(stream: RecordStream): string {
    return join(this.options.dir, `${stream}.jsonl`);
  }

  private writer(stream: RecordStream): GroupCommit<StoredRecord> {
    let writer = this.writers.get(stream);
    if (!writer) {
      writer = createGroupCommit<StoredRecord>((records) => this.locks.run(stream, () => this.writeBatch(stream, records)));
      this.writers.set(stream, writer);
    }
    return writer;
  }

  private async writeBatch(stream: RecordStream, records: StoredRecord[]): Promise<void> {
    const state = await this.catchUp(stream);
    const fresh: StoredRecord[] = [];
    for (const r of records) {
      if (state.ids.has(r.id) || fresh.some((f) => f.id === r.id)) continue;
      fresh.push(r);
    }
    if (fresh.length === 0) return;
    const text = (state.cleanEnd ? "" : "\n") + fresh.map((r) => JSON.stringify(r) + "\n").join("");
    try {
      await appendDurably(this.path(stream), text, true, this.options.write);
    } catch (err) {
      // Part of the text may have reached the file: the next catch-up sees the torn tail.
      this.options.failures.failed("records", err);
      throw err;
    }
    this.options.failures.succeeded("records");
    for (const r of fresh) state.ids.add(r.id);
  }

  private async catchUp(stream: RecordStream): Promise<StreamState> {
    let state = this.streams.get(stream);
    if (!state) {
      state = { ids: new Set(), scanned: 0, cleanEnd: true };
      this.streams.set(stream, state);
      await restrictMode(this.path(stream));
    }
    const tail = await readTail(this.path(stream), state.scanned);
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
}
