/**
 * Place names and administrative words. Citizens often add where they live ("ở Bắc Ninh",
 * "phường 5"); that says nothing about which procedure they mean, so these words weigh like
 * filler. Provinces before and after the 2025 merger are both listed: people use both.
 */
export const PLACE_WORDS: readonly string[] = [
  // Single syllables that are also common words ("tình", "quan", "xã hội", "phương tiện") are left out.
  // Where the citizen comes from ("ở quê", "về quê") says nothing about the procedure either.
  "que", "que nha", "thanh pho", "tp", "tphcm", "huyen", "thi xa", "thi tran", "to dan pho", "khu pho",
  "ha noi", "ho chi minh", "sai gon", "hai phong", "da nang", "can tho", "hue", "thua thien hue",
  "an giang", "ba ria vung tau", "vung tau", "bac giang", "bac kan", "bac lieu", "bac ninh", "ben tre", "binh dinh",
  "binh duong", "binh phuoc", "binh thuan", "ca mau", "cao bang", "dak lak", "dak nong", "dien bien", "dong nai",
  "dong thap", "gia lai", "ha giang", "ha nam", "ha tinh", "hai duong", "hau giang", "hoa binh", "hung yen",
  "khanh hoa", "kien giang", "kon tum", "lai chau", "lam dong", "lang son", "lao cai", "long an", "nam dinh",
  "nghe an", "ninh binh", "ninh thuan", "phu tho", "phu yen", "quang binh", "quang nam", "quang ngai", "quang ninh",
  "quang tri", "soc trang", "son la", "tay ninh", "thai binh", "thai nguyen", "thanh hoa", "tien giang", "tra vinh",
  "tuyen quang", "vinh long", "vinh phuc", "yen bai",
];
