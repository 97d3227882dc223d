import { statSync } from "node:fs";
import { basename } from "node:path";
import { entrySchema, synonymsSchema, type Entry, type Synonyms } from "./schema.js";
import { entryReview, SUPERSEDED_FILE, supersededSchema, type EntryReview, type Superseded } from "./review.js";
import { CHECK } from "./staff-messages.js";
import { createLoadCache, type CachedKnowledge } from "./load-cache.js";
import { deadLinkProblems, displayPath, listYamlFiles, parseYamlItems, zodProblems, type Problem, type YamlItem } from "../source/yaml-source.js";

/** The file that holds synonyms, abbreviations and stopwords (any folder depth). */
export const SYNONYMS_FILE = "synonyms.yaml";
/** Files in the knowledge folder that other modules read (the engine's intent words). */
const NOT_ENTRIES = new Set(["intents.yaml"]);

export interface EntryOrigin {
  file: string;
  line: number;
}

export interface Knowledge {
  entries: Entry[];
  byId: ReadonlyMap<string, Entry>;
  origins: ReadonlyMap<string, EntryOrigin>;
  synonyms: Synonyms;
  /** Per entry: review date, dated facts and citations with their lines (for `reviewWarnings`). */
  reviews: EntryReview[];
  /** Replaced documents listed by staff in superseded.yaml. */
  superseded: Superseded[];
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
  flowIds?: ReadonlySet<string> | undefined;
  now?: number | undefined;
  /**
   * Folder for a cache of the last clean load, keyed by every file's path, size and mtime (and
   * the loader's own build), so one-shot commands (`ask`, `eval`) skip YAML parsing when nothing
   * changed. Only clean loads are cached; `check` and `serve` never pass this.
   */
  cacheDir?: string | undefined;
}

/**
 * Loads every YAML file under `dir`, collecting every problem in every file (syntax, schema,
 * duplicate ids, unknown references) instead of stopping at the first. Valid entries are kept
 * even when others are broken; callers decide whether problems are fatal.
 */
export function loadKnowledge(dir: string, options: LoadKnowledgeOptions = {}): LoadResult {
  if (options.cacheDir) return loadThroughCache(dir, options.cacheDir, options);
  const files = listYamlFiles(dir);
  const read: ReadFiles = { valid: [], synonyms: EMPTY_SYNONYMS, superseded: [], problems: [] };
  if (files.length === 0) read.problems.push({ file: displayPath(dir), line: 1, message: `knowledge: ${CHECK.noFiles}` });
  for (const file of files) readFile(file, read);
  const admitted = admitEntries(read.valid, options.flowIds, read.problems);
  const problems = [...read.problems, ...referenceProblems(admitted)];
  const { entries, byId, origins, reviews } = admitted;
  const { synonyms, superseded } = read;
  return {
    knowledge: { entries, byId, origins, synonyms, reviews, superseded, files: files.map(displayPath), loadedAt: options.now ?? Date.now() },
    problems,
  };
}

/** A clean load from the cache when nothing changed; otherwise a fresh load, cached when clean. */
function loadThroughCache(dir: string, cacheDir: string, options: LoadKnowledgeOptions): LoadResult {
  const cache = createLoadCache(cacheDir, dir);
  const hit = cache.read();
  if (hit) return { knowledge: fromCached(hit, options.now), problems: [] };
  const fresh = loadKnowledge(dir, { ...options, cacheDir: undefined });
  if (fresh.problems.length === 0) cache.write(toCached(fresh.knowledge));
  return fresh;
}

/** What the files give before entries are checked against each other. */
interface ReadFiles {
  valid: ParsedEntry[];
  synonyms: Synonyms;
  superseded: Superseded[];
  problems: Problem[];
}

/** One file: the synonyms file, the list of replaced documents, or entries. */
function readFile(file: string, read: ReadFiles): void {
  const name = basename(file);
  if (NOT_ENTRIES.has(name)) return;
  const shown = displayPath(file);
  const { items, problems } = parseYamlItems(file, shown);
  read.problems.push(...problems);
  if (name === SYNONYMS_FILE) {
    const item = items[0];
    if (!item) return;
    const parsed = synonymsSchema.safeParse(item.value);
    if (parsed.success) read.synonyms = mergeSynonyms(read.synonyms, parsed.data);
    else read.problems.push(...zodProblems(item, parsed.error, "synonyms: "));
    return;
  }
  if (name === SUPERSEDED_FILE) {
    for (const item of items) {
      const parsed = supersededSchema.safeParse(item.value);
      if (parsed.success) read.superseded.push({ ...parsed.data, file: shown, line: item.line });
      else read.problems.push(...zodProblems(item, parsed.error, "superseded: "));
    }
    return;
  }
  for (const item of items) {
    read.problems.push(...deadLinkProblems(item));
    const parsed = entrySchema.safeParse(item.value);
    if (parsed.success) read.valid.push({ entry: parsed.data, item, file, shown });
    else read.problems.push(...zodProblems(item, parsed.error));
  }
}

interface Reference {
  to: string;
  field: string;
  file: string;
  line: number;
}

interface Admitted {
  entries: Entry[];
  byId: Map<string, Entry>;
  origins: Map<string, EntryOrigin>;
  reviews: EntryReview[];
  /** `related` and `next` links, checked once every entry is known. */
  references: Reference[];
}

/** The valid entries that keep their id (a copy is reported, not loaded), with a guide's `flow:` checked. */
function admitEntries(valid: readonly ParsedEntry[], flowIds: ReadonlySet<string> | undefined, problems: Problem[]): Admitted {
  const out: Admitted = { entries: [], byId: new Map(), origins: new Map(), reviews: [], references: [] };
  const keepers = keepersOfIds(valid);
  for (const v of valid) {
    const { entry, item, shown } = v;
    const keeper = keepers.get(entry.id)!;
    if (keeper !== v) {
      // Reported at the copy (usually a file copied without changing its id), naming the file that keeps the id.
      const where = `${keeper.shown}:${keeper.item.lineOf(["id"])}`;
      problems.push({ file: shown, line: item.lineOf(["id"]), message: `knowledge: ${CHECK.duplicateId(entry.id, where)}` });
      continue;
    }
    out.origins.set(entry.id, { file: shown, line: item.lineOf(["id"]) });
    out.byId.set(entry.id, entry);
    out.entries.push(entry);
    out.reviews.push(entryReview(entry, item));
    for (const field of ["related", "next"] as const) {
      entry[field].forEach((to, i) => out.references.push({ to, field, file: shown, line: item.lineOf([field, i]) }));
    }
    if ((entry.kind === "guide" || entry.kind === "faq") && entry.flow && flowIds && !flowIds.has(entry.flow)) {
      problems.push({ file: shown, line: item.lineOf(["flow"]), message: `flow: ${CHECK.unknownFlow(entry.flow)}` });
    }
  }
  return out;
}

function referenceProblems({ references, byId }: Admitted): Problem[] {
  return references.filter((ref) => !byId.has(ref.to)).map((ref) => ({ file: ref.file, line: ref.line, message: CHECK.unknownEntry(ref.field, ref.to) }));
}

interface ParsedEntry {
  entry: Entry;
  item: YamlItem;
  file: string;
  shown: string;
}

/**
 * Which file keeps an id used twice. Alphabetical order says nothing about which is the original
 * ("x-online.yaml" sorts before "x.yaml"), so: the file named after the id, else the one modified
 * longest ago (a copy is newer than what it was copied from), else the first in path order.
 */
function keepersOfIds(valid: readonly ParsedEntry[]): Map<string, ParsedEntry> {
  const byId = new Map<string, ParsedEntry[]>();
  for (const v of valid) byId.set(v.entry.id, [...(byId.get(v.entry.id) ?? []), v]);
  const mtime = (f: string) => {
    try {
      return statSync(f).mtimeMs;
    } catch {
      return Number.POSITIVE_INFINITY;
    }
  };
  const keepers = new Map<string, ParsedEntry>();
  for (const [id, list] of byId) {
    if (list.length === 1) {
      keepers.set(id, list[0]!);
      continue;
    }
    const named = (v: ParsedEntry) => (basename(v.file).replace(/\.ya?ml$/i, "") === id ? 0 : 1);
    const ranked = list.map((v, order) => ({ v, order, named: named(v), mtime: mtime(v.file) }));
    ranked.sort((a, b) => a.named - b.named || a.mtime - b.mtime || a.order - b.order);
    keepers.set(id, ranked[0]!.v);
  }
  return keepers;
}

function toCached(k: Knowledge): CachedKnowledge {
  return { entries: k.entries, origins: [...k.origins], synonyms: k.synonyms, reviews: k.reviews, superseded: k.superseded, files: k.files };
}

function fromCached(c: CachedKnowledge, now?: number): Knowledge {
  return {
    entries: c.entries,
    byId: new Map(c.entries.map((e) => [e.id, e])),
    origins: new Map(c.origins),
    synonyms: c.synonyms,
    reviews: c.reviews,
    superseded: c.superseded,
    files: c.files,
    loadedAt: now ?? Date.now(),
  };
}

/** Several synonyms files add up, section by section. */
function mergeSynonyms(a: Synonyms, b: Synonyms): Synonyms {
  const out: Synonyms = {
    groups: [...a.groups, ...b.groups],
    abbreviations: { ...a.abbreviations, ...b.abbreviations },
    stopwords: [...a.stopwords, ...b.stopwords],
  };
  // A list section given in either file (absent in both stays absent: the built-in list applies).
  for (const key of LIST_SECTIONS) {
    const x = a[key];
    const y = b[key];
    if (x || y) out[key] = [...(x ?? []), ...(y ?? [])];
  }
  if (a.facets || b.facets) out.facets = mergeFacets(a.facets ?? {}, b.facets ?? {});
  if (a.dialect || b.dialect) out.dialect = { ...a.dialect, ...b.dialect };
  return out;
}

const LIST_SECTIONS = ["function_words", "places", "place_markers"] as const;

function mergeFacets(a: NonNullable<Synonyms["facets"]>, b: NonNullable<Synonyms["facets"]>): NonNullable<Synonyms["facets"]> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b) as Array<[keyof typeof out, string[] | undefined]>) {
    if (v) out[k] = [...(out[k] ?? []), ...v];
  }
  return out;
}
