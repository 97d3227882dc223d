import { queryToken, type QueryToken } from "./analyze.js";

/**
 * "mẹ em mất hôm qua" is a death, "mẹ em mất căn cước" a loss and "chồng em mất việc" a lost job.
 * Citizens write "mất" for all three; the knowledge names a death "qua đời" (khai tử, trợ cấp mai
 * táng) and a loss "mất" (cấp lại). A "mất" right after a relative — with at most three words such
 * as "em", "của tôi", "đã" between — and followed by nothing, or only by when it happened ("hôm
 * qua", "năm 2020", "rồi") or by the rest of the question ("thì làm gì"), is read as "qua đời",
 * right after the relative ("mẹ qua đời", the way the knowledge writes it). "bị mất" is a loss.
 * Built-in on purpose: these are grammar, not a list staff need to tune.
 */

/** Relatives, folded ("bà" and "ba" fold alike: both are relatives here). */
const RELATIVES = new Set([
  "bo", "me", "cha", "ba", "ma", "ong", "chong", "vo", "con", "anh", "chi", "chu", "bac", "co", "di", "cau", "thim", "mo",
  "noi", "ngoai", "trai", "gai", "ruot", "than", "nha", "dau", "re",
]);
/** Words that may stand between the relative and "mất": "mẹ của em mất", "bố chồng tôi đã mất". */
const BETWEEN = new Set(["em", "toi", "minh", "tui", "chau", "cua", "ban", "da", "vua", "moi", "cung", "thi"]);
/** At most this many words between the relative and "mất". */
const MAX_BETWEEN = 3;
/**
 * What may follow a death's "mất": when it happened, and the words that start the question.
 * Anything else ("căn cước", "việc", "giấy tờ") is what was lost.
 */
const AFTER = new Set([
  "roi", "hom", "qua", "nay", "nam", "thang", "ngay", "tuan", "luc", "sang", "chieu", "toi", "dem", "som", "lau", "tu", "duoc",
  "da", "vao", "o", "tai", "thi", "ma", "nen", "va", "gio", "can", "phai", "a", "ah", "oi", "nhe", "ad",
  "de", "lai", "cach", "truoc", "sau", "hon", "nhung",
]);
/**
 * Words of AFTER whose other spellings name a lost thing: typed with accents, only these
 * spellings follow a death ("mẹ mất cần làm gì", not "mẹ mất căn cước"; "mà", not "mã số thuế").
 */
const AFTER_SPELLINGS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["can", new Set(["cần"])],
  ["ma", new Set(["mà"])],
  ["tai", new Set(["tại"])],
]);
/** Typed bare, these two words after "mất" name a lost thing ("mat can cuoc", "mat ma so thue", "mat tai khoan"). */
const LOST_THINGS = new Set(["can cuoc", "ma so", "ma dinh", "ma otp", "ma pin", "ma bhxh", "ma bhyt", "tai khoan"]);
/** Typed with accents, only this spelling is the verb "mất" ("mặt" is a face). */
const DIE_SPELLING = "mất";

export function readDeaths(tokens: QueryToken[]): QueryToken[] {
  let out: QueryToken[] | null = null;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const relative = relativeBefore(tokens, i);
    if (relative === null) continue;
    out ??= tokens.slice();
    out.splice(relative + 1, i - relative, queryToken("qua", false), queryToken("doi", false, undefined, undefined, "đời"));
  }
  return out ?? tokens;
}

/** The index of the relative whose death the "mất" at `i` tells, or null when it tells a loss. */
function relativeBefore(tokens: QueryToken[], i: number): number | null {
  const tok = tokens[i]!;
  if (tok.t !== "mat" || (tok.accented !== undefined && tok.accented !== DIE_SPELLING)) return null;
  const next = tokens[i + 1];
  if (next && !AFTER.has(next.t) && !/^\d+$/.test(next.t)) return null;
  if (next && namesLostThing(next, tokens[i + 2])) return null;
  let j = i - 1;
  // A relative ends the walk back: BETWEEN holds no relative ("con" is one, so it is not listed there).
  while (j >= 0 && i - 1 - j < MAX_BETWEEN && BETWEEN.has(tokens[j]!.t) && !RELATIVES.has(tokens[j]!.t)) j--;
  if (j < 0 || !RELATIVES.has(tokens[j]!.t)) return null;
  // "cccd của ba em mất", "căn cước của bà nội em mất": the relative owns what was lost — unless a person owns the
  // relative ("mẹ của bố em mất"; not "sổ đỏ nhà của bố em": "nhà" is the household, not a person).
  let first = j;
  while (first > 0 && !tokens[first]!.brk && RELATIVES.has(tokens[first - 1]!.t)) first--;
  // Not across a comma: "lương hưu của ông nhà bà, ông mất rồi" is a death.
  const owned = !tokens[first]!.brk && tokens[first - 1]?.t === "cua";
  if (owned && !(first >= 2 && RELATIVES.has(tokens[first - 2]!.t) && !NOT_PERSONS.has(tokens[first - 2]!.t))) return null;
  return j;
}

/** Words of RELATIVES that are no person ("nhà của bố": the household; "em ruột của chồng" is one). */
const NOT_PERSONS = new Set(["nha"]);

/** Whether the word after "mất" (with the one after it) starts a lost thing, though AFTER lists it. */
function namesLostThing(next: QueryToken, after: QueryToken | undefined): boolean {
  const spellings = AFTER_SPELLINGS.get(next.t);
  if (spellings && next.accented !== undefined && !spellings.has(next.accented)) return true;
  return after !== undefined && LOST_THINGS.has(`${next.t} ${after.t}`);
}
