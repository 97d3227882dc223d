/**
 * The flow runner's own words, used when a flow file does not set them under `messages:`.
 * Everything else a flow says lives in its YAML file.
 */
export const FLOW_M = {
  invalidRating: "Bạn chọn giúp một số từ 1 đến 5 nhé (5 là rất hài lòng). Gõ \"hủy\" nếu muốn dừng khảo sát.",
  invalidChoice: "Bạn chọn một mục trong danh sách (bấm nút hoặc gõ số) nhé. Gõ \"menu\" để về trang chính.",
  skipLabel: "Bỏ qua ⏭",
  noneLabel: "Không có trong danh sách ✍️",
  didYouMean: "Có phải bạn muốn nói một trong các thủ tục sau?",
  resume: "Mình tiếp tục từ câu đang dở nhé:",
  procedureLink: "Xem thủ tục trên Cổng Dịch vụ công",
  flowGone: "Hướng dẫn này vừa được cập nhật. Bạn gõ \"menu\" để bắt đầu lại nhé.",
  staleButton: "Nút đó thuộc câu hỏi trước. Mình tiếp tục từ câu hiện tại nhé:",
} as const;

/** Folded words that mean "skip this question". */
export const SKIP_WORDS = new Set(["bo qua", "skip", "/skip", "khong", "ko", "k", "khong co", "thoi", "bo qua cau nay", "xin bo qua"]);

/** Typed forms of "does not apply" accepted besides the rating step's own label (folded). */
export const NOT_APPLICABLE_WORDS = new Set(["khong ap dung", "ko ap dung", "k ap dung", "kad", "khong lien quan", "chua phan anh bao gio", "chua tung phan anh"]);

/** A rating typed as a number, with the words around it ("chọn 4", "5 sao", "4/5"), folded. */
export const RATING_NUMBER = /^(?:chon |so |muc |diem )?([1-5])(?: ?sao| ?diem| ?\/ ?5)?$/;

/** Folded words that the survey contract looks for in what a step says (checked by the loader). */
export const CONTRACT_WORDS = {
  /** An optional step must tell the citizen they may skip it. */
  skip: /\bbo qua\b/,
  /** Only the end of a recorded flow says thanks: the acceptance scripts read it as the end. */
  thanks: /\bcam on\b/,
};

/** Folded rating words, longest first so "rất không hài lòng" is not read as "hài lòng". */
export const RATING_WORDS: Array<[string, 1 | 2 | 3 | 4 | 5]> = [
  ["rat khong hai long", 1],
  ["hoan toan khong hai long", 1],
  ["rat te", 1],
  ["khong hai long", 2],
  ["ko hai long", 2],
  ["k hai long", 2],
  ["chua hai long", 2],
  ["binh thuong", 3],
  ["tam duoc", 3],
  ["tam on", 3],
  ["rat hai long", 5],
  ["hoan toan hai long", 5],
  ["tuyet voi", 5],
  ["hai long", 4],
];
