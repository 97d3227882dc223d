import { HOTLINE } from "../engine/messages.js";
import { vietnamMoment } from "./office-hours.js";

/** Everything the hand-over says, to citizens and to staff (both read Vietnamese). */

const WEEKDAYS = ["", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"];
const pad = (n: number) => String(n).padStart(2, "0");

/** "7:30 sáng thứ Hai, ngày 07/12/2026". */
export function formatOpening(at: number): string {
  const m = vietnamMoment(at);
  const part = m.hour < 11 ? "sáng" : m.hour < 13 ? "trưa" : m.hour < 18 ? "chiều" : "tối";
  return `${m.hour}:${pad(m.minute)} ${part} ${WEEKDAYS[m.weekday]}, ngày ${pad(m.day)}/${pad(m.month)}/${m.year}`;
}

export const CHANNEL_LABELS: Record<string, string> = {
  telegram: "Telegram",
  zalo: "Zalo",
  "zalo-oa": "Zalo OA",
  web: "Trang web",
  terminal: "Dòng lệnh",
  cli: "Dòng lệnh",
};

/** Folded words that end a hand-over from the citizen's side. */
export const LEAVE_WORDS = ["huy", "/huy", "quay lai tro ly", "quay ve tro ly", "ket thuc"];

export const HM = {
  opened: (n: string) => `Đã chuyển câu hỏi của bạn cho cán bộ bộ phận một cửa (mã yêu cầu #${n}).`,
  inHours: "Cán bộ đang trong giờ làm việc và sẽ trả lời bạn ngay tại đây.",
  outOfHours: (opening: number) => `Hiện ngoài giờ làm việc; cán bộ sẽ trả lời bạn tại đây từ ${formatOpening(opening)}.`,
  whileOpen: `Bạn có thể nhắn thêm, tin nhắn sẽ được chuyển tới cán bộ. Gõ "quay lại trợ lý" để hỏi trợ lý tự động.`,
  onlyText: "Cán bộ chỉ đọc được tin nhắn chữ. Bạn vui lòng gõ nội dung cần hỏi.",
  failed: `Xin lỗi, hiện chưa chuyển được câu hỏi cho cán bộ. Bạn vui lòng thử lại sau ít phút hoặc gọi tổng đài ${HOTLINE}.`,
  staffSays: (n: string) => `👤 Cán bộ một cửa (yêu cầu #${n}):`,
  closedByStaff: (n: string) => `Cán bộ đã kết thúc trao đổi (yêu cầu #${n}). Từ bây giờ trợ lý tự động tiếp tục trả lời bạn.`,
  closedIdle: (n: string) => `Yêu cầu #${n} đã tự kết thúc vì lâu không có trao đổi thêm. Từ bây giờ trợ lý tự động tiếp tục trả lời bạn; cần hỏi cán bộ, bạn gõ "gặp cán bộ".`,
  closedByCitizen: (n: string) => `Đã kết thúc yêu cầu #${n}. Trợ lý tự động tiếp tục hỗ trợ bạn, bạn cần hỏi gì cứ nhắn nhé.`,
  surveyOffer: "Bạn giúp chúng tôi đánh giá mức độ hài lòng (khoảng 1 phút) nhé.",
  surveyChoice: "Đánh giá mức độ hài lòng ⭐",

  // --- the staff group ---
  post: (n: string, channel: string, question: string, lastAnswer: string) =>
    [
      `🆕 Yêu cầu #${n} · ${channel}`,
      `❓ ${question}`,
      `🤖 Trợ lý đã trả lời: ${lastAnswer}`,
      `↩️ Trả lời (Reply) tin nhắn này để gửi cho người dân; trả lời /xong để kết thúc.`,
    ].join("\n"),
  followUp: (n: string, channel: string, text: string) => `💬 #${n} · ${channel}: ${text}\n↩️ Trả lời tin nhắn này để gửi cho người dân; /xong để kết thúc.`,
  deliveryFailed: (n: string, channel: string) => `⚠️ #${n}: không gửi được tin trả lời tới người dân (${channel}) sau nhiều lần thử. Tin nhắn được đánh dấu "chưa gửi được" trong hộp thư /admin/handover.`,
  caseClosed: (n: string, by: CloseReason) => `✅ #${n} đã kết thúc (${CLOSED_BY[by]}).`,
  alreadyClosed: (n: string) => `Yêu cầu #${n} đã kết thúc; tin nhắn không được gửi.`,
} as const;

export type CloseReason = "staff" | "citizen" | "idle";

export const CLOSED_BY: Record<CloseReason, string> = {
  staff: "cán bộ kết thúc",
  citizen: "người dân quay lại trợ lý",
  idle: "lâu không có trao đổi",
};

/** What the web inbox (/admin/handover) says to office staff. */
export const INBOX_M = {
  title: "Hộp thư cán bộ — yêu cầu gặp cán bộ",
  none: "Không có yêu cầu nào đang mở.",
  question: "Câu hỏi",
  botAnswered: "Trợ lý đã trả lời",
  citizen: "Người dân",
  staff: "Cán bộ",
  failed: "⚠ chưa gửi được",
  answer: "Gửi trả lời",
  close: "Kết thúc yêu cầu",
  placeholder: "Nội dung trả lời người dân",
  /** After a form post (`?done=`): what happened. */
  notice: {
    delivered: "Đã gửi trả lời.",
    failed: "⚠ Không gửi được trả lời tới người dân sau nhiều lần thử.",
    closed: "Yêu cầu đã kết thúc.",
    unknown: "Không tìm thấy yêu cầu.",
    empty: "Chưa nhập nội dung trả lời.",
  },
  back: "← Báo cáo",
} as const;
