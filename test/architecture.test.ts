import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// DESIGN.md: the inner layers know nothing of the outer ones. Engine, knowledge, flows and
// feedback import no channel library, no Redis client and no HTTP library, and read no env.
const SRC = join(import.meta.dirname, "../src");
const INNER = ["engine", "knowledge", "flows", "feedback", "text", "source"];
const FORBIDDEN = [/^grammy/, /^@grammyjs\//, /^axios$/, /^redis$/, /^@redis\//, /^fastify/, /^@fastify\//, /^node:http/, /^node:https/, /^node:net$/];
// `runtime` (the dispatcher, the live core and its reload) sits outside them too: the inner layers
// are handed what they need and never reach for it.
const OUTER_DIRS = ["runtime", "channels", "server", "store", "cli"];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .map((f) => join(dir, f));
}

function imports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^"']*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? m[2]!);
}

describe("layering", () => {
  for (const layer of INNER) {
    it(`${layer} imports no channel, Redis or HTTP library and no outer layer`, () => {
      for (const file of filesUnder(join(SRC, layer))) {
        for (const spec of imports(file)) {
          expect(FORBIDDEN.some((re) => re.test(spec)), `${file} imports ${spec}`).toBe(false);
          // The store *port* is an interface the inner layers may name; adapters are off limits.
          if (spec.endsWith("/store/port.js")) continue;
          const outer = OUTER_DIRS.find((d) => spec.includes(`/${d}/`));
          expect(outer, `${file} imports ${spec}`).toBeUndefined();
        }
      }
    });

    it(`${layer} does not read the environment`, () => {
      for (const file of filesUnder(join(SRC, layer))) {
        expect(readFileSync(file, "utf8"), file).not.toMatch(/process\.env/);
      }
    });
  }
});

describe("runtime", () => {
  // The one path every update takes is channel- and transport-neutral: channels and the server call
  // into it, never the other way round.
  it("imports no channel, server or CLI code and no channel, Redis or HTTP library", () => {
    for (const file of filesUnder(join(SRC, "runtime"))) {
      for (const spec of imports(file)) {
        expect(FORBIDDEN.some((re) => re.test(spec)), `${file} imports ${spec}`).toBe(false);
        expect(/\/(channels|server|cli)\//.test(spec) || /^\.\.\/(channels|server|cli)\//.test(spec), `${file} imports ${spec}`).toBe(false);
      }
    }
  });
});

describe("channels", () => {
  const CHANNELS = join(SRC, "channels");
  const folders = readdirSync(CHANNELS, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);

  it("are the five of DESIGN.md", () => {
    expect(folders.sort()).toEqual(["telegram", "terminal", "web", "zalo", "zalo-oa"]);
  });

  // Every channel reads like the others: pure to-inbound and render, a thin send, and its routes
  // (a fastify plugin; the terminal's stdin/stdout loop).
  for (const name of folders) {
    it(`${name} has to-inbound, render, send and routes`, () => {
      const files = readdirSync(join(CHANNELS, name));
      for (const file of ["to-inbound.ts", "render.ts", "send.ts", "routes.ts"]) expect(files, `src/channels/${name}/${file}`).toContain(file);
    });
  }

  it("import no server or CLI code", () => {
    for (const file of filesUnder(CHANNELS)) {
      for (const spec of imports(file)) {
        expect(/\/(server|cli)\//.test(spec) || /^\.\.?\/(server|cli)\//.test(spec), `${file} imports ${spec}`).toBe(false);
      }
    }
  });

  // The converters are pure: no I/O library or Node module at run time (a platform's types are
  // fine), no clock or randomness of their own, no environment.
  it("keep to-inbound and render pure", () => {
    for (const name of folders) {
      for (const file of ["to-inbound.ts", "render.ts"].map((f) => join(CHANNELS, name, f))) {
        const text = readFileSync(file, "utf8");
        const runtimeImports = [...text.matchAll(/^import (?!type\b)[^"']*from\s+["']([^"']+)["']/gm)].map((m) => m[1]!);
        for (const spec of runtimeImports) expect(FORBIDDEN.some((re) => re.test(spec)) || spec.startsWith("node:"), `${file} imports ${spec}`).toBe(false);
        expect(text, file).not.toMatch(/process\.env|Date\.now\(|Math\.random\(/);
      }
    }
  });
});

describe("size", () => {
  // Issue #17: a newcomer reads a module in one sitting and a function on one screen.
  const MAX_FILE_LINES = 400;
  const MAX_FUNCTION_LINES = 80;
  const sources = filesUnder(SRC);

  it(`no source file is over ${MAX_FILE_LINES} lines`, () => {
    const long = sources.map((file) => ({ file, lines: readFileSync(file, "utf8").split("\n").length })).filter((f) => f.lines > MAX_FILE_LINES);
    expect(long).toEqual([]);
  });

  it(`no function is over ${MAX_FUNCTION_LINES} lines`, () => {
    const long: string[] = [];
    for (const file of sources) {
      const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node): void => {
        if (ts.isFunctionLike(node) && "body" in node && node.body) {
          const first = source.getLineAndCharacterOfPosition(node.getStart()).line;
          const last = source.getLineAndCharacterOfPosition(node.end).line;
          if (last - first + 1 > MAX_FUNCTION_LINES) long.push(`${file}:${first + 1} (${last - first + 1} lines)`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(long).toEqual([]);
  });
});
