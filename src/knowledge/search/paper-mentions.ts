import { CLAUSE_BREAKS, CLOSING_QUESTION_WORDS, NEED_FILLERS, NEED_WORDS, PAPER_WORDS, PENDING_WORDS, QUESTION_WORDS } from "../language.js";
import { pairable } from "../analyze.js";
import type { IndexData } from "./build-index.js";
import type { Resolved } from "./rewrite.js";
import { foldedSet, phraseList, type ListedWord } from "./word-lists.js";

// Which words of a question name a paper that is not what is asked about (rewrite.ts weighs them by
// `paperMention`): a paper needed for the procedure named before it, or one not issued yet in a story.

const NEED = phraseList(NEED_WORDS);
const PENDING = phraseList(PENDING_WORDS);
const BREAKS = phraseList(CLAUSE_BREAKS);
const PAPER = phraseList(PAPER_WORDS);
const FILLERS = foldedSet(NEED_FILLERS);
const CLOSING = foldedSet(CLOSING_QUESTION_WORDS);
const ASKING = foldedSet(QUESTION_WORDS);
/** "cần sổ hồng bản chính hay bản sao": the paper needed may be one or another. */
const OR = foldedSet(["hay", "hoặc"]);

/** The index's form of a word: what it matched (a corrected typo, a regional spelling), else as typed. */
function indexForm(r: Resolved): string {
  return r.match ?? r.t;
}

/** Whether the paper's name that reached word `j - 1` goes on to word `j` (see paperMentions). */
function inPaper(words: readonly Resolved[], j: number, index: IndexData): boolean {
  const r = words[j]!;
  if (CLOSING.has(r.t)) return false;
  if (pairable(words, j) && index.namePair(indexForm(words[j - 1]!), indexForm(r))) return true;
  return !r.weak && !ASKING.has(r.t);
}

/** How many words of a listed phrase start at `i` (typed accents must agree), or 0. */
function phraseAt(words: readonly Resolved[], i: number, list: readonly ListedWord[][]): number {
  for (const phrase of list) {
    if (phrase.every((w, k) => words[i + k]?.t === w.t && (words[i + k]!.accented === undefined || words[i + k]!.accented === w.a) && (k === 0 || pairable(words, i + k)))) return phrase.length;
  }
  return 0;
}

/**
 * The words that name a paper needed for what the message names just before ("khai sinh cho con có
 * cần [giấy chứng nhận kết hôn] không", "làm thẻ căn cước cần [giấy khai sinh bản gốc] không"): a
 * need word, then a paper's name and the topic words after it, where the last topic word before the
 * need word is part of a name ("khai sinh", "căn cước"). Null when there is none. After a story
 * ("mở quán bún bò có cần giấy chứng nhận an toàn thực phẩm") or nothing ("tôi cần trích lục khai
 * sinh"), the paper is what is asked about. Also a paper not issued yet ("chủ đầu tư chưa ra [sổ hồng].
 * Tôi muốn chuyển hộ khẩu", PENDING_WORDS), wherever it stands, when the message names something after it.
 */
export function paperMentions(words: readonly Resolved[], index: IndexData): boolean[] | null {
  let out: boolean[] | null = null;
  // The last topic word so far, and whether it is part of a name with the topic word right before it.
  let last = -1;
  let named = false;
  for (let i = 0; i < words.length; i++) {
    const r = words[i]!;
    const need = named ? phraseAt(words, i, NEED) : 0;
    const pending = need > 0 ? 0 : phraseAt(words, i, PENDING);
    if (need > 0 || pending > 0) {
      let j = i + need + pending;
      while (j < words.length && words[j]!.weak && FILLERS.has(words[j]!.t)) j++;
      const paper = j < words.length && !words[j]!.weak ? phraseAt(words, j, PAPER) : 0;
      // The paper's name runs on through its topic words, and through filler that a name has with the word
      // before it ("bản sao"), up to a word that asks ("… giấy khai sinh không", "giấy gì"). A paper not issued
      // yet runs on only through the pairs of a name ("sổ hồng", not "sổ hồng. Tôi muốn chuyển hộ khẩu").
      const end = paper === 0 ? j : need > 0 ? paperEnd(words, j, index) : pairedEnd(words, j + paper, index);
      // A paper not issued yet is the story's only where the message names something after it (else it is asked
      // for) — also as the condition of the question ("chưa ra sổ hồng thì có đăng ký thường trú được không").
      if (paper > 0 && (need > 0 || namedFrom(words, end, index))) {
        out ??= new Array<boolean>(words.length).fill(false);
        out.fill(true, j, end);
        i = end - 1;
        named = false;
        continue;
      }
    }
    // "… kết hôn rồi, giờ cần bản sao …": a new thought; what it needs is not for the name before it.
    if (phraseAt(words, i, BREAKS) > 0) named = false;
    if (r.weak || r.match === null) continue;
    named = last === i - 1 && pairable(words, i) && index.namePair(indexForm(words[last]!), indexForm(r));
    last = i;
  }
  return out;
}

/**
 * Where a needed paper's name that starts at `j` ends (see inPaper), through the other paper it may be instead
 * ("cần sổ hồng bản chính hay bản sao": "hay"/"hoặc" and a paper's name after it).
 */
function paperEnd(words: readonly Resolved[], j: number, index: IndexData): number {
  for (;;) {
    while (j < words.length && inPaper(words, j, index)) j++;
    const other = j < words.length && OR.has(words[j]!.t) ? phraseAt(words, j + 1, PAPER) : 0;
    if (other === 0) return j;
    j += 1 + other;
  }
}

/** Where a name that reached word `j - 1` ends when it runs on only through a name's pairs ("sổ" → "hồng"). */
function pairedEnd(words: readonly Resolved[], j: number, index: IndexData): number {
  while (j < words.length && pairable(words, j) && index.namePair(indexForm(words[j - 1]!), indexForm(words[j]!))) j++;
  return j;
}

/** From word `from` on, two adjacent topic words form a pair of a name: the message names something there. */
function namedFrom(words: readonly Resolved[], from: number, index: IndexData): boolean {
  for (let k = from + 1; k < words.length; k++) {
    const a = words[k - 1]!;
    const b = words[k]!;
    if (!a.weak && !b.weak && a.match !== null && b.match !== null && pairable(words, k) && index.namePair(a.match, b.match)) return true;
  }
  return false;
}
