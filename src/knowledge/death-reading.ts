import type { QueryToken } from "./analyze.js";

/**
 * "mẹ em mất hôm qua" is a death, "mẹ em mất căn cước" a loss. Citizens write "mất" for both; the
 * knowledge names a death "qua đời" (khai tử, trợ cấp mai táng) and a loss "mất" (cấp lại). A
 * "mất" right after a relative (with at most two words such as "em", "của tôi" between) and
 * followed by nothing that could be the lost thing — the end, filler, a time ("năm 2020") — is
 * read as "qua đời". "bị mất" is always a loss.
 */

/** Relatives, folded ("bà" and "ba" fold alike: both are relatives here). */
const RELATIVES = new Set([
  "bo", "me", "cha", "ba", "ma", "ong", "chong", "vo", "con", "anh", "chi", "chu", "bac", "co", "di", "cau", "thim", "mo",
  "noi", "ngoai", "trai", "gai", "ruot", "than", "nha", "vo", "chong", "dau", "re",
]);
/** Words that may stand between the relative and "mất": "mẹ của em mất", "bố chồng tôi mất". */
const BETWEEN = new Set(["em", "toi", "minh", "tui", "con", "chau", "cua", "chong", "vo", "anh", "chi", "ban"]);
/** Nouns of time after "mất" ("mất năm ngoái", "mất 3 tháng rồi"): the death's date, not a lost thing. */
const TIME_NOUNS = new Set(["nam", "thang", "ngay", "tuan", "luc", "sang", "chieu", "toi", "dem", "hom", "som", "lau", "tu", "duoc", "da", "roi", "nay"]);
/** Typed with accents, only these spellings are the verb "mất". */
const DIE_SPELLING = "mất";

export function readDeaths(tokens: QueryToken[]): QueryToken[] {
  let out: QueryToken[] | null = null;
  for (let i = tokens.length - 1; i >= 0; i--) {
    if (!diesAt(tokens, i)) continue;
    out ??= tokens.slice();
    out.splice(i, 1, { t: "qua", weak: false }, { t: "doi", weak: false, accented: "đời" });
  }
  return out ?? tokens;
}

function diesAt(tokens: QueryToken[], i: number): boolean {
  const tok = tokens[i]!;
  if (tok.t !== "mat" || (tok.accented !== undefined && tok.accented !== DIE_SPELLING)) return false;
  if (tokens[i - 1]?.t === "bi") return false;
  let j = i - 1;
  while (j >= 0 && i - j <= 3 && BETWEEN.has(tokens[j]!.t) && !RELATIVES.has(tokens[j]!.t)) j--;
  if (j < 0 || !RELATIVES.has(tokens[j]!.t)) return false;
  const next = tokens[i + 1];
  if (!next) return true;
  if (/^\d+$/.test(next.t) || TIME_NOUNS.has(next.t)) return true;
  return next.weak && next.weakKind !== "facet";
}
