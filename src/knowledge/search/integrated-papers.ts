import { INTEGRATE_FILLERS, INTEGRATE_TARGETS, INTEGRATE_WORDS } from "../language.js";
import type { IndexData } from "./build-index.js";
import { positionIn } from "./positions.js";
import type { Resolved } from "./rewrite.js";
import { foldedSet, phraseAt, phraseList } from "./word-lists.js";

// Which words of a question name a paper put into the VNeID app (rewrite.ts weighs them like a needed paper): "tích
// hợp giấy khai sinh của con vào vneid" asks how to integrate, not how to register a birth.

const ACT = phraseList(INTEGRATE_WORDS);
const TARGET = phraseList(INTEGRATE_TARGETS);
const FILLERS = foldedSet(INTEGRATE_FILLERS);
/** Words that join two papers put in together ("bằng lái với thẻ bhyt"): the run goes on through them. */
const JOINS = foldedSet(["với", "và", "vs", "hoặc", "hay"]);
/** The longest paper's name read on either side of the act (words), and how far after the act its target may stand. */
const MAX_PAPER = 6;
const TARGET_REACH = 3;

/**
 * The words naming what is put into the app, on either side of an act word (`INTEGRATE_WORDS`) whose target
 * (`INTEGRATE_TARGETS`) is named in the same clause: after the act, up to the target ("tích hợp [giấy khai sinh của con]
 * vào vneid"); before it, through fillers, a run of topic words ("[giấy đăng ký kết hôn] có tích hợp vào vneid"). Null
 * when the message puts nothing into the app. A message that names the target only ("tích hợp vào vneid của mẹ") marks
 * nothing: the act is what it asks. A paper whose name an entry of the act also names ("tích hợp bằng lái xe vào vneid"
 * in the integration guide's keywords) is not marked: there it is how that entry is found.
 */
export function integratedPapers(words: readonly Resolved[], index: IndexData): boolean[] | null {
  let out: boolean[] | null = null;
  let actHolders: Int32Array = EMPTY;
  // Each run of topic words in the span on its own ("thẻ bhyt của con nhỏ": "thẻ bhyt", "con nhỏ").
  const mark = (from: number, to: number) => {
    for (let k = from; k < to; ) {
      if (words[k]!.weak) {
        k++;
        continue;
      }
      let end = k + 1;
      while (end < to && !words[end]!.weak && !words[end]!.brk) end++;
      if (foreignToAct(words, k, end, actHolders, index)) {
        out ??= new Array<boolean>(words.length).fill(false);
        out.fill(true, k, end);
      }
      k = end;
    }
  };
  for (let i = 0; i < words.length; i++) {
    const act = phraseAt(words, i, ACT);
    if (act === 0) continue;
    const after = i + act;
    const target = targetAt(words, after);
    if (target < 0) continue;
    actHolders = act > 1 ? (index.pairPostings.get(`${indexForm(words[i]!)} ${indexForm(words[i + 1]!)}`) ?? EMPTY) : EMPTY;
    if (target > after) mark(after, target);
    // Before the act: through its fillers, the run of topic words (and joins between them) that starts the clause or
    // follows a function word.
    let k = i;
    while (k > 0 && !words[k]!.brk && words[k - 1]!.weak && FILLERS.has(words[k - 1]!.t)) k--;
    let from = k;
    while (from > 0 && k - from < MAX_PAPER && !words[from]!.brk && (!words[from - 1]!.weak || JOINS.has(words[from - 1]!.t))) from--;
    if (from < k && !words[from]!.weak) mark(from, k);
    i = after - 1;
  }
  return out;
}

/** Where the target stands after word `from`, within the paper's length and the same clause; -1 when it does not. */
function targetAt(words: readonly Resolved[], from: number): number {
  for (let k = from; k < words.length && k <= from + MAX_PAPER + TARGET_REACH; k++) {
    if (k > from && words[k]!.brk) return -1;
    if (phraseAt(words, k, TARGET) > 0) return k;
  }
  return -1;
}

const EMPTY = new Int32Array(0);

/** The index's form of a word: what it matched (a corrected typo, a regional spelling), else as typed. */
const indexForm = (r: Resolved): string => r.match ?? r.t;

/**
 * Whether a run of topic words (`from` to `to`) names something the act's entries do not: it has a word pair that names
 * something, and one such pair no entry holding the act's pair holds ("kết hôn" of "giấy đăng ký kết hôn", though the
 * integration guide has "đăng ký xe"; not "bằng lái xe", in its keywords). A single word ("gplx", "bé") is left as typed.
 */
function foreignToAct(words: readonly Resolved[], from: number, to: number, actHolders: Int32Array, index: IndexData): boolean {
  let foreign = false;
  for (let k = from + 1; k < to; k++) {
    const docs = index.pairPostings.get(`${indexForm(words[k - 1]!)} ${indexForm(words[k]!)}`);
    if (docs && !docs.some((d) => positionIn(actHolders, d) >= 0)) foreign = true;
  }
  return foreign;
}
