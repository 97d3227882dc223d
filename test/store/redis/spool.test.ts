import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { OutageSpool, type SpooledRecord } from "../../../src/store/redis/spool.js";
import { tempDir } from "../../helpers/temp.js";

/** The outage spool on real files; Redis is stood in for by the `write` each replay is given. */

let dir: string;
beforeEach(() => {
  dir = tempDir("spool");
});

const entry = (stream: SpooledRecord["stream"], id: string, at = 1): SpooledRecord => ({ stream, record: { id, at } });
const ids = (entries: SpooledRecord[]) => entries.map((e) => `${e.stream}/${e.record.id}`);

describe("outage spool", () => {
  it("spools a record once however often its append is retried, and reads it back by stream", async () => {
    const spool = await OutageSpool.open(dir, "dvc:");
    await spool.add(entry("survey", "s1", 2));
    await spool.add(entry("survey", "s1", 2)); // a retry
    await spool.add(entry("helpful", "h1"));
    await spool.add(entry("survey", "h1")); // same id, other stream: another record
    expect(spool.size).toBe(3);
    expect((await spool.read("survey")).map((r) => r.id)).toEqual(["s1", "h1"]);
    expect((await spool.read("helpful")).map((r) => r.id)).toEqual(["h1"]);
    expect(await spool.read("unanswered")).toEqual([]);
    expect(await readdir(dir)).toEqual(["spool-dvc_.jsonl"]);
  });

  it("leaves the record out when `direct` stored it elsewhere", async () => {
    const spool = await OutageSpool.open(dir, "dvc:");
    const direct: string[] = [];
    await spool.add(entry("survey", "s1"), async () => (direct.push("s1"), true));
    await spool.add(entry("survey", "s2"), async () => false);
    expect(direct).toEqual(["s1"]);
    expect((await spool.read("survey")).map((r) => r.id)).toEqual(["s2"]);
  });

  it("replays every record to `write`, then is empty: its files are gone and later appends start afresh", async () => {
    const spool = await OutageSpool.open(dir, "dvc:");
    for (const id of ["a", "b", "c"]) await spool.add(entry("unanswered", id));
    const written: SpooledRecord[] = [];
    expect(await spool.replay(async (e) => void written.push(e))).toBe(3);
    expect(ids(written)).toEqual(["unanswered/a", "unanswered/b", "unanswered/c"]);
    expect(spool.size).toBe(0);
    expect(await readdir(dir)).toEqual([]);
    expect(await spool.replay(async (e) => void written.push(e))).toBe(0);

    await spool.add(entry("unanswered", "a")); // replayed already, so a new outage may spool it again
    expect(spool.size).toBe(1);
  });

  it("keeps what a failed replay did not write, and the next replay writes it (idempotent writes may repeat)", async () => {
    const spool = await OutageSpool.open(dir, "dvc:");
    for (const id of ["a", "b", "c"]) await spool.add(entry("survey", id));
    const written: string[] = [];
    await expect(
      spool.replay(async (e) => {
        if (e.record.id === "b") throw new Error("connection lost");
        written.push(e.record.id);
      }),
    ).rejects.toThrow("connection lost");
    expect(written).toEqual(["a"]);
    expect(spool.size).toBe(2);
    // Appended while the half-replayed file waits: kept apart from it, and read with it.
    await spool.add(entry("survey", "d"));
    expect((await spool.read("survey")).map((r) => r.id)).toEqual(["a", "b", "c", "d"]);

    expect(await spool.replay(async (e) => void written.push(e.record.id))).toBe(4);
    expect(written).toEqual(["a", "a", "b", "c", "d"]);
    expect(spool.size).toBe(0);
    expect(await readdir(dir)).toEqual([]);
  });

  it("picks up what a previous run left: a file it died replaying, and a torn last line", async () => {
    await writeFile(join(dir, "spool-dvc_.123-abcd.replaying"), `${JSON.stringify(entry("survey", "old"))}\n`);
    await writeFile(join(dir, "spool-dvc_.jsonl"), `${JSON.stringify(entry("helpful", "h1"))}\n{"stream":"helpful","rec`);
    const spool = await OutageSpool.open(dir, "dvc:");
    expect(spool.size).toBe(2);

    await spool.add(entry("helpful", "h2"));
    // The new line does not stick to the torn fragment.
    expect((await readFile(join(dir, "spool-dvc_.jsonl"), "utf8")).split("\n")).toContain(JSON.stringify(entry("helpful", "h2")));
    const written: SpooledRecord[] = [];
    expect(await spool.replay(async (e) => void written.push(e))).toBe(3);
    expect(ids(written)).toEqual(["survey/old", "helpful/h1", "helpful/h2"]);
    expect(await readdir(dir)).toEqual([]);
  });

  it("keeps the spools of two key prefixes in one folder apart", async () => {
    const a = await OutageSpool.open(dir, "dvc:");
    const b = await OutageSpool.open(dir, "staging:");
    await a.add(entry("survey", "from-a"));
    await b.add(entry("survey", "from-b"));
    expect((await a.read("survey")).map((r) => r.id)).toEqual(["from-a"]);
    const written: SpooledRecord[] = [];
    await b.replay(async (e) => void written.push(e));
    expect(ids(written)).toEqual(["survey/from-b"]);
    expect(a.size).toBe(1);
    expect((await OutageSpool.open(dir, "dvc:")).size).toBe(1);
  });

  it("creates its folder readable by its owner only", async () => {
    const nested = join(dir, "data", "spool");
    const spool = await OutageSpool.open(nested, "dvc:");
    await spool.add(entry("survey", "s"));
    expect((await stat(nested)).mode & 0o777).toBe(0o700);
    expect((await stat(join(nested, "spool-dvc_.jsonl"))).mode & 0o777).toBe(0o600);
  });
});
