import { describe, expect, it } from "vitest";
import { realSearch } from "../helpers/real-search.js";

/**
 * Content test: situations that independently written citizen messages describe again and again,
 * where the right entry ranked first but was not answered (a word pair of the message that none of
 * its names or keywords held, or an abbreviation the analyzer did not know). Each case asserts which
 * entry answers, against the neighbour it competes with; wording is not tested.
 */
const { search, answered } = realSearch();

describe("recurring situations answer with their entry", () => {
  it("an abandoned newborn already reported to the police: birth registration for an abandoned child, not ordinary or late khai sinh", () => {
    for (const q of [
      "Sáng nay nhà tôi nhặt được một bé sơ sinh bị bỏ trước cổng chùa, đã báo công an xã rồi, giờ làm khai sinh cho bé thế nào?",
      "Có người bỏ bé sơ sinh trước cổng nhà, đã báo công an lập biên bản rồi, gia đình muốn nuôi và làm khai sinh thì làm sao?",
    ]) {
      expect(answered(q), q).toBe("dang-ky-khai-sinh-tre-bi-bo-roi");
    }
  });

  it("'qt đóng' and 'check quá trình' read as 'quá trình đóng' and 'tra cứu quá trình': the BHXH contribution history, not online payment", () => {
    expect(answered("tra qt đóng bhxh của tôi")).toBe("tra-cuu-qua-trinh-dong-bhxh");
    expect(answered("check quá trình đóng bhxh trên điện thoại")).toBe("tra-cuu-qua-trinh-dong-bhxh");
  });

  it("'check' alone is not read as 'tra cứu': 'check vneid mức 2' is the level-2 account, and 'check vneid' names no lookup", () => {
    expect(answered("check vneid mức 2")).toBe("vneid-muc-2");
    expect(answered("check vneid")).not.toBe("tra-cuu-phat-nguoi");
    expect(answered("check tài khoản vneid")).not.toBe("tra-cuu-qua-trinh-dong-bhxh");
  });

  it("'qt' alone is not expanded: 'quá trình' comes only before 'đóng'", () => {
    expect(search("tra qt").unknownWords).toContain("qt");
  });

  it("'thẻ cc' is the căn cước card (a re-issue when broken), while a bare 'cc' stays unread", () => {
    expect(answered("thẻ cc bị gãy đôi rồi, làm lại mất bao nhiêu tiền")).toBe("cap-doi-cap-lai-the-can-cuoc");
    expect(search("cc của con").unknownWords).toContain("cc");
  });

  it("'cách đây 10 năm' is a time ago, not 'how to': the card is shown whole, not only its steps", () => {
    const r = search("toi tung bi an treo cach day 10 nam, gio xin ly lich tu phap thi co bi ghi vao khong");
    expect(answered("toi tung bi an treo cach day 10 nam, gio xin ly lich tu phap thi co bi ghi vao khong")).toBe("cap-phieu-ly-lich-tu-phap");
    expect([...r.facets]).not.toContain("steps");
    expect([...search("cách làm lý lịch tư pháp").facets]).toContain("steps");
  });

  it("'nvqs' is nghĩa vụ quân sự: registering it where one works beats the temporary-residence card", () => {
    // The exam-summons guide (session 38) says how to move the registration to where one works: it answers too.
    expect(["dang-ky-nghia-vu-quan-su-lan-dau", "kham-suc-khoe-nghia-vu-quan-su"]).toContain(answered("di lam xa nha thi dang ky nvqs o noi tam tru dc ko"));
  });

  it("'ck bank' is a bank transfer: a failed transfer of the fee is the failed-payment guide", () => {
    expect(answered("ck bank 3 lần vẫn báo giao dịch thất bại khi nộp phí trên cổng dvc")).toBe("thanh-toan-that-bai");
  });

  it("a VNeID account locked after wrong passwords: the lock/unlock guide, not the forgotten-password guide", () => {
    expect(answered("tài khoản định danh bị khóa do nhập sai mật khẩu nhiều lần, mở lại thế nào")).toBe("vneid-khoa-tai-khoan");
  });

  it("'số định danh cá nhân với số căn cước có khác nhau không' is the guide to the personal identification number", () => {
    expect(answered("số định danh cá nhân với số căn cước có khác nhau không")).toBe("so-dinh-danh-ca-nhan");
  });

  it("'bổ sung trên web' is adding papers online: the dossier look-up guide answers", () => {
    expect(answered("hồ sơ bị trả về yêu cầu bổ sung, bổ sung trên web thế nào")).toBe("tra-cuu-ho-so");
  });
});
