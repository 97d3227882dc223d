import { describe, expect, it } from "vitest";
import { engineEvalAnswer } from "../../src/engine/eval-answer.js";
import { fixtureEngine } from "./fixture-engine.js";

/** `dvc-bot eval` and the quality test read what a citizen is shown, not the search alone. */
const engine = fixtureEngine();

describe("engineEvalAnswer", () => {
  it("counts the card an intent shows as the answer, first", () => {
    expect(engine.search("hồ sơ của tôi đến đâu rồi").decision.kind).not.toBe("answer");
    const a = engineEvalAnswer(engine, "hồ sơ của tôi đến đâu rồi");
    expect(a.answered).toBe(true);
    expect(a.ids?.[0]).toBe("tra-cuu-ho-so");
    expect(new Set(a.ids).size).toBe(a.ids?.length);
  });

  it("counts a refusal as no card, whatever the search ranked", () => {
    const a = engineEvalAnswer(engine, "mua bằng lái không cần thi");
    expect(a.answered).toBe(false);
    expect(a.options).toBeUndefined();
  });

  it("reads a plain answer as the search's", () => {
    const a = engineEvalAnswer(engine, "làm hộ chiếu");
    expect(a.answered).toBe(true);
    expect(a.ids?.[0]).toBe(engine.search("làm hộ chiếu").hits[0]?.entry.id);
  });
});
