import { Document, isMap, isSeq, parseAllDocuments, type YAMLMap } from "yaml";
import { parseYamlText } from "../../source/yaml-source.js";
import { nfc } from "../../text/normalize.js";
import { entrySchema, type Procedure } from "../schema.js";
import { IMPORT } from "../staff-messages.js";
import type { SheetProcedure } from "./rows.js";

/** The text of what an import writes: new entry files, and existing files with a few fields changed. */

/** Fields an import sets on an entry that still needs review. */
export interface EntryEdit {
  id: string;
  set: Partial<Pick<Procedure, "level" | "field" | "tier" | "agency">>;
}

/** The YAML of a new entry: header comments for the reviewer, fields in the order staff read them. */
export function renderImportedEntry(id: string, row: SheetProcedure, options: { sheetName: string; today: string }): string {
  const entry: Record<string, unknown> = { id, kind: "procedure", title: row.name, needs_review: true };
  if (row.code) entry.code = row.code;
  entry.field = row.field;
  entry.tier = row.tier;
  entry.agency = IMPORT.genericAgency[row.tier];
  entry.level = row.level;
  if (row.tier === "huyen") entry.reform_note = IMPORT.entry.huyenReformNote;
  if (row.note) entry.notes = [row.note];
  entry.source = IMPORT.entry.source(options.sheetName, row.row);
  entry.reviewed = options.today;
  const doc = new Document(entry);
  doc.commentBefore = IMPORT.entry.comment(options.sheetName, row.row, options.today).join("\n");
  return nfc(doc.toString({ lineWidth: 0 }));
}

/** Sets fields of entries in the text of their file, keeping its comments and layout; throws when an id is missing. */
export function applyEdits(text: string, list: readonly EntryEdit[]): string {
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
export function validatePlan(plan: { added: ReadonlyArray<{ path: string; text: string }>; rewrites: ReadonlyMap<string, string> }): void {
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
