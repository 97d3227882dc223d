import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { newSession } from "../../../src/engine/types.js";
import { LoggedSessions } from "../../../src/store/embedded/session-log.js";
import { WriteFailures } from "../../../src/store/embedded/write-failures.js";
import { writeText, type WriteText } from "../../../src/store/jsonl.js";
import { tempDir } from "../../helpers/temp.js";

/** The sessions log: compaction, one owner process, restarts. */

let dir: string;
const open: LoggedSessions[] = [];
beforeEach(() => {
  dir = tempDir("sessions");
});
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});

function sessions(now: () => number = Date.now, write: WriteText = writeText, failures = new WriteFailures(dir)) {
  const s = new LoggedSessions({ dir, now, write, failures });
  open.push(s);
  return s;
}
const logLines = async () => (await readFile(join(dir, "sessions.jsonl"), "utf8")).trim().split("\n");

describe("session log", () => {
  it("compacts the session log at start: live sessions only, expired ones dropped", async () => {
    let t = 1_000_000;
    const s = sessions(() => t);
    for (let i = 0; i < 5; i++) await s.setSession("web:1", { ...newSession(), answers: i }, 3600);
    await s.setSession("web:short", newSession(), 60);
    await s.setSession("web:deleted", newSession(), 3600);
    await s.deleteSession("web:deleted");
    await s.close();
    expect(await logLines()).toHaveLength(8);

    t += 120_000; // web:short has expired
    const again = sessions(() => t);
    expect(await again.getSession("web:1")).toMatchObject({ answers: 4 });
    expect(await again.getSession("web:short")).toBeNull();
    expect(await again.getSession("web:deleted")).toBeNull();
    expect(await logLines()).toHaveLength(1);
  });

  it("a second writer on the same folder keeps its sessions in memory", async () => {
    const serve = sessions();
    await serve.setSession("tg:1", newSession(), 3600);
    const chat = sessions();
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
    const s = sessions();
    await s.setSession("web:1", newSession(), 3600);
    await s.close();
    expect(await sessions().getSession("web:1")).not.toBeNull();
  });

  it("treats a session of an unknown version as no session", async () => {
    await writeFile(join(dir, "sessions.jsonl"), `{"k":"old","s":{"v":0},"e":${Date.now() + 60_000}}\n`);
    expect(await sessions().getSession("old")).toBeNull();
  });

  it("after a failed write, the next one rewrites the log from memory: a restart loses nothing", async () => {
    let full = false;
    const write: WriteText = async (handle, text, path) => {
      if (!full) return writeText(handle, text, path);
      await handle.write(text.slice(0, 5));
      throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    };
    const failures = new WriteFailures(dir);
    const s = sessions(Date.now, write, failures);
    await s.setSession("zalo:1", { ...newSession(), answers: 1 }, 3600);
    full = true;
    await expect(s.setSession("zalo:2", { ...newSession(), answers: 2 }, 3600)).rejects.toThrow("ENOSPC");
    expect(await s.getSession("zalo:2")).toMatchObject({ answers: 2 }); // the chat goes on in memory
    expect(failures.health().status).toBe("degraded");
    full = false;
    await s.setSession("zalo:3", { ...newSession(), answers: 3 }, 3600);
    expect(failures.health().status).toBe("ok");
    await s.close();

    const again = sessions();
    for (const n of [1, 2, 3]) expect(await again.getSession(`zalo:${n}`)).toMatchObject({ answers: n });
  });
});
