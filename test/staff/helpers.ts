import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, vi } from "vitest";
import { runImport } from "../../src/cli/import.js";

export const REAL_KNOWLEDGE = join(import.meta.dirname, "../../knowledge");
export const REAL_FLOWS = join(import.meta.dirname, "../../flows");

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

export function tempDir(prefix = "dvc-staff-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

/** A throwaway copy of the shipped knowledge: tests never write into knowledge/. */
export function copyOfKnowledge(): string {
  const dir = tempDir("dvc-kb-");
  cpSync(REAL_KNOWLEDGE, dir, { recursive: true });
  return dir;
}

export function writeSheet(text: string, name = "danh-muc.csv"): string {
  const file = join(tempDir("dvc-sheet-"), name);
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
