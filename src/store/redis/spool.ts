import { randomBytes } from "node:crypto";
import { mkdir, readdir, rename, unlink } from "node:fs/promises";
import { join } from "node:path";
import type { RecordStream } from "../../engine/types.js";
import { appendDurably, DIR_MODE, isNotFound, isRecordStream, isStoredRecord, parseJsonLines, readTail, readTextIfExists, restrictMode } from "../jsonl.js";
import { createKeyedMutex } from "../memory.js";
import type { StoredRecord } from "../port.js";

export interface SpooledRecord {
  stream: RecordStream;
  record: StoredRecord;
}

/**
 * Records appended while Redis is unreachable, in a durable JSON-lines file
 * (`<dir>/spool-<prefix>.jsonl`) until they are replayed into Redis. A record is spooled once per
 * id however often its append is retried; a replay moves the file aside first, so appends that
 * arrive meanwhile start a fresh one, and a replay that dies half-way is finished by the next run.
 */
export class OutageSpool {
  private readonly base: string;
  private readonly path: string;
  private readonly mutex = createKeyedMutex();
  /** `stream\0id` of every spooled record, so a retried append is spooled once. */
  private readonly ids = new Set<string>();
  private cleanEnd = true;

  private constructor(
    private readonly dir: string,
    prefix: string,
  ) {
    this.base = `spool-${prefix.replace(/[^A-Za-z0-9_-]+/g, "_")}`;
    this.path = join(dir, `${this.base}.jsonl`);
  }

  /** The spool of the stores with key prefix `prefix` in `dir` (created if missing), with what a previous run left. */
  static async open(dir: string, prefix: string): Promise<OutageSpool> {
    const spool = new OutageSpool(dir, prefix);
    await mkdir(dir, { recursive: true, mode: DIR_MODE });
    await restrictMode(spool.path);
    for (const { stream, record } of await spool.readAll()) spool.ids.add(idOf(stream, record));
    const tail = await readTail(spool.path, 0);
    spool.cleanEnd = tail.length === 0 || tail[tail.length - 1] === 0x0a;
    return spool;
  }

  /** Records waiting to be replayed. */
  get size(): number {
    return this.ids.size;
  }

  /**
   * Spools a record, unless `direct` (run first, under the spool's lock) stores it elsewhere and
   * says so: Redis may have come back while this append waited behind a replay.
   */
  add(entry: SpooledRecord, direct?: () => Promise<boolean>): Promise<void> {
    return this.mutex.run("spool", async () => {
      if (direct && (await direct())) return;
      const id = idOf(entry.stream, entry.record);
      if (this.ids.has(id)) return;
      const line = (this.cleanEnd ? "" : "\n") + JSON.stringify(entry) + "\n";
      await appendDurably(this.path, line);
      this.cleanEnd = true;
      this.ids.add(id);
    });
  }

  /**
   * Moves the spool aside, hands every record to `write` (which must be idempotent by id), then
   * deletes the file; the number of records written. A failing `write` leaves the rest spooled.
   */
  replay(write: (entry: SpooledRecord) => Promise<void>): Promise<number> {
    return this.mutex.run("spool", async () => {
      const pending = await readTail(this.path, 0);
      if (pending.length > 0) {
        // A unique name: appends that come after this point start a fresh spool file.
        await rename(this.path, join(this.dir, `${this.base}.${Date.now()}-${randomBytes(4).toString("hex")}.replaying`));
        this.cleanEnd = true;
      }
      let replayed = 0;
      for (const file of await this.files()) {
        if (file === this.path) continue;
        for (const entry of parseSpool(await readTextIfExists(file))) {
          await write(entry);
          this.ids.delete(idOf(entry.stream, entry.record));
          replayed += 1;
        }
        await unlink(file).catch((err: unknown) => {
          if (!isNotFound(err)) throw err;
        });
      }
      return replayed;
    });
  }

  /**
   * The spooled records of `stream`: part of the truth until replayed. Read under the spool's
   * lock so a replay moving files around cannot hide them.
   */
  async read(stream: RecordStream): Promise<StoredRecord[]> {
    if (this.ids.size === 0) return [];
    const all = await this.mutex.run("spool", () => this.readAll());
    return all.filter((s) => s.stream === stream).map((s) => s.record);
  }

  /** Resolves once the spool operation in flight (if any) is done. */
  async idle(): Promise<void> {
    await this.mutex.run("spool", async () => undefined);
  }

  private async readAll(): Promise<SpooledRecord[]> {
    const out: SpooledRecord[] = [];
    for (const file of await this.files()) out.push(...parseSpool(await readTextIfExists(file)));
    return out;
  }

  private async files(): Promise<string[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (err) {
      if (isNotFound(err)) return [];
      throw err;
    }
    // Files renamed for replay by a previous run that died mid-replay are replayed too.
    const replaying = names.filter((n) => n.startsWith(`${this.base}.`) && n.endsWith(".replaying")).sort();
    return [...replaying.map((n) => join(this.dir, n)), this.path];
  }
}

const idOf = (stream: RecordStream, record: StoredRecord) => `${stream}\0${record.id}`;

function parseSpool(text: string): SpooledRecord[] {
  const out: SpooledRecord[] = [];
  for (const value of parseJsonLines(text)) {
    if (typeof value !== "object" || value === null) continue;
    const { stream, record } = value as { stream?: unknown; record?: unknown };
    if (isRecordStream(stream) && isStoredRecord(record)) out.push({ stream, record });
  }
  return out;
}
