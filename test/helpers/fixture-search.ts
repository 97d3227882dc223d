import { join } from "node:path";
import { expect } from "vitest";
import { loadKnowledge } from "../../src/knowledge/loader.js";
import { createSearchIndex, type SearchIndex } from "../../src/knowledge/search.js";
import type { Entry, Synonyms } from "../../src/knowledge/schema.js";

/**
 * A small knowledge base written for search tests (test/fixtures/<name>/), loaded without a problem,
 * and its search index with the default weights: rule tests run on it so staff edits to knowledge/
 * never move them. Call it in beforeAll.
 */
export function loadFixtureSearch(name: string): { entries: Entry[]; synonyms: Synonyms; index: SearchIndex } {
  const { knowledge, problems } = loadKnowledge(join(import.meta.dirname, "../fixtures", name));
  expect(problems).toEqual([]);
  return { entries: knowledge.entries, synonyms: knowledge.synonyms, index: createSearchIndex(knowledge.entries, knowledge.synonyms) };
}
