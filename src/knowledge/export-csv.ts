import { stringify } from "csv-stringify/sync";
import { csvTextCell } from "../text/csv-cell.js";
import { nfc } from "../text/normalize.js";
import { LEVEL_LABEL } from "./import-sheet.js";
import { LEVELS, type Entry, type Level, type Procedure, type Tier } from "./schema.js";

/**
 * `dvc-bot export --csv`: the procedures in the report shape offices send upwards, UTF-8 with a
 * BOM so Excel shows the diacritics. Two tables, separated by one empty row:
 *
 * 1. Phụ lục II — `STT, Lĩnh vực/DVCTT, Mức độ 2, Mức độ 3, Mức độ 4, Ghi chú`; rows A/B/C name
 *    the tier, I/II/III the field, 1/2/3 a procedure with "x" under its level. Ghi chú carries
 *    the national code and "chưa rà soát" for entries still marked needs_review.
 * 2. Phụ lục I — a title row, then `Cấp chính quyền, Tổng số TTHC, Mức độ 2, Mức độ 3, Mức độ 4,
 *    Ghi chú`, one row per tier and a Tổng row.
 *
 * `dvc-bot import` reads this file back: it stops at the Phụ lục I title.
 */
export function exportCsv(entries: readonly Entry[]): string {
  const procedures = entries.filter((e): e is Procedure => e.kind === "procedure");
  const rows: string[][] = [];
  const levelColumns = [...LEVELS].reverse() as Level[]; // Mức độ 2, 3, 4
  rows.push(["STT", "Lĩnh vực/DVCTT", ...levelColumns.map((l) => LEVEL_LABEL[l]), "Ghi chú"]);

  const tiers = TIER_ORDER.filter((t) => procedures.some((p) => p.tier === t));
  tiers.forEach((tier, ti) => {
    rows.push([String.fromCharCode(65 + ti), TIER_LABEL[tier], "", "", "", ""]);
    const inTier = procedures.filter((p) => p.tier === tier);
    const fields = [...new Set(inTier.map((p) => p.field))].sort(collate);
    fields.forEach((field, fi) => {
      rows.push([roman(fi + 1), `Lĩnh vực ${field}`, "", "", "", ""]);
      inTier
        .filter((p) => p.field === field)
        .sort((a, b) => collate(a.title, b.title))
        .forEach((p, pi) => {
          const note = [p.code ? `Mã ${p.code}` : "", p.needs_review ? "chưa rà soát" : ""].filter(Boolean).join("; ");
          rows.push([String(pi + 1), p.title, ...levelColumns.map((l) => (p.level === l ? "x" : "")), note]);
        });
    });
  });

  rows.push([]);
  rows.push(["Phụ lục I — Tổng số TTHC theo cấp chính quyền và mức độ DVCTT"]);
  rows.push(["Cấp chính quyền", "Tổng số TTHC", ...levelColumns.map((l) => LEVEL_LABEL[l]), "Ghi chú"]);
  const count = (list: readonly Procedure[]) => [String(list.length), ...levelColumns.map((l) => String(list.filter((p) => p.level === l).length))];
  for (const tier of tiers) {
    rows.push([TIER_LABEL[tier], ...count(procedures.filter((p) => p.tier === tier)), tier === "huyen" ? "danh mục cũ, trước 1/7/2025" : ""]);
  }
  rows.push(["Tổng", ...count(procedures), ""]);

  // Titles and notes are typed by staff; a cell starting with "=" must not run in Excel either.
  return nfc(stringify(rows.map((row) => row.map(csvTextCell)), { bom: true, record_delimiter: "windows" }));
}

const TIER_ORDER: readonly Tier[] = ["trung-uong", "tinh", "huyen", "xa"];

const TIER_LABEL: Record<Tier, string> = {
  "trung-uong": "Cấp trung ương",
  tinh: "Cấp tỉnh",
  huyen: "Cấp huyện",
  xa: "Cấp xã",
};

const collator = new Intl.Collator("vi");
const collate = (a: string, b: string) => collator.compare(a, b);

function roman(n: number): string {
  const parts: Array<[number, string]> = [
    [1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"],
    [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"],
  ];
  let out = "";
  for (const [value, symbol] of parts) {
    while (n >= value) {
      out += symbol;
      n -= value;
    }
  }
  return out;
}
