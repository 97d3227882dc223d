import { beforeAll, describe, expect, it } from "vitest";
import { createSearchIndex, DEFAULT_WEIGHTS, type SearchIndex } from "../../src/knowledge/search.js";
import type { Entry, Synonyms } from "../../src/knowledge/schema.js";
import { loadFixtureSearch } from "../helpers/fixture-search.js";

// A modifier pair ("lần đầu": in the names of several entries of unrelated topics, never alone) says which
// variant, not which thing: on test/fixtures/knowledge-modifiers/.
let entries: Entry[];
let synonyms: Synonyms;
let index: SearchIndex;
beforeAll(() => {
  ({ entries, synonyms, index } = loadFixtureSearch("knowledge-modifiers"));
});

const decisionOf = (q: string, i: SearchIndex = index) => i.search(q).decision;
/** The same knowledge with no pair a modifier (no pair is in the names of that many entries). */
const withoutRule = () => createSearchIndex(entries, synonyms, { ...DEFAULT_WEIGHTS, modifier: { ...DEFAULT_WEIGHTS.modifier, entries: Infinity } });

describe("a modifier pair the thing asked about has no variant of counts as filler", () => {
  it.each(["đăng ký cấp điện lần đầu", "xin cấp điện lần đầu", "dang ky cap dien lan dau"])("%s is about the electricity guide", (q) => {
    expect(decisionOf(q)).toMatchObject({ kind: "answer", hit: { entry: { id: "cap-dien-nuoc" } } });
  });

  it("without the rule, 'lần đầu' outweighs 'cấp điện': the entries sharing only it come close, and nothing is answered", () => {
    const plain = withoutRule();
    for (const q of ["đăng ký cấp điện lần đầu", "xin cấp điện lần đầu"]) {
      expect(decisionOf(q, plain).kind).toBe("unknown");
      const [first, second] = plain.search(q).hits;
      expect(second!.entry.title).toMatch(/lần đầu/);
      expect(first!.score - second!.score).toBeLessThan(0.1);
    }
  });

  it("where an entry holds the modifier with the topic asked, the modifier still tells the variants apart", () => {
    expect(decisionOf("làm căn cước lần đầu")).toMatchObject({ kind: "answer", hit: { entry: { id: "cap-the-can-cuoc" } } });
    expect(decisionOf("cấp lại thẻ căn cước")).toMatchObject({ kind: "answer", hit: { entry: { id: "cap-doi-cap-lai-the-can-cuoc" } } });
    expect(decisionOf("đăng ký xe lần đầu")).toMatchObject({ kind: "answer", hit: { entry: { id: "dang-ky-xe" } } });
  });

  it("a question naming only the modifier keeps it as its topic", () => {
    const hits = index.search("đăng ký lần đầu").hits.slice(0, 4).map((h) => h.entry.id);
    expect(hits).toContain("dang-ky-nghia-vu-quan-su-lan-dau");
  });
});
