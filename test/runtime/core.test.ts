import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadKnowledge } from "../../src/knowledge/loader.js";
import { buildCore, loadSources } from "../../src/runtime/core.js";
import { formatProblem } from "../../src/source/yaml-source.js";
import { copyOfFixture, FIXTURE_FLOWS, FIXTURE_KNOWLEDGE } from "../staff/helpers.js";

const faq = (id: string, extra = "") => `id: ${id}\nkind: faq\ntitle: Câu hỏi ${id}\nbody: Nội dung.\nsource: Thử nghiệm\nreviewed: 2026-11-23\n${extra}`;

describe("core", () => {
  it("builds an engine over the fixture and names the version it serves", () => {
    const { core, problems } = buildCore({ knowledgeDir: FIXTURE_KNOWLEDGE, flowsDir: FIXTURE_FLOWS, now: 1000 });
    expect(problems).toEqual([]);
    const files = readdirSync(FIXTURE_KNOWLEDGE).filter((f) => f.endsWith(".yaml")).length;
    const entries = loadKnowledge(FIXTURE_KNOWLEDGE).knowledge.entries.length;
    expect(core!.version).toEqual({ loadedAt: 1000, entries, flows: 1, files, id: expect.stringMatching(/^[0-9a-f]{8}$/) });
    expect(core!.engine.search("làm hộ chiếu").hits[0]?.entry.id).toBe("cap-ho-chieu-pho-thong");
  });

  it("keeps the version id while the content is the same, and changes it on any edit", () => {
    const dir = copyOfFixture();
    const id = () => buildCore({ knowledgeDir: dir, flowsDir: FIXTURE_FLOWS }).core!.version.id;
    const first = id();
    expect(id()).toBe(first);
    writeFileSync(join(dir, "zz-new.yaml"), faq("zz-new"));
    expect(id()).not.toBe(first);
  });

  it("strict: any problem means no core; otherwise the valid entries are served and the problems reported", () => {
    const dir = copyOfFixture();
    writeFileSync(join(dir, "zz-bad.yaml"), faq("zz-bad", "related: [khong-co]\n"));
    const strict = buildCore({ knowledgeDir: dir, flowsDir: FIXTURE_FLOWS }, true);
    expect(strict.core).toBeUndefined();
    expect(strict.problems.map(formatProblem)).toEqual([expect.stringMatching(/zz-bad\.yaml:7: related: không có mục nào có id "khong-co"/)]);
    const lenient = buildCore({ knowledgeDir: dir, flowsDir: FIXTURE_FLOWS });
    expect(lenient.core!.engine.knowledge.byId.has("zz-bad")).toBe(true);
    expect(lenient.problems).toEqual(strict.problems);
  });

  it("checks knowledge and flows against each other, and ids against Telegram's button limit", () => {
    const dir = copyOfFixture();
    writeFileSync(join(dir, "zz-flow.yaml"), faq("zz-flow", "flow: khong-co\n"));
    writeFileSync(join(dir, "zz-long.yaml"), faq("b".repeat(61)));
    const { problems, flowIds } = loadSources({ knowledgeDir: dir, flowsDir: FIXTURE_FLOWS });
    expect([...flowIds]).toEqual(["survey"]);
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(/zz-flow\.yaml:7: flow: không có luồng hội thoại nào có id "khong-co"/),
      expect.stringMatching(new RegExp(`zz-long\\.yaml:1: knowledge: id "${"b".repeat(61)}" is too long for Telegram buttons \\(65 bytes of callback data, at most 64\\); shorten it to 60 characters or fewer`)),
    ]);
  });
});
