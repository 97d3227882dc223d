import { basename, resolve } from "node:path";
import { watch } from "chokidar";
import { formatProblem } from "../source/yaml-source.js";
import type { Logger } from "../log.js";
import type { LiveCore } from "./live-core.js";

export interface WatchCoreOptions {
  knowledgeDir: string;
  flowsDir: string;
  logger: Logger;
  /** Quiet time after the last change before reloading. Default 300 ms (an editor's save burst). */
  debounceMs?: number;
}

export interface CoreWatcher {
  /** Resolves once the initial scan is done and changes are being seen (tests wait on it). */
  ready: Promise<void>;
  close(): Promise<void>;
}

/** Only *.yaml / *.yml count; editor leftovers (.#x.yaml, x.yaml~, .x.swp, 4913, x.yaml.tmp) never do. */
export function isKnowledgeFile(path: string): boolean {
  const name = basename(path);
  return /\.ya?ml$/i.test(name) && !name.startsWith(".") && !name.startsWith("~");
}

/**
 * Watches the knowledge and flows folders and reloads `live` after each burst of changes. The
 * rebuild runs from a timer, never inside a request; `live.reload()` swaps only a valid build, so a
 * broken edit leaves the last good version answering and its problems in `live.status()`.
 * Saving by "write x.tmp, rename to x.yaml" (editors, `dvc-bot import`) shows up as one add/change.
 */
export function watchCore(live: LiveCore, opts: WatchCoreOptions): CoreWatcher {
  const { logger } = opts;
  const debounceMs = opts.debounceMs ?? 300;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const changed = new Set<string>();

  const reload = () => {
    timer = undefined;
    if (closed) return;
    const paths = [...changed];
    changed.clear();
    const started = Date.now();
    const result = live.reload();
    const status = live.status();
    if (result.ok) {
      logger.info(
        { version: status.live.id, entries: status.live.entries, flows: status.live.flows, files: status.live.files, changed: paths, ms: Date.now() - started },
        `knowledge: reloaded, version ${status.live.id} live with ${status.live.entries} entries`,
      );
      return;
    }
    for (const p of result.problems) logger.warn(formatProblem(p));
    logger.warn(
      { version: status.live.id, problems: result.problems.length, changed: paths },
      `knowledge: reload rejected (${result.problems.length} problem(s)); version ${status.live.id} stays live`,
    );
  };

  const schedule = (event: string, path: string) => {
    if (closed) return;
    if (event !== "unlinkDir" && event !== "addDir" && !isKnowledgeFile(path)) return;
    if (event === "addDir") return; // files inside it arrive as their own events
    changed.add(path);
    if (timer) clearTimeout(timer);
    // setImmediate after the timer: never run the (synchronous) build inside an I/O callback burst.
    timer = setTimeout(() => setImmediate(reload), debounceMs);
  };

  const roots = new Set([resolve(opts.knowledgeDir), resolve(opts.flowsDir)]);
  const watcher = watch([opts.knowledgeDir, opts.flowsDir], {
    ignoreInitial: true,
    // Skip dot-folders and non-YAML files early; folders must pass so their contents are seen.
    ignored: (path, stats) => {
      if (roots.has(resolve(path))) return false;
      if (basename(path).startsWith(".")) return true;
      return Boolean(stats?.isFile()) && !isKnowledgeFile(path);
    },
    atomic: true,
  });
  watcher.on("all", (event, path) => schedule(event, path));
  watcher.on("error", (err) => logger.warn({ err }, "knowledge: file watcher error"));
  const ready = new Promise<void>((resolveReady) => watcher.once("ready", () => resolveReady()));
  logger.debug({ knowledgeDir: opts.knowledgeDir, flowsDir: opts.flowsDir, debounceMs }, "knowledge: watching for changes");

  return {
    ready,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await watcher.close();
    },
  };
}
