import type { FeeChannel, Level, Tier } from "../knowledge/schema.js";
import type { Facet } from "../knowledge/analyze.js";

/**
 * Every Vietnamese string the engine says, in one place, so wording is reviewed once and logic
 * stays free of prose. Knowledge and flow texts live in their YAML files.
 */

export const PORTAL_URL = "https://dichvucong.gov.vn";
export const PORTAL_SEARCH_URL = PORTAL_URL;
export const DOSSIER_LOOKUP_URL = PORTAL_URL;
export const HOTLINE = "1800 1096";

export const M = {
  greeting:
    "Xin chào! Tôi là trợ lý hướng dẫn dịch vụ công trực tuyến. Bạn cứ hỏi bằng lời của mình, có dấu hay không dấu đều được, ví dụ: \"đăng ký tạm trú online\", \"làm lại căn cước bị mất\", \"lệ phí đăng ký thường trú\".",
  greetingAgain: "Chào bạn! Bạn cần hỏi gì cứ nhắn nhé.",
  menuPrompt: "Bạn cần hỗ trợ việc gì?",
  help: [
    "Bạn có thể:",
    "• Hỏi về một thủ tục: giấy tờ, lệ phí, thời gian, nơi nộp, có làm trực tuyến được không.",
    "• Hỏi tiếp về thủ tục vừa xem, ví dụ: \"còn lệ phí?\", \"nộp ở đâu?\".",
    "• Gõ \"menu\" để xem các mục hướng dẫn, \"đánh giá\" để góp ý về dịch vụ.",
  ].join("\n"),
  emptyText: "Bạn hãy gõ câu hỏi về thủ tục cần làm, ví dụ: \"đăng ký khai sinh cần giấy tờ gì\".",
  unsupported:
    "Xin lỗi, tôi chỉ đọc được tin nhắn chữ. Bạn vui lòng gõ câu hỏi, ví dụ: \"cấp lại căn cước bị mất\".",
  notFound: "Xin lỗi, tôi chưa có thông tin đủ chắc chắn để trả lời câu hỏi này.",
  notCovered: "Xin lỗi, hiện tôi chưa có hướng dẫn về thủ tục này. Câu hỏi của bạn đã được ghi nhận để bổ sung dữ liệu.",
  penalty:
    "Xin lỗi, tôi chưa có thông tin về mức phạt. Bạn có thể hỏi mức phạt cụ thể tại cơ quan phụ trách việc đó: cơ quan ra quyết định xử phạt, hoặc nơi giải quyết thủ tục bạn hỏi. Nếu đó là thủ tục bạn chưa làm, hãy làm ngay: đó là cách đúng.",
  relatedProcedures: "Thủ tục liên quan:",
  penaltyLead: "Tôi chưa có thông tin về mức phạt; bạn có thể hỏi cơ quan giải quyết thủ tục này. Còn cách làm thủ tục thì như sau:",
  generalKnowledge:
    "Xin lỗi, tôi không trả lời câu hỏi về kiến thức chung hay xin lời khuyên: tôi chỉ hướng dẫn cách làm thủ tục hành chính và dịch vụ công trực tuyến.",
  generalKnowledgeOffer: "Nếu bạn cần làm thủ tục liên quan, hãy chọn bên dưới:",
  didYouMean: "Có phải bạn muốn hỏi một trong các thủ tục sau?",
  didYouMeanOne: "Có phải bạn muốn hỏi về nội dung dưới đây?",
  whichOne: "Bạn hỏi thủ tục nào dưới đây?",
  /** Said before the topic's card when a follow-up asks a variant ("quá hạn thì sao") the topic has no entry for. */
  variantGeneral: "Tôi chưa có hướng dẫn riêng cho trường hợp bạn hỏi ở thủ tục này; dưới đây là thông tin chung của thủ tục để bạn tham khảo.",
  whichProcedure: "Bạn hỏi về thủ tục nào? Chọn bên dưới hoặc gõ tên thủ tục, ví dụ: \"lệ phí làm hộ chiếu\".",
  fallbackWayForward: `Bạn có thể tìm thủ tục trên Cổng Dịch vụ công quốc gia hoặc gọi tổng đài hỗ trợ ${HOTLINE}.`,
  portalSearchLabel: "Tìm thủ tục trên Cổng Dịch vụ công quốc gia",
  portalLabel: "Cổng Dịch vụ công quốc gia",
  portalSearchCode: (code: string) => `Cổng Dịch vụ công quốc gia — tìm thủ tục mã ${code}`,
  detailLink: "Xem chi tiết và nộp hồ sơ",
  detailLinkCode: (code: string) => `Xem chi tiết và nộp hồ sơ (mã ${code})`,
  /** After the first documents of a brief card. */
  moreDocuments: (n: number) => `… và ${n} giấy tờ khác (bấm "Giấy tờ cần có")`,
  submitOnline: `Nộp trực tuyến: Cổng Dịch vụ công quốc gia (${PORTAL_URL}) hoặc ứng dụng VNeID nếu thủ tục có trên đó.`,
  moreLink: "Xem thêm",
  rephrase: "Bạn cũng có thể hỏi lại ngắn gọn hơn, nêu tên thủ tục, ví dụ: \"đăng ký kết hôn\".",
  dossierStatus:
    "Tôi không xem được tình trạng hồ sơ của bạn. Bạn vào Cổng Dịch vụ công quốc gia, mục \"Tra cứu hồ sơ\", nhập mã hồ sơ (có trong giấy biên nhận hoặc tin nhắn/email xác nhận); hoặc hỏi trực tiếp cơ quan đã nhận hồ sơ.",
  dossierLookupLabel: "Cổng Dịch vụ công quốc gia — mục Tra cứu hồ sơ",
  /** Before the lookup guide's card, when a citizen asks where their dossier is. */
  /** Before the feedback guide's card, when a message complains about staff or service. */
  complaintLead:
    "Rất tiếc về điều bạn gặp phải. Bạn có thể gửi phản ánh để cơ quan có trách nhiệm xem xét và trả lời; muốn tố cáo hành vi vi phạm của cán bộ thì gửi đơn tố cáo theo Luật Tố cáo (xem lưu ý cuối thẻ).",
  dossierStatusLead: "Tôi không xem được hồ sơ của bạn. Bạn tự tra cứu được ngay theo hướng dẫn dưới đây.",
  botIdentity: "Tôi là trợ lý tự động, không phải cán bộ: tôi trả lời theo các bài hướng dẫn thủ tục, và không xem được hồ sơ của bạn.",
  botIdentityStaff: "Nếu cần hỏi trực tiếp cán bộ, bạn bấm nút \"Hỏi cán bộ\" hoặc gõ /canbo kèm câu hỏi.",
  botIdentityWays: "Nếu cần hỏi trực tiếp cán bộ, bạn có thể liên hệ:",
  person: "Tôi là trợ lý tự động, chưa chuyển được cuộc trò chuyện cho cán bộ. Bạn có thể liên hệ trực tiếp:",
  personWays: [
    `Tổng đài hỗ trợ Cổng Dịch vụ công quốc gia: ${HOTLINE} (miễn cước).`,
    "Bộ phận một cửa (tiếp nhận và trả kết quả) của UBND xã, phường nơi bạn làm thủ tục, hoặc Trung tâm Phục vụ hành chính công của tỉnh, thành phố.",
    "Mục \"Phản ánh kiến nghị\" trên Cổng Dịch vụ công quốc gia, nếu bạn muốn gửi ý kiến bằng văn bản và nhận trả lời.",
  ],
  handoverAskQuestion:
    "Tôi sẽ chuyển câu hỏi của bạn cho cán bộ bộ phận một cửa. Bạn vui lòng nhập câu hỏi cần hỏi cán bộ (không cần ghi số căn cước hay số điện thoại). Gõ \"hủy\" nếu không cần nữa.",
  /** What staff read as the bot's last answer when it had none or could not answer. */
  handoverLastNone: "(chưa trả lời câu nào)",
  handoverLastNotFound: "Trợ lý không tìm được câu trả lời cho câu hỏi này",
  forgery:
    "Tôi không thể hỗ trợ việc làm giả, khai sai hay mua bán giấy tờ, bằng cấp, giấy phép lái xe: đây là hành vi vi phạm pháp luật và có thể bị xử lý hình sự. Giấy tờ chỉ được cấp theo đúng sự thật — giấy phép lái xe chỉ sau khi học và thi sát hạch đạt yêu cầu. Thông tin trên giấy tờ bị ghi sai (như năm sinh) thì làm thủ tục cải chính; giấy tờ bị mất, hỏng thì làm thủ tục cấp lại, cấp đổi tại cơ quan có thẩm quyền — tôi sẵn lòng hướng dẫn các thủ tục đó.",
  bribe:
    "Tôi không thể hướng dẫn việc đưa thêm tiền, \"bồi dưỡng\" hay nhờ người quen để hồ sơ được giải quyết nhanh hơn: ngoài phí, lệ phí đã công bố, không ai được thu thêm, và đưa hối lộ là vi phạm pháp luật. Mỗi thủ tục có thời hạn giải quyết đã được công bố; nếu nộp trực tuyến, bạn có thể theo dõi tiến độ hồ sơ trên Cổng Dịch vụ công. Nếu hồ sơ bị chậm so với giấy hẹn hoặc có người gợi ý đưa tiền, bạn có thể gửi phản ánh, kiến nghị để được xem xét.",
  accountAccess:
    "Tôi không thể hướng dẫn vào tài khoản định danh điện tử (VNeID) hay tài khoản dịch vụ công của người khác: mỗi tài khoản chỉ chính chủ được dùng, và truy cập trái phép là vi phạm pháp luật. Cách hợp pháp: người đó tự đăng nhập và thực hiện; nếu cần làm thủ tục thay thì dùng văn bản ủy quyền theo quy định; chính chủ quên mật khẩu thì lấy lại trên ứng dụng VNeID.",
  identityMisuse:
    "Tôi không thể hướng dẫn dùng SIM, giấy tờ hay thông tin đứng tên người khác để đăng ký tài khoản hoặc làm thủ tục: mỗi người chỉ được đăng ký bằng thông tin của chính mình, và dùng thông tin của người khác là vi phạm pháp luật. Cách hợp pháp: dùng số điện thoại đứng tên chính bạn (chuẩn hóa thông tin thuê bao tại cửa hàng của nhà mạng, mang theo thẻ căn cước); nếu cần làm thủ tục thay người khác thì người đó lập văn bản ủy quyền theo quy định.",
  personalData:
    "Tôi không cung cấp được số điện thoại riêng, địa chỉ hay thông tin cá nhân khác của một người: pháp luật bảo vệ những thông tin này, chỉ người đó đồng ý hoặc cơ quan có thẩm quyền theo luật mới được cung cấp. Muốn liên hệ chính quyền, bạn dùng số điện thoại công khai của UBND hoặc bộ phận một cửa xã, phường (đăng trên cổng thông tin của địa phương), hoặc gọi tổng đài hỗ trợ dịch vụ công. Nếu có việc cần giải quyết với một người (đòi nợ, tranh chấp đất đai…), bạn gửi đơn đến UBND xã, phường hoặc công an nơi cư trú để được hướng dẫn.",
  outOfDomain: `Xin lỗi, tôi chỉ hỗ trợ về thủ tục hành chính và dịch vụ công trực tuyến. Bạn cần hỏi thủ tục nào cứ nhắn, hoặc gõ "menu" để xem các mục hướng dẫn.`,
  slowDown: "Bạn gửi hơi nhanh, vui lòng đợi một chút rồi hỏi tiếp nhé.",
  busy: "Hiện có rất nhiều người đang trò chuyện với trợ lý. Bạn vui lòng quay lại sau ít phút nhé.",
  tooLong: "Câu hỏi khá dài, tôi chỉ đọc phần đầu. Bạn có thể hỏi ngắn gọn hơn để có câu trả lời chính xác.",
  recordNotSaved:
    "Xin lỗi, hệ thống chưa lưu được câu trả lời vừa rồi của bạn. Bạn vui lòng gửi lại câu trả lời đó sau ít phút; các câu trước đã được ghi nhớ.",
  error: `Xin lỗi, hệ thống đang gặp sự cố. Bạn vui lòng thử lại sau ít phút hoặc gọi tổng đài ${HOTLINE}.`,
  helpfulThanks: "Cảm ơn bạn đã cho biết!",
  welcomeThanks: "Rất vui được hỗ trợ bạn! Bạn cần hỏi gì thêm cứ nhắn nhé.",
  notHelpfulReply: `Cảm ơn bạn. Tôi sẽ ghi nhận để bổ sung. Bạn có thể hỏi lại theo cách khác, hoặc gọi tổng đài ${HOTLINE}.`,
  surveyOffer: "Nếu có thời gian, bạn giúp chúng tôi đánh giá mức độ hài lòng (khoảng 1 phút) nhé.",
  cancelled: "Đã dừng. Bạn cần hỏi gì tiếp?",
  missingFact: "chưa có thông tin chính thức trong dữ liệu của tôi — vui lòng xem trang thủ tục",
  reviewedOn: (date: string) => `Cập nhật: ${formatDate(date)}`,
  needsReview: "Thông tin thủ tục này đang chờ cán bộ rà soát; vui lòng đối chiếu trên trang thủ tục.",
} as const;

/** "/canbo <question>": ask office staff, with the question in the same message. */
export const STAFF_COMMAND = /^\/canbo\s+(\S.*)$/is;

/** A choice picked by its number on screen: "2", "2.", "số 2", "chọn 2" (folded). */
export const CHOICE_NUMBER = /^(?:so |chon )?(\d{1,2})\.?$/;

/** Words by which an agency's name already says its level (then the card adds no tier in brackets). */
export const AGENCY_WORDS = {
  /** Folded: "Công an cấp tỉnh", "UBND xã", "Sở … tỉnh". */
  tier: /\b(?:cap (?:tinh|xa|huyen)|tinh|thanh pho|xa|phuong|dac khu|huyen|trung uong)\b/,
  /** "Bộ Công an", "Sở Nội vụ", "Cục Quản lý xuất nhập cảnh" (capitalised names, not "bộ phận một cửa"). */
  centralOrProvincialBody: /(?:^|[\s(;,])(?:Bộ|Sở|Cục) \p{Lu}/u,
};

/** Button labels: the words first, an emoji (if any) after, so a font without it never leaves "□" as the only cue. */
export const CHOICE_LABELS = {
  menu: "Menu ☰",
  helpfulYes: "Hữu ích 👍",
  helpfulNo: "Chưa hữu ích 👎",
  survey: "Đánh giá dịch vụ ⭐",
  askStaff: "Hỏi cán bộ 🙋",
  portalSearch: "Tìm trên Cổng DVC 🔎",
  stepByStep: "Hướng dẫn từng bước",
  flowStart: (title: string) => `${title} ▶️`,
  next: (title: string) => `Tiếp theo: ${title} ➡️`,
  related: (title: string) => `${title}`,
} as const;

export const MENU_LABELS = {
  onlineLevel: "Thủ tục nào làm online được? 🌐",
  vneid: "Tài khoản VNeID, đăng nhập Cổng DVC 🪪",
  payment: "Thanh toán phí, lệ phí trực tuyến 💳",
  submit: "Cách nộp hồ sơ trực tuyến 📝",
  dossier: "Tra cứu tình trạng hồ sơ 🔎",
  survey: "Đánh giá mức độ hài lòng ⭐",
} as const;

export const FACET_LABELS: Record<Facet, string> = {
  documents: "Giấy tờ cần có 📄",
  fee: "Lệ phí 💰",
  time: "Thời gian giải quyết ⏱",
  where: "Nơi nộp 📍",
  online: "Làm trực tuyến 🌐",
  steps: "Các bước thực hiện 🧭",
};

export const LEVEL_TEXT: Record<Level, { badge: string; tone: "good" | "warn" | "info"; explain: string }> = {
  "toan-trinh": {
    badge: "✅ Dịch vụ công trực tuyến toàn trình (mức độ 4 cũ)",
    tone: "good",
    explain: "Làm trọn vẹn trên mạng: nộp hồ sơ, nộp lệ phí và nhận kết quả trên mạng (nhiều thủ tục gửi thêm bản giấy qua bưu chính).",
  },
  "mot-phan": {
    badge: "🟡 Dịch vụ công trực tuyến một phần (mức độ 3 cũ)",
    tone: "warn",
    explain: "Nộp hồ sơ trực tuyến được, nhưng còn ít nhất một bước phải đến cơ quan.",
  },
  "khong-truc-tuyen": {
    badge: "⛔ Chưa nộp trực tuyến được",
    tone: "info",
    explain: "Thủ tục này hiện nộp trực tiếp tại cơ quan hoặc qua bưu chính.",
  },
};

export const TIER_TEXT: Record<Tier, string> = {
  "trung-uong": "Cơ quan trung ương",
  tinh: "Cấp tỉnh",
  xa: "Cấp xã",
  huyen: "Cấp huyện (danh mục cũ, trước 1/7/2025)",
};

export const CHANNEL_TEXT: Record<FeeChannel, string> = {
  "truc-tiep": "Nộp trực tiếp",
  "truc-tuyen": "Nộp trực tuyến",
  "buu-chinh": "Qua bưu chính",
  "moi-kenh": "Mọi hình thức",
};

export const SECTION = {
  summary: "Tóm tắt",
  documents: "Giấy tờ cần chuẩn bị",
  fee: "Lệ phí",
  benefit: "Mức hưởng",
  time: "Thời gian giải quyết",
  where: "Nơi nộp",
  steps: "Các bước",
  notes: "Lưu ý",
  result: "Kết quả",
  code: "Mã thủ tục",
  who: "Đối tượng",
  reform: "Sau sắp xếp chính quyền 2 cấp",
  nextSteps: "Thường làm tiếp",
} as const;

/** How a card says that a fact holds only for a period. */
export const DATED = {
  until: (date: string) => `áp dụng đến hết ${date}`,
  basis: (basis: string) => `theo ${basis}`,
  then: (what: string) => `sau đó ${what}`,
  untilSuffix: (date: string) => ` (đến hết ${date})`,
};

/** 20000 → "20.000 đồng", 0 → "Miễn phí". */
export function formatMoney(amount: number): string {
  if (amount === 0) return "Miễn phí";
  // Vietnamese groups thousands with dots; done by hand because loading a locale costs ~50 ms at start.
  return `${String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, ".")} đồng`;
}

/** 2026-11-23 → 23/11/2026. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}
