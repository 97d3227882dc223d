import { accentKey, canonicalSyllable, fold, hasDiacritics, rawTokens, rawWords, wordForms } from "../../text/normalize.js";

import { CLOSING_PARTICLES, CLOSING_QUESTION_WORDS, QUESTION_WORDS } from "../language.js";

// Word lists of language.ts in the forms the search stages compare a message's words with.

/** One word of a listed phrase: its folded form and the accents it is written with. */
export interface ListedWord {
  t: string;
  a: string;
}

/** A list of one-word entries as the folded words a message's tokens are compared with. */
export function foldedSet(list: readonly string[]): Set<string> {
  return new Set(list.map((w) => canonicalSyllable(fold(w))));
}

/** A test for one word of a one-word list, typed bare or with the listed accents ("đọc", "doc"; not "độc"). */
export function wordSet(words: readonly string[]): (raw: string) => boolean {
  const folded = foldedSet(words);
  const accented = new Set(words.map(accentKey));
  return (raw: string) => folded.has(canonicalSyllable(fold(raw))) && (!hasDiacritics(raw) || accented.has(accentKey(raw)));
}

/** A list of phrases as their words, folded and with their accents ("bây giờ" → [bay/…, gio/…]). */
export function phraseList(list: readonly string[]): ListedWord[][] {
  return list.map((w) => rawTokens(w).map((r) => ({ t: canonicalSyllable(fold(r)), a: accentKey(r) })));
}

/** A message's word as the phrase matcher reads it: folded, its accents when typed with them, and whether a clause mark stands before it. */
export interface PhraseWord {
  t: string;
  /** The accents typed (`accentKey`), or undefined when typed bare: then any listed accents agree. */
  accented?: string | undefined;
  brk: boolean;
}

/** A word of a text as the phrase matcher reads it, with its offsets in the text. */
export interface TextWord extends PhraseWord {
  from: number;
  to: number;
}

/** The words of an NFC text (offsets are the NFC text's); the first word opens a clause. */
export function textWords(text: string): TextWord[] {
  return rawWords(text).map((w, i) => {
    const forms = wordForms(w.raw);
    return { t: forms.folded, accented: forms.accented ?? undefined, from: w.from, to: w.to, brk: i === 0 || w.brk };
  });
}

/**
 * How many words of the first listed phrase that starts at word `i` (and ends by `stop`) match, or 0: the folded
 * words agree, typed accents agree with the listed ones, and no clause mark falls inside the phrase. Plain loops:
 * this runs for every word of a message against every listed phrase (a closure per call was a tenth of a
 * message's garbage).
 */
export function phraseAt(words: readonly PhraseWord[], i: number, phrases: readonly ListedWord[][], stop = words.length): number {
  for (const p of phrases) {
    if (i + p.length > stop) continue;
    let k = 0;
    for (; k < p.length; k++) {
      const word = words[i + k]!;
      const w = p[k]!;
      if (word.t !== w.t || !(word.accented === undefined || word.accented === w.a) || (k > 0 && word.brk)) break;
    }
    if (k === p.length) return p.length;
  }
  return 0;
}

/**
 * Whether some listed phrase ends right before word `end`, starting no earlier than word `start`: the words
 * [end − length, end) are that phrase, read as {@link phraseAt} reads it.
 */
export function phraseEndsAt(words: readonly PhraseWord[], end: number, phrases: readonly ListedWord[][], start = 0): boolean {
  return phrases.some((p) => p.length <= end - start && phraseAt(words, end - p.length, [p], end) === p.length);
}

/** Words of language.ts lists, typed bare or with the listed accents (see `wordSet`). */
export const isQuestionWord = wordSet(QUESTION_WORDS);
const isClosingWord = wordSet(CLOSING_QUESTION_WORDS);
const isParticle = wordSet(CLOSING_PARTICLES);

/**
 * A clause asks something: a question mark, a word `questionWord` accepts (with the word after it), or "không"/"chưa"
 * closing it, maybe followed by particles ("… được không ạ").
 */
export function asksWith(clause: string, questionWord: (word: string, next: string) => boolean): boolean {
  if (clause.includes("?")) return true;
  const words = rawTokens(clause);
  if (words.some((w, i) => questionWord(w, words[i + 1] ?? ""))) return true;
  let last = words.length - 1;
  while (last > 0 && isParticle(words[last]!)) last--;
  return last >= 0 && isClosingWord(words[last]!);
}
