import { accentKey, fold, rawTokens } from "../../text/normalize.js";
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
  const titles = entries.map((e) => ({ id: e.id, words: titleWords(e.title) }));
  for (const base of titles) {
    for (const ext of titles) {
      const words = addedWords(base.words, ext.words);
      if (words) added.set(base.id, [...(added.get(base.id) ?? []), { id: ext.id, words }]);
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

function titleWords(title: string): Word[] {
  return rawTokens(title).map((w) => ({ folded: fold(w), accented: accentKey(w) }));
}

/**
 * The first run of two or more words that `ext`'s title adds to `base`'s ("nước ngoài" of "Đăng ký khai sinh có yếu
 * tố nước ngoài", skipping "có yếu tố"; "bỏ rơi" of "… cho trẻ bị bỏ rơi"), when `ext`'s title starts with `base`'s;
 * otherwise null.
 */
function addedWords(base: readonly Word[], ext: readonly Word[]): Word[] | null {
  if (ext.length <= base.length || base.length === 0 || base.some((w, i) => w.folded !== ext[i]!.folded)) return null;
  const own = new Set(base.map((w) => w.folded));
  let run: Word[] = [];
  for (const w of ext.slice(base.length)) {
    if (LINK_WORDS.has(w.folded) || own.has(w.folded)) {
      if (run.length >= 2) return run;
      run = [];
    } else run.push(w);
  }
  return run.length >= 2 ? run : null;
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
