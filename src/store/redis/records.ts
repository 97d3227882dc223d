import type { RecordStream } from "../../engine/types.js";
import { assertAppendable, isStoredRecord, selectRange } from "../jsonl.js";
import type { RecordLog, StoredRecord } from "../port.js";
import type { RedisContext } from "./context.js";
import type { OutageSpool, SpooledRecord } from "./spool.js";

// Exactly-once append: the id hash decides, the time index follows only for a new id.
const APPEND_SCRIPT = `
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[3]) == 1 then
  redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
  return 1
end
return 0`;

const HMGET_CHUNK = 500;

/**
 * Record streams in Redis: a hash id → record (`<prefix>records:<stream>:data`) and a sorted set of
 * ids by time (`…:at`). While Redis is down, appends go to the outage spool, and reads return what
 * the spool holds; spooled records count as part of the stream until replayed.
 */
export class RedisRecords implements RecordLog {
  private versionsWhileDown = 0;

  constructor(
    private readonly ctx: RedisContext,
    private readonly spool: OutageSpool,
  ) {}

  async append(stream: RecordStream, record: StoredRecord): Promise<void> {
    assertAppendable(stream, record);
    await this.ctx.availability.call(
      "append",
      () => this.write({ stream, record }),
      () => this.spool.add({ stream, record }, () => this.writeIfUp({ stream, record })),
    );
  }

  async read(stream: RecordStream, range?: { since?: number; until?: number }): Promise<StoredRecord[]> {
    const fromRedis = await this.ctx.availability.call("read", () => this.readRedis(stream, range), () => [] as StoredRecord[], true);
    // Spooled records are part of the truth until replayed (and read fine while Redis is down).
    return selectRange([...fromRedis, ...(await this.spool.read(stream))], range);
  }

  async streamVersion(stream: RecordStream): Promise<string> {
    // Appends only add ids to the index, so its length moves with every new record. While Redis
    // is away nothing is known about it: a fresh value each time, so nothing is reused.
    const length = await this.ctx.availability.call(
      "version",
      () => this.ctx.client.zCard(this.indexKey(stream)).then(String),
      () => `down-${++this.versionsWhileDown}`,
    );
    return `${length}+${this.spool.size}`;
  }

  /** Writes one record to Redis within the deadline; a record already there is left as it is. */
  async write({ stream, record }: SpooledRecord): Promise<void> {
    await this.ctx.timed(
      "append",
      this.ctx.client.eval(APPEND_SCRIPT, {
        keys: [this.dataKey(stream), this.indexKey(stream)],
        arguments: [record.id, String(record.at), JSON.stringify(record)],
      }),
    );
  }

  /** Redis may have come back while an append queued behind a replay: then it goes there directly. */
  private async writeIfUp(entry: SpooledRecord): Promise<boolean> {
    if (!this.ctx.availability.up) return false;
    try {
      await this.write(entry);
      return true;
    } catch (err) {
      this.ctx.availability.absorb("append", err);
      return false;
    }
  }

  private async readRedis(stream: RecordStream, range?: { since?: number; until?: number }): Promise<StoredRecord[]> {
    const { client, timed } = this.ctx;
    // A deadline per command, not for the whole read: a large history may take longer.
    const ids = await timed(
      "read",
      client.zRange(
        this.indexKey(stream),
        range?.since === undefined ? "-inf" : String(range.since),
        range?.until === undefined ? "+inf" : `(${range.until}`,
        { BY: "SCORE" },
      ),
    );
    const out: StoredRecord[] = [];
    for (let i = 0; i < ids.length; i += HMGET_CHUNK) {
      const values = await timed("read", client.hmGet(this.dataKey(stream), ids.slice(i, i + HMGET_CHUNK)));
      for (const json of values) {
        const value = json === null ? null : safeParse(json);
        if (isStoredRecord(value)) out.push(value);
      }
    }
    return out;
  }

  private dataKey(stream: RecordStream): string {
    return `${this.ctx.prefix}records:${stream}:data`;
  }

  private indexKey(stream: RecordStream): string {
    return `${this.ctx.prefix}records:${stream}:at`;
  }
}

function safeParse(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return null;
  }
}
