import { describe, expect, it } from "vitest";
import { realSearch } from "../helpers/real-search.js";

/**
 * Content test: "… có cần <giấy tờ> không" on the real knowledge/. The paper is needed for what the message named
 * before, unless the paper's own words name the entry that was named (a permit asked about while building a house).
 * Asserts which entry answers; wording is not tested.
 */
const { answered } = realSearch();

describe("asking whether a paper is needed", () => {
  it.each([
    ["xây nhà cho bố mẹ có cần giấy phép xây dựng không", "cap-giay-phep-xay-dung-nha-o"],
    ["xây nhà trên đất của bố mẹ có cần giấy phép xây dựng không", "cap-giay-phep-xay-dung-nha-o"],
    ["xay nha tren dat cua ong ba co can giay phep xay dung khong", "cap-giay-phep-xay-dung-nha-o"],
    ["bán hàng ăn có cần giấy an toàn thực phẩm không", "cap-giay-chung-nhan-an-toan-thuc-pham"],
    ["bán hàng ăn trên vỉa hè trước nhà có cần giấy an toàn thực phẩm không", "cap-giay-chung-nhan-an-toan-thuc-pham"],
    // "quán ăn": two common words, but a pair few entries hold (rarePairEntries).
    ["mở quán ăn nhỏ thì có cần giấy chứng nhận an toàn thực phẩm ko, xin ở đâu", "cap-giay-chung-nhan-an-toan-thuc-pham"],
    ["mo quan an nho co can giay chung nhan an toan thuc pham ko", "cap-giay-chung-nhan-an-toan-thuc-pham"],
  ])("%s: the paper is what is asked about (%s)", (q, id) => {
    expect(answered(q)).toBe(id);
  });

  it.each([
    ["dang ky cap dien cho day tro moi xay can giay to j, co can so do ko", "cap-dien-nuoc"],
    ["lắp điện cho nhà mới có cần sổ đỏ không", "cap-dien-nuoc"],
    ["đăng ký thường trú cho con ở nhà ông bà có cần sổ đỏ không", "dang-ky-thuong-tru"],
    ["chuyển hộ khẩu cho vợ về nhà chồng có cần giấy đăng ký kết hôn không", "dang-ky-thuong-tru"],
  ])("%s: the paper is needed for what was named before (%s)", (q, id) => {
    expect(answered(q)).toBe(id);
  });
});
