import { EXAM_AFTER, EXAM_BEFORE } from "../language.js";
import { accentKey } from "../../text/normalize.js";
import { phraseAt, phraseEndsAt, phraseList, textWords, type PhraseWord } from "./word-lists.js";

const AFTER = phraseList(EXAM_AFTER);
const BEFORE = phraseList(EXAM_BEFORE);
const THI = accentKey("thì");

/**
 * What a clause asks, when it first tells something and then asks with "thì" ("nhà thuê trọ chỉ có tạm trú thôi thì đăng
 * ký tuyển sinh trực tuyến cho cháu được không"): the words after its last "thì" — typed with the accent, or bare when
 * the words around it do not make it the exam ("thi bằng lái", "đi thi", "phải thi lại": `EXAM_AFTER`, `EXAM_BEFORE`).
 * Undefined when the clause has no such "thì", or fewer than two words follow it.
 */
export function askedTail(clause: string): string | undefined {
  const text = clause.normalize("NFC");
  const words = textWords(text);
  for (let i = words.length - 3; i >= 1; i--) {
    const w = words[i]!;
    if (w.t !== "thi" || !(w.accented === THI || (w.accented === undefined && !examAt(words, i)))) continue;
    return text.slice(words[i + 1]!.from).trim();
  }
  return undefined;
}

/** The bare "thi" at `i` is the exam: a word of `EXAM_AFTER` follows it, or a word or phrase of `EXAM_BEFORE` ends right before it. */
function examAt(words: readonly PhraseWord[], i: number): boolean {
  return phraseAt(words, i + 1, AFTER) > 0 || phraseEndsAt(words, i, BEFORE);
}
