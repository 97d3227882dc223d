import { fold, nfc } from "../../text/normalize.js";
import type { Level, Tier } from "../schema.js";

/**
 * How the cells of a procedure sheet read: headers, tier and field labels, level marks and the
 * Ghi chú column. Staff type these by hand, so everything is compared folded (no diacritics, no
 * case, no punctuation) and only whole labels count.
 */

/** Folded, punctuation-free, single-spaced: how headers and row labels are compared. */
export function key(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** A cell as text: NFC, every kind of space (non-breaking, zero-width) one plain space, trimmed. */
export function clean(cell: unknown): string {
  return nfc(String(cell ?? ""))
    .replace(/[\s\u00a0\u200b]+/g, " ")
    .trim();
}

const LEVEL_BY_NUMBER: Record<string, Level> = { "1": "khong-truc-tuyen", "2": "khong-truc-tuyen", "3": "mot-phan", "4": "toan-trinh" };

/** A header naming one level ("Mức độ 3", "MD4", "Toàn trình") → that level. */
export function levelOfHeader(cell: string): Level | undefined {
  const k = key(cell);
  const m = /^(?:muc do|muc|md|dvc muc do|dvctt muc do)\s*([1-4])$/.exec(k);
  if (m) return LEVEL_BY_NUMBER[m[1]!];
  if (k === "toan trinh") return "toan-trinh";
  if (k === "mot phan") return "mot-phan";
  return undefined;
}

/** One column holding the level of each row ("Mức độ DVCTT": 2/3/4, "Toàn trình", "Một phần"). */
export function isLevelColumn(cell: string): boolean {
  return /^(?:muc do(?: dvctt| dvc| truc tuyen| cung cap(?: dvctt| dich vu cong truc tuyen)?)?|dvctt|hinh thuc dvctt|dich vu cong truc tuyen)$/.test(key(cell));
}

/** A cell of a single level column → the level, or undefined when it says nothing we know. */
export function levelOfValue(cell: string): Level | undefined {
  const k = key(cell);
  const n = /^(?:muc do |muc |md )?([1-4])$/.exec(k);
  if (n) return LEVEL_BY_NUMBER[n[1]!];
  if (/^(?:dvctt |dvc )?toan trinh$/.test(k)) return "toan-trinh";
  if (/^(?:dvctt |dvc )?mot phan$/.test(k)) return "mot-phan";
  if (/^(?:chua truc tuyen|khong truc tuyen|khong|chua|truc tiep)$/.test(k)) return "khong-truc-tuyen";
  return undefined;
}

/** "Cấp tỉnh" → tinh … Only whole tier labels, so "Cấp giấy phép…" is never a tier. */
export function tierOf(label: string): Tier | undefined {
  const k = key(label);
  const m = /^(?:cap|chinh quyen cap|ubnd cap|co quan cap)\s+(tinh|huyen|xa|trung uong|bo)\b/.exec(k) ?? /^(tinh|huyen|xa|trung uong)$/.exec(k);
  if (!m) return undefined;
  return m[1] === "tinh" || m[1] === "huyen" || m[1] === "xa" ? m[1] : "trung-uong";
}

/** A Roman numeral (I, II, XIV): the STT of a field row. */
export const ROMAN = /^(?=[ivxlcdm]+$)m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/i;

/** "Lĩnh vực Hộ tịch", "Linh vuc: Hộ tịch": the label of a field row. */
export const FIELD_PREFIX = /^l(?:ĩ|i)nh\s+v(?:ự|u)c\s*[:\-–—]?\s*/iu;

/** "Lĩnh vực hộ tịch" → "Hộ tịch"; empty when the label names no field. */
export function fieldName(label: string): string {
  const rest = label.replace(FIELD_PREFIX, "").trim();
  return rest ? rest.charAt(0).toLocaleUpperCase("vi") + rest.slice(1) : "";
}

/** A row that ends the list: the Phụ lục I table `export --csv` writes below it, a total row. */
export const END_OF_LIST = /^(?:phu luc\b|cap chinh quyen$|tong$|tong cong$|tong so$)/;

/** "...", "…", ". . ." — rows staff leave to say "and so on". */
export const ELLIPSIS = /^[.…\s]+$/;

/** The STT cell of a row, without the trailing dot some sheets write ("1.", "A."). */
export function sttOf(cells: readonly string[], column: number): string {
  return (cells[column] ?? "").replace(/\.$/, "").trim();
}

const CODE_NOTE = /(?:^|[;,]\s*)m(?:ã|a)(?:\s+(?:tthc|thủ tục|thu tuc))?\s*:?\s*(\d\.\d{6})\s*(?=[;,]|$)/iu;
const REVIEW_NOTE = /(?:^|[;,]\s*)ch(?:ư|u)a r(?:à|a) so(?:á|a)t\s*(?=[;,]|$)/iu;

/** Ghi chú → the national code it names, the "chưa rà soát" marker dropped, the rest kept as a note. */
export function readNote(cell: string): { note?: string; code?: string } {
  const out: { note?: string; code?: string } = {};
  const code = CODE_NOTE.exec(cell)?.[1];
  const note = cell
    .replace(CODE_NOTE, "")
    .replace(REVIEW_NOTE, "")
    .replace(/^[;,\s]+|[;,\s]+$/g, "");
  if (note) out.note = note;
  if (code) out.code = code;
  return out;
}
