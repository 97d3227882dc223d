// The two mechanical steps of writing a blind question set (docs/eval/README.md): dropping a writer's lines that
// repeat an earlier set, and merging two independent labellings. Kept here, with tests, so every session does them
// the same way (they were hand-run scripts outside the repository until session 37).
import type { EvalLine } from "../src/knowledge/eval.js";
import { fold } from "../src/text/normalize.js";

/** Word pairs of a message, accents folded ("Làm hộ chiếu ở đâu" → "lam ho", "ho chieu", …); one word alone is its pair. */
export function wordPairs(text: string): Set<string> {
  // fold() decomposes (NFD) before dropping the marks: a message saved as NFC or NFD folds alike.
  const words = fold(text).match(/[a-z0-9]+/g) ?? [];
  if (words.length < 2) return new Set(words);
  const pairs = new Set<string>();
  for (let i = 1; i < words.length; i++) pairs.add(`${words[i - 1]} ${words[i]}`);
  return pairs;
}

/** Jaccard similarity of two sets (0 when both are empty). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/** A line at least this alike (Jaccard of word pairs) to an earlier one repeats it. */
export const REPEAT_THRESHOLD = 0.7;

/** Two lines are alike: their word pairs at least `threshold` alike, or — a line of no words ("???") — the same text. */
function alike(a: { pairs: Set<string>; text: string }, b: { pairs: Set<string>; text: string }, threshold: number): boolean {
  if (a.pairs.size === 0 || b.pairs.size === 0) return a.text === b.text;
  return jaccard(a.pairs, b.pairs) >= threshold;
}

/**
 * The new lines worth keeping, in order: trimmed, NFC, not empty, and not at least `threshold` alike (Jaccard of word
 * pairs, accents folded) to any line already seen or kept before them.
 */
export function dropRepeats(lines: readonly string[], seen: readonly string[], threshold = REPEAT_THRESHOLD): { kept: string[]; dropped: number } {
  const read = (line: string) => ({ pairs: wordPairs(line), text: fold(line.trim()) });
  const known = seen.map(read);
  const kept: string[] = [];
  let dropped = 0;
  for (const raw of lines) {
    const line = raw.trim().normalize("NFC");
    if (!line) continue;
    const it = read(line);
    if (known.some((k) => alike(it, k, threshold))) {
      dropped++;
      continue;
    }
    known.push(it);
    kept.push(line);
  }
  return { kept, dropped };
}

/** A fixed-seed shuffle (mulberry32 + Fisher–Yates): the same seed gives the same order on every machine. */
export function shuffle<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** One labelled line of a question set (the type `dvc-bot eval` reads). */
export type Label = EvalLine;

export interface Merged {
  labels: Label[];
  /** Indices (0-based) where one labeller says no entry fits and the other names one: a third labeller settles them. */
  scopeDisagreements: number[];
  /** In-scope lines both labellers put the same entry first on, of those both put in scope. */
  firstAgreed: number;
  bothInScope: number;
}

/** At most this many ids per label (docs/eval/label-rules.md). */
export const MAX_IDS = 3;

/**
 * Two independent labellings of the same lines merged: labeller 1's list, then labeller 2's other ids, at most
 * MAX_IDS. Where they disagree on scope, labeller 1's label stands and the line is reported.
 */
export function mergeLabels(first: readonly Label[], second: readonly Label[]): Merged {
  if (first.length !== second.length) throw new Error(`the labellings have ${first.length} and ${second.length} lines`);
  // One labeller's editor may have saved the text decomposed (NFD): the same message either way.
  const same = (a: string, b: string) => a.normalize("NFC") === b.normalize("NFC");
  const labels: Label[] = [];
  const scopeDisagreements: number[] = [];
  let firstAgreed = 0;
  let bothInScope = 0;
  first.forEach((a, i) => {
    const b = second[i]!;
    if (!same(a.q, b.q)) throw new Error(`line ${i + 1} differs between the labellings`);
    if ((a.expect === null) !== (b.expect === null)) scopeDisagreements.push(i);
    if (a.expect === null || b.expect === null) {
      labels.push({ q: a.q, expect: a.expect });
      return;
    }
    bothInScope++;
    if (a.expect[0] === b.expect[0]) firstAgreed++;
    const ids = [...a.expect, ...b.expect.filter((id) => !a.expect!.includes(id))];
    labels.push({ q: a.q, expect: ids.slice(0, MAX_IDS) });
  });
  return { labels, scopeDisagreements, firstAgreed, bothInScope };
}

/** One label as a line of the question sets (`{"q": "…", "expect": ["a", "b"]}`, the spacing of the files in test/fixtures). */
export function labelLine(label: Label): string {
  const expect = label.expect === null ? "null" : `[${label.expect.map((id) => JSON.stringify(id)).join(", ")}]`;
  return `{"q": ${JSON.stringify(label.q)}, "expect": ${expect}}`;
}
