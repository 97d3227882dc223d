import type { Entry } from "./schema.js";

// Placeholder until the staff tooling lands (issue 8).
export function exportCsv(_entries: readonly Entry[]): string {
  throw new Error("export: --csv is not available yet");
}
