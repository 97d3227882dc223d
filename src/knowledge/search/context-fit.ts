import type { Entry } from "../schema.js";
import type { SearchHit } from "./types.js";
import type { SearchWeights } from "./weights.js";
import { phraseAt, phraseList, textWords, type ListedWord, type PhraseWord } from "./word-lists.js";

/**
 * "em sinh 2001, năm nay có phải đi đổi căn cước không": the guide "Sau sáp nhập tỉnh, xã có phải đổi căn cước, sổ đỏ,
 * giấy tờ không?" has every word of the question in its title, but it is about the mergers, which the question does not
 * mention. An entry that lists the phrases of its situation (`only_when`: "sáp nhập", "tỉnh cũ", "bỏ huyện"…) keeps its
 * score only when the question says one of them; otherwise its score is multiplied by `weights.contextMissing`, so it
 * is neither answered nor offered ahead of the card the question is about.
 *
 * The other way round, "xin phép xây nhà xưởng 2 tầng trên đất nhà mình": the permit for houses has the question's
 * words, but not its situation. An entry that lists situations it does not cover (`not_when`: "nhà xưởng", "nhà kho"…)
 * is marked `excluded` when the question says one of them and none of its `except_when` (see `excludedBy`): it keeps its
 * place among the hits (the nearest thing we have, suggested under "I don't know"), but decide never answers with it nor
 * offers it as a choice, and it is no rival of the entries below it; when it ranks first, the rest decide without it, if
 * the question names their first clearly (decide.ts `withoutExcluded`).
 *
 * The lists are read as the word lists of language.ts are (word-lists.ts `phraseAt`): a word typed bare matches however
 * the phrase writes it, a word typed with accents only the same accents ("góp" is not "gộp"). `context`: the whole
 * message (a part of a long message read alone keeps the situation its story told).
 */
export function createContextFit(entries: readonly Entry[], weights: SearchWeights): (hits: SearchHit[], context: string, typed: readonly PhraseWord[]) => void {
  const needed = phrasesOf(entries, (e) => e.only_when);
  const excluded = phrasesOf(entries, (e) => e.not_when);
  const excepted = phrasesOf(entries, (e) => e.except_when);
  // A long message is read whole and part by part with the same context: its words are read once.
  let last: { context: string; words: PhraseWord[] } | null = null;
  const wordsOf = (context: string): PhraseWord[] => {
    if (last?.context !== context) last = { context, words: textWords(context) };
    return last.words;
  };
  return (hits, context, typed) => {
    if (!hits.some((h) => needed.has(h.entry.id) || excluded.has(h.entry.id))) return;
    // As typed (a place after "tỉnh" is dropped from the analysed words) and as read (short forms written out: "ko" → "không").
    const forms = [wordsOf(context), typed];
    for (const h of hits) {
      const need = needed.get(h.entry.id);
      if (need && !forms.some((words) => said(words, need))) h.score *= weights.contextMissing;
      const exclude = excluded.get(h.entry.id);
      if (exclude && excludedBy(forms, exclude, excepted.get(h.entry.id) ?? [])) h.why.excluded = true;
    }
  };
}

/**
 * Whether words (`forms`: one text read one or more ways) say a situation of `exclude` and none of `except` — the entry's
 * own situation ("để ở", "nhà cấp 4") or another reading of the excluded words that holds them whole ("nhà xuống cấp" of
 * "nha xuong" typed bare). An `except` phrase that shares only part of an excluded one said does not count ("sửa nhà" of
 * "sửa nhà kho"). Also what `dvc-bot check` reads an entry's own names with (review.ts).
 */
export function excludedBy(forms: readonly (readonly PhraseWord[])[], exclude: readonly ListedWord[][], except: readonly ListedWord[][]): boolean {
  let saysExcluded = false;
  for (const words of forms) {
    const out = spansOf(words, exclude);
    if (out.length > 0) saysExcluded = true;
    const partly = ([a, b]: Span) => out.some(([c, d]) => a < d && c < b && !(a <= c && d <= b));
    if (spansOf(words, except).some((k) => !partly(k))) return false;
  }
  return saysExcluded;
}

type Span = [number, number];

/** Where phrases of a list are said in words: [from, to) word offsets, every start. */
function spansOf(words: readonly PhraseWord[], phrases: readonly ListedWord[][]): Span[] {
  const out: Span[] = [];
  if (phrases.length === 0) return out;
  // phraseAt answers the first phrase that matches at a word; each phrase is tried on its own, so every span is found.
  const each = phrases.map((p) => [p]);
  for (let i = 0; i < words.length; i++) {
    for (const p of each) if (phraseAt(words, i, p) > 0) out.push([i, i + p[0]!.length]);
  }
  return out;
}

/** Some phrase of a list is said in words. */
function said(words: readonly PhraseWord[], phrases: readonly ListedWord[][]): boolean {
  return phrases.length > 0 && words.some((_, i) => phraseAt(words, i, phrases) > 0);
}

/** Each entry's phrases of one list, read once (entries whose list is empty are left out). */
function phrasesOf(entries: readonly Entry[], list: (e: Entry) => readonly string[]): Map<string, ListedWord[][]> {
  const out = new Map<string, ListedWord[][]>();
  for (const e of entries) {
    const phrases = phraseList(list(e)).filter((p) => p.length > 0);
    if (phrases.length > 0) out.set(e.id, phrases);
  }
  return out;
}
