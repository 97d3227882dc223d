import { entrySchema, type Entry, type Level, type Tier } from "../src/knowledge/schema.js";

/**
 * A synthetic catalogue the size of the national one (~6,000 procedures), for speed and for
 * "does quality hold among many look-alike entries". Titles are built the way real procedure
 * names are — action + object (+ qualifier) — from vocabulary taken from real procedure names,
 * fields and agencies, so the index sees realistic syllables, shared words and near duplicates
 * (e.g. "Đăng ký kết hôn có yếu tố nước ngoài" next to the shipped "Đăng ký kết hôn").
 * Deterministic: the same seed gives the same entries.
 */

export interface SyntheticCorpusOptions {
  /** How many entries. Default 6000. */
  count?: number;
  /** PRNG seed. Default 42. */
  seed?: number;
  /** Ids already taken (the shipped entries); synthetic ids never collide with them. */
  takenIds?: ReadonlySet<string>;
  /** Titles already taken (folded comparison is not needed: exact titles are skipped). */
  takenTitles?: ReadonlySet<string>;
}

interface FieldVocabulary {
  field: string;
  agency: string[];
  tiers: Tier[];
  objects: string[];
  /** Actions that make sense for this field; default: the generic licence actions. */
  actions?: string[];
  qualifiers?: string[];
}

const LICENCE_ACTIONS = [
  "cấp", "cấp lại", "cấp đổi", "đổi", "gia hạn", "điều chỉnh", "thu hồi", "cấp bổ sung nội dung",
  "điều chỉnh nội dung", "xác nhận", "đăng ký", "đăng ký thay đổi", "xóa đăng ký",
];
const REGISTRATION_ACTIONS = ["đăng ký", "đăng ký lại", "đăng ký thay đổi", "xóa đăng ký", "xác nhận", "điều chỉnh thông tin"];

const GENERIC_QUALIFIERS = [
  "", "", "", "", "do bị mất, hư hỏng", "do hết hạn", "do thay đổi thông tin", "đối với tổ chức", "đối với cá nhân",
  "đối với doanh nghiệp có vốn đầu tư nước ngoài", "cho hợp tác xã", "trên địa bàn tỉnh", "tại cấp xã", "có yếu tố nước ngoài",
  "trong trường hợp chuyển đổi loại hình", "đối với cơ sở sản xuất", "đối với cơ sở kinh doanh", "theo thủ tục rút gọn",
];

// Objects and agencies as they appear in real procedure names of the national catalogue.
const FIELDS: FieldVocabulary[] = [
  {
    field: "Hộ tịch",
    agency: ["Ủy ban nhân dân cấp xã", "Sở Tư pháp", "Cơ quan đại diện Việt Nam ở nước ngoài"],
    tiers: ["xa", "tinh", "trung-uong"],
    objects: ["khai sinh", "kết hôn", "khai tử", "giám hộ", "nhận cha, mẹ, con", "thay đổi, cải chính hộ tịch", "chấm dứt giám hộ", "nuôi con nuôi", "khai sinh kết hợp nhận cha, mẹ, con"],
    actions: ["đăng ký", "đăng ký lại", "ghi vào sổ hộ tịch việc", "cấp bản sao trích lục", "cấp trích lục"],
    qualifiers: ["", "", "có yếu tố nước ngoài", "lưu động", "cho người đã có hồ sơ, giấy tờ cá nhân", "ở khu vực biên giới", "đã được giải quyết tại cơ quan có thẩm quyền của nước ngoài"],
  },
  {
    field: "Đất đai",
    agency: ["Văn phòng đăng ký đất đai", "Sở Nông nghiệp và Môi trường", "Ủy ban nhân dân cấp xã", "Chi nhánh Văn phòng đăng ký đất đai"],
    tiers: ["tinh", "xa"],
    objects: ["giấy chứng nhận quyền sử dụng đất", "biến động đất đai", "quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất", "thế chấp quyền sử dụng đất", "chuyển mục đích sử dụng đất", "gia hạn sử dụng đất", "giao đất, cho thuê đất", "tách thửa, hợp thửa đất", "thu hồi đất", "bồi thường, hỗ trợ tái định cư"],
  },
  {
    field: "Khoáng sản",
    agency: ["Sở Nông nghiệp và Môi trường", "Bộ Nông nghiệp và Môi trường", "Ủy ban nhân dân cấp tỉnh"],
    tiers: ["tinh", "trung-uong"],
    objects: ["giấy phép thăm dò khoáng sản", "giấy phép khai thác khoáng sản", "giấy phép khai thác tận thu khoáng sản", "quyền khai thác khoáng sản", "đề án đóng cửa mỏ khoáng sản", "khu vực khai thác khoáng sản nhỏ lẻ"],
  },
  {
    field: "Tài nguyên nước",
    agency: ["Sở Nông nghiệp và Môi trường", "Cục Quản lý tài nguyên nước"],
    tiers: ["tinh", "trung-uong"],
    objects: ["giấy phép khai thác nước mặt", "giấy phép khai thác nước dưới đất", "giấy phép thăm dò nước dưới đất", "giấy phép hành nghề khoan nước dưới đất", "giấy phép xả nước thải vào nguồn nước", "giấy phép khai thác nước biển"],
  },
  {
    field: "Môi trường",
    agency: ["Sở Nông nghiệp và Môi trường", "Bộ Nông nghiệp và Môi trường", "Ủy ban nhân dân cấp tỉnh"],
    tiers: ["tinh", "trung-uong"],
    objects: ["giấy phép môi trường", "báo cáo đánh giá tác động môi trường", "kế hoạch bảo vệ môi trường", "giấy phép xử lý chất thải nguy hại", "sổ đăng ký chủ nguồn thải chất thải nguy hại", "phương án cải tạo, phục hồi môi trường"],
  },
  {
    field: "Dược phẩm",
    agency: ["Sở Y tế", "Cục Quản lý Dược"],
    tiers: ["tinh", "trung-uong"],
    objects: ["chứng chỉ hành nghề dược", "giấy chứng nhận đủ điều kiện kinh doanh dược", "giấy đăng ký lưu hành thuốc", "giấy phép nhập khẩu thuốc", "giấy xác nhận nội dung quảng cáo thuốc", "giấy chứng nhận thực hành tốt phân phối thuốc"],
  },
  {
    field: "Khám bệnh, chữa bệnh",
    agency: ["Sở Y tế", "Cục Quản lý Khám, chữa bệnh"],
    tiers: ["tinh", "trung-uong"],
    objects: ["giấy phép hành nghề khám bệnh, chữa bệnh", "giấy phép hoạt động đối với phòng khám đa khoa", "giấy phép hoạt động đối với phòng khám chuyên khoa", "giấy phép hoạt động đối với bệnh viện", "giấy phép hoạt động đối với trạm y tế", "giấy phép hoạt động đối với phòng chẩn trị y học cổ truyền"],
  },
  {
    field: "Xây dựng",
    agency: ["Sở Xây dựng", "Ủy ban nhân dân cấp xã", "Bộ Xây dựng"],
    tiers: ["tinh", "xa", "trung-uong"],
    objects: ["giấy phép xây dựng công trình", "giấy phép xây dựng có thời hạn", "giấy phép di dời công trình", "chứng chỉ hành nghề hoạt động xây dựng", "chứng chỉ năng lực hoạt động xây dựng", "chứng chỉ hành nghề kiến trúc", "thẩm định báo cáo nghiên cứu khả thi đầu tư xây dựng", "giấy phép sửa chữa, cải tạo công trình"],
  },
  {
    field: "Đường bộ",
    agency: ["Sở Xây dựng", "Cục Đường bộ Việt Nam", "Phòng Cảnh sát giao thông"],
    tiers: ["tinh", "trung-uong"],
    objects: ["giấy phép kinh doanh vận tải bằng xe ô tô", "phù hiệu xe ô tô kinh doanh vận tải", "giấy phép lưu hành xe quá tải trọng", "giấy phép xe tập lái", "giấy phép đào tạo lái xe ô tô", "giấy chứng nhận giáo viên dạy thực hành lái xe", "giấy phép liên vận quốc tế", "biển hiệu xe ô tô vận chuyển khách du lịch"],
  },
  {
    field: "Đường thủy nội địa",
    agency: ["Sở Xây dựng", "Cục Đường thủy nội địa Việt Nam"],
    tiers: ["tinh", "trung-uong"],
    objects: ["phương tiện thủy nội địa", "giấy chứng nhận khả năng chuyên môn thuyền trưởng", "bến thủy nội địa", "cảng thủy nội địa", "giấy phép hoạt động bến khách ngang sông"],
  },
  {
    field: "Lao động, việc làm",
    agency: ["Sở Nội vụ", "Trung tâm Dịch vụ việc làm", "Bộ Nội vụ"],
    tiers: ["tinh", "trung-uong"],
    objects: ["giấy phép lao động cho người lao động nước ngoài", "giấy phép hoạt động dịch vụ việc làm", "giấy phép hoạt động cho thuê lại lao động", "thang lương, bảng lương", "thỏa ước lao động tập thể", "hợp đồng cung ứng lao động đi làm việc ở nước ngoài"],
  },
  {
    field: "Giáo dục và đào tạo",
    agency: ["Sở Giáo dục và Đào tạo", "Ủy ban nhân dân cấp xã", "Bộ Giáo dục và Đào tạo"],
    tiers: ["tinh", "xa", "trung-uong"],
    objects: ["văn bằng, chứng chỉ", "bản sao văn bằng tốt nghiệp", "phép hoạt động giáo dục trường mầm non", "phép thành lập trường trung học phổ thông tư thục", "giấy phép tổ chức hoạt động giáo dục kỹ năng sống", "giấy chứng nhận đăng ký hoạt động giáo dục nghề nghiệp", "công nhận văn bằng do cơ sở giáo dục nước ngoài cấp", "chuyển trường đối với học sinh trung học"],
  },
  {
    field: "Văn hóa, du lịch",
    agency: ["Sở Văn hóa, Thể thao và Du lịch", "Cục Du lịch Quốc gia Việt Nam"],
    tiers: ["tinh", "trung-uong"],
    objects: ["giấy phép kinh doanh dịch vụ lữ hành nội địa", "giấy phép kinh doanh dịch vụ lữ hành quốc tế", "thẻ hướng dẫn viên du lịch", "giấy phép tổ chức biểu diễn nghệ thuật", "giấy phép kinh doanh dịch vụ karaoke", "giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao", "công nhận hạng cơ sở lưu trú du lịch", "giấy phép triển lãm mỹ thuật"],
  },
  {
    field: "Nông nghiệp, thú y",
    agency: ["Sở Nông nghiệp và Môi trường", "Chi cục Chăn nuôi và Thú y", "Cục Thú y"],
    tiers: ["tinh", "trung-uong"],
    objects: ["giấy chứng nhận cơ sở an toàn dịch bệnh động vật", "giấy chứng nhận kiểm dịch động vật", "chứng chỉ hành nghề thú y", "giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật", "giấy chứng nhận đủ điều kiện sản xuất thức ăn chăn nuôi", "giấy phép vận chuyển thuốc bảo vệ thực vật", "mã số vùng trồng"],
  },
  {
    field: "Thủy sản",
    agency: ["Sở Nông nghiệp và Môi trường", "Cục Thủy sản và Kiểm ngư"],
    tiers: ["tinh", "trung-uong"],
    objects: ["giấy phép khai thác thủy sản", "tàu cá", "giấy chứng nhận an toàn kỹ thuật tàu cá", "giấy chứng nhận cơ sở đủ điều kiện nuôi trồng thủy sản", "văn bản chấp thuận đóng mới tàu cá"],
  },
  {
    field: "Công thương",
    agency: ["Sở Công Thương", "Bộ Công Thương", "Ủy ban nhân dân cấp xã"],
    tiers: ["tinh", "xa", "trung-uong"],
    objects: ["giấy phép bán lẻ sản phẩm thuốc lá", "giấy phép bán buôn rượu", "giấy phép bán lẻ rượu", "giấy chứng nhận đủ điều kiện kinh doanh xăng dầu", "giấy phép hoạt động điện lực", "giấy chứng nhận đủ điều kiện sản xuất hóa chất", "giấy chứng nhận đủ điều kiện thương nhân kinh doanh khí", "giấy phép kinh doanh cho tổ chức kinh tế có vốn đầu tư nước ngoài", "giấy chứng nhận xuất xứ hàng hóa"],
  },
  {
    field: "An toàn thực phẩm",
    agency: ["Sở Y tế", "Sở Công Thương", "Sở Nông nghiệp và Môi trường", "Ban Quản lý an toàn thực phẩm"],
    tiers: ["tinh"],
    objects: ["giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở sản xuất", "giấy xác nhận nội dung quảng cáo thực phẩm", "bản công bố sản phẩm thực phẩm bảo vệ sức khỏe", "giấy chứng nhận y tế đối với thực phẩm xuất khẩu"],
  },
  {
    field: "Thông tin và truyền thông",
    agency: ["Sở Văn hóa, Thể thao và Du lịch", "Cục Báo chí", "Cục Xuất bản, In và Phát hành", "Sở Khoa học và Công nghệ"],
    tiers: ["tinh", "trung-uong"],
    objects: ["giấy phép hoạt động báo in", "giấy phép xuất bản bản tin", "giấy phép thiết lập trang thông tin điện tử tổng hợp", "giấy phép hoạt động in", "giấy xác nhận đăng ký hoạt động phát hành xuất bản phẩm", "giấy phép cung cấp dịch vụ trò chơi điện tử", "giấy phép sử dụng tần số vô tuyến điện"],
  },
  {
    field: "Bổ trợ tư pháp",
    agency: ["Sở Tư pháp", "Bộ Tư pháp"],
    tiers: ["tinh", "trung-uong"],
    objects: ["chứng chỉ hành nghề luật sư", "giấy đăng ký hoạt động của tổ chức hành nghề luật sư", "thẻ công chứng viên", "văn phòng công chứng", "thẻ thẩm định viên về giá", "giấy đăng ký hoạt động của trung tâm trọng tài", "chứng chỉ hành nghề đấu giá", "thẻ giám định viên tư pháp"],
  },
  {
    field: "Người có công",
    agency: ["Sở Nội vụ", "Ủy ban nhân dân cấp xã"],
    tiers: ["tinh", "xa"],
    objects: ["trợ cấp hằng tháng đối với thân nhân liệt sĩ", "chế độ ưu đãi người hoạt động kháng chiến", "giấy chứng nhận gia đình liệt sĩ", "trợ cấp mai táng phí", "hỗ trợ cải thiện nhà ở người có công", "di chuyển hài cốt liệt sĩ"],
    actions: ["giải quyết", "giải quyết chế độ", "công nhận", "xác nhận", "điều chỉnh", "cấp", "cấp lại"],
  },
  {
    field: "Bảo trợ xã hội",
    agency: ["Ủy ban nhân dân cấp xã", "Sở Y tế"],
    tiers: ["xa", "tinh"],
    objects: ["trợ cấp xã hội hằng tháng đối với người cao tuổi", "hỗ trợ kinh phí chăm sóc người khuyết tật", "giấy xác nhận khuyết tật", "cơ sở trợ giúp xã hội ngoài công lập", "hỗ trợ khẩn cấp khi bị thiệt hại do thiên tai", "chăm sóc thay thế cho trẻ em"],
    actions: ["thực hiện", "điều chỉnh", "thôi hưởng", "cấp", "cấp đổi", "cấp lại", "đăng ký thành lập", "giải thể"],
  },
  {
    field: "Tôn giáo, tín ngưỡng",
    agency: ["Sở Dân tộc và Tôn giáo", "Ủy ban nhân dân cấp xã", "Ban Tôn giáo Chính phủ"],
    tiers: ["tinh", "xa", "trung-uong"],
    objects: ["sinh hoạt tôn giáo tập trung", "hoạt động tín ngưỡng", "người được phong phẩm, bổ nhiệm chức sắc", "tổ chức tôn giáo trực thuộc", "sửa đổi hiến chương tổ chức tôn giáo", "mở lớp bồi dưỡng về tôn giáo"],
    actions: ["đăng ký", "thông báo", "chấp thuận", "công nhận", "đề nghị"],
  },
  {
    field: "Đầu tư, doanh nghiệp",
    agency: ["Sở Tài chính", "Phòng Đăng ký kinh doanh", "Bộ Tài chính"],
    tiers: ["tinh", "trung-uong"],
    objects: ["dự án đầu tư", "giấy chứng nhận đăng ký đầu tư", "chủ trương đầu tư", "chi nhánh, văn phòng đại diện", "địa điểm kinh doanh", "hợp tác xã", "liên hiệp hợp tác xã", "tạm ngừng kinh doanh", "giải thể doanh nghiệp", "người đại diện theo pháp luật"],
  },
  {
    field: "Thuế, phí, lệ phí",
    agency: ["Cơ quan thuế", "Chi cục Thuế khu vực", "Cục Thuế"],
    tiers: ["tinh", "trung-uong"],
    objects: ["thuế giá trị gia tăng", "thuế tài nguyên", "thuế sử dụng đất phi nông nghiệp", "hoàn thuế", "miễn, giảm tiền thuê đất", "hóa đơn điện tử", "người phụ thuộc giảm trừ gia cảnh", "gia hạn nộp thuế"],
    actions: ["khai", "đăng ký", "đề nghị", "kê khai", "xác nhận", "nộp"],
  },
  {
    field: "Thi đua, khen thưởng",
    agency: ["Sở Nội vụ", "Ủy ban nhân dân cấp tỉnh", "Ủy ban nhân dân cấp xã"],
    tiers: ["tinh", "xa"],
    objects: ["danh hiệu chiến sĩ thi đua cơ sở", "bằng khen của Chủ tịch Ủy ban nhân dân cấp tỉnh", "giấy khen cho gia đình", "danh hiệu lao động tiên tiến", "khen thưởng đột xuất", "danh hiệu gia đình văn hóa"],
    actions: ["tặng", "xét tặng", "công nhận", "đề nghị tặng", "khen thưởng"],
  },
  {
    field: "Quốc tịch, lý lịch",
    agency: ["Sở Tư pháp", "Bộ Tư pháp", "Cơ quan đại diện Việt Nam ở nước ngoài"],
    tiers: ["tinh", "trung-uong"],
    objects: ["quốc tịch Việt Nam", "giấy xác nhận có quốc tịch Việt Nam", "giấy xác nhận là người gốc Việt Nam", "thôi quốc tịch Việt Nam", "trở lại quốc tịch Việt Nam"],
    actions: ["xin", "cấp", "cấp lại", "xác nhận", "ghi chú"],
  },
  {
    field: "Nội vụ",
    agency: ["Sở Nội vụ", "Ủy ban nhân dân cấp xã", "Bộ Nội vụ"],
    tiers: ["tinh", "xa", "trung-uong"],
    objects: ["hội", "quỹ xã hội, quỹ từ thiện", "điều lệ hội", "thành lập thôn, tổ dân phố", "thi tuyển công chức", "xếp hạng đơn vị sự nghiệp công lập", "thành lập đơn vị sự nghiệp công lập"],
    actions: ["công nhận", "phê duyệt", "cho phép", "đăng ký", "giải thể", "đổi tên", "chia, tách, sáp nhập"],
  },
  {
    field: "Khoa học, công nghệ",
    agency: ["Sở Khoa học và Công nghệ", "Cục Sở hữu trí tuệ", "Bộ Khoa học và Công nghệ"],
    tiers: ["tinh", "trung-uong"],
    objects: ["giấy chứng nhận đăng ký hoạt động khoa học và công nghệ", "văn bằng bảo hộ sáng chế", "nhãn hiệu", "kiểu dáng công nghiệp", "giấy phép tiến hành công việc bức xạ", "chứng chỉ nhân viên bức xạ", "giấy chứng nhận doanh nghiệp khoa học và công nghệ", "chuyển giao công nghệ"],
  },
  {
    field: "Quản lý xuất nhập cảnh",
    agency: ["Phòng Quản lý xuất nhập cảnh Công an tỉnh", "Cục Quản lý xuất nhập cảnh"],
    tiers: ["tinh", "trung-uong"],
    objects: ["thị thực cho người nước ngoài", "thẻ tạm trú cho người nước ngoài", "thẻ thường trú cho người nước ngoài", "giấy miễn thị thực", "giấy thông hành biên giới", "tạm trú cho người nước ngoài tại Việt Nam"],
    actions: ["cấp", "cấp lại", "gia hạn", "khai báo", "cấp mới", "hủy giá trị"],
  },
  {
    field: "Phòng cháy, chữa cháy",
    agency: ["Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ", "Cục Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ"],
    tiers: ["tinh", "trung-uong"],
    objects: ["thiết kế về phòng cháy và chữa cháy", "kết quả nghiệm thu về phòng cháy và chữa cháy", "phương án chữa cháy của cơ sở", "giấy chứng nhận đủ điều kiện kinh doanh dịch vụ phòng cháy", "phương tiện phòng cháy và chữa cháy"],
    actions: ["thẩm định", "chấp thuận", "phê duyệt", "cấp", "cấp lại", "kiểm định", "kiểm tra"],
  },
];

/** Seeded PRNG (mulberry32): small, fast, and identical on every machine. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LEVEL_POOL: Level[] = ["toan-trinh", "toan-trinh", "mot-phan", "mot-phan", "mot-phan", "khong-truc-tuyen"];

/** Generates `count` valid, distinct synthetic procedure entries (ids prefixed `syn-`). */
export function createSyntheticCorpus(options: SyntheticCorpusOptions = {}): Entry[] {
  const count = options.count ?? 6000;
  const rand = createRandom(options.seed ?? 42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const takenIds = options.takenIds ?? new Set<string>();
  const titles = new Set(options.takenTitles ?? []);
  const out: Entry[] = [];
  let attempts = 0;
  while (out.length < count) {
    if (++attempts > count * 50) throw new Error(`bench: synthetic vocabulary too small for ${count} distinct titles`);
    const f = pick(FIELDS);
    const action = pick(f.actions ?? (f.field === "Đầu tư, doanh nghiệp" ? REGISTRATION_ACTIONS : LICENCE_ACTIONS));
    const object = pick(f.objects);
    const qualifier = pick(f.qualifiers ?? GENERIC_QUALIFIERS);
    // A few titles name the tier the way real lists do ("… (cấp tỉnh)").
    const tier = pick(f.tiers);
    const tierSuffix = rand() < 0.15 ? ` (${tierLabel(tier)})` : "";
    const title = capitalise([action, object, qualifier].filter(Boolean).join(" ")) + tierSuffix;
    if (titles.has(title)) continue;
    titles.add(title);
    const n = out.length + 1;
    const id = `syn-${String(n).padStart(5, "0")}`;
    if (takenIds.has(id)) continue;
    const agency = pick(f.agency);
    const level = pick(LEVEL_POOL);
    const raw = {
      id,
      kind: "procedure",
      title,
      aliases: rand() < 0.3 ? [`${action} ${object}`] : [],
      keywords: [object, ...(qualifier ? [qualifier] : [])],
      summary: `${title}. Hồ sơ nộp tại ${agency}; kết quả trả theo quy định của ngành ${f.field.toLowerCase()}.`,
      field: f.field,
      tier,
      agency,
      level,
      documents: ["Đơn đề nghị theo mẫu", `Bản sao giấy tờ liên quan đến ${object}`],
      steps: ["Chuẩn bị hồ sơ theo quy định", `Nộp hồ sơ tại ${agency} hoặc trên Cổng Dịch vụ công`, "Nhận kết quả"],
      source: "Synthetic benchmark entry (bench/synthetic-corpus.ts), not a real procedure",
      reviewed: "2025-07-01",
    };
    out.push(entrySchema.parse(raw));
  }
  return out;
}

function tierLabel(tier: Tier): string {
  return { "trung-uong": "cấp trung ương", tinh: "cấp tỉnh", xa: "cấp xã", huyen: "cấp huyện" }[tier];
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * Realistic questions about synthetic entries, for timing only (no expected answer): folded or
 * accented, short or first-person, some with a typo.
 */
export function syntheticQuestions(entries: readonly Entry[], count: number, seed = 7): string[] {
  const rand = createRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const leads = ["", "", "cho tôi hỏi ", "em muốn ", "thủ tục ", "làm sao để ", "cho mình hỏi cách "];
  const tails = ["", "", " cần giấy tờ gì", " lệ phí bao nhiêu", " mất bao lâu", " nộp ở đâu", " online được không", " ạ"];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const e = pick(entries);
    let q = pick(leads) + e.title.toLowerCase() + pick(tails);
    const r = rand();
    if (r < 0.35) q = stripMarks(q);
    if (r > 0.85) {
      // one slipped key inside a longer word
      const at = 3 + Math.floor(rand() * Math.max(1, q.length - 6));
      q = q.slice(0, at) + q.charAt(at + 1) + q.charAt(at) + q.slice(at + 2);
    }
    out.push(q);
  }
  return out;
}

function stripMarks(s: string): string {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D");
}
