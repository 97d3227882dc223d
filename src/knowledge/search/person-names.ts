import { canonicalSyllable, fold, nfc } from "../../text/normalize.js";
import { isCapitalised, isShortForm, mostlyCapitalised, sameClause } from "../place-names.js";
import type { IndexData } from "./build-index.js";

/**
 * Blanks out people's names: "tên bố em trong giấy khai sinh là Bùi Văn Khoa mà trên căn cước lại in Bùi Văn Khóa" asks
 * to correct an ID card, and "Bùi", "Khoa" are no topic words the entries lack. A name is a common Vietnamese surname
 * (`SURNAMES`, typed with its own accents or none: "Đổ" is not "Đỗ"), capitalised, followed in the same clause by one to
 * three more capitalised words; it ends before two words that make a pair some entry's name or keyword holds ("Tăng Lương
 * Hưu": "lương hưu" stays, and "Tăng" alone is no name). A surname alone or followed by a lower-case word ("Lệ phí", "Hồ
 * sơ") is left as typed, and so is a run of capitalised words that does not start with the surname or follows a word that
 * introduces a place ("ở Đô Lương", "đường Phan Đình Phùng"): streets and towns bear people's names. A message written
 * mostly in capitals (title case, all caps: "TRIỆU TẬP NGHĨA VỤ QUÂN SỰ") says nothing by its capitals and is left whole.
 */
export function createPersonNames(index: IndexData): (text: string) => string {
  const key = (raw: string) => canonicalSyllable(fold(raw));
  return (typed) => {
    if (!CAPITAL.test(typed)) return typed;
    const text = nfc(typed);
    const words = [...text.matchAll(WORD)].map((m) => ({ raw: m[0], from: m.index, to: m.index + m[0].length }));
    if (mostlyCapitalised(words.map((w) => w.raw))) return typed;
    let out = text;
    for (let i = 0; i < words.length; i++) {
      if (!isSurname(words[i]!.raw) && !startsHighlandsName(text, words, i)) continue;
      // A name starts a run of capitalised words ("Đô Lương" is a town, "Đình Phùng" the end of a street's name), and not
      // after a word that introduces a place.
      const before = words[i - 1];
      if (before && ((isCapitalised(before.raw) && sameClause(text, before.to, words[i]!.from)) || PLACE_BEFORE.has(key(before.raw)))) continue;
      let end = i + 1;
      while (end < words.length && end - i <= MAX_GIVEN && isCapitalised(words[end]!.raw) && !isShortForm(words[end]!.raw) && inName(text, words[end - 1]!.to, words[end]!.from)) {
        // Two words some entry names together ("Lương Hưu"): the name, if any, ends before the first of them.
        if (index.knownPair(key(words[end - 1]!.raw), key(words[end]!.raw))) {
          end--;
          break;
        }
        end++;
      }
      if (end - i < 2) continue;
      const from = words[i]!.from;
      const to = words[end - 1]!.to;
      out = out.slice(0, from) + " ".repeat(to - from) + out.slice(to);
      i = end - 1;
    }
    return out;
  };
}

/** At most this many capitalised words after the surname ("Thạch Thị Sà Phol"). */
const MAX_GIVEN = 3;
const WORD = /[\p{L}]+/gu;
const CAPITAL = /\p{Lu}/u;

/** Words after which capitalised words are a place (folded): "ở", "đường", "về", "xã"… */
const PLACE_BEFORE: ReadonlySet<string> = new Set([
  "o", "duong", "pho", "xa", "phuong", "quan", "huyen", "tinh", "tp", "thon", "ap", "ban", "xom", "to", "khu", "ve", "tai", "tu", "den",
  "toi", "ra", "vao", "len", "qua", "cho", "nga", "cau", "ben", "truong", "benh", "vien",
]);

/** Common Vietnamese surnames, Kinh and of other peoples ("Thạch", "Điểu", "Nông", "Quách"), as written. */
const SURNAMES_WRITTEN = [
  "nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ", "hồ", "ngô", "dương", "lý", "lí", "đinh",
  "trịnh", "đoàn", "lâm", "mai", "cao", "lương", "tạ", "quách", "thạch", "điểu", "nông", "hà", "lư", "chu", "kiều", "triệu",
  "vương", "tăng", "hứa", "tống", "mạc", "khúc", "nghiêm", "lại", "la", "danh", "kim", "lưu", "liêu",
  // Central Highlands family names that open a name ("Ksor Phước", "Siu Mai", "Niê Kđăm").
  "ksor", "siu", "rơ", "rah", "rmah", "niê", "mlô", "êban", "kpă", "byă",
  // Thái, Tày, Nùng, Mông family names ("Lò Thị Hom", "Giàng A Páo"). Not those that are common words opening a sentence
  // ("Cầm", "Lục", "Bế", "Mùa", "Đèo", "Ma", "Vi", "Vàng") or places ("Bạc" Liêu).
  "lò", "lường", "quàng", "tòng", "giàng", "thào", "sùng", "lầu", "sầm",
];
const SURNAMES: ReadonlySet<string> = new Set(SURNAMES_WRITTEN.map((s) => nfc(s)));
const SURNAMES_FOLDED: ReadonlySet<string> = new Set(SURNAMES_WRITTEN.map((s) => fold(s)));

/**
 * "H'Ngọc Niê", "H Ngọc Niê", "Y Moan Êban": Ê Đê, Gia Rai and other Central Highlands names open with "H" (women) or "Y"
 * (men), then the given name — capitalised, in the same clause, at most an apostrophe between. ("Y Tế" is a known pair:
 * the run ends before it, as for any name.)
 */
function startsHighlandsName(text: string, words: ReadonlyArray<{ raw: string; from: number; to: number }>, i: number): boolean {
  const w = words[i]!;
  const next = words[i + 1];
  if (!HIGHLANDS_PREFIX.has(w.raw) || !next || !isCapitalised(next.raw)) return false;
  return inName(text, w.to, next.from);
}

/** Two words of one name: a space between them, or an apostrophe ("H'Ngọc"). */
const inName = (text: string, from: number, to: number): boolean => sameClause(text, from, to) || /^['’]$/u.test(text.slice(from, to));

const HIGHLANDS_PREFIX: ReadonlySet<string> = new Set(["H", "Y"]);

/** A capitalised surname, typed with its accents or with none ("Bui", "Bùi"; not "Bụi", "Đổ"). */
function isSurname(raw: string): boolean {
  if (!isCapitalised(raw)) return false;
  const lower = nfc(raw.toLowerCase());
  return SURNAMES.has(lower) || (fold(lower) === lower && SURNAMES_FOLDED.has(lower));
}
