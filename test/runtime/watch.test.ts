import { mkdirSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { createLiveCore } from "../../src/runtime/live-core.js";
import { isKnowledgeFile, watchCore, type CoreWatcher } from "../../src/runtime/watch.js";
import { createLogger } from "../../src/log.js";
import { formatProblem } from "../../src/source/yaml-source.js";
import { copyOfFixture, FIXTURE_FLOWS } from "../staff/helpers.js";

const NEW_ENTRY = `id: nuoi-chim-yen
kind: procedure
title: Cấp giấy phép nuôi chim yến trong nhà
field: Chăn nuôi
tier: xa
agency: UBND cấp xã
level: mot-phan
source: Thử nghiệm
reviewed: 2026-01-01
`;

async function until(what: string, cond: () => boolean, ms = 8000): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function capture() {
  const lines: Array<{ level: number; msg: string; version?: string; entries?: number }> = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(l));
      done();
    },
  });
  return { lines, logger: createLogger("debug", stream) };
}

let watcher: CoreWatcher | undefined;
afterEach(async () => {
  await watcher?.close();
  watcher = undefined;
});

describe("watchCore", () => {
  it("ignores editor leftovers and temp files", () => {
    expect(["a.yaml", "dir/b.yml", "C.YAML"].map(isKnowledgeFile)).toEqual([true, true, true]);
    expect([".#a.yaml", "a.yaml~", ".a.yaml.swp", "4913", "a.yaml.tmp", "~$a.yaml"].map(isKnowledgeFile)).toEqual([false, false, false, false, false, false]);
  });

  it("reloads a valid edit, keeps the last good version on a broken one, and recovers", async () => {
    const dir = copyOfFixture();
    // Staff keep entries in sub-folders: changes there count as much as at the top.
    mkdirSync(join(dir, "thu-tuc"));
    const { live } = createLiveCore({ knowledgeDir: dir, flowsDir: FIXTURE_FLOWS });
    const { lines, logger } = capture();
    watcher = watchCore(live, { knowledgeDir: dir, flowsDir: FIXTURE_FLOWS, logger, debounceMs: 100 });
    await watcher.ready;
    const first = live.status().live;
    const top = () => live.current().engine.search("giay phep nuoi chim yen").hits[0]?.entry.id;
    expect(top()).not.toBe("nuoi-chim-yen");

    // Saved the way many editors (and the acceptance check) do: temp file, then rename.
    const file = join(dir, "thu-tuc", "zz-chim-yen.yaml");
    writeFileSync(`${file}.tmp`, NEW_ENTRY);
    renameSync(`${file}.tmp`, file);
    await until("the new entry to be live", () => top() === "nuoi-chim-yen");
    const second = live.status();
    expect(second.lastAttemptOk).toBe(true);
    expect(second.live.id).not.toBe(first.id);
    expect(second.live.entries).toBe(first.entries + 1);
    await until("the success log", () => lines.some((l) => l.msg.includes(second.live.id) && l.entries === second.live.entries));

    const broken = join(dir, "thu-tuc", "zz-broken.yaml");
    writeFileSync(broken, "id: zz-broken\nkind: procedure\ntitle: [unclosed\n");
    await until("the rejected reload", () => !live.status().lastAttemptOk);
    const status = live.status();
    expect(status.live.id).toBe(second.live.id);
    expect(top()).toBe("nuoi-chim-yen");
    const shown = status.problems.map(formatProblem);
    expect(shown.some((p) => /zz-broken\.yaml:\d+: /.test(p))).toBe(true);
    await until("the warn log", () => lines.some((l) => l.level === 40 && /zz-broken\.yaml:\d+: /.test(l.msg)));
    expect(lines.some((l) => l.level === 40 && l.msg.includes(`version ${second.live.id} stays live`))).toBe(true);

    // Fixed (here: removed) → the next good version goes live and the problems clear.
    unlinkSync(broken);
    writeFileSync(file, NEW_ENTRY.replace("level: mot-phan", "level: toan-trinh"));
    const hit = () => live.current().engine.search("giay phep nuoi chim yen").hits[0]?.entry;
    await until("the fixed version", () => live.status().lastAttemptOk && hit()?.kind === "procedure" && (hit() as { level?: string }).level === "toan-trinh");
    expect(live.status().problems).toEqual([]);
    expect(live.status().lastAttemptAt).toBeGreaterThan(status.lastAttemptAt);
  });

  it("does not reload for files it ignores, and stops on close", async () => {
    const dir = copyOfFixture();
    const { live } = createLiveCore({ knowledgeDir: dir, flowsDir: FIXTURE_FLOWS });
    const { logger } = capture();
    watcher = watchCore(live, { knowledgeDir: dir, flowsDir: FIXTURE_FLOWS, logger, debounceMs: 50 });
    await watcher.ready;
    const before = live.status().lastAttemptAt;
    writeFileSync(join(dir, "notes.txt"), "x");
    writeFileSync(join(dir, ".dang-ky.yaml.swp"), "x");
    await new Promise((r) => setTimeout(r, 600));
    expect(live.status().lastAttemptAt).toBe(before);
    await watcher.close();
    writeFileSync(join(dir, "zz-after-close.yaml"), NEW_ENTRY);
    await new Promise((r) => setTimeout(r, 600));
    expect(live.status().lastAttemptAt).toBe(before);
  });
});
