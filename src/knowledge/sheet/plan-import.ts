import { fold, foldedText } from "../../text/normalize.js";
import { LEGACY_LEVEL, type Entry, type Procedure } from "../schema.js";
import { IMPORT } from "../staff-messages.js";
import type { SheetProcedure } from "./rows.js";
import { applyEdits, renderImportedEntry, validatePlan, type EntryEdit } from "./write-entries.js";

/**
 * Planning an import: what to add, change and skip, given the knowledge already there. A person's
 * work wins: entries no longer marked needs_review are never changed, only reported.
 */

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

/** Plans the sheet's procedures against the knowledge; throws only when it would write an invalid file (a bug). */
export function planImport(rows: readonly SheetProcedure[], existing: ExistingKnowledge, options: PlanOptions): ImportPlan {
  const planner = new ImportPlanner(existing, options);
  for (const row of rows) planner.add(row);
  return planner.finish();
}

class ImportPlanner {
  private readonly plan: ImportPlan = { added: [], changed: [], unchanged: [], skipped: [], rewrites: new Map() };
  private readonly folder: string;
  /** Ids in use, those planned here included. */
  private readonly taken: Set<string>;
  /** Folded title → the procedures with that title. */
  private readonly byTitle = new Map<string, Procedure[]>();
  /** Entries already matched by an earlier row: one row per entry. */
  private readonly claimed = new Set<string>();
  /** File → the entries to change in it. */
  private readonly edits = new Map<string, EntryEdit[]>();

  constructor(
    private readonly existing: ExistingKnowledge,
    private readonly options: PlanOptions,
  ) {
    this.folder = options.folder ?? "imported";
    this.taken = new Set(existing.entries.map((e) => e.id));
    for (const e of existing.entries) {
      if (e.kind !== "procedure") continue;
      const k = foldedText(e.title);
      this.byTitle.set(k, [...(this.byTitle.get(k) ?? []), e]);
    }
  }

  add(row: SheetProcedure): void {
    const match = this.match(row);
    if (match) this.update(match, row);
    else this.addNew(row);
  }

  finish(): ImportPlan {
    for (const [file, list] of this.edits) this.plan.rewrites.set(file, applyEdits(this.options.readFile(file), list));
    validatePlan(this.plan);
    return this.plan;
  }

  /** The entry a row is about: same id as its name would get, or same title; the same tier first. */
  private match(row: SheetProcedure): Procedure | undefined {
    const slug = slugId(row.name);
    const bySlug = this.existing.entries.find((e): e is Procedure => e.id === slug && e.kind === "procedure");
    const candidates = [...(bySlug ? [bySlug] : []), ...(this.byTitle.get(foldedText(row.name)) ?? [])].filter((e) => !this.claimed.has(e.id));
    const match = candidates.find((e) => e.tier === row.tier) ?? candidates[0];
    if (match) this.claimed.add(match.id);
    return match;
  }

  private update(match: Procedure, row: SheetProcedure): void {
    const diffs: string[] = [];
    const D = IMPORT.diff;
    if (match.level !== row.level) diffs.push(D.level(match.level, LEGACY_LEVEL[match.level], row.level, LEGACY_LEVEL[row.level]));
    if (match.tier !== row.tier) diffs.push(D.tier(match.tier, row.tier));
    if (match.field !== row.field) diffs.push(D.field(match.field, row.field));
    if (!match.needs_review) {
      this.plan.skipped.push({ id: match.id, row: row.row, reason: diffs.length ? IMPORT.reviewedKeptDiffers(diffs.join(", ")) : IMPORT.reviewedKept });
      return;
    }
    if (diffs.length === 0) {
      this.plan.unchanged.push({ id: match.id, row: row.row, reason: IMPORT.alreadySame });
      return;
    }
    const set: EntryEdit["set"] = { level: row.level, field: row.field, tier: row.tier };
    // A generic agency follows its tier; a named one is a person's work and stays.
    if (match.tier !== row.tier && match.agency === IMPORT.genericAgency[match.tier]) {
      set.agency = IMPORT.genericAgency[row.tier];
      diffs.push(D.agency(set.agency));
    }
    const file = this.existing.origins.get(match.id)?.file;
    if (!file) throw new Error(`import: no file known for entry "${match.id}"`);
    this.edits.set(file, [...(this.edits.get(file) ?? []), { id: match.id, set }]);
    this.plan.changed.push({ id: match.id, row: row.row, file, changes: diffs });
  }

  /** A new file named after the procedure; the tier, then a number, tell apart names already taken. */
  private addNew(row: SheetProcedure): void {
    const slug = slugId(row.name);
    const free = (id: string) => !this.taken.has(id) && !this.options.exists(`${this.folder}/${id}.yaml`);
    let id = slug;
    if (!free(id)) id = `${slug}-${row.tier}`;
    for (let n = 2; !free(id); n++) id = `${slug}-${n}`;
    this.taken.add(id);
    this.plan.added.push({ id, row: row.row, path: `${this.folder}/${id}.yaml`, text: renderImportedEntry(id, row, this.options) });
  }
}
