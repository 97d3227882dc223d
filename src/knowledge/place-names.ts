import { wordForms } from "../text/normalize.js";
import type { PhraseTable } from "../text/phrases.js";

/** Words as the tokenizer cuts them (dots stay inside numbers and codes), with their positions. */
const WORD = /[\p{L}\p{N}]+(?:\.[\p{N}]+)*/gu;
/** At most this many words of a place name after its marker ("xã Tân Phú", "TP Thủ Đức"). */
const MAX_NAME_WORDS = 4;

/**
 * Blanks out place names introduced by a marker: "ở xã Tân Phú", "TP Thủ Đức", "phường 5". The
 * name is the capitalised words (or the number) right after the marker, in the same clause; a
 * marker without one ("nộp ở xã") stays, as does lower-case text, where the end of a name cannot
 * be told. Where the citizen lives says nothing about which procedure they mean, and unknown
 * proper names would otherwise count as topic words the entry lacks.
 */
export function stripPlaceNames(text: string, markers: PhraseTable<true>): string {
  // A name is capitalised words or a number: text with neither (most chat messages) has none to blank.
  if (markers.maxLength === 0 || !CAN_NAME.test(text)) return text;
  const words: Array<{ raw: string; start: number; end: number; key: string }> = [];
  for (const m of text.matchAll(WORD)) {
    words.push({ raw: m[0], start: m.index, end: m.index + m[0].length, key: wordForms(m[0]).folded });
  }
  // In a message mostly in capitals ("CHO HOI … O UBND XA TAN PHU DUOC KHONG", "Nhà Em Ở Xã Tân Hòa Tách Hộ …") the
  // capitals do not tell where a name ends.
  if (mostlyCapitalised(words.map((w) => w.raw))) return text;
  const keys = words.map((w) => w.key);
  let out = text;
  for (let i = 0; i < words.length; i++) {
    const marker = markers.matchAt(keys, i);
    if (!marker) continue;
    let j = i + marker.length;
    // "cách tinh BHXH 1 lần": typed bare, "tinh" is "tính" as often as "tỉnh"; a short form after it is the topic.
    if (BARE_EVERYDAY.has(words[i]!.raw.toLowerCase()) && j < words.length && isShortForm(words[j]!.raw)) continue;
    let end = j;
    // A short form after the name's first word ("TP HCM CCCD hết hạn") is what the message is about, not the place.
    while (
      end < words.length &&
      end - j < MAX_NAME_WORDS &&
      isNameWord(words[end]!.raw) &&
      !(end > j && isShortForm(words[end]!.raw)) &&
      sameClause(text, words[end - 1]!.end, words[end]!.start)
    ) {
      end++;
      // A number closes the name ("phường 5"); capitalised words go on ("Thủ Đức").
      if (/^\d/.test(words[end - 1]!.raw)) break;
    }
    if (end === j) continue;
    // "Huyện Mường Tè không còn nữa": the district level is gone (1/7/2025), so naming one often asks where its services went.
    const from = KEPT_MARKERS.has(words[i]!.key) ? words[j - 1]!.end : words[i]!.start;
    const to = words[end - 1]!.end;
    out = out.slice(0, from) + " ".repeat(to - from) + out.slice(to);
    i = end - 1;
  }
  return out;
}

/**
 * Markers kept when their place name is blanked: "huyện" (folded). Since 1 July 2025 there is no district level, so a message
 * that names one ("Huyện Mường Tè không còn nữa thì làm giấy tờ ở đâu") often asks where its services went — the two-level
 * government guide — while "xã", "phường" are only where the citizen lives. Not "quận": typed bare it is "quan" of "cơ quan", a
 * word of many names, so every address in a city would weigh on the search. (The shipped `places` list "huyen" too, so
 * the word kept is weak; over the seen sets keeping it answered one more line right and changed no other.)
 */
const KEPT_MARKERS: ReadonlySet<string> = new Set(["huyen"]);

/** A capital letter or a digit: what a place name's first word starts with (see isNameWord). */
const CAN_NAME = /[\p{Lu}0-9]/u;

/** Markers whose bare spelling is an everyday word too ("tinh": "tính"; "xa": far; "quan": "quán", "cơ quan"). */
const BARE_EVERYDAY: ReadonlySet<string> = new Set(["tinh", "xa", "quan", "phuong", "huyen"]);

/** Above this share of words starting with a capital, a message is written in capitals (title case, all caps). */
const MOSTLY_CAPITALS = 0.6;

/**
 * Most words start with a capital: capitals say nothing of where names are. Short forms ("CCCD", "UBND") are left out of
 * the count: "Làm CCCD ở UBND Phường Tân Định được không" is written in lower case with a name in it.
 */
export function mostlyCapitalised(raws: readonly string[]): boolean {
  const words = raws.filter((raw) => !isShortForm(raw));
  return words.filter(isCapitalised).length > MOSTLY_CAPITALS * words.length;
}

/** The word starts with a capital letter. */
export function isCapitalised(raw: string): boolean {
  return /^\p{Lu}/u.test(raw);
}

/** A short form in capitals ("CCCD", "BHXH", "VNeID", "HCM"): two capitals or more. */
export function isShortForm(raw: string): boolean {
  return (raw.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
}

function isNameWord(raw: string): boolean {
  return isCapitalised(raw) || /^\d+$/.test(raw);
}

/** Only spaces between two words: a comma or full stop ends the place name. */
export function sameClause(text: string, from: number, to: number): boolean {
  return /^\s+$/.test(text.slice(from, to));
}
