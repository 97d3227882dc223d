import { pairable, pairedAfter, pairedBefore, queryToken, type AnalyzedQuery, type QueryToken } from "../analyze.js";
import { LINKING_WORDS, QUESTION_WORDS } from "../language.js";
import { accentKey, canonicalSyllable, fold, rawTokens } from "../../text/normalize.js";
import type { IndexData } from "./build-index.js";
import { actObjects } from "./act-objects.js";
import { paperMentions } from "./paper-mentions.js";
import { portalAsFacet } from "./portal-facet.js";
import { foldedSet } from "./word-lists.js";
import { weighStory, type StoryPart } from "./story-parts.js";
import { regionalSpellings, sameMarksExist, type Corrector } from "./correct.js";
import type { SearchWeights } from "./weights.js";

/** A question word after rewriting: what it matched in the index, and how surely. */
export interface Resolved {
  t: string;
  weak: boolean;
  weakKind: QueryToken["weakKind"];
  accented: string | undefined;
  /** The index word it stands for, or null when nothing fits (even fuzzily). */
  match: string | null;
  /** 1 as typed, `weights.fuzzy` when corrected, 0 when unmatched. */
  factor: number;
  /** A facet word's whole phrase: it counts for an entry only where all of it is in a name. */
  phrase: string[] | undefined;
  /** Its weight in the question (rarity, lowered for filler); before `factor`. */
  weight: number;
  /**
   * The known word pairs this word is bound into here ("dịch" of "dịch vụ", see `IndexData.bound`),
   * or undefined when none: such a word names an entry only through a name that holds one of them.
   */
  pairs: string[] | undefined;
  /**
   * Part of a paper named as needed for what the message names first (see `paperMentions`), or put into the VNeID app
   * (see `actObjects`): never a name's word here.
   */
  paper: boolean;
  /** 1, or `weights.story` when the word tells the message's story (a finished step, a reason, who asks: see story-parts.ts). */
  story: number;
  /** A clause mark stands before it: it forms no pair with the word before (see `pairable`). */
  brk: boolean;
}

/** The question as the index reads it: every later stage works on this. */
export interface ResolvedQuery {
  words: Resolved[];
  /** How many words carry a topic (not filler, not facet words). */
  strongWords: number;
  /** Strong words that matched nothing. */
  unknownWords: string[];
  /**
   * The distinct index words the question matched, with the facet phrase a weak one belongs to, every
   * accented spelling typed (none when typed bare), the known pairs it is bound into wherever it is
   * typed (undefined when somewhere it is free: see `Resolved.pairs`), and whether it is only ever
   * part of a needed paper's name (or of a paper put into the app).
   */
  matched: Array<{ t: string; phrase: string[] | undefined; accents: string[]; pairs: string[] | undefined; paper: boolean }>;
  /** Adjacent pairs of matched strong words (folded index forms), none across a clause mark. */
  bigrams: string[];
  /**
   * How many adjacent pairs of matched strong words the message has, those across a clause mark included:
   * what the phrase share is a share of. A pair across a clause mark ("tháng trước, bà": not "trước bạ") is
   * one no entry holds, so a comma takes away only the pair it separates: an entry that does not hold that
   * pair scores the same with or without it.
   */
  pairSlots: number;
  /**
   * Those pairs that name something in the index, with their weight as an extra term, and whether
   * this one is a named pair of its own (`own`): typed for the first time here, and not straddling
   * two words the question reads as other pairs (see `wordPairs`); `idle`: a modifier pair the thing the
   * question names has no variant of (see `idleModifiers`).
   */
  topicPairs: Array<{ b: string; w: number; words: string[]; own: boolean; idle?: boolean }>;
  /**
   * Every topic word is in one of the question's word pairs that only say a variant of a procedure ("thế nếu
   * quá hạn thì sao"; see `IndexData.variant`), and none is unknown: the question names no procedure.
   */
  variantOnly: boolean;
  /** Total weight of strong words and topic pairs: what "all of the question" means. */
  strongWeight: number;
  hadDiacritics: boolean;
  /** Accented strong words as typed (for the accent-agreement edge). */
  typed: string[];
}

/**
 * Stage 2: reads the analysed question against the index. A function word that forms a known
 * name with its neighbour becomes part of that name; a regional spelling that names a known pair
 * is read that way; an unknown word is corrected to the nearest index word when one is close.
 */
export function rewrite(
  q: AnalyzedQuery,
  index: IndexData,
  correct: Corrector,
  weights: SearchWeights,
  readAges: (tokens: QueryToken[]) => QueryToken[] = (t) => t,
  story: readonly StoryPart[] = [],
): ResolvedQuery {
  const aged = readAges(q.tokens);
  const named = unweakenNamedWords({ ...q, tokens: aged }, index);
  const spelled = regionalReadings(named, index);
  const unknownWords: string[] = [];
  // A small number that names spell out with its neighbour ("chính quyền 2 cấp" → "hai cấp") is read as the word; any
  // other number the index does not know (an age, a count of years) says nothing about the topic.
  const toks = named.map((tok, i) => {
    if (!tok.weak && inAmount(named, i, index)) return asFunctionWord(tok);
    // A word with a digit the index does not know ("30t", "b2", "5p") is an age, a class, a count: not a topic.
    if (!tok.weak && /\d/.test(tok.t) && !/^\d+$/.test(tok.t) && !index.postings.has(tok.t)) return asFunctionWord(tok);
    if (tok.weak || !/^\d+$/.test(tok.t)) return tok;
    const word = NUMBER_WORDS[Number(tok.t)];
    const pairs = (w: string) => index.knownPair(pairedBefore(named, i)?.t, w) || index.knownPair(w, pairedAfter(named, i)?.t);
    if (word && pairs(word) && !pairs(tok.t)) return queryToken(word, false, undefined, undefined, undefined, tok.brk);
    return index.postings.has(tok.t) ? tok : asFunctionWord(tok);
  });
  // Read once here, not inside branches a question rarely takes (an unread property there costs a de-optimisation when one does).
  const { fuzzy, weak, bodyOnly } = weights;
  const words: Resolved[] = toks.map((tok, i) => {
    let match: string | null = tok.t;
    let factor = 1;
    const respelled = spelled.get(i);
    if (respelled) {
      match = respelled;
      factor = fuzzy;
    } else if (!index.postings.has(tok.t)) {
      match = tok.weak ? null : correct(tok.t, tok.accented);
      factor = match ? fuzzy : 0;
      if (!match && !tok.weak) unknownWords.push(tok.t);
    }
    const role = tok.weak ? weak : match && !index.nameWords.has(match) ? bodyOnly : 1;
    const weight = (match ? index.idf(match) : index.maxIdf) * role;
    return { t: tok.t, weak: tok.weak, weakKind: tok.weakKind, accented: tok.accented, phrase: tok.phrase, match, factor, weight, pairs: undefined, paper: false, story: 1, brk: tok.brk };
  });
  const paper = orEach(paperMentions(words, index, weights.modifier.commonWord, weights.rarePairEntries), actObjects(words, index));
  if (paper) {
    for (let i = 0; i < words.length; i++) {
      if (!paper[i]) continue;
      words[i]!.paper = true;
      words[i]!.weight *= weights.paperMention;
    }
  }
  if (story.length > 0) weighStory(words, aged, q.tokens, story, index, weights);
  // "làm hộ chiếu trên dịch vụ công": the portal is where the named procedure is done, its online facet.
  if (portalAsFacet(words, index, weights)) q.facets.add("online");
  const { bigrams, topicPairs, pairSlots } = wordPairs(words, index, weights);
  idleModifiers(words, topicPairs, index, weights);
  const strong = words.filter((r) => !r.weak);
  let strongWeight = 0;
  for (const r of strong) strongWeight += r.weight;
  let pairWeight = 0;
  for (const p of topicPairs) pairWeight += p.w;
  strongWeight += pairWeight;
  return {
    words,
    strongWords: strong.length,
    unknownWords,
    matched: matchedWords(words),
    bigrams,
    pairSlots,
    topicPairs,
    variantOnly: namesOnlyVariant(words, topicPairs, index),
    strongWeight,
    hadDiacritics: q.hadDiacritics,
    typed: q.hadDiacritics ? q.tokens.filter((t) => t.accented && !t.weak).map((t) => t.accented!) : [],
  };
}

/** A word read as filler, not topic: an age, a class, a count. */
function asFunctionWord(tok: QueryToken): QueryToken {
  return queryToken(tok.t, true, "function", tok.phrase, tok.accented, tok.brk);
}

/** Folded words of money units after a number ("2 triệu", "500 nghìn", "1 tỷ"). */
const MONEY_UNITS = new Set(["trieu", "nghin", "ngan", "ti", "dong"]);

/**
 * A sum of money ("nghe nói được 2 triệu", "hết 500 nghìn"): its number and unit tell a fee, not
 * which entry — filler, unless a name holds that very sum.
 */
function inAmount(toks: QueryToken[], i: number, index: IndexData): boolean {
  const t = toks[i]!.t;
  if (/^\d+$/.test(t)) {
    const next = pairedAfter(toks, i)?.t;
    return next !== undefined && MONEY_UNITS.has(next) && !index.knownPair(t, next);
  }
  const prev = pairedBefore(toks, i)?.t;
  return MONEY_UNITS.has(t) && prev !== undefined && /^\d+$/.test(prev) && !index.knownPair(prev, t);
}

/** Folded Vietnamese words of the numbers people write as digits. */
const NUMBER_WORDS: Record<number, string> = { 1: "mot", 2: "hai", 3: "ba", 4: "bon", 5: "nam", 6: "sau", 7: "bay", 8: "tam", 9: "chin", 10: "muoi" };

/**
 * A function word that forms a known name with its neighbour is part of that name ("khai tu":
 * "tu" is not "từ" here; "can cuoc": "can" is not "cần"; "bi khoa": the "bị khóa" of a name). Only
 * without accents is that ambiguous: typed "với" is the function word, whatever the names say; but a question
 * word typed with no marks ("sao" of "bản sao") is as ambiguous as in a bare message (see bareQuestionWord). A
 * linking word ("cho", "của") is part of a name only where the name spells it as another word, or
 * holds it between the same two words as typed ("vneid cho tre em": "VNeID cho trẻ em"):
 * "lam can cuoc cho nguoi gia" is not the alias "làm căn cước cho con" for its "cuoc cho".
 */
function unweakenNamedWords(q: AnalyzedQuery, index: IndexData): QueryToken[] {
  return q.tokens.map((tok, i, all) => {
    // A word of a longer function phrase ("bao" of "bao nhiêu") is that phrase, not a name's word.
    if (tok.weakKind !== "function" || (q.hadDiacritics && !bareQuestionWord(tok)) || (tok.phrase?.length ?? 1) > 1) return tok;
    const prev = pairedBefore(all, i);
    const next = pairedAfter(all, i);
    const linking = LINKING.has(tok.t);
    const pairs = (a: string, b: string, first: boolean) => (linking ? index.namesFunctionWord(a, b, first) : index.knownPair(a, b));
    const between = linking && prev && next && !prev.weak && !next.weak && index.namesBetween(prev.t, tok.t, next.t);
    const named = between || (prev && !prev.weak && pairs(prev.t, tok.t, false)) || (next && !next.weak && pairs(tok.t, next.t, true));
    return named ? queryToken(tok.t, false, undefined, undefined, undefined, tok.brk) : tok;
  });
}
const LINKING = foldedSet(LINKING_WORDS);

/**
 * A question word typed without marks in a message typed with accents ("sao", "ai", "bao" have none to type): it
 * is as ambiguous as in a bare message, "sao" of "bản sao" and of "là sao" being spelled alike ("bản sao điện tử là gì").
 */
function bareQuestionWord(tok: QueryToken): boolean {
  return tok.accented === undefined && QUESTION.has(tok.t);
}
const QUESTION = foldedSet(QUESTION_WORDS);

/**
 * Regional spellings ("thường chú" for "thường trú", "sổ" / "xổ", "dấy" / "giấy"): a word that
 * pairs with neither neighbour, but whose other spelling names a known pair with one, is read
 * that way. Typed with accents, the marks must stay the same.
 */
function regionalReadings(toks: QueryToken[], index: IndexData): Map<number, string> {
  const spelled = new Map<number, string>();
  toks.forEach((tok, i) => {
    if (tok.weak) return;
    const prev = pairedBefore(toks, i)?.t;
    const next = pairedAfter(toks, i)?.t;
    const pairs = (w: string) => index.knownPair(prev, w) || index.knownPair(w, next);
    if (pairs(tok.t)) return;
    for (const v of regionalSpellings(tok.t)) {
      if (pairs(v) && (!tok.accented || sameMarksExist(index, v, tok.accented))) {
        spelled.set(i, v);
        return;
      }
    }
  });
  return spelled;
}

/** Each index word once; "đăng ký … đang" keeps both spellings, and one bare typing makes it bare. */
function matchedWords(words: Resolved[]): ResolvedQuery["matched"] {
  const byMatch = new Map<string, ResolvedQuery["matched"][number] & { bare: boolean; free: boolean }>();
  for (const r of words) {
    if (!r.match) continue;
    let m = byMatch.get(r.match);
    if (!m) byMatch.set(r.match, (m = { t: r.match, phrase: r.weak ? r.phrase : undefined, accents: [], pairs: undefined, paper: true, bare: false, free: false }));
    if (!r.paper) m.paper = false;
    if (r.accented) m.accents.push(r.accented);
    else m.bare = true;
    // Typed once outside any known pair, the word is free: it names whatever name has it.
    if (!r.pairs) m.free = true;
    else m.pairs = [...(m.pairs ?? []), ...r.pairs];
  }
  return [...byMatch.values()].map(({ t, phrase, accents, bare, free, pairs, paper }) => ({ t, phrase, accents: bare ? [] : accents, pairs: free ? undefined : pairs, paper }));
}

/**
 * Adjacent pairs of matched strong words; those that name something are topic pairs, with their weight.
 * A topic pair is not one of its own when it is typed again ("khai sinh … trích lục khai sinh"), or
 * when it straddles two words: it sits between two other topic pairs, binds neither of its words, and
 * one of them is bound into its other pair ("khẩu dịch" of "mật khẩu dịch vụ": "dịch" is of "dịch vụ";
 * "ký khai" of "đăng ký khai sinh"). Such a pair is known only because some name runs two words
 * together; it names nothing itself. A pair with no pair on one side is that word's only reading here
 * ("ở nước" of "ở nước ngoài"), and one that binds a word is a phrase ("vụ công" of "dịch vụ công").
 */
function wordPairs(words: Resolved[], index: IndexData, weights: SearchWeights): Pick<ResolvedQuery, "bigrams" | "topicPairs" | "pairSlots"> {
  const bigrams: string[] = [];
  let pairSlots = 0;
  const topicPairs: ResolvedQuery["topicPairs"] = [];
  const at: Array<{ a: Resolved; b: Resolved; i: number }> = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const a = words[i]!;
    const b = words[i + 1]!;
    // A needed paper's own pairs name no entry ("giấy chứng nhận kết hôn" in "khai sinh … có cần giấy chứng nhận kết hôn").
    if (a.weak || b.weak || !a.match || !b.match || (a.paper && b.paper)) continue;
    pairSlots++;
    if (!pairable(words, i + 1)) continue;
    const pair = `${a.match} ${b.match}`;
    bigrams.push(pair);
    if (index.knownPair(a.match, b.match)) {
      // A pair of the story weighs what its words do there (see weighStory).
      const w = (weights.pair * (index.idf(a.match) + index.idf(b.match)) * Math.max(a.story, b.story)) / 2;
      topicPairs.push({ b: pair, words: [a.match, b.match], w, own: true });
      at.push({ a, b, i });
      if (index.bound(a.match, b.match, true)) (a.pairs ??= []).push(pair);
      if (index.bound(a.match, b.match, false)) (b.pairs ??= []).push(pair);
    }
  }
  // Only now are both neighbours' bindings known.
  topicPairs.forEach((p, k) => {
    const { a, b, i } = at[k]!;
    const binds = a.pairs?.includes(p.b) || b.pairs?.includes(p.b);
    const between = at[k - 1]?.i === i - 1 && at[k + 1]?.i === i + 1;
    const straddles = !binds && between && (a.pairs !== undefined || b.pairs !== undefined);
    p.own = !straddles && !topicPairs.some((o, m) => m < k && o.own && o.b === p.b);
  });
  return { bigrams, topicPairs, pairSlots };
}

/**
 * A modifier pair ("lần đầu", see `IndexData.modifier`) says which variant of a thing, not which thing. When the
 * question names a topic (a pair of some name, not a modifier, typed as it is, one of its words at least
 * `modifier.commonWord` rare: "cấp điện") and no entry holds the modifier with any topic named, the thing asked
 * about has no such variant: the modifier and its words (those not in a topic) weigh what filler does
 * (`weights.weak`), and the pair is no foreign pair for an entry without it. "Đăng ký cấp điện lần đầu" is about
 * the electricity guide, not about the entries that are a first-time variant of something else; "cấp lại căn
 * cước" keeps "cấp lại" (an entry holds both).
 */
function idleModifiers(words: Resolved[], topicPairs: ResolvedQuery["topicPairs"], index: IndexData, weights: SearchWeights): void {
  if (topicPairs.length < 2) return;
  const floor = weights.modifier.commonWord * index.maxIdf;
  const wordsOf = (p: ResolvedQuery["topicPairs"][number]) => words.filter((r) => !r.weak && r.match !== null && p.words.includes(r.match));
  const modifiers: ResolvedQuery["topicPairs"] = [];
  const topics: ResolvedQuery["topicPairs"] = [];
  for (const p of topicPairs) {
    if (!p.own) continue;
    if (index.modifier(p.b)) modifiers.push(p);
    else if (index.namePair(p.words[0]!, p.words[1]!) && p.words.some((w) => index.idf(w) >= floor) && wordsOf(p).every((r) => r.factor === 1)) topics.push(p);
  }
  if (topics.length === 0) return;
  const topicWords = new Set(topics.flatMap((t) => t.words));
  for (const m of modifiers) {
    if (topics.some((t) => together(index, m.b, t.b))) continue;
    m.w *= weights.weak;
    m.idle = true;
    for (const r of wordsOf(m)) if (!topicWords.has(r.match!)) r.weight *= weights.weak;
  }
}

/** Whether every topic word is in a variant pair of the question (see `ResolvedQuery.variantOnly`). */
function namesOnlyVariant(words: readonly Resolved[], topicPairs: ResolvedQuery["topicPairs"], index: IndexData): boolean {
  const variantWords = new Set(topicPairs.filter((p) => index.variant(p.b)).flatMap((p) => p.words));
  return variantWords.size > 0 && words.every((r) => r.weak || (r.match !== null && variantWords.has(r.match)));
}

/** Some entry holds both pairs in its names or keywords. */
function together(index: IndexData, a: string, b: string): boolean {
  const x = index.pairPostings.get(a);
  const y = index.pairPostings.get(b);
  if (!x || !y) return false;
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) return true;
    if (x[i]! < y[j]!) i++;
    else j++;
  }
  return false;
}

/** Both marks of words (a needed paper, a paper put into the app), either null when it marks none. */
function orEach(a: boolean[] | null, b: boolean[] | null): boolean[] | null {
  if (!a || !b) return a ?? b;
  return a.map((x, i) => x || b[i]!);
}
