import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createEmbeddedStore } from "../../src/store/embedded.js";
import type { Store } from "../../src/store/port.js";
import { tempDir } from "../helpers/temp.js";

/**
 * The embedded store as a whole: its parts are tested in embedded/ (record files, session log,
 * write failures) and against the contract in contract.test.ts.
 */

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

describe("embedded store", () => {
  it("opens the session log only when sessions are used: a records-only user (report) leaves it as it is", async () => {
    const log = `{"k":"web:old","s":{"v":1},"e":1}\n{"k":"web:1","s":{"v":1},"e":${Date.now() + 3_600_000}}\n`;
    await writeFile(join(dir, "sessions.jsonl"), log);
    const report = await store();
    await report.append("survey", { id: "s", at: 1 });
    expect((await report.read("survey")).map((r) => r.id)).toEqual(["s"]);
    await report.close();
    // Opening the log would have compacted it (the expired line gone) and taken its lock.
    expect(await readFile(join(dir, "sessions.jsonl"), "utf8")).toBe(log);
    expect(await readdir(dir)).not.toContain("sessions.jsonl.lock");

    const serve = await store();
    expect(await serve.getSession("web:1")).toEqual({ v: 1 });
    expect((await readFile(join(dir, "sessions.jsonl"), "utf8")).trim().split("\n")).toHaveLength(1);
  });

  it("refuses calls after close", async () => {
    const s = await store();
    await s.close();
    await expect(s.getSession("x")).rejects.toThrow("store: embedded store is closed");
    await expect(s.append("survey", { id: "a", at: 1 })).rejects.toThrow("store: embedded store is closed");
    await expect(s.withChatLock("x", async () => 1)).rejects.toThrow("store: embedded store is closed");
    expect(await s.health()).toEqual({ status: "degraded", detail: "closed" });
  });
});
