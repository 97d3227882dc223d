/**
 * Vietnamese text normalisation shared by the index and the query, so both sides meet in the
 * same form: NFC, lower case, tone marks off (đ→d), one spelling for i/y variants.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** NFC form; everything the bot shows or stores goes through this. */
export function nfc(text: string): string {
  return text.normalize("NFC");
}

/** Lower case, no diacritics, đ→d. "Đăng ký thường trú" → "dang ky thuong tru". */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase();
}

/**
 * Old and new tone placement ("hoà"/"hòa", "thuỷ"/"thủy", "uý"/"úy") are the same word. We map
 * the accented lower-case form to the modern placement so accent-aware comparison treats them alike.
 */
const OLD_TO_NEW_TONE: Record<string, string> = {
  òa: "oà", óa: "oá", ỏa: "oả", õa: "oã", ọa: "oạ",
  òe: "oè", óe: "oé", ỏe: "oẻ", õe: "oẽ", ọe: "oẹ",
  ùy: "uỳ", úy: "uý", ủy: "uỷ", ũy: "uỹ", ụy: "uỵ",
};

const OLD_TONE = new RegExp(Object.keys(OLD_TO_NEW_TONE).join("|"), "g");

const Y_TO_I: Record<string, string> = { y: "i", ý: "í", ỳ: "ì", ỷ: "ỉ", ỹ: "ĩ", ỵ: "ị" };
const I_Y_ACCENTED = /(^|[^\p{L}])(k|l|m|s|t|h|v|d|ph|th|ch|ngh|kh|gh)([yýỳỷỹỵ])(?=$|[^\p{L}])/gu;

/**
 * Accent-preserving key: NFC, lower case, tone marks placed the modern way ("hòa" → "hoà") and
 * the i/y spelling unified ("ký" → "kí").
 */
export function accentKey(text: string): string {
  const s = nfc(text).toLowerCase().replace(OLD_TONE, (m) => OLD_TO_NEW_TONE[m] ?? m);
  return s.replace(I_Y_ACCENTED, (_m, lead: string, consonant: string, y: string) => `${lead}${consonant}${Y_TO_I[y] ?? y}`);
}

// Syllables where y and i are interchangeable spellings (ký/kí, lý/lí, mỹ/mĩ, sỹ/sĩ, tỷ/tỉ).
const I_Y_SYLLABLE = /^(k|l|m|s|t|h|v|d|ph|th|ch|ngh|kh|gh|qu)y$/;

/** Folded syllable with the i/y spelling unified ("ky" → "ki", "ly" → "li"). */
export function canonicalSyllable(folded: string): string {
  return I_Y_SYLLABLE.test(folded) && !folded.startsWith("qu") ? folded.slice(0, -1) + "i" : folded;
}

/** What separates runs of letters, digits and dots (words, or words joined by dots: "1.004222", "gov.vn", "rồi."), kept by split. */
const SEPARATOR = /([^\p{L}\p{N}.]+)/u;
/**
 * Marks that end a clause or a sentence between two words: a comma, a full stop, a question or
 * exclamation mark, a semicolon, a colon, a new line, an ellipsis ("…", also where a long message
 * was cut), a bracket ("Dĩ An (Bình Dương cũ)": an aside). A dot between two letters or digits with
 * no space ("TP.HCM", "dichvucong.gov.vn", "1.004222") is part of a name or a number, not a full stop.
 */
const CLAUSE_MARK = /[,;:!?\n…()]/;
const DOTTED_NUMBER = /^\d+(\.\d+)+$/;

/**
 * A word of a text: lower case, NFC, as typed; `brk` when a clause mark stands between it and the word
 * before; `from`/`to`: where it is in the text in NFC.
 */
export interface RawWord {
  raw: string;
  brk: boolean;
  from: number;
  to: number;
}

/**
 * Accent-preserving words (lower case, NFC), each marked when a clause mark separates it from the
 * one before ("tháng trước, bà nội": "bà" is). Dots inside numbers and codes stay ("1.004222"),
 * other dots split.
 */
export function rawWords(text: string): RawWord[] {
  const s = nfc(text);
  const lower = s.toLowerCase();
  // Lower case keeps the offsets but for a few letters of other scripts ("İ"): those texts are read as typed, word by word.
  const sameLength = lower.length === s.length;
  const parts = (sameLength ? lower : s).split(SEPARATOR);
  const out: RawWord[] = [];
  let brk = false;
  let at = 0;
  const push = (raw: string, from: number) => {
    out.push({ raw: sameLength ? raw : raw.toLowerCase(), brk: brk && out.length > 0, from, to: from + raw.length });
    brk = false;
  };
  // Pieces at even indexes, the separators between them at odd ones.
  for (let k = 0; k < parts.length; at += parts[k]!.length, k++) {
    const piece = parts[k]!;
    if (k % 2 === 1) {
      if (CLAUSE_MARK.test(piece)) brk = true;
    } else if (!piece.includes(".") || DOTTED_NUMBER.test(piece)) {
      if (piece) push(piece, at);
    } else {
      // An empty part is a dot at either end of the piece or beside another dot: a full stop ("rồi. Giờ", "rồi...giờ").
      let from = at;
      for (const part of piece.split(".")) {
        if (!part) brk = true;
        else push(part, from);
        from += part.length + 1;
      }
    }
  }
  return out;
}

/**
 * Accent-preserving tokens (lower case, NFC). Dots inside numbers and codes stay ("1.004222"),
 * other dots split.
 */
export function rawTokens(text: string): string[] {
  return rawWords(text).map((w) => w.raw);
}

// Syllables repeat endlessly (a few thousand distinct ones in the whole catalogue): fold each once.
const foldedSyllables = new Map<string, string>();

/** A raw token folded and canonical ("Ký" → "ki"). */
function foldToken(t: string): string {
  let f = foldedSyllables.get(t);
  if (f === undefined) {
    f = canonicalSyllable(fold(t));
    if (foldedSyllables.size > 100_000) foldedSyllables.clear();
    foldedSyllables.set(t, f);
  }
  return f;
}

/** Folded, canonical tokens: the form the search index works in. */
export function tokens(text: string): string[] {
  return rawTokens(text).map(foldToken);
}

/** Folded, canonical tokens clause by clause: a new clause after each clause mark (see `rawWords`). */
export function clauseTokens(text: string): string[][] {
  const out: string[][] = [];
  for (const w of rawWords(text)) {
    if (w.brk || out.length === 0) out.push([foldToken(w.raw)]);
    else out[out.length - 1]!.push(foldToken(w.raw));
  }
  return out;
}

/** Folded canonical text: tokens joined by single spaces. */
export function foldedText(text: string): string {
  return tokens(text).join(" ");
}

/**
 * The accent key of a word as staff wrote it in a word list, or null when written bare ("ko", "dc"): a bare word
 * stands for any accents. Read with {@link typedAsWritten}.
 */
export function writtenKey(word: string): string | null {
  return hasDiacritics(word) ? accentKey(word) : null;
}

/**
 * Whether a word typed with `typed` accents (null or undefined: typed bare) may be the word written `written` (see
 * {@link writtenKey}): typed bare, written bare, or the same accents — "sơ" is not "sổ".
 */
export function typedAsWritten(written: string | null, typed: string | null | undefined): boolean {
  return written === null || typed == null || written === typed;
}

/** True when the text carries any Vietnamese diacritic (the user typed with accents). */
export function hasDiacritics(text: string): boolean {
  return /[đĐ]/.test(text) || /[\u0300-\u036f]/.test(text.normalize("NFD"));
}

export interface TextKeyOptions {
  /** "fold" (default) drops diacritics and đ ("Bỏ qua!" → "bo qua"); "keep" only lower-cases, in NFC. */
  accents?: "fold" | "keep";
  /**
   * Marks kept besides letters and digits ("/" keeps "/danhgia" apart from "danhgia"); every
   * other mark reads as a space. "all" keeps every mark and only tidies the spacing. Default: none.
   */
  keep?: string | "all";
}

/**
 * A comparison key for short texts (commands, button labels, triggers, citations): lower case,
 * spacing collapsed to single spaces and trimmed, the marks not in `keep` read as spaces.
 */
export function textKey(text: string, options: TextKeyOptions = {}): string {
  const base = options.accents === "keep" ? nfc(text).toLowerCase() : fold(text);
  const keep = options.keep ?? "";
  const marked = keep === "all" ? base : base.replace(markPattern(keep), " ");
  return marked.replace(/\s+/g, " ").trim();
}

const markPatterns = new Map<string, RegExp>();
function markPattern(keep: string): RegExp {
  let re = markPatterns.get(keep);
  if (!re) {
    // Inside a character class only these four need escaping.
    const kept = keep.replace(/[\\\]^-]/g, "\\$&");
    markPatterns.set(keep, (re = new RegExp(`[^\\p{L}\\p{N}${kept} ]+`, "gu")));
  }
  return re;
}

/** A word as matchers compare it: folded canonical form, and the accent key when typed with accents. */
export interface WordForms {
  folded: string;
  accented: string | null;
}

// Words repeat from message to message (a few thousand distinct syllables): key each spelling once.
const wordFormsCache = new Map<string, WordForms>();

/** "Chào" → {folded: "chao", accented: "chào"}; "chao" → {folded: "chao", accented: null}. */
export function wordForms(raw: string): WordForms {
  let w = wordFormsCache.get(raw);
  if (!w) {
    w = { folded: canonicalSyllable(fold(raw)), accented: hasDiacritics(raw) ? accentKey(raw) : null };
    if (wordFormsCache.size > 50_000) wordFormsCache.clear();
    wordFormsCache.set(raw, w);
  }
  return w;
}
