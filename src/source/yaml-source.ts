import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { isMap, isNode, isSeq, LineCounter, parseAllDocuments, type Node, type YAMLError } from "yaml";
import type { z } from "zod";
import { CHECK, SCHEMA, TYPE_NAME, YAML_SYNTAX } from "../knowledge/staff-messages.js";

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
    return { items: [], problems: [{ file: displayPath, line: 1, message: CHECK.cannotRead((err as Error).message) }] };
  }
  // A file saved as Windows-1258 ("ANSI" in old Notepad) would load as mojibake ("ÄÄƒng kÃ½") and go live: refused.
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return { items: [], problems: [{ file: displayPath, line: decoded.line, message: CHECK.notUtf8 }] };
  return parseYamlText(decoded.text, displayPath, problems);
}

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
  const tabLines = tabIndentedLines(source);
  for (const doc of docList) {
    if (doc.errors.length > 0) {
      problems.push(...syntaxProblems(doc.errors, displayPath, lineAt, tabLines));
      continue;
    }
    const root = doc.contents;
    if (root === null || root === undefined) continue;
    const nodes: Node[] = isSeq(root) ? (root.items.filter((n) => isNode(n)) as Node[]) : [root as Node];
    for (const node of nodes) items.push(yamlItem(node, displayPath, lineAt));
  }
  return { items, problems };
}

/**
 * One error sets off follow-on errors on its line (a Tab in the indentation, up to four): say one
 * clear thing per line, the Tab first.
 */
function syntaxProblems(errors: readonly YAMLError[], displayPath: string, lineAt: (offset: number) => number, tabLines: ReadonlySet<number>): Problem[] {
  const out: Problem[] = [];
  const told = new Set<number>();
  for (const err of errors) {
    const line = lineAt(err.pos[0]);
    if (told.has(line)) continue;
    told.add(line);
    if (tabLines.has(line) || err.code === "TAB_AS_INDENT") {
      out.push({ file: displayPath, line, message: CHECK.tab });
      continue;
    }
    const original = firstLine(err.message);
    out.push({ file: displayPath, line, message: CHECK.syntax(YAML_SYNTAX.find(([re]) => re.test(original))?.[1], original) });
  }
  return out;
}

function yamlItem(node: Node, displayPath: string, lineAt: (offset: number) => number): YamlItem {
  const nodeLine = node.range ? lineAt(node.range[0]) : 1;
  return {
    file: displayPath,
    value: node.toJSON(),
    line: nodeLine,
    lineOf: (path) => lineOfPath(node, nodeLine, path, lineAt),
  };
}

/** The line of the value at `path` inside `node`, or of the nearest parent that exists. */
function lineOfPath(node: Node, nodeLine: number, path: readonly PropertyKey[], lineAt: (offset: number) => number): number {
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
}

/** 1-based lines whose indentation holds a Tab. */
function tabIndentedLines(source: string): Set<number> {
  const out = new Set<number>();
  source.split(/\r\n|\n|\r/).forEach((l, i) => {
    if (/^[ \t]*\t/.test(l) && l.trim() !== "") out.add(i + 1);
  });
  return out;
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}

/**
 * Turns zod issues on an item into `file:line` problems in Vietnamese, each at the line of the
 * field it is about: an unknown field at its own key (one problem per field), a missing one at
 * its parent.
 */
export function zodProblems(item: YamlItem, error: z.ZodError, prefix = ""): Problem[] {
  const out: Problem[] = [];
  for (const issue of error.issues) {
    const path = issue.path.filter((k): k is string | number => typeof k !== "symbol");
    const where = path.length ? `${path.join(".")}: ` : "";
    if (issue.code === "unrecognized_keys") {
      for (const k of issue.keys) {
        out.push({ file: item.file, line: item.lineOf([...path, k]), message: `${prefix}${where}${SCHEMA.unknownField(k)}` });
      }
      continue;
    }
    out.push({ file: item.file, line: item.lineOf(path), message: `${prefix}${where}${issueText(issue, path, valueAt(item.value, path))}` });
  }
  return out;
}

function valueAt(value: unknown, path: ReadonlyArray<string | number>): unknown {
  let v = value;
  for (const k of path) v = v && typeof v === "object" ? (v as Record<string | number, unknown>)[k] : undefined;
  return v;
}

function typeOf(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v;
}

/** Schema messages written for staff pass through; zod's own (English) ones are reworded. */
function issueText(issue: z.core.$ZodIssue, path: ReadonlyArray<string | number>, value: unknown): string {
  const last = path[path.length - 1];
  if (last === "kind" && (issue.code === "invalid_union" || issue.code === "invalid_value")) {
    return value === undefined ? SCHEMA.required("kind") : SCHEMA.kind;
  }
  switch (issue.code) {
    case "invalid_type": {
      if (value === undefined) return SCHEMA.required(String(last ?? "?"));
      const expected = TYPE_NAME[issue.expected] ?? issue.expected;
      const text = SCHEMA.wrongType(expected, TYPE_NAME[typeOf(value)] ?? typeOf(value));
      return issue.expected === "number" ? text + SCHEMA.numberHint : text;
    }
    case "invalid_format":
      return issue.format === "url" ? SCHEMA.url : issue.message;
    case "invalid_union":
      return SCHEMA.union;
    case "invalid_value":
      return isOwn(issue.message) ? issue.message : SCHEMA.oneOf(issue.values.map(String));
    case "too_small":
      if (isOwn(issue.message)) return issue.message;
      return issue.origin === "array" ? SCHEMA.tooFewItems(Number(issue.minimum)) : SCHEMA.tooSmall(Number(issue.minimum));
    case "too_big":
      return isOwn(issue.message) ? issue.message : SCHEMA.tooBig(Number(issue.maximum));
    case "custom":
      // Refinements are ours; zod's placeholder for an unworded one is not.
      return issue.message && issue.message !== "Invalid input" ? issue.message : SCHEMA.invalid;
    case "invalid_key":
      return issue.issues[0] ? issueText(issue.issues[0], path, undefined) : SCHEMA.invalid;
    default:
      return isOwn(issue.message) ? issue.message : SCHEMA.invalid;
  }
}

/** Our schema messages are Vietnamese; zod's defaults are plain ASCII English. */
function isOwn(message: string): boolean {
  return /[^\x00-\x7f]/.test(message);
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
        out.push({ file: item.file, line: item.lineOf(path), message: `${path.join(".")}: ${CHECK.deadPortalLink}` });
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
