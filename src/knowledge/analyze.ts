import { accentKey, canonicalSyllable, fold, hasDiacritics, rawTokens, tokens, wordForms } from "../text/normalize.js";
import { createPhraseTable, type PhraseTable } from "../text/phrases.js";
import { languageOf, type Facet } from "./language.js";
import { stripPlaceNames } from "./place-names.js";
import type { Synonyms } from "./schema.js";

export type { Facet };

export interface QueryToken {
  /** Folded canonical form. */
  t: string;
  /** Filler or facet word: counts little towards a match. */
  weak: boolean;
  /** Why it is weak: a facet word, a staff stopword, or a built-in function word. */
  weakKind?: "facet" | "stop" | "function";
  /** For a facet word or a word of a longer filler phrase: all words of the phrase ("mất bao nhiêu tiền", "bao nhiêu"), which only count together. */
  phrase?: string[];
  /** The citizen's accented form, when they typed accents. */
  accented?: string;
}

export interface AnalyzedQuery {
  tokens: QueryToken[];
  facets: Set<Facet>;
  /** Adjacent pairs of strong tokens (folded), the phrase evidence. */
  bigrams: string[];
  hadDiacritics: boolean;
}

export interface Analyzer {
  query(text: string): AnalyzedQuery;
  /** Index-side: token segments for a field (original words plus canonical synonym segments). */
  field(text: string): string[][];
  /** [folded canonical syllable, accent key] of each accented word of a text. */
  wordForms(text: string): Array<[string, string]>;
}

export interface AnalyzerOptions {
  /** Questions are cut to this many characters: a 20,000-character paste is still answered fast. */
  maxQueryChars?: number;
}

export function createAnalyzer(synonyms: Synonyms, options: AnalyzerOptions = {}): Analyzer {
  const maxQueryChars = options.maxQueryChars ?? 300;
  const abbreviations = createPhraseTable<string[]>(
    Object.entries(synonyms.abbreviations).map(([from, to]) => [from, tokens(to)]),
  );
  const canonical = createPhraseTable<string[]>(
    synonyms.groups.flatMap((group) => {
      const target = tokens(group[0]!);
      return group.slice(1).map((variant): [string, string[]] => [variant, target]);
    }),
  );
  // Canonical phrases map to themselves too, so a name typed in its canonical form is recognised whole.
  const anyName = createPhraseTable<string[]>(
    synonyms.groups.flatMap((group) => {
      const target = tokens(group[0]!);
      return group.map((phrase): [string, string[]] => [phrase, target]);
    }),
  );
  // `accented`: the phrase as written. With accents typed, "hội" is not the
  // filler "hỏi" and "đỏ" is not "đó": a filler phrase must match its accents too.
  type Weak = ({ kind: "facet"; facet: Facet } | { kind: "stop" } | { kind: "function" }) & { accented?: string[] };
  // Staff stopwords and function words are written as Vietnamese ("nha" the particle has no marks,
  // so typed "nhà" is not it); place names are listed folded and match however they are typed.
  const withAccents = (phrase: string): { accented: string[] } => ({ accented: [accentKey(phrase)] });
  const language = languageOf(synonyms);
  const weakPhrases = createPhraseTable<Weak>(
    mergeSpellings([
      ...Object.entries(language.facets).flatMap(([facet, phrases]) => phrases.map((p): [string, Weak] => [p, { kind: "facet", facet: facet as Facet }])),
      ...synonyms.stopwords.map((s): [string, Weak] => [s, { kind: "stop", ...withAccents(s) }]),
      ...language.functionWords.map((s): [string, Weak] => [s, { kind: "function", ...withAccents(s) }]),
      ...language.places.map((s): [string, Weak] => [s, { kind: "stop" }]),
    ]),
  );
  const placeMarkers = createPhraseTable<true>(language.placeMarkers.map((m): [string, true] => [m, true]));

  function expandAbbreviations(words: string[]): string[] {
    const out: string[] = [];
    for (let i = 0; i < words.length; ) {
      const m = abbreviations.matchAt(words, i);
      if (m) {
        out.push(...m.value);
        i += m.length;
      } else out.push(words[i++]!);
    }
    return out;
  }

  /** Replaces synonym variants by their canonical phrase; reports the spans replaced. */
  function canonicalise(words: string[]): { words: string[]; replaced: string[][] } {
    const out: string[] = [];
    const replaced: string[][] = [];
    for (let i = 0; i < words.length; ) {
      const m = canonical.matchAt(words, i);
      if (m) {
        out.push(...m.value);
        replaced.push(m.value);
        i += m.length;
      } else out.push(words[i++]!);
    }
    return { words: out, replaced };
  }

  return {
    query(text) {
      const cut = stripPlaceNames(keepEnds(text, maxQueryChars), placeMarkers);
      const raw = rawTokens(cut);
      const info = raw.map(wordForms);
      const folded = info.map((x) => x.folded);
      const accentedByFolded = new Map<string, string>();
      info.forEach((x) => {
        if (x.accented) accentedByFolded.set(x.folded, x.accented);
      });
      const expanded = expandAbbreviations(folded);

      // 1. Synonym phrases first ("căn cước công dân", "hộ khẩu"): their words are a name, so
      //    they are never taken for filler even where a syllable collides ("căn"/"cần" → "can").
      const words: string[] = [];
      /** Per word: [start, end) of the synonym name it belongs to, or null. */
      const named: Array<[number, number] | null> = [];
      for (let i = 0; i < expanded.length; ) {
        const m = anyName.matchAt(expanded, i);
        if (m) {
          const span: [number, number] = [words.length, words.length + m.value.length];
          for (const t of m.value) words.push(t), named.push(span);
          i += m.length;
        } else words.push(expanded[i++]!), named.push(null);
      }

      const accentedMessage = hasDiacritics(cut);
      // Each word typed with marks must carry the phrase's marks; words typed bare (or expanded
      // from an abbreviation: "ko" → "không") agree with any.
      const accentsFit = (span: string[], spellings: string[]) =>
        spellings.some((phrase) => {
          const marks = phrase.split(" ");
          return span.every((w, k) => {
            const typed = accentedByFolded.get(w);
            return typed === undefined || marks.length !== span.length || typed === marks[k];
          });
        });

      // 2. Facet phrases, then filler. A facet phrase that is a whole name ("trực tuyến") still
      //    says what to show; one inside a longer name ("lệ phí trước bạ") is part of that name.
      const facets = new Set<Facet>();
      const kind: Array<QueryToken["weakKind"]> = new Array(words.length).fill(undefined);
      const phraseOf: Array<string[] | undefined> = new Array(words.length).fill(undefined);
      for (let i = 0; i < words.length; ) {
        const m = weakPhrases.matchAt(words, i);
        const spans = m ? named.slice(i, i + m.length) : [];
        const isFacet = m && m.value.kind === "facet" && spans.every((sp) => !sp || (sp[0] >= i && sp[1] <= i + m.length));
        const accentsAgree =
          !m || !accentedMessage || !m.value.accented || accentsFit(words.slice(i, i + m.length), m.value.accented);
        if (m && accentsAgree && (isFacet || (m.value.kind !== "facet" && !spans.some(Boolean)))) {
          if (m.value.kind === "facet") facets.add(m.value.facet);
          const phrase = m.value.kind === "facet" || m.length > 1 ? words.slice(i, i + m.length) : undefined;
          for (let k = i; k < i + m.length; k++) (kind[k] = m.value.kind), (phraseOf[k] = phrase);
          i += m.length;
        } else i++;
      }

      const result: QueryToken[] = words.map((t, i) => {
        const token: QueryToken = { t, weak: kind[i] !== undefined };
        if (kind[i]) token.weakKind = kind[i];
        if (phraseOf[i]) token.phrase = phraseOf[i];
        const accented = accentedByFolded.get(t);
        if (accented) token.accented = accented;
        return token;
      });
      const bigrams: string[] = [];
      for (let i = 0; i + 1 < result.length; i++) {
        if (!result[i]!.weak && !result[i + 1]!.weak) bigrams.push(`${result[i]!.t} ${result[i + 1]!.t}`);
      }
      return { tokens: result, facets, bigrams, hadDiacritics: hasDiacritics(cut) };
    },

    field(text) {
      const words = expandAbbreviations(tokens(text));
      if (words.length === 0) return [];
      const { replaced } = canonicalise(words);
      return [words, ...replaced];
    },

    wordForms(text) {
      return rawTokens(text).map((r): [string, string] => [canonicalSyllable(fold(r)), accentKey(r)]);
    },
  };
}

/**
 * One table entry per folded phrase: "à", "ạ" and "a" all fold to "a". The first listing decides
 * the role; the accented spellings of all listings are kept, and one listed without accents
 * (places) matches however it is typed.
 */
function mergeSpellings<W extends { accented?: string[] }>(pairs: Array<[string, W]>): Array<[string, W]> {
  const byKey = new Map<string, [string, W]>();
  for (const [phrase, value] of pairs) {
    const key = tokens(phrase).join(" ");
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, [phrase, { ...value, ...(value.accented ? { accented: [...value.accented] } : {}) }]);
    else if (!value.accented) delete seen[1].accented;
    else if (seen[1].accented) seen[1].accented.push(...value.accented);
  }
  return [...byKey.values()];
}

/**
 * A long message keeps its start (often the topic) and its end (usually the question), so a
 * story with the question last is still read; the middle goes first. Cuts fall between words.
 */
function keepEnds(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, Math.floor(max / 3)).replace(/\S*$/, "");
  const tail = text.slice(text.length - (max - head.length)).replace(/^\S*/, "");
  return `${head} … ${tail}`;
}

export type { PhraseTable };
