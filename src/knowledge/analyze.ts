import { accentKey, canonicalSyllable, fold, hasDiacritics, rawTokens, tokens } from "../text/normalize.js";
import { createPhraseTable, type PhraseTable } from "../text/phrases.js";
import type { Synonyms } from "./schema.js";

/** What the citizen asks about a procedure, besides which procedure. */
export type Facet = "documents" | "fee" | "time" | "where" | "online" | "steps";

/**
 * Phrases that name a facet. They are recognised in the folded question, and the words are
 * then weighted low for matching: "lệ phí" says what to show, not which entry.
 */
const FACET_PHRASES: Record<Facet, string[]> = {
  documents: [
    "giay to", "giay to gi", "can giay to", "can gi", "can nhung gi", "mang theo", "chuan bi", "thanh phan ho so",
    "ho so gom", "ho so can", "gom nhung gi", "bao gom nhung gi", "nhung giay to nao", "can mang",
  ],
  fee: ["le phi", "phi", "bao nhieu tien", "chi phi", "mat bao nhieu", "het bao nhieu", "ton bao nhieu", "mien phi", "tien"],
  time: ["bao lau", "may ngay", "thoi gian", "thoi han", "bao nhieu ngay", "khi nao co", "bao gio co", "mat bao lau", "trong bao lau"],
  where: ["o dau", "noi nao", "co quan nao", "cho nao", "dia chi", "nop o dau", "lam o dau", "o cho nao", "di dau"],
  online: ["online", "truc tuyen", "qua mang", "tren mang", "toan trinh", "mot phan", "muc do", "muc", "cap do"],
  steps: [
    "cac buoc", "nhung buoc", "buoc nao", "trinh tu", "quy trinh", "lam the nao", "nhu the nao", "the nao",
    "huong dan", "cach lam", "lam sao", "cach", "bang cach nao",
  ],
};

/**
 * Function words of everyday Vietnamese questions. They never name a procedure, so they weigh
 * little; staff add more in synonyms.yaml `stopwords`. Folded forms: "đăng"/"đang" both fold to
 * "dang", so "dang" is deliberately absent.
 */
const FUNCTION_WORDS = [
  "a", "ah", "oi", "nhe", "nha", "vay", "thi", "la", "va", "voi", "cua", "cho", "toi", "tui", "minh", "em", "anh",
  "chi", "ban", "muon", "hoi", "biet", "can", "phai", "co", "khong", "duoc", "nao", "gi", "cac", "nhung", "de",
  "o", "tai", "ve", "bi", "da", "se", "roi", "nay", "do", "khi", "neu", "ma", "nhu", "the", "sao", "lam", "gom",
  "nhieu", "hay", "hoac", "xin", "giup", "con", "ai", "dau", "luc", "nguoi", "viec", "gio", "duoc khong", "vui long",
];

export interface QueryToken {
  /** Folded canonical form. */
  t: string;
  /** Filler or facet word: counts little towards a match. */
  weak: boolean;
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
  /** Accent keys of a text's words, for the small accents-match bonus. */
  accentKeys(text: string): string[];
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
  const weakPhrases = createPhraseTable<Facet | "stop">([
    ...synonyms.stopwords.map((s): [string, "stop"] => [s, "stop"]),
    ...FUNCTION_WORDS.map((s): [string, "stop"] => [s, "stop"]),
    ...Object.entries(FACET_PHRASES).flatMap(([facet, phrases]) => phrases.map((p): [string, Facet] => [p, facet as Facet])),
  ]);

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
      const cut = text.length > maxQueryChars ? text.slice(0, maxQueryChars) : text;
      const raw = rawTokens(cut);
      // Keep the accented spelling next to each folded token while abbreviations may change the count.
      const folded = raw.map((r) => canonicalSyllable(fold(r)));
      const accentedByFolded = new Map<string, string>();
      raw.forEach((r, i) => {
        if (hasDiacritics(r)) accentedByFolded.set(folded[i]!, accentKey(r));
      });
      const expanded = expandAbbreviations(folded);
      // Facets and filler are found before synonyms rewrite the words ("online" is a facet word).
      const facets = new Set<Facet>();
      const weakMask: boolean[] = new Array(expanded.length).fill(false);
      for (let i = 0; i < expanded.length; ) {
        const m = weakPhrases.matchAt(expanded, i);
        if (m) {
          if (m.value !== "stop") facets.add(m.value);
          for (let k = i; k < i + m.length; k++) weakMask[k] = true;
          i += m.length;
        } else i++;
      }
      // Canonicalise strong runs; weak words stay as they are.
      const result: QueryToken[] = [];
      let run: string[] = [];
      const flush = () => {
        if (run.length === 0) return;
        for (const t of canonicalise(run).words) {
          const accented = accentedByFolded.get(t);
          result.push(accented ? { t, weak: false, accented } : { t, weak: false });
        }
        run = [];
      };
      expanded.forEach((t, i) => {
        if (weakMask[i]) {
          flush();
          result.push({ t, weak: true });
        } else run.push(t);
      });
      flush();
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

    accentKeys(text) {
      return rawTokens(text).filter(hasDiacritics).map(accentKey);
    },
  };
}

export type { PhraseTable };
