import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { vi } from "vitest";
import { runImport } from "../../src/cli/import.js";
import { tempCopy, tempDir } from "../helpers/temp.js";

/** The shipped folders: only content tests read them. */
export const REAL_KNOWLEDGE = join(import.meta.dirname, "../../knowledge");
export const REAL_FLOWS = join(import.meta.dirname, "../../flows");
/** The small knowledge base and flows written for tests (test/fixtures/knowledge/README.md). */
export const FIXTURE_KNOWLEDGE = join(import.meta.dirname, "../fixtures/knowledge");
export const FIXTURE_FLOWS = join(import.meta.dirname, "../fixtures/flows");

/** A throwaway copy of the shipped knowledge: tests never write into knowledge/. */
export function copyOfKnowledge(): string {
  return tempCopy(REAL_KNOWLEDGE, "kb");
}

/** A throwaway copy of the fixture knowledge base. */
export function copyOfFixture(): string {
  return tempCopy(FIXTURE_KNOWLEDGE, "fixture-kb");
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
    await runImport({ KNOWLEDGE_DIR: knowledgeDir }, file, { dryRun, tier });
    return { out: lines.join("\n"), code: Number(process.exitCode ?? 0) };
  } finally {
    process.exitCode = before;
    log.mockRestore();
    err.mockRestore();
  }
}

/** The sheet of the acceptance check: two tiers, three procedures. */
export const ACCEPTANCE_SHEET = `STT,Lĩnh vực/DVCTT,Mức độ 2,Mức độ 3,Mức độ 4,Ghi chú
A,Cấp tỉnh,,,,
I,Lĩnh vực Tài nguyên nước,,,,
1,Cấp giấy phép khai thác cát sỏi lòng sông,,,x,
2,Gia hạn giấy phép xả nước thải vào nguồn nước,,x,,
C,Cấp xã,,,,
I,Lĩnh vực Văn hóa,,,,
1,Đăng ký tổ chức lễ hội truyền thống,x,,,
`;
