import { parse } from "csv-parse/sync";
import type { Tier } from "../schema.js";
import { IMPORT } from "../staff-messages.js";
import { clean, ELLIPSIS, END_OF_LIST, FIELD_PREFIX, key, ROMAN, sttOf, tierOf } from "./cells.js";
import { detectDelimiter, findHeader, type Header, type SheetRecord } from "./header.js";
import { ProcedureRows, type SheetProcedure, type SheetProblem } from "./rows.js";

/**
 * Procedure lists in the shape provincial offices already report (Phụ lục II of the 2021
 * reporting letters): `STT, Lĩnh vực/DVCTT, Mức độ 2, Mức độ 3, Mức độ 4, Ghi chú`, with rows
 * A/B/C naming the tier, I/II/III the field and 1/2/3 a procedure with an "x" under its level.
 * Also common variants: a flat list without tier rows (`--tier`, or a "Cấp thực hiện" column), a
 * "Lĩnh vực" column instead of field rows, one "Mức độ DVCTT" column holding 2/3/4 or "Toàn
 * trình"/"Một phần", and any subset of the Mức độ columns.
 * Everything here is pure: the CLI reads the files and writes the plan.
 */

export type { SheetProcedure, SheetProblem };

export interface ParsedSheet {
  procedures: SheetProcedure[];
  /** Things worth telling the person importing (district tier, ignored trailing tables). */
  notes: SheetProblem[];
  /** Anything here means the sheet is rejected and nothing is written. */
  problems: SheetProblem[];
  delimiter: string;
}

export interface ParseSheetOptions {
  /** Tier of every procedure when the sheet has no tier rows and no "Cấp thực hiện" column (`--tier`). */
  tier?: Tier | undefined;
}

/** Reads the sheet text (CSV with comma, semicolon or tab; BOM tolerated). Never throws. */
export function parseSheet(text: string, options: ParseSheetOptions = {}): ParsedSheet {
  const body = text.replace(/^\uFEFF/, "");
  const sheet: ParsedSheet = { procedures: [], notes: [], problems: [], delimiter: detectDelimiter(body) };
  const problem = (row: number, message: string) => sheet.problems.push({ row, message: `import: ${message}` });
  const records = readRecords(body, sheet.delimiter);
  if ("error" in records) {
    problem(records.line, IMPORT.cannotReadCsv(records.error));
    return sheet;
  }
  const header = findHeader(records);
  if (!header) {
    problem(1, IMPORT.noHeader);
    return sheet;
  }
  // Decide up front what the sheet gives, so a flat list gets one clear problem, not one per row.
  const rows = listRows(records, header, sheet.notes);
  const shape = { hasTierRows: rows.some((r) => isTierRow(r.cells, header)), hasFieldRows: rows.some((r) => isFieldRow(r.cells, header) && !isTierRow(r.cells, header)) };
  if (!shape.hasTierRows && header.tier === undefined && !options.tier) {
    problem(header.row, IMPORT.noTierInSheet);
    return sheet;
  }
  const noField = !shape.hasFieldRows && header.field === undefined;
  if (noField) sheet.notes.push({ row: header.row, message: `import: ${IMPORT.noFieldAnywhere(IMPORT.noFieldPlaceholder)}` });
  const headerCells = records.find((r) => r.row === header.row)?.cells ?? [];
  const reader = new ProcedureRows(header, headerCells, { ...shape, noField, tier: shape.hasTierRows ? undefined : options.tier }, sheet);
  for (const r of rows) readRow(reader, r, header);
  if (sheet.problems.length === 0 && sheet.procedures.length === 0) problem(header.row, IMPORT.noRows);
  return sheet;
}

/** The CSV records with their line numbers, or why the text is not CSV. */
function readRecords(body: string, delimiter: string): SheetRecord[] | { error: string; line: number } {
  try {
    const raw = parse(body, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, info: true }) as unknown as Array<{
      record: string[];
      info: { lines: number };
    }>;
    return raw.map((r) => ({ row: r.info.lines, cells: r.record.map(clean) }));
  } catch (err) {
    return { error: (err as Error).message, line: (err as { lines?: number }).lines ?? 1 };
  }
}

/** The rows below the header, without blank or "..." rows, up to the end of the list (noted). */
function listRows(records: readonly SheetRecord[], header: Header, notes: SheetProblem[]): SheetRecord[] {
  const rows: SheetRecord[] = [];
  for (const r of records.slice(header.dataFrom)) {
    if (r.cells.every((c) => c === "" || ELLIPSIS.test(c))) continue;
    const first = r.cells.find((c) => c !== "") ?? "";
    if (!/^\d/.test(sttOf(r.cells, header.stt)) && END_OF_LIST.test(key(first))) {
      notes.push({ row: r.row, message: `import: ${IMPORT.endOfList(first)}` });
      break;
    }
    rows.push(r);
  }
  return rows;
}

/** "A | Cấp tỉnh": a tier label under an empty, letter or Roman STT. */
function isTierRow(cells: readonly string[], header: Header): boolean {
  const stt = sttOf(cells, header.stt);
  return !!tierOf(cells[header.name] ?? "") && (stt === "" || /^[a-z]$/i.test(stt) || ROMAN.test(stt));
}

/** "I | Lĩnh vực Hộ tịch": a Roman STT, or no STT and a "Lĩnh vực …" label. */
function isFieldRow(cells: readonly string[], header: Header): boolean {
  const stt = sttOf(cells, header.stt);
  return ROMAN.test(stt) || (stt === "" && FIELD_PREFIX.test(cells[header.name] ?? ""));
}

/** One row by what its STT says: a procedure (1, 2, 1.1), a tier (A), a field (I), or a mistake. */
function readRow(reader: ProcedureRows, { row, cells }: SheetRecord, header: Header): void {
  const stt = sttOf(cells, header.stt);
  const name = cells[header.name] ?? "";
  if (ELLIPSIS.test(stt) && stt !== "") return;
  if (ELLIPSIS.test(name) && name !== "") return;
  if (/^\d+(?:\.\d+)*$/.test(stt)) reader.procedure(row, cells, stt, name);
  else if (isTierRow(cells, header)) reader.tierRow(row, name);
  else if (isFieldRow(cells, header)) reader.fieldRow(row, stt, name);
  else if (/^[a-z]$/i.test(stt)) reader.problem(row, IMPORT.unknownTierRow(stt, name));
  else reader.problem(row, stt ? IMPORT.badStt(stt) : IMPORT.noStt);
}
