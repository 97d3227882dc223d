import Fuse from "fuse.js";
import type { IndexData } from "./build-index.js";
import type { SearchWeights } from "./weights.js";

/** Nearest known syllable to an unknown one (a typo), or null. */
export type Corrector = (folded: string, accented?: string) => string | null;

/**
 * Typo correction against the index vocabulary. One edit (a missing, extra, swapped or wrong
 * letter) is tried first, preferring the commonest word; fuse.js then catches longer slips in
 * long words. Three-letter words only get a missing or swapped letter ("páp" → "pháp"), since
 * one more change would reach too many real words.
 */
export function createCorrector(index: IndexData, weights: SearchWeights): Corrector {
  const vocabulary = [...index.postings.keys()].filter((t) => t.length >= 3 && !/^\d/.test(t));
  // A correction keeps the first letter, so fuse.js only ever needs the words sharing it: one
  // small index per first letter (a whole-vocabulary scan costs milliseconds). Built with the
  // index, so no question pays for building one.
  const byFirstLetter = new Map<string, string[]>();
  for (const w of vocabulary) {
    const list = byFirstLetter.get(w[0]!);
    if (list) list.push(w);
    else byFirstLetter.set(w[0]!, [w]);
  }
  const fuseOptions = { includeScore: true, threshold: weights.typo.fuseThreshold, ignoreLocation: true, minMatchCharLength: 2 };
  const fuses = new Map([...byFirstLetter].map(([letter, words]) => [letter, new Fuse(words, fuseOptions)] as const));
  const cache = new Map<string, string | null>();

  return (t, accented) => {
    if (t.length < 3 || /\d/.test(t)) return null;
    const key = accented ? `${t}|${accented}` : t;
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    // Typed with accents, a slip of a letter keeps the marks: "tư páp" → "pháp", but "xăng" is not "sang".
    const fits = (candidate: string) => !accented || sameMarksExist(index, candidate, accented);
    let best: string | null = null;
    let bestDf = 0;
    for (const candidate of oneEdit(t, t.length >= 4)) {
      const df = index.docFreq.get(candidate) ?? 0;
      if (df > bestDf && candidate.length >= 3 && fits(candidate)) {
        best = candidate;
        bestDf = df;
      }
    }
    if (!best && t.length >= weights.typo.fuseMinLength) {
      for (const r of fuses.get(t[0]!)?.search(t, { limit: 5 }) ?? []) {
        if ((r.score ?? 1) <= weights.typo.fuseAccept && Math.abs(r.item.length - t.length) <= 1 && fits(r.item)) {
          best = r.item;
          break;
        }
      }
    }
    if (cache.size > 50_000) cache.clear();
    cache.set(key, best);
    return best;
  };
}

/** Whether some entry spells the folded `candidate` with the same diacritics as the typed word. */
export function sameMarksExist(index: IndexData, candidate: string, typed: string): boolean {
  const marks = toneMarks(typed);
  return (index.accentFormsAll.get(candidate) ?? []).some((f) => toneMarks(f) === marks);
}

/** The diacritics of a word in order ("páp" → acute; "xăng" → breve), whatever its letters. */
export function toneMarks(word: string): string {
  let marks = marksCache.get(word);
  if (marks === undefined) {
    marks = word.normalize("NFD").replace(/[^\u0300-\u036f]/g, "");
    if (marksCache.size > 50_000) marksCache.clear();
    marksCache.set(word, marks);
  }
  return marks;
}
const marksCache = new Map<string, string>();

/**
 * Whether a word typed with accents is one of an entry's spellings of the same folded word:
 * "vàng" is not "vắng", "bão" is not "báo"; a slip of a letter that keeps the marks ("đăg" for
 * "đăng") still agrees. No spellings known (`forms` undefined) agrees.
 */
export function accentsAgree(forms: ReadonlySet<string> | undefined, typed: string): boolean {
  if (!forms || forms.has(typed)) return true;
  const marks = toneMarks(typed);
  for (const f of forms) if (toneMarks(f) === marks) return true;
  return false;
}

/** Initial and final sounds that regional accents merge in writing (folded forms). */
const INITIAL_SWAPS: Array<[string, string[]]> = [
  ["tr", ["ch"]], ["ch", ["tr"]], ["gi", ["d", "r"]], ["d", ["gi", "r"]], ["r", ["d", "gi"]],
  ["s", ["x"]], ["x", ["s"]], ["l", ["n"]], ["n", ["l"]], ["v", ["d"]],
];
const FINAL_SWAPS: Array<[string, string]> = [["ng", "n"], ["n", "ng"], ["c", "t"], ["t", "c"]];

/** Other spellings of a folded syllable under common regional pronunciations. */
export function regionalSpellings(word: string): string[] {
  const out: string[] = [];
  for (const [from, tos] of INITIAL_SWAPS) {
    if (!word.startsWith(from) || (from === "n" && word.startsWith("ng"))) continue;
    for (const to of tos) out.push(to + word.slice(from.length));
    break;
  }
  for (const [from, to] of FINAL_SWAPS) {
    if (word.endsWith(from) && !(from === "n" && word.endsWith("ng"))) {
      out.push(word.slice(0, -from.length) + to);
      break;
    }
  }
  return out;
}

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/**
 * Words one edit away: swapped neighbours and inserted letters; with `all`, also deleted and
 * replaced ones. The first letter stays (people rarely slip on it, and changing it reaches
 * unrelated words: "xăng" → "đăng").
 */
function* oneEdit(word: string, all: boolean): Generator<string> {
  for (let i = 1; i + 1 < word.length; i++) yield word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  for (let i = 1; i <= word.length; i++) for (const c of LETTERS) yield word.slice(0, i) + c + word.slice(i);
  if (!all) return;
  for (let i = 1; i < word.length; i++) yield word.slice(0, i) + word.slice(i + 1);
  for (let i = 1; i < word.length; i++) for (const c of LETTERS) if (c !== word[i]) yield word.slice(0, i) + c + word.slice(i + 1);
}
