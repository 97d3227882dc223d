import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { newSession } from "../../src/engine/types.js";
import { createEmbeddedStore } from "../../src/store/embedded.js";
import type { Store } from "../../src/store/port.js";

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

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "dvc-embedded-"));
});

afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
  await rm(dir, { recursive: true, force: true });
});

describe("embedded store", () => {
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

  it("refuses calls after close", async () => {
    const s = await store();
    await s.close();
    await expect(s.getSession("x")).rejects.toThrow("store: embedded store is closed");
    await expect(s.append("survey", { id: "a", at: 1 })).rejects.toThrow("store: embedded store is closed");
    await expect(s.withChatLock("x", async () => 1)).rejects.toThrow("store: embedded store is closed");
    expect(await s.health()).toEqual({ status: "degraded", detail: "closed" });
  });
});
