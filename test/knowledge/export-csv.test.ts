import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exportCsv } from "../../src/knowledge/export-csv.js";
import { parseSheet } from "../../src/knowledge/sheet/parse-sheet.js";
import { loadKnowledge } from "../../src/knowledge/loader.js";
import { guideSchema, procedureSchema, type Procedure } from "../../src/knowledge/schema.js";
import { tempDir } from "../helpers/temp.js";
import { FIXTURE_KNOWLEDGE, importSheet, REAL_KNOWLEDGE, writeSheet } from "../staff/helpers.js";

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

const procedure = (id: string, title: string, extra: Partial<Procedure> = {}) =>
  procedureSchema.parse({ id, kind: "procedure", title, field: "Hộ tịch", tier: "xa", agency: "UBND cấp xã", level: "toan-trinh", source: "s", reviewed: "2026-01-01", ...extra });

/** Exports a folder, imports the export into an empty folder, and loads what that wrote. */
async function roundTrip(dir: string) {
  const { knowledge } = loadKnowledge(dir);
  const csv = exportCsv(knowledge.entries);
  expect(parseSheet(csv).problems).toEqual([]);
  const empty = tempDir("empty");
  const { code } = await importSheet(empty, writeSheet(csv, "bao-cao.csv"));
  expect(code).toBe(0);
  const back = loadKnowledge(empty);
  expect(back.problems).toEqual([]);
  expect(readdirSync(join(empty, "imported")).length).toBe(knowledge.entries.filter((e) => e.kind === "procedure").length);
  expect(counts(back.knowledge.entries)).toEqual(counts(knowledge.entries));
  // and the export of the imported copy is the same list, now marked "chưa rà soát"
  const again = exportCsv(back.knowledge.entries);
  expect(again.replace(/,"?(Mã [\d.]+; )?chưa rà soát"?\r\n/g, ",$1\r\n").replace(/,Mã ([\d.]+); \r\n/g, ",Mã $1\r\n")).toBe(csv);
  return back.knowledge;
}

describe("export --csv", () => {
  it("writes the report shape: a BOM, tiers A/B/C, fields I/II sorted the Vietnamese way, x under the level, then the Phụ lục I counts", () => {
    const csv = exportCsv([
      procedure("khai-tu", "Đăng ký khai tử"),
      procedure("khai-sinh", "Đăng ký khai sinh", { code: "1.001193" }),
      procedure("chung-thuc", "Chứng thực chữ ký", { field: "Chứng thực", level: "mot-phan", needs_review: true, code: "2.000815" }),
      procedure("ho-chieu", "Cấp hộ chiếu", { tier: "tinh", field: "Xuất nhập cảnh", agency: "Công an tỉnh", level: "mot-phan" }),
      procedure("cu", "=Thủ tục cũ", { tier: "huyen", field: "Tư pháp", agency: "UBND huyện", level: "khong-truc-tuyen" }),
      guideSchema.parse({ id: "g", kind: "guide", title: "Hướng dẫn", body: "b", source: "s", reviewed: "2026-01-01" }),
    ]);
    expect(csv).toBe(
      "\uFEFF" +
        [
          "STT,Lĩnh vực/DVCTT,Mức độ 2,Mức độ 3,Mức độ 4,Ghi chú",
          "A,Cấp tỉnh,,,,",
          "I,Lĩnh vực Xuất nhập cảnh,,,,",
          "1,Cấp hộ chiếu,,x,,",
          "B,Cấp huyện,,,,",
          "I,Lĩnh vực Tư pháp,,,,",
          // A title typed as a formula does not run in Excel.
          "1,'=Thủ tục cũ,x,,,",
          "C,Cấp xã,,,,",
          "I,Lĩnh vực Chứng thực,,,,",
          "1,Chứng thực chữ ký,,x,,Mã 2.000815; chưa rà soát",
          "II,Lĩnh vực Hộ tịch,,,,",
          "1,Đăng ký khai sinh,,,x,Mã 1.001193",
          "2,Đăng ký khai tử,,,x,",
          "",
          "Phụ lục I — Tổng số TTHC theo cấp chính quyền và mức độ DVCTT",
          "Cấp chính quyền,Tổng số TTHC,Mức độ 2,Mức độ 3,Mức độ 4,Ghi chú",
          "Cấp tỉnh,1,0,1,0,",
          'Cấp huyện,1,1,0,0,"danh mục cũ, trước 1/7/2025"',
          "Cấp xã,3,0,1,2,",
          "Tổng,5,1,2,2,",
          "",
        ].join("\r\n"),
    );
  });

  it("round-trips: importing the export into an empty folder gives the same counts per tier and level", async () => {
    const back = await roundTrip(FIXTURE_KNOWLEDGE);
    expect(back.byId.get("dang-ky-khai-sinh")).toMatchObject({ tier: "xa", level: "toan-trinh", field: "Hộ tịch", needs_review: true });
  });

  it("content: the shipped knowledge round-trips too, national codes included", async () => {
    const { knowledge } = loadKnowledge(REAL_KNOWLEDGE);
    const csv = exportCsv(knowledge.entries);
    expect(csv.startsWith("\uFEFFSTT,Lĩnh vực/DVCTT,Mức độ 2,Mức độ 3,Mức độ 4,Ghi chú\r\n")).toBe(true);
    expect(csv).toBe(csv.normalize("NFC"));
    const total = csv.split("\r\n").find((l) => l.startsWith("Tổng,"))!.split(",");
    const procedures = knowledge.entries.filter((e) => e.kind === "procedure");
    expect(Number(total[1])).toBe(procedures.length);
    expect(Number(total[2]) + Number(total[3]) + Number(total[4])).toBe(procedures.length);
    expect(csv).toContain("Mã 1.004222"); // the national code travels in Ghi chú
    const back = await roundTrip(REAL_KNOWLEDGE);
    expect(back.byId.get("dang-ky-thuong-tru")).toMatchObject({ code: "1.004222", needs_review: true });
  });
});
