import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { listYamlFiles } from "../source/yaml-source.js";
import { sha256Hex } from "../text/hash.js";
import type { EntryReview, Superseded } from "./review.js";
import type { Entry, Synonyms } from "./schema.js";

/**
 * A cache of the last clean load of one knowledge folder, keyed by every file's path, size and
 * mtime and by this build of the loader, so one-shot commands (`ask`, `eval`) skip YAML parsing
 * when nothing changed. Any error just means "no cache": correctness never depends on it.
 */

/** What is kept of a load: the knowledge as plain JSON (maps as pairs, no load time). */
export interface CachedKnowledge {
  entries: Entry[];
  origins: Array<[string, { file: string; line: number }]>;
  synonyms: Synonyms;
  reviews: EntryReview[];
  superseded: Superseded[];
  files: string[];
}

export interface LoadCache {
  read(): CachedKnowledge | null;
  write(data: CachedKnowledge): void;
}

export function createLoadCache(cacheDir: string, dir: string): LoadCache {
  const file = join(cacheDir, `knowledge-${sha256Hex(resolve(dir)).slice(0, 12)}.json`);
  // Taken once, before the files are read: an edit made while loading leaves a stale key, so the
  // next run loads again instead of trusting a cache of half-old files.
  let taken: string | undefined;
  const key = (): string => {
    taken ??= folderKey(dir);
    return taken;
  };
  return {
    read() {
      try {
        const current = key();
        const raw = JSON.parse(readFileSync(file, "utf8")) as { key: string; data: CachedKnowledge };
        return raw.key === current ? raw.data : null;
      } catch {
        return null;
      }
    },
    write(data) {
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

/** Every YAML file's path, size and mtime, with the loader's build: any edit gives a new key. */
function folderKey(dir: string): string {
  const parts = [LOADER_BUILD, ...listYamlFiles(dir).map((f) => {
    const st = statSync(f);
    return `${f}:${st.size}:${st.mtimeMs}`;
  })];
  return sha256Hex(parts.join("\n"));
}

/** Identifies this build of the loader and schema: a rebuilt loader never trusts an older cache. */
const LOADER_BUILD = (() => {
  try {
    const self = fileURLToPath(import.meta.url);
    const ext = extname(self);
    const parts = ["load-cache", "loader", "schema", "review", "../source/yaml-source"].map((name) => join(dirname(self), `${name}${ext}`));
    return parts.map((f) => (existsSync(f) ? `${statSync(f).mtimeMs}` : "-")).join(":");
  } catch {
    return "unknown";
  }
})();
