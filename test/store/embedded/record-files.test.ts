import { appendFile, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { RecordFiles } from "../../../src/store/embedded/record-files.js";
import { WriteFailures } from "../../../src/store/embedded/write-failures.js";
import { writeText, type WriteText } from "../../../src/store/jsonl.js";
import { tempDir } from "../../helpers/temp.js";

/** What only the file-backed record log has to get right: crashes, other processes, a full disk. */

let dir: string;
beforeEach(() => {
  dir = tempDir("records");
});

function records(write: WriteText = writeText, failures = new WriteFailures(dir)) {
  return new RecordFiles({ dir, write, failures });
}

describe("record files", () => {
  it("skips a torn last line after a crash and keeps appending after it", async () => {
    const s = records();
    await s.append("survey", { id: "a", at: 1 });
    await s.append("survey", { id: "b", at: 2 });
    await s.drain();
    await appendFile(join(dir, "survey.jsonl"), '{"id":"torn","at":3,"comm'); // crash mid-write

    const after = records();
    expect((await after.read("survey")).map((r) => r.id)).toEqual(["a", "b"]);
    await after.append("survey", { id: "c", at: 4 });
    await after.append("survey", { id: "a", at: 1 }); // still idempotent
    expect((await after.read("survey")).map((r) => r.id)).toEqual(["a", "b", "c"]);
    const lines = (await readFile(join(dir, "survey.jsonl"), "utf8")).split("\n");
    expect(lines).toContain('{"id":"torn","at":3,"comm');
  });

  it("reads what another process appended, and does not duplicate its ids", async () => {
    const serve = records();
    const cli = records();
    await serve.read("helpful"); // nothing yet, and nothing cached either
    await cli.append("helpful", { id: "x", at: 10 });
    expect((await serve.read("helpful")).map((r) => r.id)).toEqual(["x"]);
    await serve.append("helpful", { id: "x", at: 10 });
    await serve.append("helpful", { id: "y", at: 11 });
    expect((await cli.read("helpful")).map((r) => r.id)).toEqual(["x", "y"]);
  });

  it("ignores lines that are not records", async () => {
    await writeFile(join(dir, "unanswered.jsonl"), '{"id":"ok","at":5}\nnot json\n{"at":6}\n[]\n{"id":"ok2","at":7}\n');
    expect((await records().read("unanswered")).map((r) => r.id)).toEqual(["ok", "ok2"]);
  });

  it("on a full disk: the append fails and is reported; once there is room the retry is stored once", async () => {
    let full = true;
    const write: WriteText = async (handle, text, path) => {
      if (!full) return writeText(handle, text, path);
      await handle.write(text.slice(0, 7)); // part of the line lands, like a disk filling up
      throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    };
    const failures = new WriteFailures(dir);
    const s = records(write, failures);
    await expect(s.append("survey", { id: "s1", at: 1 })).rejects.toThrow("ENOSPC");
    expect(failures.health()).toEqual({ status: "degraded", detail: "cannot write records (ENOSPC) to DATA_DIR" });

    full = false;
    await s.append("survey", { id: "s1", at: 1 });
    await s.append("survey", { id: "s1", at: 1 });
    expect(failures.health()).toEqual({ status: "ok" });
    expect((await s.read("survey")).map((r) => r.id)).toEqual(["s1"]);
  });

  it("versions a stream by its size: unchanged by a repeated id", async () => {
    const s = records();
    expect(await s.streamVersion("survey")).toBe("0");
    await s.append("survey", { id: "a", at: 1 });
    const v = await s.streamVersion("survey");
    await s.append("survey", { id: "a", at: 1 });
    expect(await s.streamVersion("survey")).toBe(v);
  });
});
