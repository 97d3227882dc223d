import { pairedAfter, pairedBefore, queryToken, type QueryToken } from "../analyze.js";
import { fold, tokens } from "../../text/normalize.js";
import type { Entry } from "../schema.js";
import type { IndexData } from "./build-index.js";
import type { SearchHit } from "./types.js";
import type { SearchWeights } from "./weights.js";

/**
 * "con em 3 tuổi làm căn cước", "bé 8 tháng tuổi làm thẻ bhyt", "con 10t": an age is what tells
 * the children's procedure ("… dưới 14 tuổi", "… dưới 6 tuổi") from the adults' one. The age of the
 * person asked about (see `subjectAge`) below a limit the knowledge names ("dưới X tuổi" in some
 * entry) is read as the smallest such limit above it; any other age of it stays a number that says
 * nothing about the topic. Every other age of the message ("tôi 40 tuổi, làm vneid cho con 8
 * tuổi": the asker's own) is about someone else: filler, though "40 tuổi" is a keyword somewhere.
 */
export function createAgeReader(index: IndexData): (tokens: QueryToken[], subject: SubjectAge | null) => QueryToken[] {
  const limits = [...index.pairPostings.keys()]
    .map((b) => /^duoi (\d+)$/.exec(b)?.[1])
    .filter((x): x is string => x !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
  if (limits.length === 0 || !index.postings.has("tuoi")) return (tokens) => tokens;
  // Weak like a facet word: the age picks between entries of a topic, it is not the topic.
  const word = (t: string, brk = false): QueryToken => queryToken(t, true, "function", undefined, undefined, brk);
  return (tokens, subject) => {
    if (!subject) return tokens;
    let out: QueryToken[] | null = null;
    for (let i = tokens.length - 1; i >= 0; i--) {
      const age = ageAt(tokens, i);
      if (!age) continue;
      const limit = limits.find((x) => age.years < x);
      if (i !== subject.at) {
        out ??= tokens.slice();
        out.splice(i, age.length, ...tokens.slice(i, i + age.length).map((t) => word(t.t, t.brk)));
      } else if (limit !== undefined) {
        out ??= tokens.slice();
        out.splice(i, age.length, word("duoi", tokens[i]!.brk), word(String(limit)), word("tuoi"));
      }
    }
    return out ?? tokens;
  };
}

/** Where the age of the person asked about is in the tokens, and its value in years. */
export interface SubjectAge {
  at: number;
  years: number;
}

/**
 * The age of the person the question is about ("3 tuổi", "10t", "8 tháng tuổi" → 0): read once per
 * question, for both the reading of ages (createAgeReader) and the fit of entries (createAgeFit);
 * null when none. "tôi 40 tuổi, làm vneid cho con 8 tuổi": an age told of a child ("con", "bé",
 * "cháu"… just before it) wins over the asker's own; otherwise the first one. Of several children's
 * ages, one whose clause says the child already has it ("con lớn 16 tuổi có căn cước rồi, con út 10
 * tuổi chưa có") and an adult's age after a "con" that is the asker ("dạ con 35 tuổi, … bé nhà con 4
 * tuổi") give way to the next.
 */
export function subjectAge(tokens: QueryToken[]): SubjectAge | null {
  let first: SubjectAge | null = null;
  const children: Array<SubjectAge & { settled: boolean }> = [];
  for (let i = 0; i < tokens.length; i++) {
    const age = ageAt(tokens, i);
    if (!age || thenAt(tokens, i)) continue;
    if (tokens.slice(Math.max(0, i - CHILD_REACH), i).some(isChildWord)) children.push({ at: i, years: age.years, settled: settledInClause(tokens, i) });
    first ??= { at: i, years: age.years };
  }
  const child = children.find((c) => !c.settled && c.years < ADULT) ?? children.find((c) => !c.settled) ?? children[0];
  return child ? { at: child.at, years: child.years } : first;
}

/** Words that tell the age that follows is a child's ("con em 3 tuổi", "bé 8 tháng tuổi", "đứa út 9 tuổi"), within this many words. */
const CHILD_WORDS = new Set(["con", "be", "chau", "tre", "nho", "nit", "ut", "dua"]);
const CHILD_REACH = 3;
const isChildWord = (t: QueryToken) => CHILD_WORDS.has(t.t) && (t.accented === undefined || (CHILD_SPELLINGS.get(t.t) ?? t.accented) === t.accented);
/** The words an age is written with after its number ("14 tuổi", "8 tháng tuổi"). */
const AGE_UNITS = new Set(["tuoi", "thang"]);
/** Typed with accents, these child words must be so spelt ("đưa" is to take, not "đứa"). */
const CHILD_SPELLINGS: ReadonlyMap<string, string> = new Map([["dua", "đứa"], ["ut", "út"]]);
/** A "child" this old is an adult son or daughter, or the asker calling themself "con". */
const ADULT = 18;

/**
 * The clause of the age at `i` says it is done already ("… có căn cước rồi", "đã có thẻ"): not what is asked. A "rồi"
 * right after the age tells the age ("con tôi 14 tuổi rồi"), not a thing done.
 */
function settledInClause(tokens: QueryToken[], i: number): boolean {
  let from = i + 1;
  while (from < tokens.length && !tokens[from]!.brk && AGE_UNITS.has(tokens[from]!.t)) from++;
  if (tokens[from]?.t === "roi" && !tokens[from]!.brk) from++;
  for (let j = from; j < tokens.length && !tokens[j]!.brk; j++) {
    if (tokens[j]!.t === "roi" || (tokens[j]!.t === "co" && tokens[j - 1]!.t === "da")) return true;
  }
  return false;
}

/**
 * "con 10 tuổi làm căn cước": an entry for other ages ("… từ đủ 14 tuổi") does not apply to the
 * person asked about — its score is multiplied by `weights.ageConflict`; one made for that age is
 * marked `ageFits` (decide then offers no variant that names no age).
 */
export function createAgeFit(
  entries: readonly Entry[],
  weights: SearchWeights,
): (subject: SubjectAge | null, hits: SearchHit[], typed: readonly QueryToken[]) => void {
  const ranges = new Map<string, { min: number; below: number }>();
  for (const e of entries) {
    const range = ageRangeOf(e.title);
    if (range) ranges.set(e.id, range);
  }
  // Read only when a child's age fits an entry (rare): not built for every entry up front.
  const read = new Map<string, { all: Set<string>; topic: Set<string> }>();
  const titleWords = (h: SearchHit) => read.get(h.entry.id) ?? read.set(h.entry.id, titleWordsOf(h.entry.title)).get(h.entry.id)!;
  const said = new Map<string, Set<string>>();
  const saidPairs = (h: SearchHit) => said.get(h.entry.id) ?? said.set(h.entry.id, wordPairsOf([h.entry.title, ...(h.entry.aliases ?? []), ...(h.entry.keywords ?? [])])).get(h.entry.id)!;
  return (subject, hits, typed) => {
    if (ranges.size === 0 || !subject) return;
    const age = subject.years;
    const conflicts: SearchHit[] = [];
    for (const h of hits) {
      const range = ranges.get(h.entry.id);
      if (!range) continue;
      if (age < range.min || age >= range.below) {
        h.score *= weights.ageConflict;
        conflicts.push(h);
      } else h.why.ageFits = true;
    }
    fitsOverConflicts(hits, conflicts, (a, b) => countShared(titleWords(a).topic, titleWords(b).topic) >= weights.childEntry.sharedWords);
    preferChildEntries(hits, (h) => ranges.get(h.entry.id), titleWords, saidPairs, typed, weights);
  };
}

/**
 * Two titles on the same thing (`sameThing`: they share topic words) both name ages and the stated one fits only one of
 * them ("đứa lớn 7 tuổi chưa có căn cước": "… dưới 14 tuổi", not "… (từ đủ 14 tuổi)"): the one it fits ranks first,
 * whatever the rest of a long message weighed. A card on another thing keeps its place ("con 16 tuổi làm vneid": not
 * the adult ID card because the children's VNeID card names "dưới 14 tuổi").
 */
function fitsOverConflicts(hits: SearchHit[], conflicts: readonly SearchHit[], sameThing: (a: SearchHit, b: SearchHit) => boolean): void {
  for (const fit of hits) {
    if (!fit.why.ageFits) continue;
    for (const other of conflicts) if (other.score > fit.score && sameThing(fit, other)) [fit.score, other.score] = [other.score, fit.score];
  }
}

/** How many words of `a` are in `b`. */
function countShared(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n;
}

/**
 * A child's entry that fits the stated age takes the place of the best ageless entry on the same thing ranked
 * above it (see `SearchWeights.childEntry`): "con 5 tuổi làm căn cước" is the children's card, not "Cấp đổi, cấp
 * lại". An ageless entry naming more of the question's pairs, or whose title has a word the question types — beside a
 * word both titles name, or in a pair its own title, aliases or keywords hold — and the child's title lacks ("con 3 tuổi
 * mất thẻ BHYT, làm lại": "Cấp lại, đổi thẻ BHYT"; not the "nhà" of "… nhà ở Kỳ Anh" against "Làm căn cước tại nhà …"),
 * keeps its place — unless the child's
 * aliases or keywords hold that word in a pair the question types too ("thẻ BHYT của con 2 tuổi hết hạn, gia hạn ở đâu" is
 * the under-6 card, whose keyword says "gia hạn"; its "con mới sinh" does not excuse the "mới" of "điện thoại mới") — and not for
 * the words most titles begin with (`GENERIC_TITLE_WORDS`: "đăng ký tài khoản định danh cho con 5 tuổi" is the
 * children's card, though only the ageless title says "Đăng ký").
 */
function preferChildEntries(
  hits: SearchHit[],
  rangeOf: (h: SearchHit) => { below: number } | undefined,
  titleWords: (h: SearchHit) => { all: Set<string>; topic: Set<string> },
  saidPairs: (h: SearchHit) => ReadonlySet<string>,
  typed: readonly QueryToken[],
  weights: SearchWeights,
): void {
  const { reach, sharedWords } = weights.childEntry;
  let typedWords: Set<string> | undefined;
  let typedPairs: string[] | undefined;
  // The entry's title, aliases or keywords say the word where the question does: a pair the question types holds it.
  const saysTyped = (h: SearchHit, w: string) => {
    typedPairs ??= typed.slice(1).map((t, i) => `${typed[i]!.t} ${t.t}`);
    const pairs = saidPairs(h);
    return typedPairs.some((p) => pairs.has(p) && p.split(" ").includes(w));
  };
  // The word is typed beside a word both titles name, in the same clause ("đổi căn cước", "thẻ BHYT làm lại"; not the
  // "nhà" of "làm căn cước, nhà ở Kỳ Anh"): it says which of the two.
  const besideShared = (w: string, theirs: ReadonlySet<string>, own: ReadonlySet<string>) =>
    typed.some((t, i) => t.t === w && nearInClause(typed, i).some((u) => theirs.has(u.t) && own.has(u.t)));
  for (const child of hits) {
    // One whose `not_when` the question says ("thẻ BHYT của bé 4 tuổi làm mất" under the first card) takes no one's place.
    if (!child.why.ageFits || child.why.excluded || rangeOf(child)?.below === Infinity) continue;
    const own = titleWords(child).all;
    let rival: SearchHit | undefined;
    for (const h of hits) {
      if (h === child || rangeOf(h) || h.score <= child.score || (rival && h.score <= rival.score)) continue;
      if (h.why.heldPairs > child.why.heldPairs || child.score < h.score * reach) continue;
      const theirs = titleWords(h);
      typedWords ??= new Set(typed.map((t) => t.t));
      const shared = countShared(theirs.topic, own);
      let namesMore = false;
      for (const w of theirs.all) if (!own.has(w) && !GENERIC_TITLE_WORDS.has(w) && typedWords.has(w) && (saysTyped(h, w) || besideShared(w, theirs.topic, own)) && !saysTyped(child, w)) namesMore = true;
      // Or the question holds the child's name nearly whole and the other's clearly less ("con 8 tuổi, có bắt buộc
      // làm căn cước cho cháu": not "Đăng ký giám hộ", which only its story words reach).
      const namedMore = child.why.namePrecision >= weights.childEntry.named && child.why.namePrecision - h.why.namePrecision >= weights.childEntry.namedGap;
      if ((shared >= sharedWords && !namesMore) || namedMore) rival = h;
    }
    if (rival) [child.score, rival.score] = [rival.score, child.score];
  }
}

/**
 * A title's words folded as the question's are (`tokens`: "ký", "lý" read "ki", "li", as typed words are), and those
 * that say what it is about (`topic`: not ages, not "cấp", "cho", "đăng ký"…).
 */
function titleWordsOf(title: string): { all: Set<string>; topic: Set<string> } {
  const all = tokens(title).filter((w) => w.length > 1 && !/\d/.test(w));
  return { all: new Set(all), topic: new Set(all.filter((w) => !TITLE_FILLER.has(w))) };
}
/** The adjacent word pairs of texts, folded as the question's words are ("gia hạn ở đâu" → "gia han", "han o", "o dau"). */
function wordPairsOf(texts: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const text of texts) {
    const words = tokens(text);
    for (let i = 1; i < words.length; i++) out.add(`${words[i - 1]} ${words[i]}`);
  }
  return out;
}

/** How many words from a word both titles name a title word of the ageless entry still says which entry is meant. */
const NEAR = 2;

/** The tokens within `NEAR` words of `typed[i]`, on both sides, without crossing a clause mark (`brk`). */
function nearInClause(typed: readonly QueryToken[], i: number): QueryToken[] {
  let from = i;
  while (from > 0 && i - from < NEAR && !typed[from]!.brk) from--;
  let to = i;
  while (to + 1 < typed.length && to - i < NEAR && !typed[to + 1]!.brk) to++;
  return typed.slice(from, to + 1);
}
/** Words that begin most procedure titles ("Đăng ký …", "Cấp … cho …"): typing them names no title more than another. */
const GENERIC_TITLE_WORDS = new Set(["dang", "ki", "cap", "cho"]);
/** Title words that say nothing of what it is about: those, ages, and the small words titles are built with. */
const TITLE_FILLER = new Set([...GENERIC_TITLE_WORDS, "tre", "em", "duoi", "tren", "tu", "du", "tuoi", "lan", "dau", "nguoi", "va", "cua", "doi", "lai", "moi", "co", "phai", "khong", "gi", "nao"]);

/**
 * The ages an entry is for, from its title: "… dưới 14 tuổi" (below 14), "… (từ đủ 14 tuổi)" (14
 * and over); null when the title names no age.
 */
export function ageRangeOf(title: string): { min: number; below: number } | null {
  const t = fold(title);
  const below = /duoi (\d+) tuoi/.exec(t)?.[1];
  const from = /tu (?:du )?(\d+) tuoi/.exec(t)?.[1];
  if (below === undefined && from === undefined) return null;
  return { min: from === undefined ? 0 : Number(from), below: below === undefined ? Infinity : Number(below) };
}

/**
 * The words that make the number after them a limit, folded → as written. Typed with accents, the
 * marks must agree ("tôi 40 tuổi" is the asker's age, "tới 40 tuổi" a limit); typed bare, "toi" is
 * read as the everyday "tôi", not as "tới".
 */
const LIMIT_WORDS = new Map([
  ["duoi", "dưới"], ["tu", "từ"], ["du", "đủ"], ["tren", "trên"], ["hon", "hơn"], ["qua", "quá"], ["toi", "tới"], ["den", "đến"], ["ngoai", "ngoài"],
]);
const BARE_NOT_LIMIT = new Set(["toi"]);

/** The token before an age names a limit ("dưới 14 tuổi", "trên 60 tuổi"). */
const isLimitWord = (tok: QueryToken | undefined) => saysWord(tok, LIMIT_WORDS, BARE_NOT_LIMIT);

/**
 * The token is a word of `spellings` (folded → as written): typed with accents, those of its spelling; typed bare, any
 * word but those of `bareNot` (read as another word: bare "toi" is "tôi", not "tới").
 */
function saysWord(tok: QueryToken | undefined, spellings: ReadonlyMap<string, string>, bareNot: ReadonlySet<string>): boolean {
  const spelled = tok && spellings.get(tok.t);
  if (!spelled) return false;
  return tok.accented === undefined ? !bareNot.has(tok.t) : tok.accented === spelled;
}

/** An age written at token i: "3 tuổi", "8 tháng tuổi", "10t", "2 tháng" is not one (a duration). */
function ageAt(tokens: QueryToken[], i: number): { years: number; length: number } | null {
  const t = tokens[i]!.t;
  // "chưa tròn 14 tuổi", "gần 6t": just under that age.
  const under = notYetAt(tokens, i) ? UNDER : 0;
  // "dưới 14 tuổi", "từ đủ 14 tuổi", "trên 60 tuổi": a limit the citizen names, not someone's age.
  if (under === 0 && isLimitWord(pairedBefore(tokens, i))) return null;
  const short = /^(\d{1,2})t$/.exec(t);
  if (short) return { years: Number(short[1]) - under, length: 1 };
  if (!/^\d{1,3}$/.test(t)) return null;
  const next = pairedAfter(tokens, i)?.t;
  if (next === "tuoi") return { years: Number(t) - under, length: 2 };
  if (next === "thang" && pairedAfter(tokens, i + 1)?.t === "tuoi") return { years: 0, length: 3 };
  return null;
}

/**
 * The age at `i` is one someone had when something happened, not their age now: "rời VN năm 1995 lúc 10 tuổi", "căn cước
 * làm hồi 12 tuổi, giờ 17 tuổi". Not "đến lúc / tới hồi 14 tuổi" (the age reached, asked about), nor "khi 14 tuổi"; nor "năm
 * 14 tuổi" ("em Năm 8 tuổi", "thằng Năm", "cháu, nam 15 tuổi": a name, a boy — the session-63 review found the names
 * cost more than the years gave). Typed bare, "hoi" is mostly "hỏi" ("cho chị hỏi 11t làm căn cước"): only "hồi" typed
 * with its accent counts; bare "luc" is "lúc".
 */
function thenAt(tokens: QueryToken[], i: number): boolean {
  return saysWord(pairedBefore(tokens, i), THEN_WORDS, BARE_NOT_THEN) && !saysWord(pairedBefore(tokens, i - 1), REACHED, BARE_NOT_LIMIT);
}
const THEN_WORDS = new Map([["luc", "lúc"], ["hoi", "hồi"]]);
const BARE_NOT_THEN = new Set(["hoi"]);
/** "đến lúc", "tới hồi": the age reached — the limit words "đến", "tới" (bare "toi" is "tôi"). */
const REACHED = new Map([["den", "đến"], ["toi", "tới"]]);

/** How much under an age "chưa tròn", "gần" put it: below it, above the age before. */
const UNDER = 0.5;

/**
 * The words before the number at `i` tell an age not yet reached: "chưa / chưa tròn / chưa đầy / chưa đủ / gần 14" (under it —
 * though "đủ" alone starts a limit: "từ đủ 14 tuổi"). Not "sắp 14": "con sắp đủ 14 tuổi, có bắt buộc làm
 * căn cước" asks about the age it is reaching. Not "mới đủ 6 tuổi" either: the children's VNeID card names "đủ 6 tuổi".
 * (Typed with accents or bare alike: "gan", "chua" before an age are "gần", "chưa".)
 */
function notYetAt(tokens: QueryToken[], i: number): boolean {
  const one = pairedBefore(tokens, i);
  if (!one) return false;
  return one.t === "gan" || one.t === "chua" || (NOT_YET.has(one.t) && pairedBefore(tokens, i - 1)?.t === "chua");
}
/** "chưa tròn / đầy / đủ / tới / đến / được 14" ("chưa 14 tuổi" too). */
const NOT_YET = new Set(["tron", "day", "du", "toi", "den", "duoc"]);

