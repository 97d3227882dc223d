import { EXAM_AFTER, EXAM_BEFORE } from "../language.js";
import { rawWords } from "../../text/normalize.js";

const AFTER = new Set(EXAM_AFTER);
const BEFORE = new Set(EXAM_BEFORE.filter((w) => !w.includes(" ")));
const BEFORE_PAIRS = new Set(EXAM_BEFORE.filter((w) => w.includes(" ")));

/**
 * What a clause asks, when it first tells something and then asks with "thì" ("nhà thuê trọ chỉ có tạm trú thôi thì đăng
 * ký tuyển sinh trực tuyến cho cháu được không"): the words after its last "thì" — typed with the accent, or bare when
 * the words around it do not make it the exam ("thi bằng lái", "đi thi", "phải thi lại": `EXAM_AFTER`, `EXAM_BEFORE`).
 * Undefined when the clause has no such "thì", or fewer than two words follow it.
 */
export function askedTail(clause: string): string | undefined {
  const words = rawWords(clause);
  const raw = words.map((w) => w.raw);
  for (let i = words.length - 3; i >= 1; i--) {
    if (raw[i] !== "thì" && !(raw[i] === "thi" && !examAt(raw, i))) continue;
    return clause.normalize("NFC").slice(words[i + 1]!.from).trim();
  }
  return undefined;
}

/** The bare "thi" at `i` is the exam: a word of `EXAM_AFTER` follows it, or a word or pair of `EXAM_BEFORE` comes before it. */
function examAt(raw: readonly string[], i: number): boolean {
  const before = raw[i - 1] ?? "";
  return AFTER.has(raw[i + 1] ?? "") || BEFORE.has(before) || BEFORE_PAIRS.has(`${raw[i - 2] ?? ""} ${before}`);
}
