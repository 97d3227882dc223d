import { PLACE_WORDS } from "../text/places.js";
import type { Synonyms } from "./schema.js";

/** What the citizen asks about a procedure, besides which procedure. */
export type Facet = "documents" | "fee" | "time" | "where" | "online" | "steps";
export const FACETS: readonly Facet[] = ["documents", "fee", "time", "where", "online", "steps"];

/**
 * The word lists that give words a role in a question. Staff keep them in
 * knowledge/synonyms.yaml (`facets`, `function_words`, `places`, `place_markers`); a section
 * given there replaces the seed below, so a word can also be taken out. The seed is what a
 * knowledge folder without those sections gets (fixtures, a new deployment).
 */
export interface LanguageLists {
  /** Phrases that ask for one part of a card ("lệ phí", "bao lâu"): weak for matching, and they pick what to show. */
  facets: Record<Facet, string[]>;
  /** Function words of everyday questions ("cho", "với", "bao nhiêu"): weak, written with accents. */
  functionWords: string[];
  /** Place names ("Bắc Ninh", "thị trấn"), listed folded: weak however they are typed. */
  places: string[];
  /** Words that introduce a place name ("xã", "phường", "TP"): with the capitalised words or number after them, ignored. */
  placeMarkers: string[];
}

export const SEED_LANGUAGE: LanguageLists = {
  facets: {
    documents: [
      "giay to", "giay to gi", "can giay to", "can gi", "can nhung gi", "mang theo", "chuan bi", "thanh phan ho so",
      "ho so gom", "ho so can", "gom nhung gi", "bao gom nhung gi", "nhung giay to nao", "can mang", "mang gi",
    ],
    fee: [
      "le phi", "phi", "bao nhieu tien", "chi phi", "mat bao nhieu", "het bao nhieu", "ton bao nhieu", "mien phi", "tien",
      "mat bao nhieu tien", "het bao nhieu tien", "ton bao nhieu tien",
    ],
    time: [
      "bao lau", "may ngay", "thoi gian", "thoi han", "bao nhieu ngay", "khi nao co", "bao gio co", "mat bao lau", "trong bao lau",
      // "mất bao nhiêu ngày" asks for time, though "mất bao nhiêu" alone asks for money: the longer phrase wins.
      "mat bao nhieu ngay", "het bao nhieu ngay", "mat may ngay", "het may ngay", "het bao lau", "mat bao nhieu thoi gian", "bao nhieu lau",
    ],
    where: ["o dau", "noi nao", "co quan nao", "cho nao", "dia chi", "nop o dau", "lam o dau", "o cho nao", "di dau"],
    online: ["online", "truc tuyen", "qua mang", "tren mang", "toan trinh", "mot phan", "muc do", "muc", "cap do"],
    steps: [
      "cac buoc", "nhung buoc", "buoc nao", "trinh tu", "quy trinh", "lam the nao", "nhu the nao", "the nao",
      "huong dan", "cach lam", "lam sao", "cach", "bang cach nao", "nhu nao", "lam nhu nao", "ra sao",
    ],
  },
  // Folded forms matter: "đăng"/"đang" both fold to "dang", so "đang" is deliberately absent.
  functionWords: [
    "à", "ạ", "ah", "ơi", "nhé", "nha", "vậy", "thì", "là", "và", "với", "của", "cho", "tôi", "tui", "mình", "em", "anh",
    "chị", "bạn", "muốn", "hỏi", "biết", "cần", "phải", "có", "không", "được", "nào", "gì", "các", "những", "để",
    "ở", "tại", "về", "bị", "đã", "sẽ", "rồi", "này", "đó", "khi", "nếu", "mà", "như", "thế", "sao", "làm", "gồm",
    "nhiêu", "hay", "hoặc", "xin", "giúp", "còn", "ai", "đâu", "lúc", "người", "việc", "giờ", "được không", "vui lòng",
    "vào", "ra", "lên", "xuống", "từ", "đến", "sáng nay", "hôm nay", "bây giờ", "hiện nay", "hiện tại", "nên",
    // "bao nhiêu" alone asks "how much/many" of whatever the facet or topic is; "bao" is not "báo".
    "bao nhiêu",
    // How people address the page in chat: "ad", "e" (em), "a" (anh), "c" (chị), "b" (bạn), "mn" (mọi người).
    "ad", "admin", "e", "a", "c", "b", "mn", "mọi người", "anh chị", "ạ ad",
  ],
  places: [...PLACE_WORDS],
  placeMarkers: [
    "xã", "phường", "quận", "huyện", "tỉnh", "tp", "thành phố", "thị xã", "thị trấn", "ấp", "thôn", "xóm", "bản", "tổ",
    "khu phố", "tổ dân phố", "kp", "tdp",
  ],
};

/** The lists in force: each section staff gave replaces the seed's. */
export function languageOf(synonyms: Synonyms): LanguageLists {
  const staff = synonyms.facets ?? {};
  const facets = { ...SEED_LANGUAGE.facets };
  for (const f of FACETS) if (staff[f]) facets[f] = staff[f]!;
  return {
    facets,
    functionWords: synonyms.function_words ?? SEED_LANGUAGE.functionWords,
    places: synonyms.places ?? SEED_LANGUAGE.places,
    placeMarkers: synonyms.place_markers ?? SEED_LANGUAGE.placeMarkers,
  };
}
