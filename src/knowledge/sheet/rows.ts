import { foldedText } from "../../text/normalize.js";
import type { Level, Tier } from "../schema.js";
import { IMPORT } from "../staff-messages.js";
import { fieldName, levelOfValue, readNote, tierOf } from "./cells.js";
import type { Header } from "./header.js";

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

/** What the whole sheet gives, decided before its rows are read. */
export interface SheetShape {
  hasTierRows: boolean;
  /** No field rows and no "Lĩnh vực" column: every procedure gets the placeholder field. */
  noField: boolean;
  /** `--tier`, for a sheet without tier rows. */
  tier?: Tier | undefined;
}

/** Where the rows go: every problem and note is prefixed "import: " here. */
interface SheetOutput {
  procedures: SheetProcedure[];
  notes: SheetProblem[];
  problems: SheetProblem[];
}

/**
 * Reads the rows of one sheet in order, carrying the tier and field that tier and field rows set
 * for the procedure rows below them. A row's own tier and field columns win over those.
 */
export class ProcedureRows {
  private tier: Tier | undefined;
  private field: string | undefined;
  private warnedHuyen = false;
  /** Tier + folded name → the row that first gave it. */
  private readonly seen = new Map<string, number>();
  /** The level columns as the sheet names them, for the problems that ask for a mark. */
  private readonly levelColumns: string;

  constructor(
    private readonly header: Header,
    private readonly headerCells: readonly string[],
    private readonly shape: SheetShape,
    private readonly out: SheetOutput,
  ) {
    this.tier = shape.tier;
    this.field = shape.noField ? IMPORT.noFieldPlaceholder : undefined;
    this.levelColumns = header.levels.length ? header.levels.map((l) => l.label).join(", ") : (headerCells[header.levelValue!] ?? "");
  }

  problem(row: number, message: string): void {
    this.out.problems.push({ row, message: `import: ${message}` });
  }

  /** "A | Cấp tỉnh": the tier of the rows below; the field starts over. */
  tierRow(row: number, name: string): void {
    const tier = tierOf(name)!;
    this.tier = tier;
    this.field = this.shape.noField ? IMPORT.noFieldPlaceholder : undefined;
    if (tier === "huyen") this.noteHuyen(row);
  }

  /** "I | Lĩnh vực Hộ tịch": the field of the rows below. */
  fieldRow(row: number, stt: string, name: string): void {
    const field = fieldName(name);
    if (!field) this.problem(row, IMPORT.fieldNoName(stt));
    else if (!this.tier && this.header.tier === undefined) this.problem(row, IMPORT.fieldBeforeTier);
    this.field = field || undefined;
  }

  /** "1 | Tên thủ tục | | x |": a procedure, or the problems that keep it out. */
  procedure(row: number, cells: readonly string[], stt: string, name: string): void {
    let ok = true;
    if (!name) {
      this.problem(row, IMPORT.noName(stt));
      ok = false;
    }
    const tier = this.tierOfRow(row, cells);
    if (tier.tier === "huyen") this.noteHuyen(row);
    const fieldCell = this.header.field !== undefined ? fieldName(cells[this.header.field] ?? "") : "";
    const field = fieldCell || this.field;
    if (!tier.tier) {
      if (!tier.bad) this.problem(row, this.header.tier !== undefined && !this.shape.hasTierRows ? IMPORT.noTierOnRow(this.headerCells[this.header.tier] ?? "") : IMPORT.noTier);
      ok = false;
    } else if (!field) {
      this.problem(row, IMPORT.noField);
      ok = false;
    }
    const level = this.levelOfRow(row, cells);
    if (ok && tier.tier && !tier.bad && field && level) this.add(row, cells, { tier: tier.tier, field, name, level });
  }

  /** The tier column of the row when it has one, else the tier row above; `bad` when the column says something unknown. */
  private tierOfRow(row: number, cells: readonly string[]): { tier: Tier | undefined; bad: boolean } {
    const cell = this.header.tier !== undefined ? (cells[this.header.tier] ?? "") : "";
    if (!cell) return { tier: this.tier, bad: false };
    const tier = tierOf(cell);
    if (tier) return { tier, bad: false };
    this.problem(row, IMPORT.badTierValue(cell));
    return { tier: this.tier, bad: true };
  }

  /** The level from the one level column, or the one marked "Mức độ N" column. */
  private levelOfRow(row: number, cells: readonly string[]): Level | undefined {
    if (this.header.levelValue !== undefined) {
      const value = cells[this.header.levelValue] ?? "";
      const level = levelOfValue(value);
      if (!value) this.problem(row, IMPORT.noLevelValue(this.levelColumns));
      else if (!level) this.problem(row, IMPORT.badLevelValue(value, this.levelColumns));
      return level;
    }
    const marks = this.header.levels.filter((l) => (cells[l.col] ?? "") !== "");
    if (marks.length === 0) this.problem(row, IMPORT.noLevel(this.levelColumns));
    else if (marks.length > 1) this.problem(row, IMPORT.twoLevels(marks.map((m) => m.label)));
    else return marks[0]!.level;
    return undefined;
  }

  private add(row: number, cells: readonly string[], p: Pick<SheetProcedure, "tier" | "field" | "name" | "level">): void {
    const dupKey = `${p.tier}|${foldedText(p.name)}`;
    const first = this.seen.get(dupKey);
    if (first !== undefined) {
      this.problem(row, IMPORT.twice(p.name, first));
      return;
    }
    this.seen.set(dupKey, row);
    const { note, code } = readNote(this.header.note !== undefined ? (cells[this.header.note] ?? "") : "");
    const procedure: SheetProcedure = { row, ...p };
    if (note) procedure.note = note;
    if (code) procedure.code = code;
    this.out.procedures.push(procedure);
  }

  /** The 2025 reform note, once per sheet, at the first district-tier row. */
  private noteHuyen(row: number): void {
    if (this.warnedHuyen) return;
    this.warnedHuyen = true;
    this.out.notes.push({ row, message: `import: ${IMPORT.huyen}` });
  }
}
