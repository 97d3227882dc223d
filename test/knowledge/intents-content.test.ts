import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/engine.js";
import { newSession, type Turn } from "../../src/engine/types.js";
import { buildCore } from "../../src/runtime/core.js";
import { repliesToPlainText } from "../../src/runtime/plain-text.js";
import { fold } from "../../src/text/normalize.js";

/**
 * Content test: what citizens wrote blind (test/fixtures/blind-eval-5.jsonl and the issue on
 * understanding them), over the engine and the real knowledge/ with its intents.yaml. Refusals,
 * chit-chat and loose matches show no card; the real questions next to them still get theirs.
 * The rules themselves are tested on fixture knowledge in test/engine/intents*.test.ts.
 */
const ROOT = join(import.meta.dirname, "../..");
let engine: Engine;
beforeAll(() => {
  const { core, problems } = buildCore({ knowledgeDir: join(ROOT, "knowledge"), flowsDir: join(ROOT, "flows") });
  expect(problems).toEqual([]);
  engine = core!.engine;
});

const say = (text: string): Turn => engine.handle({ type: "text", text, channel: "zalo", chatId: "c", userId: "u", at: Date.UTC(2026, 11, 2, 8) }, newSession());
const heading = (t: Turn) => {
  const h = t.replies[0]?.blocks.find((b) => b.type === "heading");
  return h && h.type === "heading" ? h.text : undefined;
};
const text = (t: Turn) => fold(repliesToPlainText(t.replies));
const choiceIds = (t: Turn) => t.replies.flatMap((r) => r.choices ?? []).map((c) => c.id);

describe("requests to forge papers or use someone else's: a firm, polite no and the lawful way", () => {
  it.each(["ai lam bang lai ko can thi ib e", "Có chỗ nào làm bằng đại học giả không ad, em cần gấp", "lam bang dai hoc gia de nop xin viec o dau uy tin", "Ad ơi chỗ nào bán bằng lái xe máy bao đậu ko cần thi vậy"])(
    "%s",
    (message) => {
      const t = say(message);
      expect(heading(t)).toBeUndefined();
      expect(text(t)).toContain("khong the ho tro viec lam gia");
      expect(text(t)).toContain("cap lai, cap doi");
    },
  );

  it("buying a SIM in someone else's name: refused, with the guide to a SIM in one's own name", () => {
    const t = say("Có cách nào mua sim chính chủ người khác để đăng ký không");
    expect(heading(t)).toBeUndefined();
    expect(text(t)).toContain("khong the huong dan dung sim");
    expect(choiceIds(t).some((id) => id.includes("vneid-sim-khong-chinh-chu"))).toBe(true);
  });
});

describe("chit-chat and other topics: the short 'I only help with public services', nothing odd offered", () => {
  it.each([
    "so de hom nay danh con gi",
    "mai ha noi co mua ko",
    "Em thuê phòng trọ ở Gò Vấp, chủ nhà tính tiền điện 4 nghìn một số, nước 100 nghìn một người. Em thấy cao quá, vậy có quy định giá trần không và phản ánh ở đâu ạ?",
    "Anh em tranh chấp đất của bố mẹ để lại, hoà giải ở xã không được thì kiện ra toà ở đâu ạ",
    "dịch câu 'giấy phép lao động' sang tiếng anh là gì",
  ])("%s", (message) => {
    const t = say(message);
    expect(heading(t)).toBeUndefined();
    expect(text(t)).toContain("chi ho tro ve thu tuc hanh chinh");
    expect(choiceIds(t)).toEqual(["m"]);
  });
});

describe("a question about a public-service thing that asks for no service: knowledge, opinion (issue: out-of-scope messages of new writers)", () => {
  it.each([
    "VNeID do cty nao viet vay, code bang ngon ngu gi",
    "Tai sao lai goi la so do ma ko goi la so hong nhi, lich su ten goi the nao",
    "so do voi so hong ten goi tu dau ra vay, sao lai goi theo mau",
    "BHXH Viet Nam co bao nhieu nhan vien tren ca nuoc vay",
    "vợ chồng tôi cãi nhau suốt, có nên ly hôn không, con còn nhỏ",
    "đi khám bhyt bệnh dạ dày thì bệnh viện nào bác sĩ giỏi",
    "chứng minh nhân dân có từ bao giờ",
    "tỉnh nào rộng nhất việt nam sau sáp nhập",
  ])("%s: no card, 'I don't answer general knowledge or advice', at most one procedure to tap", (message) => {
    const t = say(message);
    expect(heading(t)).toBeUndefined();
    expect(text(t)).toContain("kien thuc chung");
    expect(choiceIds(t).at(-1)).toBe("m");
    expect(choiceIds(t).length).toBeLessThanOrEqual(2);
    // Not a gap in the knowledge: nothing recorded for staff.
    expect(t.effects.some((e) => e.type === "record" && e.stream === "unanswered")).toBe(false);
  });

  it.each([
    ["Hộ chiếu của tôi còn 5 tháng là hết hạn, tháng sau đi Thái thì có nên đổi luôn không, làm ở đâu nhanh nhất?", "Cấp hộ chiếu phổ thông"],
    ["Vợ chồng em đồng thuận ly hôn, không tranh chấp tài sản, nộp đơn ở đâu ạ", "Ly hôn"],
    ["thừa kế đất không có di chúc thì khai nhận thừa kế ở đâu", "Đăng ký biến động đất đai"],
    // Choosing between two kinds of one paper, a photo to retake, news of a tax rule, a wrong figure on one's
    // own book, a hedge before a real question: procedure questions (newcomer review of session 27).
    ["ảnh căn cước xấu, chụp lại cho đẹp hơn được ko", "Cấp đổi, cấp lại thẻ căn cước"],
    ["hộ chiếu gắn chip hay không gắn chip loại nào tốt hơn", "Cấp hộ chiếu phổ thông"],
    ["mat ho chieu roi co nen bao mat khong", "Trình báo mất hộ chiếu"],
    ["tin tức mới nhất về thuế hộ kinh doanh 2026", "Thuế hộ kinh doanh"],
    ["số liệu trên sổ bhxh của tôi bị sai", "Cấp lại sổ bảo hiểm xã hội"],
    ["vneid khong hien thong tin moi sau khi sua ho khau", "Điều chỉnh thông tin về cư trú"],
    ["bố mẹ mất, em được chia phần đất 100m2, làm sổ riêng được không", "Tách thửa"],
  ])("a service asked beside it keeps its card: %s → %s", (message, title) => {
    expect(heading(say(message))).toContain(title);
  });
});

describe("a dispute between people (a path, a boundary, an inheritance share): no card of the procedure that shares a word", () => {
  it.each([
    "Nhà tôi với nhà bên cạnh tranh chấp lối đi chung 20 năm nay, hòa giải mấy lần không xong, bà nhà đó chửi rất khó nghe. Làm sao cho họ chịu nhường đây?",
    "Bố mất không để lại di chúc, anh cả giữ sổ đỏ rồi đòi lấy hết đất. Mấy chị em gái tôi có được chia không",
  ])("%s", (message) => {
    const t = say(message);
    expect(heading(t)).toBeUndefined();
    expect(t.effects.some((e) => e.type === "record" && e.stream === "unanswered")).toBe(true);
  });
});

describe("the real questions next to them are still answered", () => {
  it.each([
    ["SIM không chính chủ khi đăng ký VNeID", "SIM"],
    ["tôi lỡ mua sim đứng tên người khác giờ đăng ký vneid thế nào", "SIM"],
    ["mất bằng lái làm lại", "Cấp lại giấy phép lái xe bị mất"],
    ["bằng đại học bản sao", "bản sao văn bằng"],
    ["doi bang lai gia bao nhieu", "Đổi giấy phép lái xe"],
    ["khám sức khỏe đổi bằng lái ở đâu", "Đổi giấy phép lái xe"],
    ["quên mật khẩu vneid", "Quên mật khẩu tài khoản VNeID"],
    ["ly hôn đơn phương khởi kiện ở đâu", "Ly hôn"],
    ["đăng ký cấp điện mới cho nhà trọ", "cấp điện"],
  ])("%s → %s", (message, title) => {
    expect(heading(say(message))).toContain(title);
  });
});
