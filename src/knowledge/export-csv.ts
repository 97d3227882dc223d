import { stringify } from "csv-stringify/sync";
import { csvTextCell } from "../text/csv-cell.js";
import { nfc } from "../text/normalize.js";
import { LEVELS, type Entry, type Level, type Procedure, type Tier } from "./schema.js";
import { SHEET } from "./staff-messages.js";

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
  const tiers = TIER_ORDER.filter((t) => procedures.some((p) => p.tier === t));
  const rows = [...listRows(procedures, tiers), [], ...summaryRows(procedures, tiers)];
  // Titles and notes are typed by staff; a cell starting with "=" must not run in Excel either.
  return nfc(stringify(rows.map((row) => row.map(csvTextCell)), { bom: true, record_delimiter: "windows" }));
}

/** Mức độ 2, 3, 4: the order of the level columns. */
const LEVEL_COLUMNS = [...LEVELS].reverse() as Level[];

const TIER_ORDER: readonly Tier[] = ["trung-uong", "tinh", "huyen", "xa"];

/** Phụ lục II: tier rows, field rows under them, procedures under those. */
function listRows(procedures: readonly Procedure[], tiers: readonly Tier[]): string[][] {
  const rows: string[][] = [[SHEET.stt, SHEET.nameColumn, ...LEVEL_COLUMNS.map((l) => SHEET.levelColumn[l]), SHEET.noteColumn]];
  tiers.forEach((tier, ti) => {
    rows.push([String.fromCharCode(65 + ti), SHEET.tier[tier], "", "", "", ""]);
    const inTier = procedures.filter((p) => p.tier === tier);
    const fields = [...new Set(inTier.map((p) => p.field))].sort(collate);
    fields.forEach((field, fi) => {
      rows.push([roman(fi + 1), SHEET.fieldRow(field), "", "", "", ""]);
      inTier
        .filter((p) => p.field === field)
        .sort((a, b) => collate(a.title, b.title))
        .forEach((p, pi) => rows.push([String(pi + 1), p.title, ...LEVEL_COLUMNS.map((l) => (p.level === l ? "x" : "")), noteOf(p)]));
    });
  });
  return rows;
}

function noteOf(p: Procedure): string {
  return [p.code ? SHEET.code(p.code) : "", p.needs_review ? SHEET.notReviewed : ""].filter(Boolean).join("; ");
}

/** Phụ lục I: a title row, then the count per tier and level, then the total. */
function summaryRows(procedures: readonly Procedure[], tiers: readonly Tier[]): string[][] {
  const count = (list: readonly Procedure[]) => [String(list.length), ...LEVEL_COLUMNS.map((l) => String(list.filter((p) => p.level === l).length))];
  return [
    [SHEET.summaryTitle],
    [SHEET.summaryTierColumn, SHEET.summaryCountColumn, ...LEVEL_COLUMNS.map((l) => SHEET.levelColumn[l]), SHEET.noteColumn],
    ...tiers.map((tier) => [SHEET.tier[tier], ...count(procedures.filter((p) => p.tier === tier)), tier === "huyen" ? SHEET.huyenNote : ""]),
    [SHEET.total, ...count(procedures), ""],
  ];
}

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
