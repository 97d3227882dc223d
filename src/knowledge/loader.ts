import { basename } from "node:path";
import { entrySchema, synonymsSchema, type Entry, type Synonyms } from "./schema.js";
import { displayPath, listYamlFiles, parseYamlItems, zodProblems, type Problem } from "./yaml-source.js";

/** The file that holds synonyms, abbreviations and stopwords (any folder depth). */
export const SYNONYMS_FILE = "synonyms.yaml";

export interface EntryOrigin {
  file: string;
  line: number;
}

export interface Knowledge {
  entries: Entry[];
  byId: ReadonlyMap<string, Entry>;
  origins: ReadonlyMap<string, EntryOrigin>;
  synonyms: Synonyms;
  /** Files read, for the "which version is live" display. */
  files: string[];
  loadedAt: number;
}

export interface LoadResult {
  knowledge: Knowledge;
  problems: Problem[];
}

const EMPTY_SYNONYMS: Synonyms = { groups: [], abbreviations: {}, stopwords: [] };

export interface LoadKnowledgeOptions {
  /** Flow ids that exist, to check `flow:` references in guides. Unchecked when omitted. */
  flowIds?: ReadonlySet<string>;
  now?: number;
}

/**
 * Loads every YAML file under `dir`, collecting every problem in every file (syntax, schema,
 * duplicate ids, unknown references) instead of stopping at the first. Valid entries are kept
 * even when others are broken; callers decide whether problems are fatal.
 */
export function loadKnowledge(dir: string, options: LoadKnowledgeOptions = {}): LoadResult {
  const problems: Problem[] = [];
  const files = listYamlFiles(dir);
  const entries: Entry[] = [];
  const origins = new Map<string, EntryOrigin>();
  const byId = new Map<string, Entry>();
  let synonyms: Synonyms = EMPTY_SYNONYMS;
  const references: Array<{ from: string; to: string; field: string; file: string; line: number }> = [];

  if (files.length === 0) {
    problems.push({ file: displayPath(dir), line: 1, message: "knowledge: no YAML files found" });
  }

  for (const file of files) {
    const shown = displayPath(file);
    const { items, problems: syntax } = parseYamlItems(file, shown);
    problems.push(...syntax);
    if (basename(file) === SYNONYMS_FILE) {
      const item = items[0];
      if (!item) continue;
      const parsed = synonymsSchema.safeParse(item.value);
      if (parsed.success) synonyms = mergeSynonyms(synonyms, parsed.data);
      else problems.push(...zodProblems(item, parsed.error, "synonyms: "));
      continue;
    }
    for (const item of items) {
      const parsed = entrySchema.safeParse(item.value);
      if (!parsed.success) {
        problems.push(...zodProblems(item, parsed.error));
        continue;
      }
      const entry = parsed.data;
      const seen = origins.get(entry.id);
      if (seen) {
        problems.push({
          file: shown,
          line: item.lineOf(["id"]),
          message: `knowledge: duplicate id "${entry.id}" (first in ${seen.file}:${seen.line})`,
        });
        continue;
      }
      origins.set(entry.id, { file: shown, line: item.lineOf(["id"]) });
      byId.set(entry.id, entry);
      entries.push(entry);
      for (const field of ["related", "next"] as const) {
        entry[field].forEach((to, i) => references.push({ from: entry.id, to, field, file: shown, line: item.lineOf([field, i]) }));
      }
      if ((entry.kind === "guide" || entry.kind === "faq") && entry.flow && options.flowIds && !options.flowIds.has(entry.flow)) {
        problems.push({ file: shown, line: item.lineOf(["flow"]), message: `flow: unknown flow "${entry.flow}"` });
      }
    }
  }

  for (const ref of references) {
    if (!byId.has(ref.to)) {
      problems.push({ file: ref.file, line: ref.line, message: `${ref.field}: unknown entry id "${ref.to}"` });
    }
  }

  return {
    knowledge: { entries, byId, origins, synonyms, files: files.map(displayPath), loadedAt: options.now ?? Date.now() },
    problems,
  };
}

function mergeSynonyms(a: Synonyms, b: Synonyms): Synonyms {
  return {
    groups: [...a.groups, ...b.groups],
    abbreviations: { ...a.abbreviations, ...b.abbreviations },
    stopwords: [...a.stopwords, ...b.stopwords],
  };
}
