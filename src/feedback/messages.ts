import { formatCount } from "./format.js";

/**
 * The words of the survey reports that the computation and several renderers share
 * (administrators read Vietnamese). The page and text layouts keep their own headings.
 */

/** One counted response per respondent per this many days: a later one replaces the earlier. */
export const ONE_RESPONSE_DAYS = 30;

export const FM = {
  aspects: {
    access: "Tiếp cận dịch vụ",
    procedure: "Thủ tục hành chính",
    staff: "Công chức",
    result: "Kết quả giải quyết",
    feedback: "Tiếp nhận, xử lý phản ánh, kiến nghị",
    online: "Dịch vụ công trực tuyến",
    overall: "Hài lòng chung",
  },
  oneResponseRule: `Mỗi người được tính một phiếu trong ${ONE_RESPONSE_DAYS} ngày: phiếu gửi sau thay cho phiếu trước (trên web, mỗi địa chỉ mạng tính là một người).`,
  lowN: "ít hơn 10 phiếu — chưa đủ tin cậy",
  /** "Không áp dụng" answers of a question, when there are any. */
  notApplicable: (n: number) => (n > 0 ? `${formatCount(n)} phiếu chọn "Không áp dụng" (không tính vào chỉ số)` : ""),
  /** Stored records the report could not read (torn, hand-edited, another version's). */
  skipped: (n: number) => `${formatCount(n)} bản ghi không đọc được đã được bỏ qua`,
  /** The period of the /baocao chat summary. */
  lastDays: (days: number, since: string, until: string) => `${days} ngày qua (${since} → ${until})`,
} as const;
