import { CLAUSE_BREAKS, CLOSING_QUESTION_WORDS, NEED_ASKING, NEED_FILLERS, NEED_WORDS, OBTAIN_ASKING, PAPER_WORDS, PENDING_WORDS, QUESTION_WORDS } from "../language.js";
import { pairable } from "../analyze.js";
import type { IndexData } from "./build-index.js";
import { holds, NO_DOCS } from "./positions.js";
import type { Resolved } from "./rewrite.js";
import { foldedSet, phraseAt, phraseList } from "./word-lists.js";

// Which words of a question name a paper that is not what is asked about (rewrite.ts weighs them by
// `paperMention`): a paper needed for the procedure named before it, or one not issued yet in a story.

const NEED = phraseList(NEED_WORDS);
const NEED_ASK = phraseList(NEED_ASKING);
const PENDING = phraseList(PENDING_WORDS);
const OBTAIN = phraseList(OBTAIN_ASKING);
const BREAKS = phraseList(CLAUSE_BREAKS);
const PAPER = phraseList(PAPER_WORDS);
const FILLERS = foldedSet(NEED_FILLERS);
/** Typed with accents, the accents must agree: "hồng" of "sổ hồng" is not the "hông" that closes a question. */
const CLOSING = phraseList(CLOSING_QUESTION_WORDS);
const ASKING = foldedSet(QUESTION_WORDS);
/** "cần sổ hồng bản chính hay bản sao": the paper needed may be one or another. */
const OR = foldedSet(["hay", "hoặc"]);

/** The index's form of a word: what it matched (a corrected typo, a regional spelling), else as typed. */
export function indexForm(r: Resolved): string {
  return r.match ?? r.t;
}

/** Whether the paper's name that reached word `j - 1` goes on to word `j` (see paperMentions). */
function inPaper(words: readonly Resolved[], j: number, index: IndexData): boolean {
  const r = words[j]!;
  if (phraseAt(words, j, CLOSING) > 0) return false;
  if (pairable(words, j) && index.namePair(indexForm(words[j - 1]!), indexForm(r))) return true;
  return !r.weak && !ASKING.has(r.t);
}

/**
 * The words that name a paper needed for what the message names just before ("khai sinh cho con có
 * cần [giấy chứng nhận kết hôn] không", "làm thẻ căn cước cần [giấy khai sinh bản gốc] không"): a
 * need word, then a paper's name and the topic words after it, where the last topic word before the
 * need word is part of a name ("khai sinh", "căn cước"), or the need word asks whether the paper is needed
 * (NEED_ASKING: "có cần") and the message named something before it since its last new thought ("lắp điện cho
 * nhà mới có cần [sổ đỏ] không", "đăng ký cấp điện cho dãy trọ mới xây cần giấy tờ gì, có cần [sổ đỏ] không").
 * Null when there is none. After a story that names nothing ("mở quán bún bò có cần giấy chứng nhận an toàn
 * thực phẩm") or nothing ("tôi cần trích lục khai sinh"), the paper is what is asked about. Also a paper not
 * issued yet ("chủ đầu tư chưa ra [sổ hồng]. Tôi muốn chuyển hộ khẩu", PENDING_WORDS), wherever it stands, when
 * the message names something after it.
 */
export function paperMentions(words: readonly Resolved[], index: IndexData, commonWord: number, rarePairEntries: number): boolean[] | null {
  let out: boolean[] | null = null;
  // The last topic word so far, and whether it is part of a name with the topic word right before it.
  let last = -1;
  let named = false;
  // Whether the message has named something (a pair of a name, not in a paper's name) since its last new thought,
  // and the entries holding those of its pairs that name a topic (see topicPair) in a name or keyword.
  let namedBefore = false;
  // The holders' posting lists themselves (sorted doc numbers), not a set of their docs: a common pair is held by
  // thousands of entries at catalogue size, and copying them for every message made most of its garbage.
  const namedEntries: Int32Array[] = [];
  for (let i = 0; i < words.length; i++) {
    const r = words[i]!;
    // "… cho dãy trọ mới xây, có cần sổ đỏ không": asking whether a paper is needed, of what was named before.
    const asks = namedBefore && i > 0 && phraseAt(words, i - 1, NEED_ASK) > 0;
    const need = named || asks ? phraseAt(words, i, NEED) : 0;
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
      // Asked of what was named before, the paper is what is asked about when its own words name an entry that
      // the earlier words name too ("xây nhà cho bố mẹ có cần giấy phép xây dựng không": the permit's entry).
      // Or the message goes on to ask where to get the paper ("… cần bản sao trích lục khai tử …, xin ở đâu").
      const asked = (asks && !named && paper > 0 && need > 0 && namesSame(words, j, end, namedEntries, index)) || (need > 0 && obtainAsked(words, end));
      if (paper > 0 && (need > 0 || namedFrom(words, end, index)) && !asked) {
        out ??= new Array<boolean>(words.length).fill(false);
        out.fill(true, j, end);
        i = end - 1;
        named = false;
        continue;
      }
    }
    // "… kết hôn rồi, giờ cần bản sao …": a new thought; what it needs is not for the name before it.
    if (phraseAt(words, i, BREAKS) > 0) {
      named = namedBefore = false;
      namedEntries.length = 0;
    }
    if (r.weak || r.match === null) continue;
    named = last === i - 1 && pairable(words, i) && index.namePair(indexForm(words[last]!), indexForm(r));
    namedBefore ||= named;
    if (named) {
      const a = indexForm(words[last]!);
      const b = indexForm(r);
      const holders = index.pairPostings.get(`${a} ${b}`);
      if (holders && topicPair(a, b, holders, index, commonWord, rarePairEntries)) namedEntries.push(holders);
    }
    last = i;
  }
  return out;
}

/**
 * Right after a needed paper's name (word `from` on), the message asks where or how to get it (OBTAIN_ASKING): in the
 * paper's clause or the next one, before another paper is named ("… cần bản sao giấy kết hôn không, tờ khai khai sinh
 * xin ở đâu" asks for the form).
 */
function obtainAsked(words: readonly Resolved[], from: number): boolean {
  let clauses = 0;
  for (let k = from; k < words.length; k++) {
    if (k > from && words[k]!.brk && ++clauses > 1) return false;
    if (phraseAt(words, k, OBTAIN) > 0) return true;
    if (phraseAt(words, k, PAPER) > 0) return false;
  }
  return false;
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

/**
 * Whether the paper's name from `j` to `end` names one of the `entries` by itself: that entry holds every pair of a
 * name the paper's words make ("giấy phép xây dựng" in the building permit's entry, which "xây nhà" names too).
 */
function namesSame(words: readonly Resolved[], j: number, end: number, entries: readonly Int32Array[], index: IndexData): boolean {
  let held: number[] | null = null;
  for (let k = j + 1; k < end; k++) {
    const a = indexForm(words[k - 1]!);
    const b = indexForm(words[k]!);
    if (!pairable(words, k) || !index.namePair(a, b)) continue;
    const docs = index.pairPostings.get(`${a} ${b}`) ?? NO_DOCS;
    held = held === null ? [...docs].filter((d) => entries.some((list) => holds(list, d))) : held.filter((d) => holds(docs, d));
  }
  return held !== null && held.length > 0;
}

/**
 * Whether the name pair `a b` names a topic: no modifier ("lần đầu"), and one of its words at least `commonWord` (share
 * of the rarest possible, `SearchWeights.modifier`) rare — "xây nhà", "thường trú", not "đăng ký" that names hundreds —
 * or the pair itself held by at most `rarePairEntries` entries (`holders`, its postings: "quán ăn", of two common words).
 */
function topicPair(a: string, b: string, holders: Int32Array | undefined, index: IndexData, commonWord: number, rarePairEntries: number): boolean {
  if (index.modifier(`${a} ${b}`)) return false;
  const floor = commonWord * index.maxIdf;
  return index.idf(a) >= floor || index.idf(b) >= floor || (holders?.length ?? Infinity) <= rarePairEntries;
}
