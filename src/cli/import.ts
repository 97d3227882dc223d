import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { loadConfig } from "../config.js";
import { planImport, parseSheet, type ImportPlan } from "../knowledge/import-sheet.js";
import { loadKnowledge } from "../knowledge/loader.js";

/**
 * `dvc-bot import FILE.csv [--dry-run]`: the procedure list staff already report, into knowledge
 * files under KNOWLEDGE_DIR/imported/. A sheet with any problem is rejected whole (nothing is
 * written); reviewed entries are never overwritten.
 */
export async function runImport(env: NodeJS.ProcessEnv, file: string, opts: { dryRun?: boolean }): Promise<void> {
  const config = loadConfig(env);
  const knowledgeDir = config.knowledgeDir;
  const fail = (lines: string[]) => {
    for (const l of lines) console.error(l);
    process.exitCode = 1;
  };

  if (/\.(xlsx|xlsm|xls|ods)$/i.test(file)) {
    return fail([
      `import: ${file}: spreadsheet files are not read directly.`,
      `import: in Excel choose File → Save As → "CSV UTF-8 (Comma delimited) (*.csv)" (LibreOffice: Text CSV, UTF-8) and import that file.`,
    ]);
  }
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    return fail([`import: cannot read ${file} (${(err as Error).message})`]);
  }
  if (text.includes("\uFFFD")) {
    return fail([
      `import: ${file} is not UTF-8 text (Vietnamese letters would be lost).`,
      `import: save it again as "CSV UTF-8 (Comma delimited)" and import that file.`,
    ]);
  }

  const sheet = parseSheet(text);
  for (const n of sheet.notes) console.log(`${file}:${n.row}: note: ${n.message.replace(/^import: /, "")}`);
  if (sheet.problems.length > 0) {
    return fail([
      ...sheet.problems.map((p) => `${file}:${p.row}: ${p.message}`),
      `import: ${sheet.problems.length} problem(s) in ${file}; nothing was written`,
    ]);
  }

  const { knowledge, problems } = loadKnowledge(knowledgeDir);
  const realProblems = problems.filter((p) => !/no YAML files found/.test(p.message));
  if (realProblems.length > 0) {
    console.error(`import: warning: ${knowledgeDir} already has ${realProblems.length} problem(s); run "dvc-bot check" (entries in broken files are not matched)`);
  }

  const plan = planImport(sheet.procedures, knowledge, {
    sheetName: basename(file),
    today: localDate(new Date()),
    readFile: (f) => readFileSync(resolve(f), "utf8"),
    exists: (rel) => existsSync(join(knowledgeDir, rel)),
  });

  const tiers = new Map<string, number>();
  for (const p of sheet.procedures) tiers.set(p.tier, (tiers.get(p.tier) ?? 0) + 1);
  console.log(
    `import: ${basename(file)}: ${sheet.procedures.length} procedure(s) read (${[...tiers].map(([t, n]) => `${t} ${n}`).join(", ")})`,
  );
  printPlan(plan, join(knowledgeDir, "imported"));

  if (opts.dryRun) {
    console.log("import: dry run, nothing written");
    return;
  }
  for (const a of plan.added) writeAtomic(join(knowledgeDir, a.path), a.text);
  for (const [f, t] of plan.rewrites) writeAtomic(resolve(f), t);
  if (plan.added.length + plan.rewrites.size > 0) {
    console.log(`import: done; new entries are marked needs_review: true — check them (docs/huong-dan-bien-tap.md) and run "dvc-bot check"`);
  } else {
    console.log("import: nothing to write");
  }
}

function printPlan(plan: ImportPlan, newDir: string): void {
  const rowOf = (r: number) => `row ${r}`;
  console.log(`added ${plan.added.length}${plan.added.length ? ` (in ${newDir})` : ""}`);
  for (const a of plan.added) console.log(`  + ${a.id} (${rowOf(a.row)})`);
  console.log(`changed ${plan.changed.length}`);
  for (const c of plan.changed) console.log(`  ~ ${c.id} (${rowOf(c.row)}): ${c.changes.join(", ")} [${c.file}]`);
  console.log(`unchanged ${plan.unchanged.length}`);
  for (const u of plan.unchanged) console.log(`  = ${u.id} (${rowOf(u.row)})`);
  console.log(`skipped ${plan.skipped.length}`);
  for (const s of plan.skipped) console.log(`  - ${s.id} (${rowOf(s.row)}): ${s.reason}`);
}

/** Temp file + rename, so a running `serve` never reloads half a file. The temp name is not *.yaml. */
function writeAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  writeFileSync(tmp, text, "utf8");
  renameSync(tmp, path);
}

function localDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
