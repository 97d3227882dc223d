import { fold } from "../../text/normalize.js";
import type { Level } from "../schema.js";
import { clean, isLevelColumn, key, levelOfHeader } from "./cells.js";

/** A row of the sheet as read: its 1-based line in the file and its cleaned cells. */
export interface SheetRecord {
  row: number;
  cells: string[];
}

/** Where the sheet keeps what: the header row and the column of each thing it gives. */
export interface Header {
  row: number;
  /** Index in the records of the first data row. */
  dataFrom: number;
  stt: number;
  name: number;
  note?: number | undefined;
  /** "Cấp thực hiện" column: the tier of each row. */
  tier?: number | undefined;
  /** "Lĩnh vực" column (apart from the name column): the field of each row. */
  field?: number | undefined;
  /** "Mức độ DVCTT" column: the level of each row as a value. */
  levelValue?: number | undefined;
  /** "Mức độ 2/3/4" columns: the level of each row is the one marked. */
  levels: Array<{ col: number; level: Level; label: string }>;
}

/** The header is looked for in the first rows only: title rows above it are common, pages of them are not. */
const HEADER_SEARCH_ROWS = 40;

/** Comma, semicolon (Excel in a Vietnamese locale) or tab: whichever splits the header row most. */
export function detectDelimiter(text: string): string {
  const lines = text.split(/\r\n|\n|\r/, 60);
  const header = lines.find((l) => /(^|[^a-z])stt([^a-z]|$)/.test(fold(l))) ?? lines.find((l) => l.trim()) ?? "";
  const counts = [",", ";", "\t"].map((d) => ({ d, n: header.split(d).length - 1 }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0]!.n > 0 ? counts[0]!.d : ",";
}

/** The first row with an STT column and a way to read the level, with the columns it names. */
export function findHeader(records: readonly SheetRecord[]): Header | undefined {
  for (let i = 0; i < Math.min(records.length, HEADER_SEARCH_ROWS); i++) {
    const header = headerAt(records, i);
    if (header) return header;
  }
  return undefined;
}

function headerAt(records: readonly SheetRecord[], i: number): Header | undefined {
  const { row, cells } = records[i]!;
  const keys = cells.map(key);
  const stt = keys.indexOf("stt");
  if (stt < 0) return undefined;
  const levels = levelColumns(cells);
  let dataFrom = i + 1;
  // Phụ lục III/IV put "Mức độ 2 | Mức độ 3" on a second header row under a merged cell.
  const next = records[i + 1];
  if (next && clean(next.cells[stt]) === "" && next.cells.some((c) => levelOfHeader(c))) {
    levelColumns(next.cells, levels);
    dataFrom = i + 2;
  }
  const levelValue = levels.length === 0 ? cells.findIndex(isLevelColumn) : -1;
  if (levels.length === 0 && levelValue < 0) return undefined;
  const tier = keys.findIndex((k) => /^(?:cap thuc hien|cap|cap giai quyet|cap co tham quyen)$/.test(k));
  const field = keys.findIndex((k, col) => col !== stt && /^(?:linh vuc|ten linh vuc)$/.test(k));
  return {
    row,
    dataFrom,
    stt,
    name: nameColumn(keys, { stt, field, tier, levelValue }),
    levels,
    note: found(keys.findIndex((k) => k.startsWith("ghi chu"))),
    tier: found(tier),
    field: found(field),
    levelValue: found(levelValue),
  };
}

/** Adds the "Mức độ N" columns of a header row to `levels` (each column and each level once). */
function levelColumns(cells: readonly string[], levels: Header["levels"] = []): Header["levels"] {
  cells.forEach((c, col) => {
    const level = levelOfHeader(c);
    if (level && !levels.some((l) => l.col === col || l.level === level)) levels.push({ col, level, label: c });
  });
  return levels;
}

/** The procedure name column: "Tên thủ tục", else the "Lĩnh vực/DVCTT" of the report shape, else the one after STT. */
function nameColumn(keys: readonly string[], taken: { stt: number; field: number; tier: number; levelValue: number }): number {
  const { stt, field, tier, levelValue } = taken;
  let name = keys.findIndex((k, col) => col !== stt && col !== field && /ten thu tuc|ten tthc|ten dich vu/.test(k));
  if (name < 0) name = keys.findIndex((k, col) => col !== stt && col !== field && col !== tier && /linh vuc|dvctt|thu tuc/.test(k) && col !== levelValue);
  if (name < 0) name = stt + 1;
  return name;
}

/** A findIndex result as an optional column. */
function found(index: number): number | undefined {
  return index >= 0 ? index : undefined;
}
