import { join } from "node:path";
import { expect } from "vitest";
import { loadKnowledge } from "../../src/knowledge/loader.js";
import { createSearchIndex, DEFAULT_WEIGHTS, type SearchIndex, type SearchWeights } from "../../src/knowledge/search.js";
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

/**
 * A rule test's two indexes on the fixture knowledge test/fixtures/<name>/: `index` with the default weights and
 * `withoutRule` with the weights `without` returns (the rule put out of reach: what search said before it), so each
 * test can show the rule is what changes the answer. Call it in beforeAll.
 */
export function loadRuleIndexes(name: string, without: (defaults: SearchWeights) => SearchWeights): { entries: Entry[]; index: SearchIndex; withoutRule: SearchIndex } {
  const { entries, synonyms, index } = loadFixtureSearch(name);
  return { entries, index, withoutRule: createSearchIndex(entries, synonyms, without(DEFAULT_WEIGHTS)) };
}
