import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CHECK, FLOW, SCHEMA } from "../../src/knowledge/staff-messages.js";
import { exampleNames, generateExamples, GUIDE, withExamples } from "../../scripts/staff-guide-examples.js";

/**
 * The staff guide quotes what `dvc-bot check` and `dvc-bot import` print. Those quotes are produced
 * by scripts/staff-guide-examples.ts on sample folders; refresh with `npm run docs:examples`.
 * Runs the built CLI (npm test builds first).
 */

const guide = readFileSync(GUIDE, "utf8");
const examples = generateExamples();

/** The backticked text of the first column of the table that follows `heading`. */
function tableMessages(heading: string): string[] {
  const from = guide.indexOf(heading);
  expect(from, heading).toBeGreaterThan(-1);
  const table: string[] = [];
  for (const l of guide.slice(from).split("\n").slice(1)) {
    if (l.startsWith("|")) table.push(l);
    else if (table.length) break;
  }
  const messages = table.filter((l) => l.startsWith("| `")).map((l) => /^\| `([^`]+)`/.exec(l)![1]!);
  expect(messages.length, heading).toBeGreaterThan(3);
  return messages;
}

describe("staff guide examples (docs/huong-dan-bien-tap.md)", () => {
  it("quotes exactly what the commands print (run `npm run docs:examples` after changing a message)", () => {
    expect([...examples.keys()].sort()).toEqual(exampleNames(guide).sort());
    expect(withExamples(guide, examples)).toBe(guide);
  });

  it("every message in the check table is one check prints on the sample folder", () => {
    const printed = examples.get("check-errors")!;
    for (const message of tableMessages("Thông báo (một phần) | Nghĩa là")) {
      for (const piece of message.split("…").map((p) => p.trim()).filter((p) => p.length > 3)) expect(printed, message).toContain(piece);
    }
  });

  it("every message in the flow table is one the flow check says", () => {
    const all = [
      ...Object.values(FLOW).map((m) => (typeof m === "function" ? (m as (...a: string[]) => string)("…", "…") : m)),
      SCHEMA.unknownField("…"),
      SCHEMA.oneTarget,
      CHECK.unknownFlow("…"),
    ].join("\n");
    for (const message of tableMessages("### Lỗi thường gặp khi sửa luồng")) {
      for (const piece of message.split("…").map((p) => p.trim()).filter((p) => p.length > 3)) expect(all, message).toContain(piece);
    }
  });

  it("no longer sends staff to TypeScript or calls the flows section unfinished", () => {
    expect(guide).not.toMatch(/đang được hoàn thiện|src\/flows\/schema\.ts/);
  });
});
