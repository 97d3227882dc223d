import { readdirSync } from "node:fs";
import { join, basename } from "node:path";
const ROOT = process.cwd();
const { buildCore } = await import(join(ROOT, "dist/runtime/core.js"));
const { readEvalFile } = await import(join(ROOT, "dist/knowledge/eval.js"));
const { engineEvalAnswer } = await import(join(ROOT, "dist/engine/eval-answer.js"));
const { focusParts } = await import(join(ROOT, "dist/knowledge/search/create-search-index.js"));
const { fold } = await import(join(ROOT, "dist/text/normalize.js"));
const { core } = buildCore({ knowledgeDir: join(ROOT, "knowledge"), flowsDir: join(ROOT, "flows"), today: "2026-12-04" });
const E = core.engine;
const fx = join(ROOT, "test/fixtures");
const files = readdirSync(fx).filter((f) => /^blind-eval.*\.jsonl$/.test(f)).map((f) => join(fx, f));
const rows = [];
for (const f of files) for (const { q, expect } of readEvalFile(f)) {
  const a = engineEvalAnswer(E, q);
  if (!a.answered) continue;
  const id = a.ids?.[0];
  const entry = E.knowledge.byId.get(id);
  const ok = expect === null ? "OOS" : expect.some((x) => x === id || (entry && fold(entry.title).includes(fold(x)))) ? "RIGHT" : "WRONG";
  const parts = focusParts(q, 1);
  if (parts.length === 0) { rows.push({ ok, part: null }); continue; }
  const part = parts.length > 1 ? parts[1] : parts[0];
  const r2 = E.search(part, { limit: 30 });
  const rank = r2.hits.findIndex((h) => h.entry.id === id);
  const h = r2.hits[rank];
  rows.push({ ok, q, part, set: basename(f), strong2: r2.strongWords, unk2: r2.unknownWords.length, rank, s2: h ? h.score : 0, nc2: h ? h.why.nameCoverage : 0, d2: r2.decision.kind, top2: r2.hits[0]?.entry.id === id });
}
const c = (pred) => { const t = { RIGHT: 0, WRONG: 0, OOS: 0 }; for (const r of rows) if (pred(r)) t[r.ok]++; return JSON.stringify(t); };
console.log("all", c(() => true));
console.log("with part", c((r) => r.part));
for (const k of [2, 3, 4, 5]) {
  console.log(`strong2>=${k} & best not in part`, c((r) => r.part && r.strong2 >= k && r.rank < 0));
  console.log(`strong2>=${k} & best s2<0.15`, c((r) => r.part && r.strong2 >= k && r.s2 < 0.15));
  console.log(`strong2>=${k} & nc2==0`, c((r) => r.part && r.strong2 >= k && r.nc2 === 0));
}
if (process.env.SHOW) for (const r of rows) if (r.part && r.strong2 >= +process.env.SHOW && r.nc2 === 0) console.log(r.ok, r.set, "|", r.part, "|", r.q.slice(0, 100));
