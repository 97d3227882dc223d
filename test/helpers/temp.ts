import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll } from "vitest";

/**
 * Throwaway folders for a test file. Importing this module registers one `afterAll` in the file
 * that imports it (vitest evaluates modules per test file), which removes every folder made here
 * once the file's own `afterAll` hooks (servers, stores) have run.
 */

const made: string[] = [];

afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh empty folder under the system temp folder, removed when the test file ends. */
export function tempDir(label = "test"): string {
  const dir = mkdtempSync(join(tmpdir(), `dvc-${label}-`));
  made.push(dir);
  return dir;
}

/** A fresh folder holding a copy of `from` (tests never write into knowledge/ or flows/). */
export function tempCopy(from: string, label = "copy"): string {
  const dir = tempDir(label);
  cpSync(from, dir, { recursive: true });
  return dir;
}

/** A fresh folder with these files (paths relative to it, sub-folders made as needed). */
export function tempFolder(label: string, files: Readonly<Record<string, string | Buffer>>): string {
  const dir = tempDir(label);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}
