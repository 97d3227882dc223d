import { appendFile, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { newSession } from "../../src/engine/types.js";
import { createEmbeddedStore } from "../../src/store/embedded.js";
import type { Store } from "../../src/store/port.js";
import { tempDir } from "../helpers/temp.js";

/** What only the file-backed adapter has to get right: crashes, other processes, compaction. */

let dir: string;
const open: Store[] = [];
async function store(now?: () => number) {
  const s = await createEmbeddedStore({ dataDir: dir, ...(now ? { now } : {}) });
  open.push(s);
  return s;
}

beforeEach(() => {
  dir = tempDir("embedded");
});

afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});

describe("embedded store files", () => {
  it("skips a torn last line after a crash and keeps appending after it", async () => {
    const s = await store();
    await s.append("survey", { id: "a", at: 1 });
    await s.append("survey", { id: "b", at: 2 });
    await s.close();
    await appendFile(join(dir, "survey.jsonl"), '{"id":"torn","at":3,"comm'); // crash mid-write

    const after = await store();
    expect((await after.read("survey")).map((r) => r.id)).toEqual(["a", "b"]);
    await after.append("survey", { id: "c", at: 4 });
    await after.append("survey", { id: "a", at: 1 }); // still idempotent
    expect((await after.read("survey")).map((r) => r.id)).toEqual(["a", "b", "c"]);
    const lines = (await readFile(join(dir, "survey.jsonl"), "utf8")).split("\n");
    expect(lines).toContain('{"id":"torn","at":3,"comm');
  });

  it("reads what another process appended, and does not duplicate its ids", async () => {
    const serve = await store();
    const cli = await store();
    await serve.read("helpful"); // nothing yet, and nothing cached either
    await cli.append("helpful", { id: "x", at: 10 });
    expect((await serve.read("helpful")).map((r) => r.id)).toEqual(["x"]);
    await serve.append("helpful", { id: "x", at: 10 });
    await serve.append("helpful", { id: "y", at: 11 });
    expect((await cli.read("helpful")).map((r) => r.id)).toEqual(["x", "y"]);
  });

  it("ignores lines that are not records", async () => {
    await writeFile(join(dir, "unanswered.jsonl"), '{"id":"ok","at":5}\nnot json\n{"at":6}\n[]\n{"id":"ok2","at":7}\n');
    const s = await store();
    expect((await s.read("unanswered")).map((r) => r.id)).toEqual(["ok", "ok2"]);
  });

  it("compacts the session log at start: live sessions only, expired ones dropped", async () => {
    let t = 1_000_000;
    const s = await store(() => t);
    for (let i = 0; i < 5; i++) await s.setSession("web:1", { ...newSession(), answers: i }, 3600);
    await s.setSession("web:short", newSession(), 60);
    await s.setSession("web:deleted", newSession(), 3600);
    await s.deleteSession("web:deleted");
    await s.close();
    expect((await readFile(join(dir, "sessions.jsonl"), "utf8")).trim().split("\n")).toHaveLength(8);

    t += 120_000; // web:short has expired
    const again = await store(() => t);
    expect(await again.getSession("web:1")).toMatchObject({ answers: 4 });
    expect(await again.getSession("web:short")).toBeNull();
    expect(await again.getSession("web:deleted")).toBeNull();
    expect((await readFile(join(dir, "sessions.jsonl"), "utf8")).trim().split("\n")).toHaveLength(1);
  });

  it("leaves the session log to its owner: a reader never compacts it, a second writer keeps to memory", async () => {
    const serve = await store();
    await serve.setSession("tg:1", newSession(), 3600);
    const report = await store();
    await report.read("survey"); // records only: the session log is not even opened
    const chat = await store();
    await chat.setSession("terminal:1", newSession(), 3600);
    expect(await chat.getSession("terminal:1")).not.toBeNull();
    await serve.setSession("tg:2", newSession(), 3600);
    const log = await readFile(join(dir, "sessions.jsonl"), "utf8");
    expect(log).toContain('"tg:1"');
    expect(log).toContain('"tg:2"');
    expect(log).not.toContain("terminal:1");
  });

  it("takes over a lock file left by a previous run, even one bearing its own pid", async () => {
    await writeFile(join(dir, "sessions.jsonl.lock"), String(process.pid));
    const s = await store();
    await s.setSession("web:1", newSession(), 3600);
    await s.close();
    const again = await store();
    expect(await again.getSession("web:1")).not.toBeNull();
  });

  it("treats a session of an unknown version as no session", async () => {
    await writeFile(join(dir, "sessions.jsonl"), `{"k":"old","s":{"v":0},"e":${Date.now() + 60_000}}\n`);
    const s = await store();
    expect(await s.getSession("old")).toBeNull();
  });

  it("refuses calls after close", async () => {
    const s = await store();
    await s.close();
    await expect(s.getSession("x")).rejects.toThrow("store: embedded store is closed");
  });
});
