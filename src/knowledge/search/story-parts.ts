import {
  DONE_WORDS, NEGATIONS, NOW_WORDS, PAST_OPENERS, PERSON_NAMES, PURPOSE_ENDS, PURPOSE_HOW, PURPOSE_NOT, PURPOSE_PLAIN, PURPOSE_WANT, PURPOSE_WORDS, SELF_NAMES,
  WHO_ASKS, WHO_LEADS, WHO_NOT,
} from "../language.js";
import { pairable, type AnalyzedQuery, type QueryToken } from "../analyze.js";
import { nfc } from "../../text/normalize.js";
import type { IndexData } from "./build-index.js";
import type { Resolved } from "./rewrite.js";
import type { SearchWeights } from "./weights.js";
import { phraseAt, phraseEndsAt, phraseList, textWords, type ListedWord, type TextWord } from "./word-lists.js";

// Which words of a message tell its story rather than what it asks (rewrite.ts weighs them by
// `weights.story`): a finished step ("đổi tên trên giấy khai sinh rồi, giờ …"), the reason an
// action is done for ("đăng ký thường trú … để năm sau con vào lớp 1") and who asks, told in the
// first clause ("chồng em làm thợ lò ở Cẩm Phả, …").

/** A story part in character offsets of the NFC text: [from, to); `clause`: where its clause starts (before a reason, the action is named there). */
export type StoryKind = "done" | "purpose" | "who";

export interface StoryRange {
  kind: StoryKind;
  from: number;
  to: number;
  clause: number;
}

/** A story part in the analysed tokens: its tokens, and those where the rest of the message must name something. */
export interface StoryPart {
  kind: StoryKind;
  tokens: ReadonlySet<QueryToken>;
  /** Tokens of the message outside the part where it must name something: after a finished step or who asks, before a reason (its clause). */
  named: ReadonlySet<QueryToken>;
}

/**
 * A word of the message with where it is; `brk`: a clause break (",", ".", "?", a new line…: see `rawWords`) comes before
 * it, or it is the first word (it opens a clause).
 */
type Word = TextWord;

type Phrases = readonly ListedWord[][];
const DONE = phraseList(DONE_WORDS);
const PAST = phraseList(PAST_OPENERS);
const NOT_DONE = phraseList(NEGATIONS);
const NOW = phraseList(NOW_WORDS);
const SELF = phraseList(SELF_NAMES);
const PURPOSE = phraseList(PURPOSE_WORDS);
const PLAIN = phraseList(PURPOSE_PLAIN);
const NOT_PURPOSE = phraseList(PURPOSE_NOT);
const ENDS = phraseList(PURPOSE_ENDS);
const HOW = phraseList(PURPOSE_HOW);
const WANT = phraseList(PURPOSE_WANT);
const PERSON = phraseList([...PERSON_NAMES, ...SELF_NAMES]);
const LEADS = phraseList(WHO_LEADS);
const LEAD_NOT = phraseList(WHO_NOT);
const ASKS = phraseList(WHO_ASKS);

/** Some listed phrase starts in words [from, to). */
function someAt(words: readonly Word[], from: number, to: number, phrases: Phrases): boolean {
  for (let i = from; i < to; i++) if (phraseAt(words, i, phrases, to) > 0) return true;
  return false;
}

/** The clause a word is in starts here: the last word at or before it with a break before it. */
function clauseStart(words: readonly Word[], i: number): number {
  while (i > 0 && !words[i]!.brk) i--;
  return i;
}

/**
 * The story parts of a message. A finished step: a clause that ends in a word that closes it ("rồi", "xong") or opens
 * in the past ("hồi trước", PAST_OPENERS),
 * says nothing is missing ("chưa", "không") and is followed at once by a word that starts what is wanted now
 * ("giờ", "bây giờ", "muốn"): "e đổi tên trên giấy khai sinh rồi giờ muốn sửa …", "vừa đổi tên trong khai sinh
 * xong, giờ căn cước …". A reason: "để" and what follows it up to the end of its clause or a word that starts
 * asking ("thì", "được không"), in a clause that says what the asker wants done ("muốn đăng ký khai sinh cho bé
 * để làm giấy tờ đi học thì …"), not after asking how ("làm thế nào để …"), and not "để lại", "để trống". Who asks:
 * see `whoFirst`.
 */
export function storyRanges(text: string): StoryRange[] {
  const words = textWords(text.normalize("NFC"));
  const who = words.length > 0 ? whoFirst(words) : null;
  const out: StoryRange[] = who ? [who] : [];
  for (let i = 1; i < words.length; i++) {
    const part = startsNow(words, i) ? finishedBefore(words, i) : reasonAt(words, i);
    if (part) out.push(part);
  }
  return out;
}

/** What is wanted now starts at word `i`: a word of `NOW_WORDS`, or the asker naming themself just before one ("em muốn"). */
function startsNow(words: readonly Word[], i: number): boolean {
  if (phraseAt(words, i, NOW) > 0) return true;
  const self = phraseAt(words, i, SELF);
  return self > 0 && i + self < words.length && !words[i + self]!.brk && phraseAt(words, i + self, NOW) > 0;
}

/** The finished step that ends right before the word `now` that starts what is wanted now, if there is one. */
function finishedBefore(words: readonly Word[], now: number): StoryRange | null {
  const start = clauseStart(words, now - 1);
  const self = phraseAt(words, start, SELF, now);
  const opens = phraseAt(words, start, PAST, now) > 0 || (self > 0 && phraseAt(words, start + self, PAST, now) > 0);
  const closes = opens || phraseEndsAt(words, now, DONE, start);
  if (!closes || someAt(words, start, now, NOT_DONE)) return null;
  return { kind: "done", from: words[start]!.from, to: words[now]!.from, clause: words[start]!.from };
}

/**
 * Who the asker is, in the message's first clause ("chồng em làm thợ lò ở Cẩm Phả, …"): a person, maybe named with the
 * asker ("chồng em"), then a word of what they do, not followed by a paper, a step or a kin; not the last clause, and
 * nothing wanted or asked in it (language.ts, `PERSON_NAMES`).
 */
function whoFirst(words: readonly Word[]): StoryRange | null {
  let k = phraseAt(words, 0, PERSON);
  if (k === 0) return null;
  const self = phraseAt(words, k, SELF);
  if (self > 0 && !words[k]!.brk) k += self;
  const lead = k < words.length && !words[k]!.brk ? phraseAt(words, k, LEADS) : 0;
  if (lead === 0 || phraseAt(words, k + lead, LEAD_NOT) > 0) return null;
  let end = k + lead;
  while (end < words.length && !words[end]!.brk) end++;
  if (end >= words.length || end === k + lead || [WANT, NOW, ASKS].some((list) => someAt(words, 0, end, list))) return null;
  return { kind: "who", from: words[0]!.from, to: words[end - 1]!.to, clause: words[0]!.from };
}

/** The reason that starts at word `i` ("để …"), if there is one. */
function reasonAt(words: readonly Word[], i: number): StoryRange | null {
  const plain = phraseAt(words, i, PLAIN);
  const reason = plain || phraseAt(words, i, PURPOSE);
  if (reason === 0 || words[i]!.brk || phraseAt(words, i + reason, NOT_PURPOSE) > 0) return null;
  const start = clauseStart(words, i);
  if ((plain === 0 && !someAt(words, start, i, WANT)) || someAt(words, start, i, HOW)) return null;
  let end = i + reason;
  while (end < words.length && !words[end]!.brk && phraseAt(words, end, ENDS) === 0) end++;
  return end > i + reason ? { kind: "purpose", from: words[i]!.from, to: words[end - 1]!.to, clause: words[start]!.from } : null;
}

/**
 * The story parts as tokens of the analysed message: each range is found again by reading the text up
 * to its ends, whose tokens must be the message's own first ones (a phrase read across an end: left out).
 */
export function storyParts(typed: string, analysed: AnalyzedQuery, read: (text: string) => AnalyzedQuery): StoryPart[] {
  const text = nfc(typed);
  const ranges = storyRanges(text);
  if (ranges.length === 0) return [];
  const all = analysed.tokens;
  // Where a range starts the message (who asks: from and clause both 0), no prefix needs reading.
  const at = (pos: number) => {
    if (pos === 0) return 0;
    const pre = read(text.slice(0, pos)).tokens;
    return pre.length <= all.length && pre.every((t, k) => t.t === all[k]!.t) ? pre.length : -1;
  };
  const out: StoryPart[] = [];
  for (const r of ranges) {
    const [from, to, clause] = [at(r.from), at(r.to), at(r.clause)];
    if (from < 0 || to <= from || clause < 0) continue;
    const named = r.kind === "purpose" ? all.slice(clause, from) : all.slice(to);
    out.push({ kind: r.kind, tokens: new Set(all.slice(from, to)), named: new Set(named) });
  }
  return out;
}

/**
 * Lowers the weight of the words of each story part (`weights.story`) where the rest of the message
 * names something there (a pair of some name): after a finished step, what is wanted now; before a
 * reason, the action; after who asks, any word the index knows — and who asks only when that clause
 * names no entry itself. `tokens` are the message's tokens as rewrite reads them (ages read), one per word;
 * a token made there (an age) belongs where the one before it does.
 */
export function weighStory(words: Resolved[], tokens: readonly QueryToken[], analysed: readonly QueryToken[], parts: readonly StoryPart[], index: IndexData, weights: SearchWeights): void {
  const own = new Set(analysed);
  for (const part of parts) {
    const inPart = along(tokens, own, part.tokens);
    const named = along(tokens, own, part.named);
    // Who asks is told before any question: a word of the rest that the index knows (in a name or a body) is enough.
    const names = (part.kind === "who" && words.some((w, k) => named[k] && !w.weak && !w.paper && w.match !== null)) || pairNamed(words, named, index, STRONG);
    if (!names || (part.kind === "who" && pairNamed(words, inPart, index, ANY))) continue;
    const scale = weights.story[part.kind];
    words.forEach((r, k) => {
      if (!inPart[k] || r.story !== 1) return;
      r.story = scale;
      r.weight *= scale;
    });
  }
}

const STRONG = (w: Resolved) => !w.weak && !w.paper;
const ANY = () => true;

/**
 * Two adjacent words, both `within` and both `usable`, make a pair of some entry's name: the rest of the message names
 * something (strong words only), or a part names an entry itself ("mẹ em là người khuyết tật nặng, …": the topic, not
 * who asks; any word).
 */
function pairNamed(words: readonly Resolved[], within: readonly boolean[], index: IndexData, usable: (w: Resolved) => boolean): boolean {
  for (let k = 1; k < words.length; k++) {
    const a = words[k - 1]!;
    const b = words[k]!;
    if (within[k - 1] && within[k] && usable(a) && usable(b) && a.match !== null && b.match !== null && pairable(words, k) && index.namePair(a.match, b.match)) return true;
  }
  return false;
}

/** Which of `tokens` are in `set`; one not in the analysed message (`own`: an age read) goes with the one before it. */
function along(tokens: readonly QueryToken[], own: ReadonlySet<QueryToken>, set: ReadonlySet<QueryToken>): boolean[] {
  const out: boolean[] = [];
  tokens.forEach((t, k) => out.push(own.has(t) ? set.has(t) : k > 0 && out[k - 1]!));
  return out;
}
