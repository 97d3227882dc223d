import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadKnowledge } from "../../src/knowledge/loader.js";
import { tempDir } from "../helpers/temp.js";
import { copyOfFixture } from "../staff/helpers.js";

const faq = (id: string, title: string) => `id: ${id}\nkind: faq\ntitle: ${title}\nbody: Nội dung.\nsource: Thử nghiệm\nreviewed: 2026-11-23\n`;

describe("knowledge load cache", () => {
  it("a clean load is cached and read back the same, with this run's load time", () => {
    const dir = copyOfFixture();
    const cacheDir = tempDir("cache");
    const fresh = loadKnowledge(dir, { cacheDir, now: 1 });
    expect(readdirSync(cacheDir)).toEqual([expect.stringMatching(/^knowledge-[0-9a-f]{12}\.json$/)]);
    const cached = loadKnowledge(dir, { cacheDir, now: 2 });
    expect(cached.problems).toEqual([]);
    expect(cached.knowledge).toEqual({ ...fresh.knowledge, loadedAt: 2 });
  });

  it("any edit is seen at once: the cache key follows every file's size and time", () => {
    const dir = copyOfFixture();
    const cacheDir = tempDir("cache");
    loadKnowledge(dir, { cacheDir });
    writeFileSync(join(dir, "zz-new.yaml"), faq("zz-new", "Câu hỏi mới"));
    expect(loadKnowledge(dir, { cacheDir }).knowledge.byId.get("zz-new")?.title).toBe("Câu hỏi mới");
    writeFileSync(join(dir, "zz-new.yaml"), faq("zz-new", "Câu hỏi đã sửa lại"));
    expect(loadKnowledge(dir, { cacheDir }).knowledge.byId.get("zz-new")?.title).toBe("Câu hỏi đã sửa lại");
  });

  it("a load with problems is never cached, so its problems show every time", () => {
    const dir = copyOfFixture();
    const cacheDir = tempDir("cache");
    writeFileSync(join(dir, "zz-broken.yaml"), "id: [broken\n");
    expect(loadKnowledge(dir, { cacheDir }).problems).not.toEqual([]);
    expect(readdirSync(cacheDir)).toEqual([]);
    expect(loadKnowledge(dir, { cacheDir }).problems).not.toEqual([]);
  });

  it("a cache folder that cannot be written just means no cache", () => {
    const dir = copyOfFixture();
    const blocked = join(tempDir("cache"), "file");
    writeFileSync(blocked, "not a folder");
    const { knowledge, problems } = loadKnowledge(dir, { cacheDir: join(blocked, "sub") });
    expect(problems).toEqual([]);
    expect(knowledge.entries.length).toBeGreaterThan(0);
  });
});
