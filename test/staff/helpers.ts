import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { vi } from "vitest";
import { runImport } from "../../src/cli/import.js";
import { tempCopy, tempDir } from "../helpers/temp.js";

export const REAL_KNOWLEDGE = join(import.meta.dirname, "../../knowledge");
export const REAL_FLOWS = join(import.meta.dirname, "../../flows");

/** A throwaway copy of the shipped knowledge: tests never write into knowledge/. */
export function copyOfKnowledge(): string {
  return tempCopy(REAL_KNOWLEDGE, "kb");
}

export function writeSheet(text: string, name = "danh-muc.csv"): string {
  const file = join(tempDir("sheet"), name);
  writeFileSync(file, text, "utf8");
  return file;
}

/** Runs `dvc-bot import` in-process and returns what it printed and its exit code. */
export async function importSheet(knowledgeDir: string, file: string, dryRun = false, tier?: string): Promise<{ out: string; code: number }> {
  const lines: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => void lines.push(a.join(" ")));
  const err = vi.spyOn(console, "error").mockImplementation((...a: unknown[]) => void lines.push(a.join(" ")));
  const before = process.exitCode;
  process.exitCode = undefined;
  try {
    await runImport({ KNOWLEDGE_DIR: knowledgeDir }, file, { dryRun, ...(tier ? { tier } : {}) });
    return { out: lines.join("\n"), code: Number(process.exitCode ?? 0) };
  } finally {
    process.exitCode = before;
    log.mockRestore();
    err.mockRestore();
  }
}

export { ACCEPTANCE_SHEET } from "../../scripts/acceptance-sheet.js";
