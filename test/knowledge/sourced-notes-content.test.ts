import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { blocksToText } from "../../src/engine/blocks-to-text.js";
import { entryCard } from "../../src/engine/card.js";
import { textOf } from "../../src/knowledge/dated.js";
import type { DatedText, Entry } from "../../src/knowledge/schema.js";
import type { SearchResult } from "../../src/knowledge/search/types.js";
import { loadKnowledge } from "../../src/knowledge/loader.js";
import { buildCore } from "../../src/runtime/core.js";

/**
 * Content test: a fact citizens of several question sets keep asking was added to its entry as a
 * note that names its legal basis, and the card the question gets shows it. Shape, source and the
 * answering entry are asserted; the wording is read from the entry, never written here.
 */
const ROOT = join(import.meta.dirname, "../..");
const TODAY = "2026-12-03";
let search: (q: string) => SearchResult;
let byId: (id: string) => Entry;
beforeAll(() => {
  const { core, problems } = buildCore({ knowledgeDir: join(ROOT, "knowledge"), flowsDir: join(ROOT, "flows") });
  expect(problems).toEqual([]);
  search = (q) => core!.engine.search(q);
  const { knowledge } = loadKnowledge(join(ROOT, "knowledge"));
  byId = (id) => knowledge.byId.get(id)!;
});

const sourcedNotes = (entry: Entry, basis: RegExp): DatedText[] =>
  entry.notes.filter((n) => typeof n !== "string" && n.basis !== undefined && basis.test(n.basis));

describe("recurring questions get a sourced note on the entry that answers them", () => {
  it("what the criminal record certificate no. 1 shows about a past sentence: notes citing Luật Lý lịch tư pháp Điều 42, shown on the card", () => {
    const entry = byId("cap-phieu-ly-lich-tu-phap");
    const notes = sourcedNotes(entry, /28\/2009\/QH12.*Điều 42/);
    expect(notes.length).toBeGreaterThan(0);
    expect(JSON.stringify(entry.source)).toMatch(/Điều 42/);
    for (const q of [
      "Em từng bị xử phạt hành chính vì đánh nhau năm 2019. Giờ xin lý lịch tư pháp để nộp hồ sơ xin việc thì có ghi vào không ạ?",
      "anh có án treo, giờ xin phiếu lý lịch tư pháp số 1 thì có ghi vào không",
    ]) {
      const result = search(q);
      expect(result.decision.kind, q).toBe("answer");
      if (result.decision.kind !== "answer") continue;
      expect(result.decision.hit.entry.id, q).toBe(entry.id);
      const card = blocksToText(entryCard(entry, result.facets, TODAY));
      for (const note of notes) expect(card, q).toContain(textOf(note));
    }
  });
});
