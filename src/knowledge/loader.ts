import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { entrySchema, synonymsSchema, type Entry, type Synonyms } from "./schema.js";
import { entryReview, SUPERSEDED_FILE, supersededSchema, type EntryReview, type Superseded } from "./review.js";
import { CHECK } from "./staff-messages.js";
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
  flowIds?: ReadonlySet<string>;
  now?: number;
  /**
   * Folder for a cache of the last clean load, keyed by every file's path, size and mtime (and
   * the loader's own build), so one-shot commands (`ask`, `eval`) skip YAML parsing when nothing
   * changed. Only clean loads are cached; `check` and `serve` never pass this.
   */
  cacheDir?: string;
}

/**
 * Loads every YAML file under `dir`, collecting every problem in every file (syntax, schema,
 * duplicate ids, unknown references) instead of stopping at the first. Valid entries are kept
 * even when others are broken; callers decide whether problems are fatal.
 */
export function loadKnowledge(dir: string, options: LoadKnowledgeOptions = {}): LoadResult {
  if (options.cacheDir) {
    const cache = createLoadCache(options.cacheDir, dir);
    const hit = cache.read();
    if (hit) return { knowledge: fromCached(hit, options.now), problems: [] };
    const fresh = loadKnowledge(dir, { ...options, cacheDir: undefined });
    if (fresh.problems.length === 0) cache.write(toCached(fresh.knowledge));
    return fresh;
  }
  const problems: Problem[] = [];
  const files = listYamlFiles(dir);
  const entries: Entry[] = [];
  const origins = new Map<string, EntryOrigin>();
  const byId = new Map<string, Entry>();
  let synonyms: Synonyms = EMPTY_SYNONYMS;
  const reviews: EntryReview[] = [];
  const superseded: Superseded[] = [];
  const references: Array<{ from: string; to: string; field: string; file: string; line: number }> = [];
  const valid: ParsedEntry[] = [];

  if (files.length === 0) {
    problems.push({ file: displayPath(dir), line: 1, message: `knowledge: ${CHECK.noFiles}` });
  }

  for (const file of files) {
    if (NOT_ENTRIES.has(basename(file))) continue;
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
    if (basename(file) === SUPERSEDED_FILE) {
      for (const item of items) {
        const parsed = supersededSchema.safeParse(item.value);
        if (parsed.success) superseded.push({ ...parsed.data, file: shown, line: item.line });
        else problems.push(...zodProblems(item, parsed.error, "superseded: "));
      }
      continue;
    }
    for (const item of items) {
      problems.push(...deadLinkProblems(item));
      const parsed = entrySchema.safeParse(item.value);
      if (!parsed.success) {
        problems.push(...zodProblems(item, parsed.error));
        continue;
      }
      valid.push({ entry: parsed.data, item, file, shown });
    }
  }

  const keepers = keepersOfIds(valid);
  for (const v of valid) {
    const { entry, item, shown } = v;
    const keeper = keepers.get(entry.id)!;
    if (keeper !== v) {
      // Reported at the copy (usually a file copied without changing its id), naming the file that keeps the id.
      problems.push({
        file: shown,
        line: item.lineOf(["id"]),
        message: `knowledge: ${CHECK.duplicateId(entry.id, `${keeper.shown}:${keeper.item.lineOf(["id"])}`)}`,
      });
      continue;
    }
    origins.set(entry.id, { file: shown, line: item.lineOf(["id"]) });
    byId.set(entry.id, entry);
    entries.push(entry);
    reviews.push(entryReview(entry, item));
    for (const field of ["related", "next"] as const) {
      entry[field].forEach((to, i) => references.push({ from: entry.id, to, field, file: shown, line: item.lineOf([field, i]) }));
    }
    if ((entry.kind === "guide" || entry.kind === "faq") && entry.flow && options.flowIds && !options.flowIds.has(entry.flow)) {
      problems.push({ file: shown, line: item.lineOf(["flow"]), message: `flow: ${CHECK.unknownFlow(entry.flow)}` });
    }
  }

  for (const ref of references) {
    if (!byId.has(ref.to)) {
      problems.push({ file: ref.file, line: ref.line, message: CHECK.unknownEntry(ref.field, ref.to) });
    }
  }

  return {
    knowledge: { entries, byId, origins, synonyms, reviews, superseded, files: files.map(displayPath), loadedAt: options.now ?? Date.now() },
    problems,
  };
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

interface CachedKnowledge {
  entries: Entry[];
  origins: Array<[string, EntryOrigin]>;
  synonyms: Synonyms;
  reviews: EntryReview[];
  superseded: Superseded[];
  files: string[];
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

/** The cache of one knowledge folder; any error just means "no cache" — correctness never depends on it. */
function createLoadCache(cacheDir: string, dir: string) {
  const file = join(cacheDir, `knowledge-${createHash("sha1").update(resolve(dir)).digest("hex").slice(0, 12)}.json`);
  // Taken once, before the files are read: an edit made while loading leaves a stale key, so the
  // next run loads again instead of trusting a cache of half-old files.
  let taken: string | undefined;
  const key = (): string => {
    if (taken === undefined) {
      const parts = [LOADER_BUILD, ...listYamlFiles(dir).map((f) => {
        const st = statSync(f);
        return `${f}:${st.size}:${st.mtimeMs}`;
      })];
      taken = createHash("sha1").update(parts.join("\n")).digest("hex");
    }
    return taken;
  };
  return {
    read(): CachedKnowledge | null {
      try {
        const current = key();
        const raw = JSON.parse(readFileSync(file, "utf8")) as { key: string; data: CachedKnowledge };
        return raw.key === current ? raw.data : null;
      } catch {
        return null;
      }
    },
    write(data: CachedKnowledge): void {
      try {
        mkdirSync(cacheDir, { recursive: true });
        const tmp = `${file}.${process.pid}.tmp`;
        writeFileSync(tmp, JSON.stringify({ key: key(), data }));
        renameSync(tmp, file);
      } catch {
        // A read-only install simply runs without the cache.
      }
    },
  };
}

/** Identifies this build of the loader and schema: a rebuilt loader never trusts an older cache. */
const LOADER_BUILD = (() => {
  try {
    const self = fileURLToPath(import.meta.url);
    const schema = join(dirname(self), "schema.js");
    return [self, schema].map((f) => (existsSync(f) ? `${statSync(f).mtimeMs}` : "-")).join(":");
  } catch {
    return "unknown";
  }
})();

function mergeSynonyms(a: Synonyms, b: Synonyms): Synonyms {
  return {
    groups: [...a.groups, ...b.groups],
    abbreviations: { ...a.abbreviations, ...b.abbreviations },
    stopwords: [...a.stopwords, ...b.stopwords],
    ...mergeLists("function_words", a, b),
    ...mergeLists("places", a, b),
    ...mergeLists("place_markers", a, b),
    ...(a.facets || b.facets ? { facets: mergeFacets(a.facets ?? {}, b.facets ?? {}) } : {}),
  };
}

type ListSection = "function_words" | "places" | "place_markers";
/** A list section given in either file (several synonyms files add up). */
function mergeLists(key: ListSection, a: Synonyms, b: Synonyms): Partial<Pick<Synonyms, ListSection>> {
  const x = a[key];
  const y = b[key];
  return x || y ? { [key]: [...(x ?? []), ...(y ?? [])] } : {};
}

function mergeFacets(a: NonNullable<Synonyms["facets"]>, b: NonNullable<Synonyms["facets"]>): NonNullable<Synonyms["facets"]> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b) as Array<[keyof typeof out, string[] | undefined]>) {
    if (v) out[k] = [...(out[k] ?? []), ...v];
  }
  return out;
}
