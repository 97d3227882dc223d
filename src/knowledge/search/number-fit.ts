import { tokens } from "../../text/normalize.js";
import type { Entry } from "../schema.js";
import type { SearchHit } from "./types.js";
import type { SearchWeights } from "./weights.js";

/**
 * "kích hoạt vneid mức 2 mà cứ báo lỗi": the knowledge has "… VNeID mức 1" and "… VNeID mức 2", titles that number one
 * thing. A word the titles of two or more entries follow with different numbers ("mức 1", "mức 2") is a numbered word;
 * when the question types it with a number, an entry whose titles give that word none of the numbers typed is about
 * another level: its score is multiplied by `weights.numberConflict` — and when the question names one level as where it
 * is and another as where to go ("mới mức 1, muốn lên mức 2"), only the second is asked. Read from the titles and aliases:
 * a new level needs no code. Ages ("dưới 14 tuổi") are not levels: age-reading.ts reads them.
 */
export function createNumberFit(entries: readonly Entry[], weights: SearchWeights): (hits: SearchHit[], typed: ReadonlyArray<{ t: string }>) => void {
  const byWord = new Map<string, Map<string, Set<string>>>();
  for (const e of entries) {
    for (const text of [e.title, ...e.aliases]) {
      // Most names hold no number: only those are read word by word (6,000 entries at catalogue size).
      if (!/\d/.test(text)) continue;
      const words = tokens(text);
      for (let i = 0; i + 1 < words.length; i++) {
        const [word, n, unit] = [words[i]!, words[i + 1]!, words[i + 2]];
        if (!isNumber(n) || isNumber(word) || (unit !== undefined && UNITS.has(unit))) continue;
        const entriesOf = byWord.get(word) ?? byWord.set(word, new Map()).get(word)!;
        (entriesOf.get(e.id) ?? entriesOf.set(e.id, new Set()).get(e.id)!).add(n);
      }
    }
  }
  // Numbered words: given numbers by two or more entries, not all the same.
  for (const [word, entriesOf] of byWord) {
    const numbers = new Set([...entriesOf.values()].flatMap((s) => [...s]));
    if (entriesOf.size < 2 || numbers.size < 2) byWord.delete(word);
  }
  return (hits, typed) => {
    if (byWord.size === 0) return;
    // Every number the question gives each numbered word ("mức 1 hay mức 2"); when it names one as where the asker is
    // (`STATE_WORDS` before it: "mới mức 1", "từ mức 1"; or "mức 1 lên …") and another as where to go (`TARGET_WORDS`:
    // "lên mức 2"), that one alone ("đăng ký mức 1 thế nào, sau này lên mức 2" still asks about both).
    const asked = new Map<string, Set<string>>();
    const targets = new Map<string, Set<string>>();
    const states = new Set<string>();
    const add = (m: Map<string, Set<string>>, word: string, n: string) => (m.get(word) ?? m.set(word, new Set()).get(word)!).add(n);
    for (let i = 0; i + 1 < typed.length; i++) {
      const word = typed[i]!.t;
      const n = typed[i + 1]!.t;
      if (!byWord.has(word) || !isNumber(n)) continue;
      add(asked, word, n);
      const before = i > 0 ? typed[i - 1]!.t : "";
      if (TARGET_WORDS.has(before)) add(targets, word, n);
      // Where the asker is: a state word before it, or a target word right after it ("mức 1 lên mức 2").
      else if (STATE_WORDS.has(before) || (i > 1 && STATE_WORDS.has(typed[i - 2]!.t)) || TARGET_WORDS.has(typed[i + 2]?.t ?? "")) states.add(word);
    }
    for (const [word, target] of targets) if (states.has(word)) asked.set(word, target);
    for (const [word, numbers] of asked) {
      const entriesOf = byWord.get(word)!;
      for (const h of hits) {
        const own = entriesOf.get(h.entry.id);
        if (own && ![...own].some((n) => numbers.has(n))) h.score *= weights.numberConflict;
      }
    }
  };
}

const isNumber = (w: string) => /^\d{1,4}$/.test(w);
/** A number before one of these is an age or a length of time ("dưới 14 tuổi", "60 ngày"), not a level. */
const UNITS = new Set(["tuoi", "thang", "ngay", "nam", "tuan", "gio"]);
/** Words before a numbered word that say it is where the asker wants to go ("lên mức 2", "sang mức 2"), folded. */
const TARGET_WORDS = new Set(["len", "sang"]);
/**
 * Words (one or two before a numbered word) that say it is where the asker is now ("mới mức 1", "từ mức 1", "vẫn là mức 1"),
 * folded. Not "dang": typed bare it is also "đăng" ("đăng ký mức 1 thế nào, sau này lên mức 2" asks about both).
 */
const STATE_WORDS = new Set(["moi", "tu", "la", "chi", "van", "hien"]);
