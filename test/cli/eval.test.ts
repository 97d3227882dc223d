import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { runEval } from "../../src/cli/eval.js";
import { tempDir } from "../helpers/temp.js";
import { FIXTURE_FLOWS, FIXTURE_KNOWLEDGE } from "../staff/helpers.js";

afterEach(() => vi.restoreAllMocks());

async function evalOutput(file: string): Promise<string[]> {
  const lines: string[] = [];
  vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => void lines.push(a.join(" ")));
  await runEval({ KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE, FLOWS_DIR: FIXTURE_FLOWS }, file);
  return lines;
}

describe("dvc-bot eval", () => {
  it("prints the rates, each miss, and a JSON line tools read", async () => {
    const file = join(tempDir("eval"), "set.jsonl");
    writeFileSync(file, ['{"q":"làm hộ chiếu","expect":["cap-ho-chieu-pho-thong"]}', '{"q":"làm hộ chiếu","expect":["dang-ky-tam-tru"]}', '{"q":"giá vàng hôm nay","expect":null}', ""].join("\n"));
    const out = await evalOutput(file);
    expect(out[0]).toBe(`questions: 3 (2 in scope, 1 out of scope) — ${file}`);
    expect(out[1]).toBe("top-1: 50.0%  top-3: 50.0%  false answers: 0.0%");
    expect(out.filter((l) => l.startsWith("  miss: "))).toEqual([expect.stringMatching(/^ {2}miss: "làm hộ chiếu" expected dang-ky-tam-tru; got Cấp hộ chiếu phổ thông \(answered=true, score=/)]);
    expect(JSON.parse(out.at(-1)!)).toEqual({ measure: "eval", top1: 0.5, top3: 0.5, falseAnswerRate: 0, wrongAnswerRate: 0.5, oneTap: 0 });
  });

  it("says where it looked when the question file is missing", async () => {
    const missing = join(tempDir("eval"), "none.jsonl");
    await expect(runEval({ KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE, FLOWS_DIR: FIXTURE_FLOWS }, missing)).rejects.toThrow(`eval: no question file at ${missing}`);
  });
});
