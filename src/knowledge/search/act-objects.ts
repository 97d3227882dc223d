import { ACT_OBJECTS, CLOSING_QUESTION_WORDS, PAPER_WORDS } from "../language.js";
import type { IndexData } from "./build-index.js";
import { indexForm } from "./paper-mentions.js";
import { holds, NO_DOCS } from "./positions.js";
import type { Resolved } from "./rewrite.js";
import { foldedSet, phraseAt, phraseList, type ListedWord } from "./word-lists.js";

// Which words of a question name the object of an act (language.ts `ACT_OBJECTS`), weighed by rewrite.ts like a needed
// paper: "tích hợp giấy khai sinh của con vào vneid" asks how to integrate, not how to register a birth.

interface Rule {
  act: ListedWord[][];
  target: ListedWord[][];
  fillers: Set<string>;
  owners: ListedWord[][];
}

const RULES: Rule[] = ACT_OBJECTS.map((r) => {
  if (r.act.some((a) => a.trim().split(/\s+/).length < 2)) throw new Error(`ACT_OBJECTS: an act needs two words or more (${r.act.join(", ")})`);
  return { act: phraseList(r.act), target: phraseList(r.target), fillers: foldedSet(r.fillers), owners: phraseList(r.owners) };
});
/** Words that join two objects named together ("bằng lái với thẻ bhyt"): a run before the act goes on through them. */
const JOINS = foldedSet(["với", "và", "vs", "hoặc", "hay"]);
/** Words that close a question ("… vào vneid được hông"): they ask nothing new after the target. */
const CLOSING = phraseList(CLOSING_QUESTION_WORDS);
/**
 * The first words of a paper's name, as the message reads after the synonyms ("gplx" is read "giấy phép lái xe", "cccd"
 * "căn cước"): an object starts at one.
 */
const PAPER = phraseList([...PAPER_WORDS, "bằng"]);
/** The most words read as an object on either side of the act (the longest papers' names: "giấy chứng nhận đăng ký kết hôn"). */
const MAX_OBJECT = 8;

/**
 * The words naming an act's object, when the act's target is named later in its clause and that clause asks nothing
 * after the target but whose paper it is: after the act, up to the target ("tích hợp [giấy khai sinh của con] vào
 * vneid"); before it, through the rule's fillers, a run of topic words ("[giấy đăng ký kết hôn] có tích hợp vào vneid").
 * Either is read from its first paper's word. Null when there is none. A message that names the target only ("tích hợp
 * vào vneid của mẹ") marks nothing: the act is what it asks. An object that the act's own entries name ("tích hợp bằng
 * lái xe vào vneid" in the integration guide's keywords) is not marked: there it is how that entry is found.
 */
export function actObjects(words: readonly Resolved[], index: IndexData): boolean[] | null {
  let out: boolean[] | null = null;
  for (const rule of RULES) {
    for (let i = 0; i < words.length; i++) {
      const act = phraseAt(words, i, rule.act);
      if (act === 0) continue;
      const after = i + act;
      const target = targetAt(words, after, rule);
      if (target < 0 || !asksNothingAfter(words, target, rule)) continue;
      const holders = pairHolders(words, i, index);
      const mark = (from: number, to: number) => {
        for (const [a, b] of topicRuns(words, paperStart(words, from, to), to)) {
          if (!foreignTo(words, a, b, holders, index)) continue;
          out ??= new Array<boolean>(words.length).fill(false);
          out.fill(true, a, b);
        }
      };
      mark(after, target);
      const fillersFrom = beforeFillers(words, i, rule.fillers);
      mark(runBefore(words, fillersFrom), fillersFrom);
      i = after - 1;
    }
  }
  return out;
}

/** Where the target stands after the act (word `from` on), within an object's length and the same clause, before another act; or -1. */
function targetAt(words: readonly Resolved[], from: number, rule: Rule): number {
  for (let k = from; k < words.length && k <= from + MAX_OBJECT; k++) {
    if (words[k]!.brk || (k > from && phraseAt(words, k, rule.act) > 0)) return -1;
    if (phraseAt(words, k, rule.target) > 0) return k;
  }
  return -1;
}

/** After the target at word `k`, its clause has no topic word but whose paper it is: the act is all it asks. */
function asksNothingAfter(words: readonly Resolved[], k: number, rule: Rule): boolean {
  const end = clauseEnd(words, k);
  for (let j = k + phraseAt(words, k, rule.target); j < end; j++) {
    const other = phraseAt(words, j, rule.target, end) || phraseAt(words, j, rule.owners, end) || phraseAt(words, j, CLOSING, end);
    if (other > 0) j += other - 1;
    else if (!words[j]!.weak) return false;
  }
  return true;
}

/** Where the clause that word `from` is in ends. */
function clauseEnd(words: readonly Resolved[], from: number): number {
  let k = from;
  while (k < words.length && (k === from || !words[k]!.brk)) k++;
  return k;
}

/** Where the fillers right before the act (word `i`) begin: listed words, whether or not they are function words. */
function beforeFillers(words: readonly Resolved[], i: number, fillers: Set<string>): number {
  let k = i;
  while (k > 0 && !words[k]!.brk && fillers.has(words[k - 1]!.t)) k--;
  return k;
}

/** Where the run of topic words (and joins between them) that ends at word `k` (the fillers before the act) begins. */
function runBefore(words: readonly Resolved[], k: number): number {
  let from = k;
  while (from > 0 && k - from < MAX_OBJECT && !words[from]!.brk && (!words[from - 1]!.weak || JOINS.has(words[from - 1]!.t))) from--;
  return from;
}

/** The first word in [from, to) that begins a paper's name, or `to` when none does. */
function paperStart(words: readonly Resolved[], from: number, to: number): number {
  for (let k = from; k < to; k++) if (!words[k]!.weak && phraseAt(words, k, PAPER, to) > 0) return k;
  return to;
}

/** The runs of topic words in [from, to), each on its own ("thẻ bhyt của con nhỏ": "thẻ bhyt", "con nhỏ"). */
function topicRuns(words: readonly Resolved[], from: number, to: number): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (let k = from; k < to; ) {
    if (words[k]!.weak) {
      k++;
      continue;
    }
    let end = k + 1;
    while (end < to && !words[end]!.weak && !words[end]!.brk) end++;
    runs.push([k, end]);
    k = end;
  }
  return runs;
}

/** The entries whose names or keywords hold the act's first word pair (words `i`, `i + 1`). */
function pairHolders(words: readonly Resolved[], i: number, index: IndexData): Int32Array {
  return index.pairPostings.get(`${indexForm(words[i]!)} ${indexForm(words[i + 1]!)}`) ?? NO_DOCS;
}

/**
 * Whether a run of topic words (`from` to `to`) names something the holders do not: it has a word pair that names
 * something, and one such pair no holder holds ("kết hôn" of "giấy đăng ký kết hôn", though the integration guide has
 * "đăng ký xe"; not "bằng lái xe", in its keywords). A run of one word is left as typed.
 */
function foreignTo(words: readonly Resolved[], from: number, to: number, holders: Int32Array, index: IndexData): boolean {
  if (holders.length === 0) return false;
  let foreign = false;
  for (let k = from + 1; k < to; k++) {
    const docs = index.pairPostings.get(`${indexForm(words[k - 1]!)} ${indexForm(words[k]!)}`);
    if (docs && !docs.some((d) => holds(holders, d))) foreign = true;
  }
  return foreign;
}
