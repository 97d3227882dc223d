// Attractor audit: which entries win questions that are not theirs.
//
//   npm run build && node scripts/attractor-audit.mjs [--detail N] [--entry ID] [--json FILE] [--outcomes FILE]
//
// Runs every seen set (test/fixtures/blind-eval*.jsonl and ../shared/eval/dev.jsonl) through the engine the
// way `dvc-bot eval` does and counts, per entry, how often it is shown as a wrong card (in-scope message,
// other label), as a card (or clarify option) on an out-of-scope message, and as the top suggestion of a
// wrong unanswered result ("suggest"; "oosSuggest" when the message is out of scope). Each case prints the
// search evidence (hits[i].why) and the entry's names and keywords that share words with the message.
// --outcomes writes one line per message (what was shown) to diff two versions of the knowledge.
// Sets listed in SUMMARY_ONLY (generalisation checks) add only their summary line:
// their messages are neither counted per entry nor printed.
import { readdirSync, writeFileSync } from "node:fs";
import { buildCore } from "../dist/runtime/core.js";
import { engineEvalAnswer } from "../dist/engine/eval-answer.js";
import { readEvalFile, scoreEval } from "../dist/knowledge/eval.js";
import { fold, tokens } from "../dist/text/normalize.js";

const SUMMARY_ONLY = new Set(["blind-eval-11.jsonl"]);
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const detail = Number(opt("--detail", "3"));
const only = opt("--entry", undefined);
const jsonOut = opt("--json", undefined);
const outcomesOut = opt("--outcomes", undefined);
const outcomes = [];

const { core, problems } = buildCore({ knowledgeDir: "knowledge", flowsDir: "flows" });
if (!core) throw new Error(`knowledge does not load: ${problems.map((p) => p.message ?? p).join("; ")}`);
const engine = core.engine;

const sets = [
  "../shared/eval/dev.jsonl",
  ...readdirSync("test/fixtures")
    .filter((f) => /^blind-eval.*\.jsonl$/.test(f))
    .sort()
    .map((f) => `test/fixtures/${f}`),
];

const rightFor = (expect) => {
  const keys = expect.map(fold);
  return (id) => {
    const e = engine.knowledge.byId.get(id);
    return expect.includes(id) || (!!e && keys.some((k) => fold(e.title).includes(k)));
  };
};

/** The names and keywords of an entry that share words with the question, most shared first. */
function carriers(entry, q) {
  const qt = new Set(tokens(fold(q)));
  const out = [];
  for (const [field, list] of [["title", [entry.title]], ["alias", entry.aliases ?? []], ["keyword", entry.keywords ?? []]]) {
    for (const text of list) {
      const tt = tokens(fold(text));
      const shared = tt.filter((t) => qt.has(t));
      if (shared.length > 0) out.push({ field, text, shared: shared.length, of: tt.length });
    }
  }
  return out.sort((a, b) => b.shared / b.of - a.shared / a.of || b.shared - a.shared).slice(0, 4);
}

const perEntry = new Map();
const bump = (id, kind, ev) => {
  if (!perEntry.has(id)) perEntry.set(id, { id, wrong: 0, oos: 0, suggest: 0, oosSuggest: 0, cases: [] });
  const r = perEntry.get(id);
  r[kind]++;
  r.cases.push({ kind, ...ev });
};

const summary = [];
for (const path of sets) {
  const name = path.split("/").pop();
  const lines = readEvalFile(path);
  const s = scoreEval(lines, (q) => engineEvalAnswer(engine, q));
  summary.push({ set: name, n: s.questions, in: s.inScope, out: s.outOfScope, top1: s.top1, wrong: s.wrongAnswers, false: s.falseAnswers });
  if (SUMMARY_ONLY.has(name)) continue;
  for (const line of lines) {
    const a = engineEvalAnswer(engine, line.q);
    const top = a.ids?.[0];
    const ev = (id) => {
      const hit = engine.search(line.q).hits.find((h) => h.entry.id === id);
      return { set: name, q: line.q, expect: line.expect, why: hit?.why, score: hit?.score, carriers: carriers(engine.knowledge.byId.get(id), line.q) };
    };
    // The first suggestion under an "I don't know" (the search's, as the reply lists them).
    const d = engine.search(line.q).decision;
    const suggested = d.kind === "unknown" ? d.suggestions[0]?.entry.id : undefined;
    if (line.expect === null) {
      outcomes.push({ set: name, q: line.q, expect: null, answered: a.answered || (a.options ?? []).length > 0, top: top ?? null, ok: !(a.answered || (a.options ?? []).length > 0), sug: a.answered ? null : (a.options?.[0]?.id ?? suggested ?? null) });
      if (a.answered && top) bump(top, "oos", ev(top));
      else if ((a.options ?? []).length > 0) for (const o of a.options) bump(o.id, "oos", ev(o.id));
      else if (suggested) bump(suggested, "oosSuggest", ev(suggested));
      continue;
    }
    const right = rightFor(line.expect);
    outcomes.push({ set: name, q: line.q, expect: line.expect, answered: a.answered, top: top ?? null, ok: a.answered && !!top && right(top), sug: a.answered ? null : (a.options?.[0]?.id ?? suggested ?? null) });
    if (a.answered && top && !right(top)) bump(top, "wrong", ev(top));
    else if (!a.answered) {
      const first = a.options?.[0]?.id ?? suggested;
      if (first && !right(first)) bump(first, "suggest", ev(first));
    }
  }
}

const pad = (s, n) => String(s).padEnd(n);
console.log("set                    n   in  out  top1  wrong false");
let tot = { n: 0, in: 0, out: 0, top1: 0, wrong: 0, false: 0 };
for (const r of summary) {
  console.log(`${pad(r.set, 20)} ${pad(r.n, 4)} ${pad(r.in, 4)} ${pad(r.out, 4)} ${pad(r.top1, 5)} ${pad(r.wrong, 5)} ${r.false}`);
  for (const k of Object.keys(tot)) tot[k] += r[k];
}
console.log(`${pad("TOTAL", 20)} ${pad(tot.n, 4)} ${pad(tot.in, 4)} ${pad(tot.out, 4)} ${pad(tot.top1, 5)} ${pad(tot.wrong, 5)} ${tot.false}`);

const ranked = [...perEntry.values()]
  .filter((r) => !only || r.id === only)
  .sort((a, b) => b.wrong + b.oos - (a.wrong + a.oos) || b.suggest + b.oosSuggest - (a.suggest + a.oosSuggest));
console.log("\nentry                                           wrong  oos  suggest oosSuggest");
for (const r of ranked) {
  console.log(`${pad(r.id, 48)} ${pad(r.wrong, 6)} ${pad(r.oos, 4)} ${pad(r.suggest, 7)} ${r.oosSuggest}`);
  for (const c of r.cases.slice(0, detail)) {
    const why = c.why ? `cov ${c.why.coverage} nameCov ${c.why.nameCoverage} prec ${c.why.namePrecision} pairs ${c.why.heldPairs}` : "";
    console.log(`    [${c.kind}] ${c.set}: ${JSON.stringify(c.q)} → expect ${c.expect ? c.expect.join("|") : "null"}; ${why}`);
    console.log(`        via ${c.carriers.map((x) => `${x.field} "${x.text}" ${x.shared}/${x.of}`).join(" · ")}`);
  }
}
if (outcomesOut) writeFileSync(outcomesOut, outcomes.map((o) => JSON.stringify(o)).join("\n") + "\n");
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ summary, entries: ranked }, null, 1));
