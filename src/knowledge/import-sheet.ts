import { parse } from "csv-parse/sync";
import { Document, isMap, isSeq, parseAllDocuments, type YAMLMap } from "yaml";
import { fold, foldedText, nfc } from "../text/normalize.js";
import { entrySchema, LEGACY_LEVEL, type Entry, type Level, type Procedure, type Tier } from "./schema.js";
import { IMPORT } from "./staff-messages.js";
import { parseYamlText } from "../source/yaml-source.js";

/**
 * Procedure lists in the shape provincial offices already report (Phụ lục II of the 2021
 * reporting letters): `STT, Lĩnh vực/DVCTT, Mức độ 2, Mức độ 3, Mức độ 4, Ghi chú`, with rows
 * A/B/C naming the tier, I/II/III the field and 1/2/3 a procedure with an "x" under its level.
 * Also common variants: a flat list without tier rows (`--tier`, or a "Cấp thực hiện" column), a
 * "Lĩnh vực" column instead of field rows, one "Mức độ DVCTT" column holding 2/3/4 or "Toàn
 * trình"/"Một phần", and any subset of the Mức độ columns.
 * Everything here is pure: the CLI reads the files and writes the plan.
 */

/** One procedure row of the sheet. `row` is the 1-based line in the file (the spreadsheet row). */
export interface SheetProcedure {
  row: number;
  tier: Tier;
  field: string;
  name: string;
  level: Level;
  note?: string;
  /** National code when the Ghi chú cell gives one ("Mã 1.004222"), as `export --csv` writes it. */
  code?: string;
}

export interface SheetProblem {
  row: number;
  message: string;
}

export interface ParsedSheet {
  procedures: SheetProcedure[];
  /** Things worth telling the person importing (district tier, ignored trailing tables). */
  notes: SheetProblem[];
  /** Anything here means the sheet is rejected and nothing is written. */
  problems: SheetProblem[];
  delimiter: string;
}

/** Generic agency per tier: honest placeholders until a person names the real agency. */
export const GENERIC_AGENCY: Record<Tier, string> = {
  "trung-uong": "Cơ quan trung ương theo lĩnh vực",
  tinh: "Cơ quan cấp tỉnh theo lĩnh vực",
  huyen: "UBND cấp huyện (danh mục cũ, trước 1/7/2025)",
  xa: "UBND cấp xã",
};

const HUYEN_REFORM_NOTE =
  "Danh mục cũ ghi cấp huyện; từ 1/7/2025 chính quyền địa phương còn hai cấp (tỉnh, xã), thủ tục cấp huyện đã chuyển về cấp tỉnh hoặc cấp xã — cần xác định nơi thực hiện hiện nay.";

/** Folded, punctuation-free, single-spaced: how headers and row labels are compared. */
function key(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

function clean(cell: unknown): string {
  return nfc(String(cell ?? ""))
    .replace(/[\s\u00a0\u200b]+/g, " ")
    .trim();
}

const LEVEL_BY_NUMBER: Record<string, Level> = { "1": "khong-truc-tuyen", "2": "khong-truc-tuyen", "3": "mot-phan", "4": "toan-trinh" };

function levelOfHeader(cell: string): Level | undefined {
  const k = key(cell);
  const m = /^(?:muc do|muc|md|dvc muc do|dvctt muc do)\s*([1-4])$/.exec(k);
  if (m) return LEVEL_BY_NUMBER[m[1]!];
  if (k === "toan trinh") return "toan-trinh";
  if (k === "mot phan") return "mot-phan";
  return undefined;
}

/** One column holding the level of each row ("Mức độ DVCTT": 2/3/4, "Toàn trình", "Một phần"). */
function isLevelColumn(cell: string): boolean {
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

const ROMAN = /^(?=[ivxlcdm]+$)m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/i;

const FIELD_PREFIX = /^l(?:ĩ|i)nh\s+v(?:ự|u)c\s*[:\-–—]?\s*/iu;

function fieldName(label: string): string {
  const rest = label.replace(FIELD_PREFIX, "").trim();
  return rest ? rest.charAt(0).toLocaleUpperCase("vi") + rest.slice(1) : "";
}

const END_OF_LIST = /^(?:phu luc\b|cap chinh quyen$|tong$|tong cong$|tong so$)/;

function detectDelimiter(text: string): string {
  const lines = text.split(/\r\n|\n|\r/, 60);
  const header = lines.find((l) => /(^|[^a-z])stt([^a-z]|$)/.test(fold(l))) ?? lines.find((l) => l.trim()) ?? "";
  const counts = [",", ";", "\t"].map((d) => ({ d, n: header.split(d).length - 1 }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0]!.n > 0 ? counts[0]!.d : ",";
}

interface Header {
  row: number;
  /** Index in the records of the first data row. */
  dataFrom: number;
  stt: number;
  name: number;
  note?: number;
  /** "Cấp thực hiện" column: the tier of each row. */
  tier?: number;
  /** "Lĩnh vực" column (apart from the name column): the field of each row. */
  field?: number;
  /** "Mức độ DVCTT" column: the level of each row as a value. */
  levelValue?: number;
  levels: Array<{ col: number; level: Level; label: string }>;
}

function findHeader(records: Array<{ row: number; cells: string[] }>): Header | undefined {
  for (let i = 0; i < Math.min(records.length, 40); i++) {
    const { row, cells } = records[i]!;
    const keys = cells.map(key);
    const stt = keys.indexOf("stt");
    if (stt < 0) continue;
    const levels: Header["levels"] = [];
    const addLevels = (cs: string[]) =>
      cs.forEach((c, col) => {
        const level = levelOfHeader(c);
        if (level && !levels.some((l) => l.col === col || l.level === level)) levels.push({ col, level, label: c });
      });
    addLevels(cells);
    let dataFrom = i + 1;
    // Phụ lục III/IV put "Mức độ 2 | Mức độ 3" on a second header row under a merged cell.
    const next = records[i + 1];
    if (next && clean(next.cells[stt]) === "" && next.cells.some((c) => levelOfHeader(c))) {
      addLevels(next.cells);
      dataFrom = i + 2;
    }
    const levelValue = levels.length === 0 ? cells.findIndex(isLevelColumn) : -1;
    if (levels.length === 0 && levelValue < 0) continue;
    const tier = keys.findIndex((k) => /^(?:cap thuc hien|cap|cap giai quyet|cap co tham quyen)$/.test(k));
    const field = keys.findIndex((k, col) => col !== stt && /^(?:linh vuc|ten linh vuc)$/.test(k));
    let name = keys.findIndex((k, col) => col !== stt && col !== field && /ten thu tuc|ten tthc|ten dich vu/.test(k));
    if (name < 0) name = keys.findIndex((k, col) => col !== stt && col !== field && col !== tier && /linh vuc|dvctt|thu tuc/.test(k) && col !== levelValue);
    if (name < 0) name = stt + 1;
    const note = keys.findIndex((k) => k.startsWith("ghi chu"));
    return {
      row,
      dataFrom,
      stt,
      name,
      levels,
      ...(note >= 0 ? { note } : {}),
      ...(tier >= 0 ? { tier } : {}),
      ...(field >= 0 ? { field } : {}),
      ...(levelValue >= 0 ? { levelValue } : {}),
    };
  }
  return undefined;
}

const CODE_NOTE = /(?:^|[;,]\s*)m(?:ã|a)(?:\s+(?:tthc|thủ tục|thu tuc))?\s*:?\s*(\d\.\d{6})\s*(?=[;,]|$)/iu;
const REVIEW_NOTE = /(?:^|[;,]\s*)ch(?:ư|u)a r(?:à|a) so(?:á|a)t\s*(?=[;,]|$)/iu;

/** Ghi chú → the national code it names, the "chưa rà soát" marker dropped, the rest kept as a note. */
function readNote(cell: string): { note?: string; code?: string } {
  const code = CODE_NOTE.exec(cell)?.[1];
  const note = cell
    .replace(CODE_NOTE, "")
    .replace(REVIEW_NOTE, "")
    .replace(/^[;,\s]+|[;,\s]+$/g, "");
  return { ...(note ? { note } : {}), ...(code ? { code } : {}) };
}

/** Column header for each level in the report shape. */
export const LEVEL_LABEL: Record<Level, string> = { "toan-trinh": "Mức độ 4", "mot-phan": "Mức độ 3", "khong-truc-tuyen": "Mức độ 2" };

export interface ParseSheetOptions {
  /** Tier of every procedure when the sheet has no tier rows and no "Cấp thực hiện" column (`--tier`). */
  tier?: Tier;
}

/** Field given to rows of a sheet that names no field at all: honest, and for the reviewer to fill. */
export const NO_FIELD = "Chưa rõ lĩnh vực";

/** "...", "…", ". . ." — rows staff leave to say "and so on". */
const ELLIPSIS = /^[.…\s]+$/;

/** Reads the sheet text (CSV with comma, semicolon or tab; BOM tolerated). Never throws. */
export function parseSheet(text: string, options: ParseSheetOptions = {}): ParsedSheet {
  const problems: SheetProblem[] = [];
  const notes: SheetProblem[] = [];
  const procedures: SheetProcedure[] = [];
  const body = text.replace(/^\uFEFF/, "");
  const delimiter = detectDelimiter(body);
  const problem = (row: number, message: string) => problems.push({ row, message: `import: ${message}` });
  let raw: Array<{ record: string[]; info: { lines: number } }>;
  try {
    raw = parse(body, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, info: true }) as unknown as typeof raw;
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? 1;
    problem(line, IMPORT.cannotReadCsv((err as Error).message));
    return { procedures, notes, problems, delimiter };
  }
  const records = raw.map((r) => ({ row: r.info.lines, cells: r.record.map(clean) }));
  const header = findHeader(records);
  if (!header) {
    problem(1, IMPORT.noHeader);
    return { procedures, notes, problems, delimiter };
  }
  const headerCells = records.find((r) => r.row === header.row)?.cells ?? [];
  const levelColumns = header.levels.length ? header.levels.map((l) => l.label).join(", ") : (headerCells[header.levelValue!] ?? "");

  // Decide up front what the sheet gives, so a flat list gets one clear problem, not one per row.
  const rows: Array<{ row: number; cells: string[] }> = [];
  for (const r of records.slice(header.dataFrom)) {
    if (r.cells.every((c) => c === "" || ELLIPSIS.test(c))) continue;
    const stt = (r.cells[header.stt] ?? "").replace(/\.$/, "").trim();
    const firstKey = key(r.cells.find((c) => c !== "") ?? "");
    if (!/^\d/.test(stt) && END_OF_LIST.test(firstKey)) {
      notes.push({ row: r.row, message: `import: ${IMPORT.endOfList(r.cells.find((c) => c !== "")!)}` });
      break;
    }
    rows.push(r);
  }
  const isTierRow = (cells: string[]) => {
    const stt = (cells[header.stt] ?? "").replace(/\.$/, "").trim();
    return !!tierOf(cells[header.name] ?? "") && (stt === "" || /^[a-z]$/i.test(stt) || ROMAN.test(stt));
  };
  const isFieldRow = (cells: string[]) => {
    const stt = (cells[header.stt] ?? "").replace(/\.$/, "").trim();
    return ROMAN.test(stt) || (stt === "" && FIELD_PREFIX.test(cells[header.name] ?? ""));
  };
  const hasTierRows = rows.some((r) => isTierRow(r.cells));
  const hasFieldRows = rows.some((r) => isFieldRow(r.cells) && !isTierRow(r.cells));
  if (!hasTierRows && header.tier === undefined && !options.tier) {
    problem(header.row, IMPORT.noTierInSheet);
    return { procedures, notes, problems, delimiter };
  }
  const noField = !hasFieldRows && header.field === undefined;
  if (noField) notes.push({ row: header.row, message: `import: ${IMPORT.noFieldAnywhere(NO_FIELD)}` });

  let tier: { tier: Tier; row: number } | undefined = !hasTierRows && options.tier ? { tier: options.tier, row: header.row } : undefined;
  let field: string | undefined = noField ? NO_FIELD : undefined;
  let warnedHuyen = false;
  const huyen = (row: number) => {
    if (warnedHuyen) return;
    warnedHuyen = true;
    notes.push({ row, message: `import: ${IMPORT.huyen}` });
  };
  const seen = new Map<string, number>();
  for (const { row, cells } of rows) {
    const stt = (cells[header.stt] ?? "").replace(/\.$/, "").trim();
    const name = cells[header.name] ?? "";
    if (ELLIPSIS.test(stt) && stt !== "") continue;
    if (ELLIPSIS.test(name) && name !== "") continue;

    if (/^\d+(?:\.\d+)*$/.test(stt)) {
      let ok = true;
      if (!name) {
        problem(row, IMPORT.noName(stt));
        ok = false;
      }
      // The row's own tier and field (columns) win over the rows above them.
      let rowTier = tier?.tier;
      const tierCell = header.tier !== undefined ? (cells[header.tier] ?? "") : "";
      let badTierCell = false;
      if (tierCell) {
        const t = tierOf(tierCell);
        if (!t) {
          problem(row, IMPORT.badTierValue(tierCell));
          badTierCell = true;
          ok = false;
        } else rowTier = t;
      }
      if (rowTier === "huyen") huyen(row);
      const fieldCell = header.field !== undefined ? fieldName(cells[header.field] ?? "") : "";
      const rowField = fieldCell || field;
      if (!rowTier) {
        if (!badTierCell) problem(row, header.tier !== undefined && !hasTierRows ? IMPORT.noTierOnRow(headerCells[header.tier] ?? "") : IMPORT.noTier);
        ok = false;
      } else if (!rowField) {
        problem(row, IMPORT.noField);
        ok = false;
      }
      let level: Level | undefined;
      if (header.levelValue !== undefined) {
        const v = cells[header.levelValue] ?? "";
        level = levelOfValue(v);
        if (!v) problem(row, IMPORT.noLevelValue(levelColumns));
        else if (!level) problem(row, IMPORT.badLevelValue(v, levelColumns));
      } else {
        const marks = header.levels.filter((l) => (cells[l.col] ?? "") !== "");
        if (marks.length === 0) problem(row, IMPORT.noLevel(levelColumns));
        else if (marks.length > 1) problem(row, IMPORT.twoLevels(marks.map((m) => m.label)));
        else level = marks[0]!.level;
      }
      if (ok && rowTier && rowField && level) {
        const dupKey = `${rowTier}|${foldedText(name)}`;
        const first = seen.get(dupKey);
        if (first !== undefined) {
          problem(row, IMPORT.twice(name, first));
          continue;
        }
        seen.set(dupKey, row);
        const { note, code } = readNote(header.note !== undefined ? (cells[header.note] ?? "") : "");
        procedures.push({ row, tier: rowTier, field: rowField, name, level, ...(note ? { note } : {}), ...(code ? { code } : {}) });
      }
      continue;
    }

    if (isTierRow(cells)) {
      const asTier = tierOf(name)!;
      tier = { tier: asTier, row };
      field = noField ? NO_FIELD : undefined;
      if (asTier === "huyen") huyen(row);
      continue;
    }
    if (isFieldRow(cells)) {
      const f = fieldName(name);
      if (!f) problem(row, IMPORT.fieldNoName(stt));
      else if (!tier && header.tier === undefined) problem(row, IMPORT.fieldBeforeTier);
      field = f || undefined;
      continue;
    }
    if (/^[a-z]$/i.test(stt)) {
      problem(row, IMPORT.unknownTierRow(stt, name));
      continue;
    }
    problem(row, stt ? IMPORT.badStt(stt) : IMPORT.noStt);
  }
  if (problems.length === 0 && procedures.length === 0) problem(header.row, IMPORT.noRows);
  return { procedures, notes, problems, delimiter };
}

// ---------------------------------------------------------------------------------------------
// Planning: what to add, change and skip, given the knowledge already there.

export interface ExistingKnowledge {
  entries: readonly Entry[];
  /** Where each entry lives (as the loader reports it). */
  origins: ReadonlyMap<string, { file: string; line: number }>;
}

export interface PlanOptions {
  /** File name shown in `source` ("danh-muc-2025.csv"). */
  sheetName: string;
  /** YYYY-MM-DD written as `reviewed` on new entries. */
  today: string;
  /** Reads an existing knowledge file (for in-place updates of needs_review entries). */
  readFile(file: string): string;
  /** True when a path (relative to the knowledge folder) is taken, even by a file that failed to load. */
  exists(relativePath: string): boolean;
  /** Folder for new entries, relative to the knowledge folder. Default "imported". */
  folder?: string;
}

export interface PlannedAdd {
  id: string;
  row: number;
  /** Relative to the knowledge folder. */
  path: string;
  text: string;
}
export interface PlannedChange {
  id: string;
  row: number;
  /** As in `ExistingKnowledge.origins`. */
  file: string;
  changes: string[];
}
export interface PlannedSkip {
  id: string;
  row: number;
  reason: string;
}

export interface ImportPlan {
  added: PlannedAdd[];
  changed: PlannedChange[];
  unchanged: PlannedSkip[];
  skipped: PlannedSkip[];
  /** New full text of every existing file that changes. */
  rewrites: Map<string, string>;
}

const MAX_ID = 64;

/** ASCII kebab id from a Vietnamese name: "Cấp giấy phép khai thác cát" → "cap-giay-phep-khai-thac-cat". */
export function slugId(name: string): string {
  let id = fold(name)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (id.length > MAX_ID) id = id.slice(0, MAX_ID).replace(/-[^-]*$/, "");
  return id || "thu-tuc";
}

const levelText = (l: Level) => `${l} (mức độ ${LEGACY_LEVEL[l]})`;

export function planImport(rows: readonly SheetProcedure[], existing: ExistingKnowledge, options: PlanOptions): ImportPlan {
  const folder = options.folder ?? "imported";
  const plan: ImportPlan = { added: [], changed: [], unchanged: [], skipped: [], rewrites: new Map() };
  const taken = new Set(existing.entries.map((e) => e.id));
  const byTitle = new Map<string, Procedure[]>();
  for (const e of existing.entries) {
    if (e.kind !== "procedure") continue;
    const k = foldedText(e.title);
    byTitle.set(k, [...(byTitle.get(k) ?? []), e]);
  }
  const claimed = new Set<string>();
  const edits = new Map<string, Array<{ id: string; set: Partial<Pick<Procedure, "level" | "field" | "tier" | "agency">> }>>();

  for (const row of rows) {
    const slug = slugId(row.name);
    const bySlug = existing.entries.find((e) => e.id === slug && e.kind === "procedure") as Procedure | undefined;
    const candidates = [...(bySlug ? [bySlug] : []), ...(byTitle.get(foldedText(row.name)) ?? [])].filter((e) => !claimed.has(e.id));
    const match = candidates.find((e) => e.tier === row.tier) ?? candidates[0];
    if (match) {
      claimed.add(match.id);
      const diffs: string[] = [];
      if (match.level !== row.level) diffs.push(`level ${levelText(match.level)} → ${levelText(row.level)}`);
      if (match.tier !== row.tier) diffs.push(`tier ${match.tier} → ${row.tier}`);
      if (match.field !== row.field) diffs.push(`field "${match.field}" → "${row.field}"`);
      if (!match.needs_review) {
        plan.skipped.push({
          id: match.id,
          row: row.row,
          reason: diffs.length ? IMPORT.reviewedKeptDiffers(diffs.join(", ")) : IMPORT.reviewedKept,
        });
        continue;
      }
      if (diffs.length === 0) {
        plan.unchanged.push({ id: match.id, row: row.row, reason: IMPORT.alreadySame });
        continue;
      }
      const set: Partial<Pick<Procedure, "level" | "field" | "tier" | "agency">> = { level: row.level, field: row.field, tier: row.tier };
      // A generic agency follows its tier; a named one is a person's work and stays.
      if (match.tier !== row.tier && match.agency === GENERIC_AGENCY[match.tier]) {
        set.agency = GENERIC_AGENCY[row.tier];
        diffs.push(`agency → "${set.agency}"`);
      }
      const file = existing.origins.get(match.id)?.file;
      if (!file) throw new Error(`import: no file known for entry "${match.id}"`);
      edits.set(file, [...(edits.get(file) ?? []), { id: match.id, set }]);
      plan.changed.push({ id: match.id, row: row.row, file, changes: diffs });
      continue;
    }

    let id = slug;
    if (taken.has(id) || options.exists(`${folder}/${id}.yaml`)) id = `${slug}-${row.tier}`;
    for (let n = 2; taken.has(id) || options.exists(`${folder}/${id}.yaml`); n++) id = `${slug}-${n}`;
    taken.add(id);
    plan.added.push({ id, row: row.row, path: `${folder}/${id}.yaml`, text: renderImportedEntry(id, row, options) });
  }

  for (const [file, list] of edits) plan.rewrites.set(file, applyEdits(options.readFile(file), list));
  validatePlan(plan);
  return plan;
}

/** The YAML of a new entry: header comments for the reviewer, fields in the order staff read them. */
export function renderImportedEntry(id: string, row: SheetProcedure, options: Pick<PlanOptions, "sheetName" | "today">): string {
  const entry: Record<string, unknown> = {
    id,
    kind: "procedure",
    title: row.name,
    needs_review: true,
    ...(row.code ? { code: row.code } : {}),
    field: row.field,
    tier: row.tier,
    agency: GENERIC_AGENCY[row.tier],
    level: row.level,
    ...(row.tier === "huyen" ? { reform_note: HUYEN_REFORM_NOTE } : {}),
    ...(row.note ? { notes: [row.note] } : {}),
    source: `Bảng tính ${options.sheetName}, dòng ${row.row}`,
    reviewed: options.today,
  };
  const doc = new Document(entry);
  doc.commentBefore = [
    ` Nhập tự động bằng "dvc-bot import" từ bảng tính ${options.sheetName} (dòng ${row.row}) ngày ${options.today}.`,
    " CẦN RÀ SOÁT trước khi coi là thông tin chính thức:",
    "  - agency đang là cơ quan chung theo cấp, chưa phải cơ quan cụ thể;",
    "  - chưa có link trang thủ tục (thẻ trả lời tạm dẫn về trang chủ Cổng Dịch vụ công quốc gia): thêm link khi đã tra được;",
    "  - chưa có mã thủ tục (code), giấy tờ (documents), lệ phí (fees), thời hạn (times):",
    "    chỉ thêm khi có nguồn chính thức, không phỏng đoán.",
    " Rà soát xong: đổi needs_review thành false, sửa source và reviewed cho đúng nguồn đã đối chiếu.",
    " Hướng dẫn: docs/huong-dan-bien-tap.md",
  ].join("\n");
  return nfc(doc.toString({ lineWidth: 0 }));
}

function applyEdits(text: string, list: ReadonlyArray<{ id: string; set: Record<string, unknown> }>): string {
  const docs = parseAllDocuments(text);
  const all = Array.isArray(docs) ? docs : [docs];
  const pending = new Map(list.map((e) => [e.id, e.set]));
  for (const doc of all) {
    const root = doc.contents;
    const maps = isSeq(root) ? root.items : [root];
    for (const node of maps) {
      if (!isMap(node)) continue;
      const m = node as YAMLMap<unknown, unknown>;
      const id = String(m.get("id"));
      const set = pending.get(id);
      if (!set) continue;
      for (const [k, v] of Object.entries(set)) m.set(k, v);
      pending.delete(id);
    }
  }
  if (pending.size > 0) throw new Error(`import: could not find ${[...pending.keys()].join(", ")} in its file`);
  return nfc(all.map((d) => d.toString({ lineWidth: 0 })).join(""));
}

/** A plan that would write an invalid file is a bug here, not a staff mistake: fail loudly. */
function validatePlan(plan: ImportPlan): void {
  const texts: Array<[string, string]> = [...plan.added.map((a): [string, string] => [a.path, a.text]), ...plan.rewrites];
  for (const [name, text] of texts) {
    const { items, problems } = parseYamlText(text, name);
    for (const item of items) {
      const parsed = entrySchema.safeParse(item.value);
      if (!parsed.success) problems.push({ file: name, line: item.line, message: parsed.error.issues[0]?.message ?? "invalid" });
    }
    if (problems.length > 0) throw new Error(`import: internal error, generated ${name} is invalid: ${problems[0]!.message}`);
  }
}
