import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/engine.js";
import { engineEvalAnswer } from "../../src/engine/eval-answer.js";
import { buildCore } from "../../src/runtime/core.js";

/**
 * Content test: test/fixtures/routing-probes/integrate-57.tsv (`EXPECT<TAB>id<TAB>message`), written in session 57 by a newcomer
 * who read only the guide to putting papers into VNeID and the list of card titles: 30 messages asking how to put some
 * paper into the app (the guide is the answer) and 30 asking a procedure that mention the app in passing. Measured before
 * it was read, on 21057ec and with the integrated-paper reading (search/integrated-papers.ts): the guide answered 18 → 24
 * of the first 30; of the other 30, 21 → 21 got their card and 7 → 7 the guide. Each count is held as a floor.
 */
const ROOT = join(import.meta.dirname, "../..");
const GUIDE = "tich-hop-giay-to-vao-vneid";
const lines = readFileSync(join(ROOT, "test/fixtures/routing-probes/integrate-57.tsv"), "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => {
    const [, id, q] = l.split("\t");
    return { id: id!, q: q! };
  });

let engine: Engine;
beforeAll(() => {
  engine = buildCore({ knowledgeDir: join(ROOT, "knowledge"), flowsDir: join(ROOT, "flows") }).core!.engine;
});

/** The card shown first, or undefined when none is. */
const shown = (q: string) => {
  const a = engineEvalAnswer(engine, q);
  return a.answered ? a.ids?.[0] : undefined;
};

describe("papers put into the VNeID app (probe integrate-57)", () => {
  it("holds 30 messages for the guide and 30 for other cards", () => {
    expect(lines.filter((l) => l.id === GUIDE)).toHaveLength(30);
    expect(lines).toHaveLength(60);
  });

  it("answers at least 24 of the 30 integration questions with the guide", () => {
    const right = lines.filter((l) => l.id === GUIDE && shown(l.q) === GUIDE).length;
    expect(right).toBeGreaterThanOrEqual(24);
  });

  it("answers at least 21 of the 30 procedure questions with their card, and shows the guide on at most 7", () => {
    const others = lines.filter((l) => l.id !== GUIDE).map((l) => ({ ...l, got: shown(l.q) }));
    expect(others.filter((l) => l.got === l.id).length).toBeGreaterThanOrEqual(21);
    expect(others.filter((l) => l.got === GUIDE).length).toBeLessThanOrEqual(7);
  });
});
