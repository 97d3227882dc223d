import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exportCsv } from "../../src/knowledge/export-csv.js";
import { parseSheet } from "../../src/knowledge/sheet/parse-sheet.js";
import { loadKnowledge } from "../../src/knowledge/loader.js";
import type { Procedure } from "../../src/knowledge/schema.js";
import { importSheet, REAL_KNOWLEDGE, tempDir, writeSheet } from "./helpers.js";

function counts(entries: readonly { kind: string }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of entries) {
    if (e.kind !== "procedure") continue;
    const p = e as Procedure;
    const k = `${p.tier}/${p.level}`;
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

describe("export --csv", () => {
  const { knowledge } = loadKnowledge(REAL_KNOWLEDGE);
  const csv = exportCsv(knowledge.entries);

  it("writes the report shape with a BOM, tiers A/B/C, fields I/II and the Phụ lục I summary", () => {
    expect(csv.startsWith("\uFEFFSTT,Lĩnh vực/DVCTT,Mức độ 2,Mức độ 3,Mức độ 4,Ghi chú\r\n")).toBe(true);
    expect(csv).toBe(csv.normalize("NFC"));
    const lines = csv.split("\r\n");
    expect(lines[1]).toMatch(/^A,Cấp /);
    expect(lines[2]).toMatch(/^I,Lĩnh vực /);
    expect(lines[3]).toMatch(/^1,.+,(x,,|,x,|,,x),/);
    expect(csv).toMatch(/\r\n\r\nPhụ lục I — .*\r\nCấp chính quyền,Tổng số TTHC,Mức độ 2,Mức độ 3,Mức độ 4,Ghi chú\r\n/);
    const total = lines.find((l) => l.startsWith("Tổng,"))!.split(",");
    const procedures = knowledge.entries.filter((e) => e.kind === "procedure");
    expect(Number(total[1])).toBe(procedures.length);
    expect(Number(total[2]) + Number(total[3]) + Number(total[4])).toBe(procedures.length);
    expect(csv).toContain("Mã 1.004222"); // the national code travels in Ghi chú
  });

  it("round-trips: importing the export into an empty folder gives the same counts per tier and level", async () => {
    expect(parseSheet(csv).problems).toEqual([]);
    const empty = tempDir("dvc-empty-");
    const { code } = await importSheet(empty, writeSheet(csv, "bao-cao.csv"));
    expect(code).toBe(0);
    const back = loadKnowledge(empty);
    expect(back.problems).toEqual([]);
    expect(readdirSync(join(empty, "imported")).length).toBe(knowledge.entries.filter((e) => e.kind === "procedure").length);
    expect(counts(back.knowledge.entries)).toEqual(counts(knowledge.entries));
    expect(back.knowledge.byId.get("dang-ky-thuong-tru")).toMatchObject({ code: "1.004222", needs_review: true });
    // and the export of the imported copy is the same list, now marked "chưa rà soát"
    const again = exportCsv(back.knowledge.entries);
    expect(again.replace(/,"?(Mã [\d.]+; )?chưa rà soát"?\r\n/g, ",$1\r\n").replace(/,Mã ([\d.]+); \r\n/g, ",Mã $1\r\n")).toBe(csv);
  });
});
