// Writing a blind question set (docs/eval/README.md):
//
//   npx tsx scripts/blind-sets.ts dedupe OUT.txt RAW1.txt [RAW2.txt …] [--seed N]
//     Keeps each writer's lines that are not at least 0.7 alike (Jaccard of word pairs, accents folded) to a line of
//     any seen or held-out set (test/fixtures/**/*.jsonl, ../shared/eval/*.jsonl), a probe (test/fixtures/probes/*.tsv),
//     another kept file of this round (OUT's folder, kept-*.txt) or an earlier kept line; shuffles them with a fixed
//     seed (a whole number, default 37) and writes them, one per line, to OUT.txt. Prints how many were kept and dropped.
//
//   npx tsx scripts/blind-sets.ts merge LABELS1.jsonl LABELS2.jsonl OUT.jsonl
//     Merges two independent labellings (labeller 1's ids, then labeller 2's other ids, at most three) and prints the
//     agreement and the line numbers where they disagree on scope — those go to a third labeller, without being read.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { readEvalFile } from "../src/knowledge/eval.js";
import { dropRepeats, labelLine, mergeLabels, shuffle } from "./blind-sets-lib.js";

const ROOT = join(import.meta.dirname, "..");

function filesUnder(dir: string, ext: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(ext))
    .map((f) => join(dir, f));
}

const linesOf = (file: string) => readFileSync(file, "utf8").split("\n").filter((l) => l.trim());

/** Every message of the seen and held-out sets, the probes, and the other kept files of this round. */
function seenLines(out: string): string[] {
  const sets = [...filesUnder(join(ROOT, "test/fixtures"), ".jsonl"), ...filesUnder(join(ROOT, "../shared/eval"), ".jsonl")];
  // A seen set that does not read is an error: its messages would silently never be checked for repeats.
  const fromSets = sets.flatMap((f) => readEvalFile(f).map((l) => l.q));
  const probes = filesUnder(join(ROOT, "test/fixtures/probes"), ".tsv").flatMap((f) => linesOf(f).map((l) => l.split("\t").at(-1)!));
  const round = readdirSync(dirname(out)).filter((f) => /^kept-.*\.txt$/.test(f) && f !== basename(out)).flatMap((f) => linesOf(join(dirname(out), f)));
  return [...fromSets, ...probes, ...round];
}

function dedupe(args: string[]): void {
  const seedAt = args.indexOf("--seed");
  const seed = seedAt >= 0 ? Number(args.splice(seedAt, 2)[1]) : 37;
  if (!Number.isInteger(seed)) throw new Error("--seed takes a whole number");
  const [out, ...raws] = args.map((a) => resolve(a));
  if (!out || raws.length === 0) throw new Error("usage: dedupe OUT.txt RAW1.txt [RAW2.txt …] [--seed N]");
  const { kept, dropped } = dropRepeats(raws.flatMap(linesOf), seenLines(out));
  writeFileSync(out, shuffle(kept, seed).join("\n") + "\n");
  console.log(`${kept.length} kept, ${dropped} dropped → ${out}`);
}

function merge(args: string[]): void {
  const [a, b, out] = args.map((x) => resolve(x));
  if (!a || !b || !out) throw new Error("usage: merge LABELS1.jsonl LABELS2.jsonl OUT.jsonl");
  const m = mergeLabels(readEvalFile(a), readEvalFile(b));
  writeFileSync(out, m.labels.map(labelLine).join("\n") + "\n");
  const n = m.labels.length;
  console.log(`scope agreed on ${n - m.scopeDisagreements.length} of ${n}; first card agreed on ${m.firstAgreed} of ${m.bothInScope}`);
  if (m.scopeDisagreements.length > 0) console.log(`scope disagreements at lines ${m.scopeDisagreements.map((i) => i + 1).join(", ")} (labeller 1's label kept)`);
}

const [command, ...rest] = process.argv.slice(2);
try {
  if (command === "dedupe") dedupe(rest);
  else if (command === "merge") merge(rest);
  else throw new Error("usage: npx tsx scripts/blind-sets.ts dedupe|merge …");
} catch (err) {
  console.error(`blind-sets: ${(err as Error).message}`);
  process.exit(1);
}
