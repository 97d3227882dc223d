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
  /** Regional words and the common word each is read as, only when typed with exactly their accents ("hông" → "không"). */
  dialect: Record<string, string>;
}

export const SEED_LANGUAGE: LanguageLists = {
  // Matched folded (accents typed or not); written here as people write them.
  facets: {
    documents: [
      "giấy tờ", "giấy tờ gì", "cần giấy tờ", "cần gì", "cần những gì", "mang theo", "chuẩn bị", "thành phần hồ sơ",
      "hồ sơ gồm", "hồ sơ cần", "gồm những gì", "bao gồm những gì", "những giấy tờ nào", "cần mang", "mang gì",
    ],
    fee: [
      "lệ phí", "phí", "bao nhiêu tiền", "chi phí", "mất bao nhiêu", "hết bao nhiêu", "tốn bao nhiêu", "miễn phí", "tiền",
      "mất bao nhiêu tiền", "hết bao nhiêu tiền", "tốn bao nhiêu tiền",
    ],
    time: [
      "bao lâu", "mấy ngày", "thời gian", "thời hạn", "bao nhiêu ngày", "khi nào có", "bao giờ có", "mất bao lâu", "trong bao lâu",
      // "mất bao nhiêu ngày" asks for time, though "mất bao nhiêu" alone asks for money: the longer phrase wins.
      "mất bao nhiêu ngày", "hết bao nhiêu ngày", "mất mấy ngày", "hết mấy ngày", "hết bao lâu", "mất bao nhiêu thời gian", "bao nhiêu lâu",
      // "bao lâu có kết quả": the result of whatever procedure is being talked about, not the postal "nhận kết quả".
      "có kết quả", "khi nào xong", "bao giờ xong", "bao lâu xong", "mấy ngày xong",
      "trong ngày", "lấy ngay", "lấy liền",
    ],
    where: ["ở đâu", "nơi nào", "cơ quan nào", "chỗ nào", "địa chỉ", "nộp ở đâu", "làm ở đâu", "ở chỗ nào", "đi đâu"],
    online: [
      "online", "trực tuyến", "qua mạng", "trên mạng", "toàn trình", "một phần", "mức độ", "mức", "cấp độ",
      // "làm trên điện thoại được không": the way of doing it, not the VNeID "đổi điện thoại" guide.
      "trên điện thoại", "bằng điện thoại", "qua điện thoại", "trên app", "qua app", "bằng app", "trên ứng dụng", "qua ứng dụng",
    ],
    steps: [
      "các bước", "những bước", "bước nào", "trình tự", "quy trình", "làm thế nào", "như thế nào", "thế nào",
      "hướng dẫn", "cách làm", "làm sao", "cách", "bằng cách nào", "như nào", "làm như nào", "ra sao", "kiểu gì", "làm kiểu gì", "thủ tục ra sao",
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
    "ad", "admin", "e", "a", "c", "b", "mn", "mọi người", "anh chị",
    // Greetings and the time words of a story ("vài hôm", "1 tuần"): never a procedure's name.
    "chào", "xin chào", "hôm", "tuần", "vài", "mấy",
    // More time words of a story and the particles of a spoken question ("… hả ad", "… luôn ko").
    "tối nay", "tối qua", "hôm qua", "ngày mai", "chiều nay", "trưa nay", "năm nay", "năm ngoái", "tháng trước", "tuần trước",
    "hả", "nhỉ", "ấy", "luôn", "nữa", "nghĩa là", "có nghĩa là",
  ],
  places: [...PLACE_WORDS],
  placeMarkers: [
    "xã", "phường", "quận", "huyện", "tỉnh", "tp", "thành phố", "thị xã", "thị trấn", "ấp", "thôn", "xóm", "bản", "tổ",
    "khu phố", "tổ dân phố", "kp", "tdp",
  ],
  // Southern "không" ("làm căn cước được hông", "mà hông nhận được mã"): typed bare, "hong" may be "hỏng".
  dialect: { hông: "không", hổng: "không" },
};

/**
 * Function words that join a name's parts ("làm căn cước cho con", "giấy phép của công ty"): they
 * are never a name's own word, so a bare one is not read as part of a name even where a name has
 * it next to the neighbour typed ("cước cho"), unless it holds it between the same two words. Others
 * can be ("bị khóa", "người mất", "sau khi", "vào VNeID").
 */
export const LINKING_WORDS: readonly string[] = [
  "cho", "của", "với", "và", "để", "ở", "tại", "về", "từ", "đến", "hoặc", "hay", "thì", "là", "mà",
];

/**
 * Words that say a paper is needed for something ("khai sinh cho con có cần giấy chứng nhận kết hôn
 * không", "mang theo sổ hộ khẩu", "nộp kèm bản sao"): a paper named right after one, in a message
 * that names something before it, is a document of that thing, not what is asked about.
 */
export const NEED_WORDS: readonly string[] = ["cần", "mang", "kèm", "xuất trình", "phải có"];

/**
 * Words that, right before a need word, make it ask whether a paper is needed ("lắp điện cho nhà mới có cần sổ đỏ
 * không", "đăng ký cấp điện cho dãy trọ mới xây cần giấy tờ gì, có cần sổ đỏ không"): the paper after them is needed
 * for what the message named before, wherever it named it since its last new thought (CLAUSE_BREAKS), not only
 * right before the need word (NEED_WORDS). With nothing named before ("mở quán bún bò có cần giấy chứng nhận an toàn
 * thực phẩm không"), the paper is what is asked about. One word each (read as the word before the need word).
 */
export const NEED_ASKING: readonly string[] = ["có"];

/**
 * Words that ask where or how to get a paper ("con ở Đức cần bản sao trích lục khai tử để làm thủ tục bên đó, xin ở
 * đâu"): a needed paper (NEED_WORDS) followed by one of these — in its own clause or the next, with no other paper
 * named in between — is what the message asks about: the citizen wants the paper, not the procedure named before it.
 * Not "xin sao" ("xin sao y" is a certified copy).
 */
export const OBTAIN_ASKING: readonly string[] = [
  "xin ở đâu", "xin ở chỗ nào", "xin chỗ nào", "xin thế nào", "xin như thế nào", "xin lại ở đâu", "xin lại thế nào",
  "xin lại như thế nào",
  // Asking whether someone may get it on the asker's behalf ("cần giấy xác nhận tình trạng hôn nhân ở quê, tôi đi xin thay
  // nó được không": set CS). Not "xin hộ" ("xin hộ chiếu"), "xin thay" alone ("xin thay đổi tên"), "xin giúp", "xin giùm",
  // "xin dùm" ("…, xin giúp/giùm em": please).
  "đi xin thay",
];

/**
 * Words that close what came before and start a new thought ("đăng ký kết hôn rồi, giờ cần bản sao
 * giấy chứng nhận kết hôn"): a paper needed after one is asked for itself, not for the procedure
 * named before it.
 */
export const CLAUSE_BREAKS: readonly string[] = ["rồi", "giờ", "bây giờ", "xong", "nhưng", "nay", "sau đó", "hiện"];

/**
 * Words that say a paper has not been issued yet by whoever issues it ("chủ đầu tư chưa ra sổ hồng",
 * "chưa cấp sổ hồng"): a paper named right after one, in a message that names something after it
 * ("… Tôi muốn chuyển hộ khẩu"), is a fact of the asker's story, not what is asked about (see
 * NEED_WORDS); so is one whoever holds it does not hand over ("chủ nhà ko đưa sổ đỏ"). Not "chưa có" / "không
 * có": "đất chưa có sổ đỏ, muốn làm sổ" usually asks for the paper itself, and a paper the asker lacks often says
 * which variant is asked ("sinh ở nhà không có giấy chứng sinh thì khai sinh sao"); tried on every seen set, it
 * lost as many messages as it won.
 */
export const PENDING_WORDS: readonly string[] = [
  "chưa ra", "chưa cấp",
  // A paper someone else keeps from the asker ("chủ nhà ko đưa sổ đỏ thì đk tạm trú đc ko"): the story's fact too.
  "không đưa", "ko đưa", "k đưa", "chưa đưa", "không giao", "ko giao", "chưa giao", "không cho mượn", "ko cho mượn",
];

/**
 * Words that close a finished step of a story ("đổi tên trên giấy khai sinh rồi", "vừa đổi tên xong"): such a
 * clause, followed at once by a word of what is wanted now (`NOW_WORDS`), tells what happened, not what is
 * asked (see search/story-parts.ts). Not a clause that says something is missing (`NEGATIONS`: "… mà chưa
 * làm rồi"). A clause with "đã" but no closing word is not read so: "đã mua nhà có sổ đỏ. Giờ muốn chuyển
 * khẩu …" lost its story's topic to a misread question.
 */
export const DONE_WORDS: readonly string[] = ["rồi", "xong", "xong rồi", "r"];

/**
 * Words that open a clause told in the past ("hồi trước tôi khai sinh cho con có yếu tố nước ngoài, giờ muốn bổ sung
 * thông tin người cha"): like a closing word (`DONE_WORDS`), such a clause followed at once by what is wanted now is a
 * finished step. At the clause's start, or after the asker naming themself ("tôi hồi trước …").
 */
export const PAST_OPENERS: readonly string[] = ["hồi trước", "trước đây", "lúc trước", "hồi đó", "hồi xưa", "trước kia", "ngày trước"];

/**
 * About a benefit (an allowance, a pension), "bao nhiêu tiền" asks what it pays; these words ask what filing costs
 * ("làm trợ cấp thất nghiệp có mất phí không"), unless a RECEIVE_WORDS phrase says the money comes to the asker.
 */
export const PAY_WORDS: readonly string[] = [
  "lệ phí", "mất phí", "tốn phí", "có phí", "thu phí", "đóng phí", "nộp phí", "phí gì", "mất tiền", "tốn tiền", "tốn bao nhiêu", "mất bao nhiêu", "nộp tiền",
];
export const RECEIVE_WORDS: readonly string[] = [
  "được bao nhiêu", "nhận bao nhiêu", "hưởng bao nhiêu", "lãnh bao nhiêu", "lĩnh bao nhiêu", "mức hưởng", "được nhận", "được hưởng",
  "mỗi tháng bao nhiêu", "một tháng bao nhiêu", "bao nhiêu một tháng", "một lần bao nhiêu",
];
/** Money named with "phí" that is received or spent, not a filing fee: read past before PAY_WORDS ("mai táng phí bao nhiêu"). */
export const NOT_FEE_WORDS: readonly string[] = ["mai táng phí", "chi phí mai táng", "viện phí", "chi phí khám chữa bệnh"];
export const NEGATIONS: readonly string[] = ["chưa", "không", "ko", "k", "chẳng", "chả"];

/**
 * Words around a bare "thi" that make it the exam ("thi bằng lái", "đi thi", "phải thi lại"), not "thì" typed without its
 * accent ("tam tru thoi thi dang ky tuyen sinh"): the word after it, and the words before it. Written with their accents;
 * typed bare they match too ("bang", "dang ky").
 */
export const EXAM_AFTER: readonly string[] = [
  "bằng", "lái", "lại", "đậu", "đỗ", "rớt", "trượt", "sát", "thử", "tuyển", "tốt", "vào", "lên", "đại", "cử", "hành", "xong", "lý",
  "thực", "năng", "gplx", "a1", "a2", "b1", "b2", "c", "ielts", "toeic", "chứng", "học", "công", "viên", "nghề",
];
export const EXAM_BEFORE: readonly string[] = [
  "đi", "dự", "kỳ", "lịch", "ngày", "phải", "được", "đc", "cần", "không", "ko", "k", "chưa", "khỏi", "đăng ký", "đk", "sẽ",
];

/** Words that start what is wanted now, right after a finished step ("… rồi, giờ muốn sửa lại căn cước"; "… rồi thì căn cước có phải làm lại"). */
export const NOW_WORDS: readonly string[] = ["giờ", "bây giờ", "bây h", "bh", "h", "nay", "hiện giờ", "giờ đây", "muốn", "thì"];
/** How an asker names themself; one of these may stand before a word of `NOW_WORDS` ("bố mất rồi, em muốn đăng ký giám hộ cho mẹ"). */
export const SELF_NAMES: readonly string[] = ["em", "e", "tôi", "mình", "mk", "tui", "tao", "anh", "chị", "con", "cháu"];

/**
 * Who the asker is, told in the message's first clause ("chồng em làm thợ lò ở Cẩm Phả, em đi làm định danh mức 2 thay
 * …", "mình chạy Grab ở Đà Nẵng, bằng lái …"): a first clause that opens with a person (`PERSON_NAMES`, or one of
 * `SELF_NAMES`) and a word of what they do (`WHO_LEADS`), is not the last clause and holds no wish, no "now" word and no
 * question word (`WHO_ASKS`), is the story — unless what follows the lead is a paper, a step, a helper word or a kin
 * (`WHO_NOT`: "tôi làm mất căn cước", "em làm hồ sơ …", "làm ơn", "em là con cả") or the clause itself names an entry
 * (search/story-parts.ts). Longer phrases first: the first listed phrase that matches is read.
 */
export const PERSON_NAMES: readonly string[] = [
  "anh trai", "chị gái", "em trai", "em gái", "con trai", "con gái", "bố mẹ", "ba mẹ", "ông bà", "vợ chồng", "gia đình",
  "chồng", "vợ", "bố", "ba", "cha", "mẹ", "má", "ông", "bà", "nhà",
];
export const WHO_LEADS: readonly string[] = ["làm nghề", "đang làm", "đi làm", "đi biển", "hành nghề", "làm", "chạy", "là", "trồng", "dạy"];
/** Words that make a first clause a question, not who asks ("tôi chạy grab có phải nộp thuế không, …"). */
export const WHO_ASKS: readonly string[] = [
  "có phải", "có được", "có cần", "được không", "không", "ko", "k", "chưa", "gì", "đâu", "sao", "nào", "bao nhiêu",
];
export const WHO_NOT: readonly string[] = [
  "mất", "lại", "hồ sơ", "thủ tục", "giấy", "đơn", "sổ", "thẻ", "bằng", "căn cước", "cccd", "cmnd", "khai sinh", "hộ chiếu", "online",
  "trên", "thử", "sai", "xong", "rồi", "cho", "giúp", "hộ", "dịch vụ", "chủ hộ", "chủ", "người giám hộ", "con nuôi", "ơn",
  // (A question word anywhere in the clause, "thế nào", "sao" included, is `WHO_ASKS`.)
  // Kinship is no occupation: in civil status it is the story's point ("em là con cả, em muốn làm người giám hộ cho bố").
  "con", "vợ", "chồng", "cháu", "bố", "mẹ", "ba", "má", "người thân", "anh", "chị", "em",
];

/**
 * The reason a wanted action is done for ("muốn đăng ký khai sinh cho bé để làm giấy tờ đi học", "muốn xin
 * giấy độc thân để cưới lại"): "để" in a clause with a word of wanting (`PURPOSE_WANT`), up to the end of the
 * clause or a word that starts asking (`PURPOSE_ENDS`), is the story, not what is asked. Not after asking how
 * (`PURPOSE_HOW`: "làm thế nào để …" asks for the reason itself), and not "để" that leaves or keeps something
 * (`PURPOSE_NOT`: "để lại", "để trống"). Without a word of wanting ("cần giấy tờ để chia thừa kế", "xin file mẫu
 * để tự điền") the reason is often what keeps a message that is not ours from being answered. An authorisation counts
 * as wanting: "chứng thực chữ ký trên giấy ủy quyền để mẹ rút sổ bhxh hộ" asks the certification, the rest is what the
 * authorised person will do.
 */
export const PURPOSE_WORDS: readonly string[] = ["để", "để mà", "để còn"];
/**
 * A reason said for convenience ("đăng ký thường trú cho cháu về nhà tôi để tiện đi học"): the story whether or not the
 * clause has a word of wanting — "tiện" names nothing that is asked.
 */
export const PURPOSE_PLAIN: readonly string[] = ["để tiện", "cho tiện"];
export const PURPOSE_WANT: readonly string[] = ["muốn", "định", "ủy quyền"];
export const PURPOSE_NOT: readonly string[] = ["lại", "trống", "ở", "tại", "yên", "ý", "dành", "nguyên", "không", "ko", "vậy"];
export const PURPOSE_ENDS: readonly string[] = [
  "thì", "mà", "nhưng", "được không", "đc không", "dc ko", "được ko", "đc ko", "có được", "có phải", "có cần", "cần", "phải", "làm sao", "thế nào",
  "hay", "hoặc", "không", "ko", "k", "chưa", "ạ", "ad",
];
export const PURPOSE_HOW: readonly string[] = ["làm sao", "thế nào", "cách nào", "cách", "làm gì", "như nào", "ra sao", "kiểu gì"];

/**
 * A fine asked next to a question whether, or how, the thing must be done ("chủ trọ có phải khai báo tạm trú cho người
 * thuê không, phạt bao nhiêu"): these runs ask the duty (the card answers it) — unless a word of the fine follows
 * (`FINE_AFTER_DUTY`: "có phải bị phạt không", "có phải là bị phạt") or comes just before (`FINE_BEFORE_DUTY`: "bị phạt thế nào").
 * Typed with accents, each word must be these ("có căn cước" is no "có cần").
 */
export const DUTY_ASKS: readonly string[] = ["có phải", "có cần", "có bắt buộc", "phải làm", "làm sao", "thế nào"];
export const FINE_AFTER_DUTY: readonly string[] = ["bị", "chịu", "nộp", "đóng", "phạt", "là"];
/** Up to two words before a run that make it ask about the fine itself ("bị phạt thế nào", "phạt tiền thế nào"). */
export const FINE_BEFORE_DUTY: readonly string[] = ["phạt"];

/** Words a need word may have before the paper ("cần có", "mang theo", "cần những"). */
export const NEED_FILLERS: readonly string[] = ["có", "theo", "thêm", "cả", "những", "các", "cái"];

/**
 * Acts whose object a message names beside them, which is then not what it asks about (see search/act-objects.ts):
 * putting a paper into the VNeID app ("tích hợp giấy đăng ký kết hôn vào VNeID", "giấy khai sinh tích hợp vneid ntn") asks
 * the guide to integrating papers, not the marriage or birth card. `act` is the act — two words or more: its first word
 * pair finds the entries about it (the integration guide) — and `target` where the paper goes, named later in the same
 * clause. The object is read after the act, up to the target, or before it through `fillers` ("giấy kết hôn có tích hợp
 * …"; not "đã", "rồi", "xong": "căn cước đã tích hợp vneid rồi đi đổi ở đâu" asks the ID card), from its first paper's word
 * ("giấy", "thẻ", "sổ", "bằng" …; nothing is read from "con dưới 14 tuổi"), and only when its clause asks nothing after the
 * target but whose paper it is (`owners`: "… vào vneid của bố được không"; not "… vào vneid bị báo hết hạn, giờ đổi thẻ ở
 * đâu"). An object the act's own entries name ("bằng lái xe" in the integration guide's keywords) is left as typed.
 * (A second act, a fee paid by some means, was tried and dropped: docs/benchmarks.md, session 57.)
 */
export interface ActObjects {
  act: readonly string[];
  target: readonly string[];
  fillers: readonly string[];
  /** Whose paper it is, said after the target without asking anything new ("của bố", "cho bà"). */
  owners: readonly string[];
}
export const ACT_OBJECTS: readonly ActObjects[] = [
  {
    act: ["tích hợp"],
    target: ["vneid", "ví giấy tờ"],
    fillers: ["có", "cũng", "chưa", "muốn", "cần"],
    owners: [
      "của", "cho", "giúp", "bố", "mẹ", "ba", "bà", "má", "ông", "anh", "chị", "cô", "chú", "bác", "dì", "cậu", "vợ", "chồng", "con",
      "cháu", "bé",
    ],
  },
];

/** Words that begin the name of a paper ("giấy …", "bản sao …", "sổ …", "thẻ …", "tờ khai"). */
export const PAPER_WORDS: readonly string[] = [
  "giấy", "bản", "sổ", "thẻ", "tờ khai", "đơn", "văn bản", "ảnh", "hộ chiếu", "căn cước", "trích lục", "hợp đồng", "học bạ",
];

/**
 * Words that say only where or how a thing is done on the internet: the portal, the app ("trên dịch vụ công",
 * "cổng dịch vụ công", "nộp online"). When a message names a procedure ("làm hộ chiếu online
 * trên dịch vụ công"), they are its online facet, not the portal guides' names (see search/portal-facet.ts).
 * "online", "trực tuyến", "qua mạng", "trên app" are facet words already (synonyms.yaml `facets: online`). VNeID is not
 * here: it is also the topic of its own guides (levels, fee waivers, papers in the app).
 */
export const PORTAL_PHRASES: readonly string[] = [
  "cổng dịch vụ công quốc gia", "dịch vụ công quốc gia", "cổng dịch vụ công", "dịch vụ công",
  "nộp online", "nộp trực tuyến", "nộp qua mạng", "nộp trên mạng",
];

/**
 * Words that make a clause a question ("… thì khai báo gì", "… ở đâu"): a long message is read
 * clause by clause only where a clause asks. Typed with accents, the accents must agree ("bảo" is
 * not "bao", "máy" is not "mấy", "lần đầu" is not "ở đâu").
 */
export const QUESTION_WORDS: readonly string[] = ["gì", "đâu", "nào", "sao", "bao", "nhiêu", "lâu", "mấy", "ai", "hả", "nhỉ"];

/**
 * Phrases that ask what the words before them mean ("toàn trình là sao", "một phần nghĩa là gì", "toàn
 * trình với một phần khác gì"): a message of facet words only that has one is about those words, not
 * a follow-up on the topic of the conversation ("thủ tục này toàn trình không").
 */
// "nghĩa là gì" before "nghĩa là": the first listed phrase that matches is the one read.
// "j" is how "gì" is typed in a hurry ("toàn trình với một phần là j v ạ", set EL); "chi" is "gì" in central Vietnam.
export const MEANING_WORDS: readonly string[] = ["là gì", "là j", "là chi", "là sao", "nghĩa là gì", "nghĩa là j", "nghĩa là chi", "nghĩa là", "là như thế nào", "là thế nào", "khác gì", "khác j", "khác chi", "khác nhau"];

/**
 * Words that tell how the citizen met the words asked about, not a topic ("toàn trình với một phần là sao, em đọc
 * hoài không hiểu"): a message asking a meaning whose other topic words are all these still asks only the meaning. Typed
 * with accents they must agree ("độc thân" is a topic). Not "nộp", "hồ sơ": "nộp hồ sơ trực tuyến là gì" asks about the
 * online-filing guide (tried in session 51 and dropped after a review).
 */
export const READING_WORDS: readonly string[] = ["đọc", "hiểu", "hoài", "mãi", "thấy", "ghi"];

/**
 * Where the citizen read the words they ask about ("toàn trình với một phần trên cổng dvc nghĩa là gì"): said between
 * those words and the meaning phrase, it is not part of what is asked.
 */
export const READING_PLACES: readonly string[] = [
  "trên cổng dịch vụ công quốc gia",
  "trên cổng dịch vụ công",
  "trên cổng dvc",
  "trên cổng",
  "trên dịch vụ công",
  "trên dvc",
  "trên web",
  "trên mạng",
  "trên app",
  "trên vneid",
];

/** Words that ask only at the end of a clause ("… được không", "… chưa ạ"); inside it they negate ("họ không sang tên"). */
export const CLOSING_QUESTION_WORDS: readonly string[] = ["không", "ko", "k", "chưa", "hông", "hok"];

/** Particles after the closing question word ("… không ạ", "… ko ad", "… chưa vậy"). */
export const CLOSING_PARTICLES: readonly string[] = ["ạ", "à", "ad", "vậy", "nhỉ", "hả", "nhé", "nha", "ah", "a", "em", "anh", "chị", "bạn", "mn"];

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
    dialect: synonyms.dialect ?? SEED_LANGUAGE.dialect,
  };
}
