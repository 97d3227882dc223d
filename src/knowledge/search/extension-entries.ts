import { accentKey, rawTokens, tokens } from "../../text/normalize.js";
import type { QueryToken } from "../analyze.js";
import type { Entry } from "../schema.js";
import type { SearchHit } from "./types.js";
import type { SearchWeights } from "./weights.js";

/**
 * "chồng em người Hàn, con sinh ở Bình Dương, làm giấy khai sinh ở đâu": the knowledge has "Đăng ký khai sinh" and
 * "Đăng ký khai sinh có yếu tố nước ngoài", the second the first's title with more words. When the question types
 * the words the longer title adds ("nước ngoài", read from "người Hàn" by synonyms.yaml; "bỏ rơi") and the longer
 * entry scores at least `weights.extensionEntry.reach` of the shorter one ranked above it, the two trade places —
 * the longer entry takes the shorter one's score and evidence (it is named as fully, and more). Built from the
 * titles: a new variant needs no code.
 */
export function createExtensionFit(entries: readonly Entry[], weights: SearchWeights): (hits: SearchHit[], typed: readonly QueryToken[]) => void {
  const added = new Map<string, Array<{ id: string; words: Word[] }>>();
  const titles = entries.map((e) => ({ id: e.id, title: e.title, folded: tokens(e.title) }));
  // Each title's shorter siblings are the titles spelling one of its beginnings: looked up, not compared pairwise
  // (6,000 entries would be 36 million comparisons).
  const byTitle = new Map<string, typeof titles>();
  for (const t of titles) {
    const key = t.folded.join(" ");
    const same = byTitle.get(key);
    if (same) same.push(t);
    else byTitle.set(key, [t]);
  }
  for (const ext of titles) {
    let prefix = "";
    for (let n = 1; n < ext.folded.length; n++) {
      prefix = n === 1 ? ext.folded[0]! : `${prefix} ${ext.folded[n - 1]!}`;
      for (const base of byTitle.get(prefix) ?? []) {
        const run = addedRun(base.folded, ext.folded);
        if (!run) continue;
        // Accents only for the words added (most titles have no shorter sibling: no accents read at all).
        const raw = rawTokens(ext.title);
        const words = ext.folded.slice(run[0], run[1]).map((folded, k) => ({ folded, accented: accentKey(raw[run[0] + k]!) }));
        const longer = added.get(base.id);
        if (longer) longer.push({ id: ext.id, words });
        else added.set(base.id, [{ id: ext.id, words }]);
      }
    }
  }
  return (hits, typed) => {
    if (added.size === 0) return;
    for (const base of hits) {
      for (const { id, words } of added.get(base.entry.id) ?? []) {
        const ext = hits.find((h) => h.entry.id === id);
        if (!ext || ext.score >= base.score || ext.score < base.score * weights.extensionEntry.reach || !typesRun(typed, words)) continue;
        // The longer entry is named as well as the shorter one was, and more: it takes its evidence too.
        [ext.score, base.score, ext.why, base.why] = [base.score, ext.score, base.why, ext.why];
      }
    }
  };
}

interface Word {
  folded: string;
  accented: string;
}

/**
 * Where in `ext`'s title (word indices, end excluded) the first run of two or more words it adds to `base`'s title
 * is ("nước ngoài" of "Đăng ký khai sinh có yếu tố nước ngoài", skipping "có yếu tố"; "bỏ rơi" of "… cho trẻ bị bỏ
 * rơi"), when `ext`'s title starts with `base`'s; otherwise null. Folded words.
 */
function addedRun(base: readonly string[], ext: readonly string[]): [number, number] | null {
  if (ext.length <= base.length || base.length === 0 || base.some((w, i) => w !== ext[i])) return null;
  const own = new Set(base);
  let start = base.length;
  for (let i = base.length; i <= ext.length; i++) {
    const w = ext[i];
    if (w !== undefined && !LINK_WORDS.has(w) && !own.has(w)) continue;
    if (i - start >= 2) return [start, i];
    start = i + 1;
  }
  return null;
}

/** Words that join a variant's words to the title, and say nothing of the variant themselves. */
const LINK_WORDS = new Set(["co", "yeu", "to", "cho", "tre", "em", "bi", "sang", "tu", "den", "va", "cua", "o", "tai", "nguoi"]);

/** The question types `words` one after the other; a word typed with accents must have the title's. */
function typesRun(typed: readonly QueryToken[], words: readonly Word[]): boolean {
  for (let i = 0; i + words.length <= typed.length; i++) {
    if (words.every((w, k) => typed[i + k]!.t === w.folded && (typed[i + k]!.accented === undefined || typed[i + k]!.accented === w.accented))) return true;
  }
  return false;
}
