import { loadConfig } from "../config.js";
import { loadKnowledge } from "../knowledge/loader.js";
import type { Entry } from "../knowledge/schema.js";
import { bodyTexts } from "../knowledge/search.js";

/** `dvc-bot export --json`: every entry with the text fields search uses. (`--csv` comes with the staff tooling.) */
export async function runExport(env: NodeJS.ProcessEnv, opts: { json?: boolean; csv?: boolean }): Promise<void> {
  const config = loadConfig(env);
  const { knowledge } = loadKnowledge(config.knowledgeDir);
  if (opts.csv) {
    const { exportCsv } = await import("../knowledge/export-csv.js");
    process.stdout.write(exportCsv(knowledge.entries));
    return;
  }
  process.stdout.write(JSON.stringify(knowledge.entries.map(exportJson), null, opts.json ? 0 : 2) + "\n");
}

/** One entry of `export --json`: what search reads, and for a procedure its level, tier, field, agency and code. */
function exportJson(e: Entry): object {
  const base = { id: e.id, kind: e.kind, title: e.title, aliases: e.aliases, keywords: e.keywords, text: bodyTexts(e).join("\n") };
  return e.kind === "procedure" ? { ...base, level: e.level, tier: e.tier, field: e.field, agency: e.agency, code: e.code } : base;
}
