import { join } from "node:path";
import { beforeAll, expect } from "vitest";
import { buildCore } from "../../src/runtime/core.js";
import type { SearchResult } from "../../src/knowledge/search/types.js";

/**
 * Content tests on the shipped knowledge/ and flows/: builds them once for the test file (in beforeAll), without
 * a problem. `search` is the engine's search; `answered` the id of the entry it answers with, or undefined when it
 * asks or does not know.
 */
export function realSearch(): { search: (q: string) => SearchResult; answered: (q: string) => string | undefined } {
  const root = join(import.meta.dirname, "../..");
  let search: (q: string) => SearchResult = () => {
    throw new Error("realSearch: used before beforeAll ran");
  };
  beforeAll(() => {
    const { core, problems } = buildCore({ knowledgeDir: join(root, "knowledge"), flowsDir: join(root, "flows") });
    expect(problems).toEqual([]);
    search = (q) => core!.engine.search(q);
  });
  return {
    search: (q) => search(q),
    answered: (q) => {
      const d = search(q).decision;
      return d.kind === "answer" ? d.hit.entry.id : undefined;
    },
  };
}
