import { canonicalSyllable, fold, nfc } from "../../text/normalize.js";
import type { IndexData } from "./build-index.js";

/**
 * Blanks out people's names: "tên bố em trong giấy khai sinh là Bùi Văn Khoa mà trên căn cước lại in Bùi Văn Khóa" asks
 * to correct an ID card, and "Bùi", "Khoa" are no topic words the entries lack. A name is a common Vietnamese surname
 * (`SURNAMES`), capitalised, followed in the same clause by one to three more capitalised words — unless two of its
 * words make a pair some entry's name or keyword holds ("Hộ Kinh Doanh", "Lý Lịch Tư Pháp", "Hồ Sơ" typed in title case).
 * A surname alone or followed by a lower-case word ("Lệ phí", "Hồ sơ") is left as typed, and so is a run of capitalised
 * words that does not start with the surname or follows a word that introduces a place ("ở Đô Lương", "đường Phan Đình
 * Phùng"): streets and towns bear people's names.
 */
export function createPersonNames(index: IndexData): (text: string) => string {
  const key = (raw: string) => canonicalSyllable(fold(raw));
  return (typed) => {
    if (!CAPITAL.test(typed)) return typed;
    const text = nfc(typed);
    const words = [...text.matchAll(WORD)].map((m) => ({ raw: m[0], from: m.index, to: m.index + m[0].length }));
    let out = text;
    for (let i = 0; i < words.length; i++) {
      if (!SURNAMES.has(key(words[i]!.raw)) || !isCapitalised(words[i]!.raw)) continue;
      // A name starts a run of capitalised words ("Đô Lương" is a town, "Đình Phùng" the end of a street's name), and not
      // after a word that introduces a place ("ở Đô Lương", "đường Phan Đình Phùng", "về Lâm Đồng"): streets and towns bear
      // people's names.
      const before = words[i - 1];
      if (before && ((isCapitalised(before.raw) && sameClause(text, before.to, words[i]!.from)) || PLACE_BEFORE.has(key(before.raw)))) continue;
      let end = i + 1;
      while (end < words.length && end - i <= MAX_GIVEN && isCapitalised(words[end]!.raw) && sameClause(text, words[end - 1]!.to, words[end]!.from)) {
        if (index.knownPair(key(words[end - 1]!.raw), key(words[end]!.raw))) break;
        end++;
      }
      // A known pair stops the name before it; a surname with no given name after it is no name.
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
const isCapitalised = (raw: string) => /^\p{Lu}/u.test(raw);
/** Only spaces between two words. */
const sameClause = (text: string, from: number, to: number) => /^\s+$/.test(text.slice(from, to));

/** Words after which capitalised words are a place (folded): "ở", "đường", "về", "xã"… */
const PLACE_BEFORE: ReadonlySet<string> = new Set([
  "o", "duong", "pho", "xa", "phuong", "quan", "huyen", "tinh", "tp", "thon", "ap", "ban", "xom", "to", "khu", "ve", "tai", "tu", "den",
  "toi", "ra", "vao", "len", "qua", "cho", "nga", "cau", "ben", "truong", "benh", "vien",
]);

/** Common Vietnamese surnames (folded), Kinh and of other peoples ("Thạch", "Điểu", "Nông", "Quách"). */
const SURNAMES: ReadonlySet<string> = new Set([
  "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do", "ho", "ngo", "duong", "li", "dinh",
  "trinh", "doan", "lam", "mai", "cao", "luong", "ta", "quach", "thach", "dieu", "nong", "ha", "lu", "chu", "kieu", "trieu",
  "vuong", "tang", "hua", "tong", "mac", "khuc", "nghiem", "lai", "la", "danh", "kim", "luu",
]);
