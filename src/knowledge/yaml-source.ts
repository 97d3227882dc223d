import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { isMap, isNode, isSeq, LineCounter, parseAllDocuments, type Node } from "yaml";
import type { z } from "zod";

/** One problem in a staff-edited file, printed as `path:line: message`. */
export interface Problem {
  file: string;
  line: number;
  message: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}: ${p.message}`;
}

/** A parsed YAML item (one entry) with a way to find the line of any path inside it. */
export interface YamlItem {
  file: string;
  value: unknown;
  /** 1-based line of the item itself. */
  line: number;
  /** 1-based line of the value at `path` (or of the nearest existing parent). */
  lineOf(path: readonly PropertyKey[]): number;
}

/** Lists YAML files below `dir` (sorted, so reports are stable). */
export function listYamlFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true, encoding: "utf8" });
  } catch {
    return [];
  }
  return names
    .filter((n) => /\.ya?ml$/i.test(n) && !n.split(sep).some((part) => part.startsWith(".")))
    .map((n) => join(dir, n))
    .filter((p) => statSync(p).isFile())
    .sort();
}

/**
 * Parses a YAML file into items. A file may hold one mapping, a list of mappings, or several
 * `---` documents. Syntax errors come back as problems with their line.
 */
export function parseYamlItems(file: string, displayPath = file): { items: YamlItem[]; problems: Problem[] } {
  const problems: Problem[] = [];
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    return { items: [], problems: [{ file: displayPath, line: 1, message: `cannot read file (${(err as Error).message})` }] };
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return { items: [], problems: [{ file: displayPath, line: decoded.line, message: NOT_UTF8 }] };
  return parseYamlText(decoded.text, displayPath, problems);
}

/**
 * A file saved as Windows-1258 ("ANSI" in old Notepad) or another legacy code page would load
 * as mojibake ("ÄÄƒng kÃ½") and go live; it is refused instead, with a hint in Vietnamese
 * for the staff who edit these files.
 */
export const NOT_UTF8 =
  "not UTF-8 text; the whole file is skipped (Vietnamese letters would show garbled). Tệp không phải mã UTF-8: hãy mở tệp và lưu lại với mã hóa UTF-8 (Notepad: File → Save As → Encoding: UTF-8; VS Code: Save with Encoding → UTF-8)";

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });
const lenientUtf8 = new TextDecoder("utf-8");

/** The text of UTF-8 bytes, or the 1-based line of the first byte that is not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): { ok: true; text: string } | { ok: false; line: number } {
  try {
    return { ok: true, text: strictUtf8.decode(bytes) };
  } catch {
    // Invalid bytes decode to U+FFFD and newlines stay newlines: count the lines before the first one.
    const text = lenientUtf8.decode(bytes);
    const bad = text.indexOf("\uFFFD");
    let line = 1;
    for (let i = text.indexOf("\n"); i >= 0 && i < bad; i = text.indexOf("\n", i + 1)) line++;
    return { ok: false, line };
  }
}

export function parseYamlText(source: string, displayPath: string, problems: Problem[] = []): { items: YamlItem[]; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(source.normalize("NFC"), { lineCounter, prettyErrors: false, uniqueKeys: true });
  const items: YamlItem[] = [];
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  const docList = Array.isArray(docs) ? docs : [docs];
  for (const doc of docList) {
    if (doc.errors.length > 0) {
      for (const err of doc.errors) {
        problems.push({ file: displayPath, line: lineAt(err.pos[0]), message: `YAML syntax: ${firstLine(err.message)}` });
      }
      continue;
    }
    const root = doc.contents;
    if (root === null || root === undefined) continue;
    const nodes: Node[] = isSeq(root) ? (root.items.filter((n) => isNode(n)) as Node[]) : [root as Node];
    for (const node of nodes) {
      const nodeLine = node.range ? lineAt(node.range[0]) : 1;
      items.push({
        file: displayPath,
        value: node.toJSON(),
        line: nodeLine,
        lineOf(path) {
          let current: unknown = node;
          let line = nodeLine;
          for (const key of path) {
            if (isMap(current)) {
              const pair = current.items.find((p) => String((p.key as { value?: unknown })?.value ?? p.key) === String(key));
              if (!pair) break;
              const keyNode = pair.key as Node | undefined;
              if (keyNode?.range) line = lineAt(keyNode.range[0]);
              current = pair.value;
              if (isNode(current) && current.range && !isMap(current) && !isSeq(current)) line = lineAt(current.range[0]);
            } else if (isSeq(current) && typeof key === "number") {
              const child = current.items[key];
              if (!isNode(child)) break;
              if (child.range) line = lineAt(child.range[0]);
              current = child;
            } else break;
          }
          return line;
        },
      });
    }
  }
  return { items, problems };
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}

/** Turns zod issues on an item into file:line problems. */
export function zodProblems(item: YamlItem, error: z.ZodError, prefix = ""): Problem[] {
  return error.issues.map((issue) => {
    const path = issue.path.filter((k): k is string | number => typeof k !== "symbol");
    const where = path.length ? `${path.join(".")}: ` : "";
    let message = issue.message;
    if (issue.code === "invalid_type" && /received undefined/.test(message)) message = "is required";
    if (issue.code === "unrecognized_keys") message = `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
    return { file: item.file, line: item.lineOf(path), message: `${prefix}${where}${message}` };
  });
}

/**
 * Links the relaunched national portal no longer opens: its old `/p/home/…html` pages show an
 * empty shell. Flagged wherever they appear in an item (links, bodies, steps), at their line.
 */
const DEAD_PORTAL_LINK = /dichvucong\.gov\.vn\/p\/home\//i;
export function deadLinkProblems(item: YamlItem): Problem[] {
  const out: Problem[] = [];
  const walk = (value: unknown, path: Array<string | number>) => {
    if (typeof value === "string") {
      if (DEAD_PORTAL_LINK.test(value)) {
        out.push({
          file: item.file,
          line: item.lineOf(path),
          message: `${path.join(".")}: đường dẫn cũ "dichvucong.gov.vn/p/home/…" không còn mở được trang thủ tục — dùng https://dichvucong.gov.vn/thu-tuc-hanh-chinh/<mã trang> nếu biết, hoặc trang chủ https://dichvucong.gov.vn/`,
        });
      }
    } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
    else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
  };
  walk(item.value, []);
  return out;
}

/** Path shown to staff: relative to the working directory when inside it. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith("..") ? rel : file;
}
