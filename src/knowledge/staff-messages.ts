/**
 * The Vietnamese wording of what `dvc-bot check` and `dvc-bot import` tell staff editors: what is
 * wrong and what to do, one problem per line. Logic builds the facts (file, line, values); the
 * words live here so a non-programmer can reword them in one place.
 */

import type { Level, Tier } from "./schema.js";

const GUIDE = "docs/huong-dan-bien-tap.md";

const list = (values: readonly string[]) => values.join(", ");

/** The first few of `total` things, then how many more ("…, "b" và 3 cụm khác"). */
const firstFew = (shown: readonly string[], total: number, noun: string) =>
  `${shown.join(", ")}${total > shown.length ? ` và ${total - shown.length} ${noun} khác` : ""}`;

/** Schema messages (zod), shown after `path: `. */
export const SCHEMA = {
  notEmpty: "đang để trống — ghi nội dung, hoặc xóa cả dòng nếu chưa có thông tin",
  oneWord: "chỉ ghi một chữ (không có dấu cách), ví dụ hông: không",
  isoDate: "phải là ngày dạng NĂM-THÁNG-NGÀY, ví dụ 2026-11-23 (không viết 23/11/2026)",
  entryId: "chỉ được gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ dang-ky-thuong-tru (không dấu cách, chữ hoa, dấu _)",
  oneOf: (values: readonly string[]) => `phải là một trong các giá trị: ${list(values)} — chép đúng một giá trị`,
  periodOrder: "ngày bắt đầu (from) sau ngày kết thúc (until) — sửa lại một trong hai ngày",
  feeNeedsAmountOrNote: "mục lệ phí cần amount (số đồng) hoặc note (ghi chú) — thêm một trong hai, hoặc xóa mục",
  code: 'mã thủ tục không đúng dạng — ghi như trên Cổng DVC, trong ngoặc kép, ví dụ code: "1.004222"',
  guideNeedsBody: "hướng dẫn/hỏi đáp cần nội dung — thêm body (đoạn văn) hoặc steps (các bước)",
  stepId: "tên bước chỉ gồm chữ thường không dấu, số, _ hoặc -, bắt đầu bằng chữ, tối đa 31 ký tự (ví dụ has_chip)",
  saveKey: "tên để lưu câu trả lời chỉ gồm chữ không dấu, số và _, bắt đầu bằng chữ (ví dụ overall)",
  flowEntryId: "phải là id của một mục trong knowledge/ (chữ thường không dấu, số, dấu gạch ngang)",
  oneTarget: "một nút chỉ đi đến một nơi: chọn một trong next, entry, entry_from, flow hoặc menu",
  fiveLabels: "cần đúng 5 nhãn, theo thứ tự từ 1 đến 5",
  oneStep: "luồng cần ít nhất một bước trong steps",
  docNumber: "ghi số hiệu hoặc tên văn bản (ít nhất 3 ký tự), ví dụ 25/2021/TT-BTC",
  // Generic zod issues, by code.
  required: (field: string) => `thiếu trường bắt buộc — thêm dòng "${field}: …" (xem bảng các trường trong ${GUIDE})`,
  unknownField: (field: string) => `trường "${field}" không có trong mẫu — sửa chính tả tên trường hoặc xóa dòng (các trường được dùng: xem ${GUIDE})`,
  wrongType: (expected: string, received: string) => `phải là ${expected}, đang là ${received}`,
  numberHint: " — viết liền, không dấu chấm, không chữ (ví dụ 20000); phần chữ ghi vào note",
  kind: 'phải là procedure (thủ tục), guide (hướng dẫn) hoặc faq (hỏi đáp) — ghi ví dụ "kind: procedure"',
  url: "phải là đường dẫn đầy đủ, bắt đầu bằng https:// (ví dụ https://dichvucong.gov.vn/)",
  union: "không đúng dạng: ghi một dòng chữ, hoặc các trường con như ví dụ trong hướng dẫn — xem " + GUIDE,
  tooFewItems: (min: number) => `cần ít nhất ${min} mục`,
  tooSmall: (min: number) => `phải từ ${min} trở lên`,
  tooBig: (max: number) => `không được quá ${max}`,
  invalid: "giá trị không hợp lệ — so với ví dụ trong " + GUIDE,
} as const;

/** Names of value types in "phải là …" messages. */
export const TYPE_NAME: Record<string, string> = {
  string: "một dòng chữ",
  number: "một số",
  boolean: "true hoặc false",
  array: 'một danh sách (mỗi mục một dòng bắt đầu bằng "- ")',
  object: "các trường con (thụt vào 2 dấu cách ở các dòng dưới)",
  null: "trống",
  undefined: "trống",
};

/** YAML syntax problems, by the `yaml` library's (English) message: the usual causes and their fix. */
export const YAML_SYNTAX: ReadonlyArray<readonly [RegExp, string]> = [
  [
    /Nested mappings are not allowed in compact mappings/,
    'giá trị có dấu ": " ở giữa — đặt cả giá trị trong ngoặc kép, ví dụ summary: "Lưu ý: nộp trước 23 giờ"',
  ],
  [/Implicit map keys need to be followed by map values/, 'dòng này thiếu dấu ":" sau tên trường, hoặc thụt lề lệch so với các dòng cùng cấp'],
  [/Implicit keys need to be on a single line/, 'tên trường và dấu ":" phải nằm trên cùng một dòng — kiểm tra dòng này và dòng ngay trên (thụt lề, thiếu ":", ngoặc chưa đóng)'],
  [/must start at the same column|bad indentation|sufficiently indented/i, "thụt lề lệch — các trường cùng cấp phải thẳng cột, mục con thụt vào 2 dấu cách"],
  [/A block sequence may not be used as an implicit map key/, 'thụt lề lệch ở danh sách — các dòng "- " của cùng danh sách phải thẳng cột'],
  [/Map keys must be unique/, "trường này đã ghi ở trên trong cùng mục — giữ một dòng, xóa dòng kia"],
  [/Missing closing "?quote|Missing closing/, "ngoặc kép chưa đóng — thêm dấu \" ở cuối giá trị"],
  [/Invalid escape sequence/, 'trong ngoặc kép, dấu "\\" phải đi với ký tự hợp lệ — bỏ "\\" hoặc dùng ngoặc đơn'],
  [
    /flow|Unexpected .*(?:token|end)|Expected a flow/i,
    'ngoặc [ ] hoặc { } chưa đóng hoặc đặt sai chỗ — nếu giá trị bắt đầu bằng [ { * & ! % @, đặt cả giá trị trong ngoặc kép',
  ],
];

export const CHECK = {
  tab: 'dòng này thụt lề bằng phím Tab; YAML chỉ nhận dấu cách — xóa Tab và thụt bằng dấu cách cho thẳng cột với các dòng cùng cấp',
  syntax: (explained: string | undefined, original: string) =>
    explained ? `lỗi cú pháp YAML: ${explained}` : `lỗi cú pháp YAML (${original}) — xem dòng này và dòng ngay trên: thụt lề, dấu ":" và ngoặc kép`,
  /** English first: developers read this one in logs too. */
  notUtf8:
    "not UTF-8 text; the whole file is skipped (Vietnamese letters would show garbled). Tệp không phải mã UTF-8: hãy mở tệp và lưu lại với mã hóa UTF-8 (Notepad: File → Save As → Encoding: UTF-8; VS Code: Save with Encoding → UTF-8)",
  deadPortalLink:
    'đường dẫn cũ "dichvucong.gov.vn/p/home/…" không còn mở được trang thủ tục — dùng https://dichvucong.gov.vn/thu-tuc-hanh-chinh/<mã trang> nếu biết, hoặc trang chủ https://dichvucong.gov.vn/',
  cannotRead: (reason: string) => `không đọc được tệp (${reason}) — kiểm tra tệp còn đó và có quyền đọc`,
  noFiles: "không có tệp .yaml nào trong thư mục — kiểm tra đường dẫn KNOWLEDGE_DIR hoặc --knowledge",
  duplicateId: (id: string, keeper: string) =>
    `id "${id}" đã dùng ở ${keeper}; tệp kia giữ id này — đổi id ở đây thành một id mới (thường do sao chép tệp mà quên đổi id), hoặc xóa mục này nếu trùng`,
  duplicateFlowId: (id: string, keeper: string) => `id luồng "${id}" đã dùng ở ${keeper}; tệp kia giữ id này — đổi id ở đây thành một id mới`,
  unknownEntry: (field: string, id: string) => `${field}: không có mục nào có id "${id}" — sửa cho đúng id trong knowledge/ hoặc xóa dòng`,
  unknownFlow: (id: string) => `không có luồng hội thoại nào có id "${id}" — sửa cho đúng id trong flows/ hoặc xóa dòng`,
  /** English, as the limit is a platform's: staff rarely meet it, developers who do read English. */
  idTooLong: (id: string, bytes: number, max: number, allowed: number) =>
    `id "${id}" is too long for Telegram buttons (${bytes} bytes of callback data, at most ${max}); shorten it to ${allowed} characters or fewer`,
  ok: (entries: number, flows: number) => `check: ổn — ${entries} mục dữ liệu, ${flows} luồng hội thoại`,
  okWarnings: (n: number) => ` (${n} cảnh báo cần rà soát; --strict để coi là lỗi)`,
  folders: (knowledge: string, flows: string) => `${knowledge} và ${flows}`,
  failed: (problems: number, warnings: number, where: string) =>
    `check: ${[problems > 0 ? `${problems} lỗi` : "", warnings > 0 ? `${warnings} cảnh báo` : ""].filter(Boolean).join(" và ")} trong ${where} — sửa từng dòng ở trên rồi chạy lại`,
};

/** Cross-checks inside a flow (after "flow <id>: "). */
export const FLOW = {
  unknownStep: (id: string) => `không có bước "${id}" trong steps — sửa tên bước cho đúng hoặc thêm bước đó`,
  unknownKnowledge: (id: string) => `không có mục nào có id "${id}" trong knowledge/ — khôi phục id đó hoặc sửa luồng trỏ tới id đúng`,
  unknownFlow: (id: string) => `không có luồng "${id}" trong flows/ — sửa id luồng cho đúng`,
  choiceGoesNowhere: "nút này không dẫn đi đâu — thêm next, entry, flow hoặc menu cho nút, hoặc next cho bước",
  inputWithChoices: (input: string) => `bước nhập "${input}" không có nút choices — bỏ choices hoặc bỏ input`,
  inputNeedsNext: "bước nhập cần next (bước tiếp theo sau khi người dân trả lời)",
  ratingNeedsSave: "bước chấm điểm cần save: <tên tiêu chí> để lưu điểm",
  ratingNeedsLabels: "luồng có bước chấm điểm cần rating_labels (5 nhãn từ 1 đến 5)",
  ratingNotOptional: "bước chấm điểm không được optional (báo cáo khảo sát cần đủ điểm) — xóa optional",
  entryEnds: "entry kết thúc luồng: chỉ đặt ở bước cuối (không có next, input hay choices)",
  notFoundOnlyProcedure: "not_found chỉ dùng cho bước input: procedure",
  notApplicableOnlyRating: "not_applicable chỉ dùng cho bước input: rating (câu hỏi đánh giá)",
  onlyOnInput: (field: string, input: string) => `${field} chỉ dùng cho bước input: ${input}`,
  onlyAtEnd: (field: string) => `${field} chỉ dùng cho bước cuối của luồng (bước không có input) — xóa dòng này hoặc chuyển sang bước cuối`,
  sayIfSomeLowNeedsOverall: "say_if_some_low cần thêm overall_rating: <khóa save của câu đánh giá chung>",
  optionalMustSaySkip: 'bước không bắt buộc phải nói cho người dân biết có thể gõ "bỏ qua" — thêm câu đó vào say',
  ratingNoSkip: 'bước chấm điểm không được mời "bỏ qua" (không bỏ qua được điểm) — sửa câu say',
  thanksOnlyAtEnd: 'chỉ bước cuối của khảo sát mới nói "cảm ơn" (câu đó đánh dấu khảo sát kết thúc) — bỏ "cảm ơn" ở bước này',
  unreachable: (id: string, start: string) => `bước "${id}" không tới được từ bước đầu "${start}" — thêm nút hoặc next trỏ tới bước này, hoặc xóa bước`,
  loop: (path: string) => `các bước đi vòng mà không hỏi người dân: ${path} — thêm choices hoặc input vào một bước trong vòng`,
};

/** `dvc-bot import`: sheet problems (after "import: ") and the printed summary. */
export const IMPORT = {
  levelColumns: "Mức độ 2, Mức độ 3, Mức độ 4 (hoặc một cột Mức độ DVCTT)",
  cannotReadCsv: (reason: string) => `không đọc được tệp CSV (${reason}) — lưu lại bằng "CSV UTF-8 (Comma delimited)" rồi nhập lại`,
  noHeader:
    'không thấy dòng tiêu đề cột — cần các cột STT, Lĩnh vực/DVCTT (hoặc Tên thủ tục) và mức độ: Mức độ 2, Mức độ 3, Mức độ 4, hoặc một cột "Mức độ DVCTT" (Ghi chú, Cấp thực hiện nếu có)',
  noName: (stt: string) => `thủ tục số ${stt} chưa có tên — ghi tên thủ tục vào cột Lĩnh vực/DVCTT`,
  noTierInSheet:
    'bảng tính không có dòng cấp (A Cấp tỉnh, C Cấp xã) và không có cột "Cấp thực hiện" — nhập lại với --tier xa (hoặc --tier tinh) nếu mọi thủ tục cùng một cấp, hoặc thêm cột "Cấp thực hiện"',
  noTierOnRow: (column: string) =>
    `dòng này chưa ghi cấp ở cột ${column} — ghi "Cấp tỉnh" hoặc "Cấp xã", hoặc nhập với --tier xa (hay --tier tinh) cho các dòng để trống`,
  noTier:
    'thủ tục này chưa thuộc cấp nào (nằm trước mọi dòng cấp) — thêm dòng cấp phía trên (A Cấp tỉnh, C Cấp xã), hoặc một cột "Cấp thực hiện"',
  noField: 'thủ tục này chưa thuộc lĩnh vực nào (nằm trước mọi dòng lĩnh vực) — thêm dòng lĩnh vực phía trên (ví dụ "I, Lĩnh vực Hộ tịch"), hoặc một cột "Lĩnh vực"',
  noLevel: (columns: string) => `chưa đánh dấu mức độ — đánh dấu x vào đúng một cột: ${columns}`,
  noLevelValue: (column: string) => `chưa ghi mức độ — ghi 2, 3, 4, "Toàn trình" hoặc "Một phần" vào cột ${column}`,
  noFieldAnywhere: (placeholder: string) =>
    `bảng tính không có dòng lĩnh vực (I, II, III) hay cột "Lĩnh vực"; các thủ tục được ghi field: ${placeholder} — bổ sung lĩnh vực khi rà soát`,
  twoLevels: (labels: string[]) => `đánh dấu ở cả ${labels.join(" và ")} — chỉ giữ một dấu`,
  badLevelValue: (value: string, column: string) =>
    `mức độ "${value}" không rõ — ghi 2, 3, 4, "Toàn trình", "Một phần" hoặc "Chưa trực tuyến" vào cột ${column}`,
  badTierValue: (value: string) => `cấp thực hiện "${value}" không rõ — ghi "Cấp tỉnh", "Cấp xã" (hoặc "Cấp trung ương", "Cấp huyện")`,
  twice: (name: string, first: number) => `"${name}" ghi hai lần trong cùng một cấp (lần đầu ở dòng ${first}) — xóa một dòng`,
  fieldNoName: (stt: string) => `dòng lĩnh vực ${stt} chưa có tên — ghi tên lĩnh vực, ví dụ "Lĩnh vực Hộ tịch"`,
  fieldBeforeTier: "dòng lĩnh vực này nằm trước mọi dòng cấp — thêm dòng cấp phía trên (A Cấp tỉnh, C Cấp xã), hoặc nhập với --tier xa (hay --tier tinh)",
  unknownTierRow: (stt: string, name: string) =>
    `dòng ${stt} "${name}" không phải tên cấp — ghi "Cấp tỉnh", "Cấp xã" (hoặc "Cấp trung ương", "Cấp huyện")`,
  badStt: (stt: string) => `cột STT ghi "${stt}" — dùng A, B, C cho cấp; I, II, III cho lĩnh vực; 1, 2, 3 cho thủ tục`,
  noStt: "dòng này thiếu STT — ghi A/B/C cho dòng cấp, I/II/III cho dòng lĩnh vực, 1/2/3 cho thủ tục",
  noRows: "không có dòng thủ tục nào dưới dòng tiêu đề — kiểm tra đã lưu đúng trang tính",
  endOfList: (first: string) => `danh sách kết thúc ở đây ("${first}"); các dòng từ đây trở xuống được bỏ qua`,
  huyen:
    "Cấp huyện: từ 1/7/2025 thủ tục cấp huyện đã chuyển về cấp tỉnh hoặc cấp xã; các thủ tục này được nhập với tier: huyen — cần rà soát nơi thực hiện hiện nay",
  // CLI lines.
  xlsx: (file: string) => [
    `import: ${file}: chưa đọc trực tiếp được tệp Excel/LibreOffice.`,
    'import: trong Excel chọn File → Save As → "CSV UTF-8 (Comma delimited) (*.csv)" (LibreOffice: Văn bản CSV, UTF-8) rồi nhập tệp đó.',
  ],
  cannotReadFile: (file: string, reason: string) => `import: không đọc được ${file} (${reason}) — kiểm tra đường dẫn tệp`,
  notUtf8: (file: string) => [
    `import: ${file} không phải văn bản UTF-8 (sẽ mất dấu tiếng Việt).`,
    'import: lưu lại bằng "CSV UTF-8 (Comma delimited)" rồi nhập tệp đó.',
  ],
  badTierOption: (value: string) => `import: --tier "${value}" không hợp lệ — dùng --tier xa, --tier tinh, --tier trung-uong hoặc --tier huyen`,
  note: "ghi chú",
  rejected: (n: number, file: string) => `import: ${n} lỗi trong ${file}; chưa ghi tệp nào — sửa bảng tính theo từng dòng ở trên rồi nhập lại`,
  knowledgeHasProblems: (dir: string, n: number) =>
    `import: cảnh báo: ${dir} đang có ${n} lỗi; chạy "dvc-bot check" (mục trong tệp lỗi không được đối chiếu)`,
  read: (file: string, n: number, tiers: string) => `import: ${file}: đọc được ${n} thủ tục (${tiers})`,
  dryRun: "import: chạy thử (--dry-run), chưa ghi gì",
  done: 'import: xong; mục mới có needs_review: true — rà soát từng tệp (docs/huong-dan-bien-tap.md, mục 9) rồi chạy "dvc-bot check"',
  nothingToWrite: "import: không có gì cần ghi",
  reviewedKept: "giữ nguyên mục đã rà soát",
  reviewedKeptDiffers: (diffs: string) => `giữ nguyên mục đã rà soát; bảng tính ghi khác: ${diffs} — tự kiểm tra lại`,
  alreadySame: "đã giống bảng tính",
  /** What changes in an entry that still needs review (field names as in the YAML). */
  diff: {
    level: (from: string, fromLegacy: number, to: string, toLegacy: number) => `level ${from} (mức độ ${fromLegacy}) → ${to} (mức độ ${toLegacy})`,
    tier: (from: string, to: string) => `tier ${from} → ${to}`,
    field: (from: string, to: string) => `field "${from}" → "${to}"`,
    agency: (to: string) => `agency → "${to}"`,
  },
  /** Field given to rows of a sheet that names no field at all: honest, and for the reviewer to fill. */
  noFieldPlaceholder: "Chưa rõ lĩnh vực",
  /** Agency of new entries, per tier: honest placeholders until a person names the real agency. */
  genericAgency: {
    "trung-uong": "Cơ quan trung ương theo lĩnh vực",
    tinh: "Cơ quan cấp tỉnh theo lĩnh vực",
    huyen: "UBND cấp huyện (danh mục cũ, trước 1/7/2025)",
    xa: "UBND cấp xã",
  } satisfies Record<Tier, string> as Record<Tier, string>,
  /** What a new entry file says: its header comments for the reviewer, its source, the reform note of district entries. */
  entry: {
    comment: (sheet: string, row: number, today: string) => [
      ` Nhập tự động bằng "dvc-bot import" từ bảng tính ${sheet} (dòng ${row}) ngày ${today}.`,
      " CẦN RÀ SOÁT trước khi coi là thông tin chính thức:",
      "  - agency đang là cơ quan chung theo cấp, chưa phải cơ quan cụ thể;",
      "  - chưa có link trang thủ tục (thẻ trả lời tạm dẫn về trang chủ Cổng Dịch vụ công quốc gia): thêm link khi đã tra được;",
      "  - chưa có mã thủ tục (code), giấy tờ (documents), lệ phí (fees), thời hạn (times):",
      "    chỉ thêm khi có nguồn chính thức, không phỏng đoán.",
      " Rà soát xong: đổi needs_review thành false, sửa source và reviewed cho đúng nguồn đã đối chiếu.",
      " Hướng dẫn: docs/huong-dan-bien-tap.md",
    ],
    source: (sheet: string, row: number) => `Bảng tính ${sheet}, dòng ${row}`,
    huyenReformNote:
      "Danh mục cũ ghi cấp huyện; từ 1/7/2025 chính quyền địa phương còn hai cấp (tỉnh, xã), thủ tục cấp huyện đã chuyển về cấp tỉnh hoặc cấp xã — cần xác định nơi thực hiện hiện nay.",
  },
  plan: {
    added: (n: number, dir: string) => `thêm mới ${n}${n ? ` (vào ${dir})` : ""}`,
    changed: (n: number) => `cập nhật ${n} (mục chưa rà soát, theo bảng tính)`,
    unchanged: (n: number) => `không đổi ${n}`,
    skipped: (n: number) => `giữ nguyên ${n} (mục đã rà soát, không ghi đè)`,
    row: (r: number) => `dòng ${r}`,
  },
};

/** The words of the report shape: `export --csv` writes them and `import` reads them back. */
export const SHEET = {
  stt: "STT",
  nameColumn: "Lĩnh vực/DVCTT",
  noteColumn: "Ghi chú",
  /** Column header for each level. */
  levelColumn: { "toan-trinh": "Mức độ 4", "mot-phan": "Mức độ 3", "khong-truc-tuyen": "Mức độ 2" } satisfies Record<Level, string> as Record<Level, string>,
  tier: { "trung-uong": "Cấp trung ương", tinh: "Cấp tỉnh", huyen: "Cấp huyện", xa: "Cấp xã" } satisfies Record<Tier, string> as Record<Tier, string>,
  fieldRow: (field: string) => `Lĩnh vực ${field}`,
  /** Ghi chú of a procedure: its national code and whether a person has checked it. */
  code: (code: string) => `Mã ${code}`,
  notReviewed: "chưa rà soát",
  summaryTitle: "Phụ lục I — Tổng số TTHC theo cấp chính quyền và mức độ DVCTT",
  summaryTierColumn: "Cấp chính quyền",
  summaryCountColumn: "Tổng số TTHC",
  total: "Tổng",
  huyenNote: "danh mục cũ, trước 1/7/2025",
};

const vnDate = (iso: string) => iso.split("-").reverse().join("/");

/** Review warnings of `dvc-bot check` (entries to re-check, facts that end, replaced documents). */
export const REVIEW = {
  /** How a dated fact is named in a warning, by the list it is in. */
  factName: { fees: "lệ phí", benefit: "mức hưởng", times: "thời gian", documents: "giấy tờ", steps: "bước", notes: "lưu ý", legal: "căn cứ" },
  stale: (id: string, reviewed: string) =>
    `cảnh báo: "${id}" được rà soát lần cuối ngày ${vnDate(reviewed)}, đã hơn 12 tháng — đối chiếu lại với văn bản hiện hành rồi mới đổi ngày reviewed`,
  ended: (what: string, until: string) => `cảnh báo: ${what} có thời hạn đã hết ngày ${vnDate(until)} (thẻ trả lời không còn hiện dòng này) — có thể xóa dòng`,
  endsSoon: (what: string, until: string, days: number) =>
    `cảnh báo: ${what} có thời hạn sẽ hết ngày ${vnDate(until)} (còn ${days} ngày) — kiểm tra có văn bản gia hạn hoặc mức mới chưa`,
  keywordIsName: (keyword: string, otherTitle: string, otherId: string) =>
    `cảnh báo: từ khóa "${keyword}" là tên của bài "${otherTitle}" (${otherId}): câu hỏi có cụm này thường được trả lời bằng bài đó, để thêm ở đây thì hai bài tranh nhau — bỏ từ khóa này hoặc viết cụ thể hơn`,
  keywordRepeated: (keyword: string, firstLine: number) =>
    `cảnh báo: từ khóa "${keyword}" trùng với từ khóa ở dòng ${firstLine} của bài này — xóa một trong hai dòng`,
  keywordOutsideSituation: (keyword: string) =>
    `cảnh báo: từ khóa "${keyword}" không có cụm nào của "only_when": câu hỏi như vậy bị coi là không nói tới hoàn cảnh của bài và bị hạ điểm — thêm vào "only_when" cụm mà câu hỏi ấy dùng, hoặc bỏ từ khóa này`,
  exceptWithoutNot: `cảnh báo: bài có "except_when" mà không có "not_when": "except_when" chỉ có tác dụng bên cạnh "not_when" — thêm "not_when" hoặc bỏ "except_when"`,
  nameExcluded: (name: string, phrase: string) =>
    `cảnh báo: "${name}" của bài này có cụm "${phrase}" của "not_when": câu hỏi như vậy không bao giờ được trả lời bằng chính bài này — bỏ cụm ấy khỏi "not_when", thêm vào "except_when" cụm nói đúng hoàn cảnh của bài, hoặc bỏ tên gọi, từ khóa này`,
  superseded: (old: string, replacement: string, from: string | undefined) =>
    `cảnh báo: trích dẫn ${old} đã được thay bằng ${replacement}${from ? ` từ ngày ${vnDate(from)}` : ""} — cập nhật nguồn và nội dung theo văn bản mới`,
} as const;

/** Warnings on intents.yaml that `dvc-bot check` prints (see `engine/intents-check.ts`). */
export const INTENT_WARNINGS = {
  slashSplit: (phrase: string, [first, last]: [string, string]) =>
    `cảnh báo: "${phrase}": dấu "/" chỉ chọn một chữ, nên dòng này không khớp "${first}" hay "${last}" — viết mỗi tên thành một dòng (hoặc "/" giữa các chữ đơn)`,
  slashSpellings: (phrase: string, [one, other]: [string, string]) =>
    `cảnh báo: "${phrase}": dấu "/" chỉ chọn một chữ, nên "${one}" và "${other}" (hai cách gọi cùng một tên trong synonyms.yaml) không cùng được đọc — cách gọi nhiều chữ bị tách ra; viết mỗi cách gọi thành một dòng`,
  vetoed: (phrase: string, vetoKey: "unless" | "over_unless") =>
    `cảnh báo: "${phrase}" không bao giờ có tác dụng: mọi cách viết cụm này đều chứa một cụm trong "${vetoKey}" của cùng ý định — bỏ dòng này, hoặc bỏ cụm chặn nó khỏi "${vetoKey}"`,
  ignoreUnused: (phrase: string) =>
    `cảnh báo: "${phrase}" trong "ignore" không chứa chữ nào của các cụm "contains", "all", "over" cùng ý định, nên không bỏ qua được gì — bỏ dòng này, hoặc ghi đúng cụm có chữ cần bỏ qua`,
  unusedList: (name: string) => `cảnh báo: danh sách "${name}" không được cụm nào dùng (viết "<${name}>" trong một cụm) — dùng nó, hoặc bỏ danh sách này`,
  gapStopShortForm: (stop: string, full: string) =>
    `cảnh báo: "${stop}" trong gap_stops là chữ viết tắt (synonyms.yaml), được đọc thành "${full}" trước khi so, nên không bao giờ chặn — ghi chữ đầy đủ`,
  bareStrict: (phrase: string, words: readonly string[]) =>
    `cảnh báo: "${phrase}": dấu "!" sau ${words.map((w) => `"${w}"`).join(", ")} đòi chữ đó gõ đúng dấu, mà chữ viết không dấu nên cụm này không bao giờ khớp — bỏ dấu "!" (gõ không dấu vẫn khớp), hoặc bỏ dòng`,
  gapStopsUnused: (name: string) =>
    `cảnh báo: "gap_stops" của "${name}" không có tác dụng: không cụm "contains", "all" nào của ý định này có dấu "…"`,
};

/** Warnings on the word lists staff keep in synonyms.yaml (a word's role changed). */
export const LANGUAGE = {
  roleName: {
    stopwords: "từ đệm (stopwords)",
    function_words: "hư từ (function_words)",
    places: "địa danh (places)",
    place_markers: "từ chỉ địa danh (place_markers)",
    dialect: "chữ địa phương (dialect)",
    facets: "cụm hỏi về một phần của thẻ (facets)",
  } as Record<string, string>,
  /** `affected`: the entries whose names hold the word, as LANGUAGE.affected words them. */
  roleChanged: (word: string, was: string, now: string, hasDiacritics: boolean, affected: string) =>
    `cảnh báo: "${word}" vốn là ${was}; đưa vào ${now} đổi vai của nó${hasDiacritics ? " (với câu hỏi gõ không dấu)" : ""}${affected}`,
  nameWordIgnored: (word: string, list: string, affected: string) =>
    `cảnh báo: "${word}" trong ${list} là một phần tên thủ tục: câu hỏi có từ này sẽ không còn khớp tên${affected}`,
  dialectBare: (word: string) =>
    `cảnh báo: "${word}" trong chữ địa phương (dialect) viết không dấu nên không bao giờ được dùng: chỉ chữ gõ đúng dấu mới được hiểu thành chữ phổ thông`,
  dialectNameWord: (word: string, meant: string, where: string) =>
    `cảnh báo: "${word}" trong chữ địa phương (dialect) là chữ của ${where}: gõ đúng dấu, nó sẽ được hiểu thành "${meant}" ở mọi chỗ và các cụm đó không còn khớp`,
  dialectDropped: (word: string) =>
    `cảnh báo: "${word}" có sẵn trong chữ địa phương (dialect) nhưng không còn trong danh sách này: gõ có dấu, nó sẽ không còn được hiểu thành chữ phổ thông`,
  builtInDropped: (word: string, list: string) => `cảnh báo: "${word}" có sẵn trong ${list} nhưng không còn trong danh sách này: nó sẽ được tính như từ chỉ chủ đề`,
  /** Phrases that hold a word: the first few quoted, the rest counted. */
  phrases: (shown: readonly string[], total: number) => firstFew(shown.map((p) => `"${p}"`), total, "cụm"),
  /** `shown`: the first few entries, already quoted; `total`: how many there are. */
  affected: (shown: readonly string[], total: number) => (total === 0 ? "." : ` — các mục có từ này trong tên: ${firstFew(shown, total, "mục")}.`),
};
