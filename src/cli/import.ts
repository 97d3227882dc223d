import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { loadConfig } from "../config.js";
import { parseSheet } from "../knowledge/sheet/parse-sheet.js";
import { planImport, type ImportPlan } from "../knowledge/sheet/plan-import.js";
import { TIERS, type Tier } from "../knowledge/schema.js";
import { CHECK, IMPORT } from "../knowledge/staff-messages.js";
import { loadKnowledge } from "../knowledge/loader.js";

/**
 * `dvc-bot import FILE.csv [--dry-run] [--tier xa|tinh]`: the procedure list staff already report, into knowledge
 * files under KNOWLEDGE_DIR/imported/. A sheet with any problem is rejected whole (nothing is
 * written); reviewed entries are never overwritten.
 */
export async function runImport(env: NodeJS.ProcessEnv, file: string, opts: { dryRun?: boolean | undefined; tier?: string | undefined }): Promise<void> {
  const config = loadConfig(env);
  const knowledgeDir = config.knowledgeDir;
  const fail = (lines: string[]) => {
    for (const l of lines) console.error(l);
    process.exitCode = 1;
  };

  if (opts.tier !== undefined && !(TIERS as readonly string[]).includes(opts.tier)) return fail([IMPORT.badTierOption(opts.tier)]);
  if (/\.(xlsx|xlsm|xls|ods)$/i.test(file)) return fail(IMPORT.xlsx(file));
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    return fail([IMPORT.cannotReadFile(file, (err as Error).message)]);
  }
  if (text.includes("\uFFFD")) return fail(IMPORT.notUtf8(file));

  const sheet = parseSheet(text, { tier: opts.tier as Tier | undefined });
  for (const n of sheet.notes) console.log(`${file}:${n.row}: ${IMPORT.note}: ${n.message.replace(/^import: /, "")}`);
  if (sheet.problems.length > 0) {
    return fail([...sheet.problems.map((p) => `${file}:${p.row}: ${p.message}`), IMPORT.rejected(sheet.problems.length, file)]);
  }

  const { knowledge, problems } = loadKnowledge(knowledgeDir);
  const realProblems = problems.filter((p) => p.message !== `knowledge: ${CHECK.noFiles}`);
  if (realProblems.length > 0) console.error(IMPORT.knowledgeHasProblems(knowledgeDir, realProblems.length));

  const plan = planImport(sheet.procedures, knowledge, {
    sheetName: basename(file),
    today: localDate(new Date()),
    readFile: (f) => readFileSync(resolve(f), "utf8"),
    exists: (rel) => existsSync(join(knowledgeDir, rel)),
  });

  const tiers = new Map<string, number>();
  for (const p of sheet.procedures) tiers.set(p.tier, (tiers.get(p.tier) ?? 0) + 1);
  console.log(IMPORT.read(basename(file), sheet.procedures.length, [...tiers].map(([t, n]) => `${t} ${n}`).join(", ")));
  printPlan(plan, join(knowledgeDir, "imported"));

  if (opts.dryRun) {
    console.log(IMPORT.dryRun);
    return;
  }
  for (const a of plan.added) writeAtomic(join(knowledgeDir, a.path), a.text);
  for (const [f, t] of plan.rewrites) writeAtomic(resolve(f), t);
  if (plan.added.length + plan.rewrites.size > 0) {
    console.log(IMPORT.done);
  } else {
    console.log(IMPORT.nothingToWrite);
  }
}

function printPlan(plan: ImportPlan, newDir: string): void {
  const P = IMPORT.plan;
  console.log(P.added(plan.added.length, newDir));
  for (const a of plan.added) console.log(`  + ${a.id} (${P.row(a.row)})`);
  console.log(P.changed(plan.changed.length));
  for (const c of plan.changed) console.log(`  ~ ${c.id} (${P.row(c.row)}): ${c.changes.join(", ")} [${c.file}]`);
  console.log(P.unchanged(plan.unchanged.length));
  for (const u of plan.unchanged) console.log(`  = ${u.id} (${P.row(u.row)})`);
  console.log(P.skipped(plan.skipped.length));
  for (const s of plan.skipped) console.log(`  - ${s.id} (${P.row(s.row)}): ${s.reason}`);
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
