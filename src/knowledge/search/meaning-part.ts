import type { Analyzer } from "../analyze.js";
import { MEANING_WORDS, READING_PLACES, READING_WORDS } from "../language.js";
import { nfc, rawWords } from "../../text/normalize.js";
import { phraseAt, phraseList, textWords, wordSet, type PhraseWord } from "./word-lists.js";

// Messages that ask what some words mean ("toàn trình là sao"): MEANING_WORDS, READING_WORDS and READING_PLACES of
// language.ts, read as the search stages read them.

const MEANING = phraseList(MEANING_WORDS);
const PLACES = phraseList(READING_PLACES);
/** A word of READING_WORDS, typed bare or with its accents ("đọc", "doc"; not "độc"). */
export const isReadingWord = wordSet(READING_WORDS);

/** Where the first meaning phrase of a text starts and how many words it has, or null. */
function meaningAt(words: readonly PhraseWord[]): { at: number; length: number } | null {
  for (let i = 0; i < words.length; i++) {
    const length = phraseAt(words, i, MEANING);
    if (length > 0) return { at: i, length };
  }
  return null;
}

/** The message asks what some words mean: one of MEANING_WORDS, typed bare or with the same accents ("là gì", not "lá gì"), within a clause. */
export function asksMeaning(text: string): boolean {
  return meaningAt(textWords(nfc(text))) !== null;
}

/** A meaning question found inside a message, and the rest of the message around it. */
export interface MeaningPart {
  part: string;
  rest: string;
}

/**
 * The question inside a message that asks what some facet words mean, when more surrounds it: "thủ tục ghi là “một
 * phần” là sao, vậy vẫn phải lên xã à" asks "thủ tục ghi là một phần là sao" (its words, lower case, without the
 * quotes); "toàn trình với một phần trên cổng dvc
 * nghĩa là gì" asks "toàn trình với một phần nghĩa là gì". The clause of the meaning phrase, up to it and without the
 * place the words were read (READING_PLACES: "trên cổng"), must hold a facet word and no topic word but reading words
 * ("ghi", "đọc"). Null otherwise — "sổ đỏ là gì" and "hộ chiếu toàn trình là sao" ask about a topic — and when the part
 * is the whole message. Only the first meaning phrase is read, and a bracket is a clause mark like a comma ("ghi (một
 * phần) là sao" is not read here; the whole message still is). The caller reads `rest` too: "toàn trình là sao, làm hộ
 * chiếu được không" asks about a topic.
 */
export function createMeaningPart(analyzer: Analyzer): (text: string) => MeaningPart | null {
  const asksOnlyFacets = (text: string) => {
    const analysed = analyzer.query(text);
    return analysed.facets.size > 0 && analysed.tokens.every((t) => t.weak || isReadingWord(t.accented ?? t.t));
  };
  return (typed) => {
    // Offsets of rawWords are those of the NFC text.
    const text = nfc(typed);
    const words = textWords(text);
    const meaning = meaningAt(words);
    if (!meaning) return null;
    let start = meaning.at;
    while (start > 0 && !words[start]!.brk) start--;
    const kept: string[] = [];
    for (let k = start; k < meaning.at; ) {
      const place = PLACES.find((p) => phraseAt(words, k, [p], meaning.at) === p.length);
      if (place) k += place.length;
      else kept.push(text.slice(words[k]!.from, words[k++]!.to).toLowerCase());
    }
    const subject = kept.join(" ");
    if (subject === "" || !asksOnlyFacets(subject)) return null;
    const last = words[meaning.at + meaning.length - 1]!;
    const around = `${text.slice(0, words[start]!.from)} ${text.slice(last.to)}`.trim();
    const rest = rawWords(around).length === 0 ? "" : around;
    // Nothing around the meaning question and no reading place left out: it is the whole message, read as it is.
    if (rest === "" && kept.length === meaning.at - start) return null;
    return { part: `${subject} ${text.slice(words[meaning.at]!.from, last.to)}`, rest };
  };
}
