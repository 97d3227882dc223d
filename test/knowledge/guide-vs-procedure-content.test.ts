import { describe, expect, it } from "vitest";
import { realSearch } from "../helpers/real-search.js";

/**
 * Content test: a general guide whose broad keywords held the rare words of a message that names one
 * procedure ("tiệm tạp hóa" of the tax guide, "đóng … thuế" for closing the tax code). The procedure's
 * own situation words now answer; wording is not tested.
 */
const { search, answered } = realSearch();

describe("a procedure the message names is not taken by a general guide", () => {
  it("pausing a small shop for some months is the pause of the household business, not the household-business tax guide", () => {
    expect(answered("Em muốn tạm nghỉ tiệm tạp hóa 6 tháng vì về quê sinh con, có phải báo ở đâu ko")).toBe("tam-ngung-ho-kinh-doanh");
  });

  it("closing the tax code of a household business when stopping is ending the business, not the tax guide", () => {
    expect(answered("đóng mã số thuế hộ kinh doanh khi nghỉ bán")).toBe("cham-dut-ho-kinh-doanh");
  });

  it("whether a child's passport can be filed online is the passport procedure, not the online-filing guide", () => {
    expect(answered("Con tôi 5 tuổi làm hộ chiếu thì bố mẹ nộp online được không, có cần cháu có mặt chụp ảnh?")).toBe("cap-ho-chieu-pho-thong");
  });

  it("the merger guide still answers an old address on the căn cước after a merger", () => {
    expect(answered("Xã em mới sát nhập đổi tên rồi, CCCD ghi địa chỉ cũ thì có phải đi làm lại ko ạ")).not.toBe("cap-doi-cap-lai-the-can-cuoc");
    expect(search("tinh sap nhap r thi can cuoc voi so do ghi dia chi cu co phai doi ko").hits[0]?.entry.id).toBe("giay-to-sau-sap-xep-don-vi-hanh-chinh");
  });

  it("a căn cước or passport asked 'online on the portal' is the procedure; the portal's own questions keep their guides", () => {
    expect(answered("lam can cuoc online tren cong dich vu cong dc ko hay bat buoc len cong an")).toBe("cap-the-can-cuoc");
    expect(answered("làm hộ chiếu online trên dịch vụ công thì ảnh chụp thế nào mới đạt")).toBe("cap-ho-chieu-pho-thong");
    expect(answered("nộp hồ sơ trên dịch vụ công thế nào")).toBe("nop-ho-so-truc-tuyen");
    expect(answered("đăng nhập cổng dịch vụ công bằng vneid")).toBe("dang-nhap-cong-dich-vu-cong");
  });
});
