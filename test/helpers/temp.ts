import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
