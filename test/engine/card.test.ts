import { describe, expect, it } from "vitest";
import { blocksToText } from "../../src/engine/blocks-to-text.js";
import { asksToPay, entryCard } from "../../src/engine/card.js";
import { procedureSchema } from "../../src/knowledge/schema.js";

// A fixture procedure (not the real knowledge): a standard fee, a halving to 31/12/2026 and a
// waiver for online filers to 28/02/2027; a paper that stops being required on 1/1/2026.
const card = procedureSchema.parse({
  id: "doi-the",
  kind: "procedure",
  title: "Cấp đổi thẻ thử nghiệm",
  field: "Thử nghiệm",
  tier: "xa",
  agency: "Công an cấp xã",
  level: "mot-phan",
  documents: ["Tờ khai", { name: "Giấy xác nhận cũ", until: "2025-12-31" }],
  fees: [
    { channel: "truc-tuyen", amount: 0, condition: "tài khoản định danh mức 2", from: "2026-08-15", until: "2027-02-28", basis: "Thông tư 117/2026/TT-BTC" },
    { channel: "moi-kenh", amount: 25000, from: "2025-07-01", until: "2026-12-31", basis: "Thông tư 64/2025/TT-BTC" },
    { channel: "moi-kenh", amount: 50000 },
  ],
  notes: [{ text: "Đợt miễn phí đang áp dụng", from: "2026-08-15", until: "2027-02-28" }],
  source: "fixture",
  reviewed: "2026-12-02",
});

const feeText = (day: string) => blocksToText(entryCard(card, new Set(["fee"]), day));
const fullText = (day: string) => blocksToText(entryCard(card, new Set(), day));

describe("cards read time-bound facts for the day asked", () => {
  it("states the current reduction and waiver with their end dates and what follows", () => {
    const text = feeText("2026-12-02");
    expect(text).toContain("Miễn phí, áp dụng đến hết 28/02/2027 theo Thông tư 117/2026/TT-BTC");
    expect(text).toContain("(tài khoản định danh mức 2)");
    expect(text).toContain("25.000 đồng, áp dụng đến hết 31/12/2026 theo Thông tư 64/2025/TT-BTC; sau đó 50.000 đồng");
  });

  it("states the standard fee once the periods have passed, naming no expired circular", () => {
    const text = feeText("2027-03-15");
    expect(text).toContain("50.000 đồng");
    expect(text).not.toMatch(/25\.000|Miễn phí|117\/2026|64\/2025/);
  });

  it("drops a paper no longer required and shows a dated note only while it holds", () => {
    expect(fullText("2025-12-31")).toContain("Giấy xác nhận cũ (đến hết 31/12/2025)");
    expect(fullText("2026-12-02")).not.toContain("Giấy xác nhận cũ");
    expect(fullText("2026-12-02")).toContain("Đợt miễn phí đang áp dụng (đến hết 28/02/2027)");
    expect(fullText("2027-03-01")).not.toContain("Đợt miễn phí");
  });
});

describe("fee line punctuation", () => {
  it("does not leave a note's full stop before the end date", () => {
    const p = procedureSchema.parse({ ...card, fees: [{ channel: "moi-kenh", amount: 25000, note: "Mức giảm 50%.", until: "2026-12-31", basis: "Thông tư X" }] });
    expect(blocksToText(entryCard(p, new Set(["fee"]), "2026-12-02"))).toContain("25.000 đồng — Mức giảm 50%, áp dụng đến hết 31/12/2026");
  });
});

describe("cards say each thing once and never contradict themselves", () => {
  const where = (agency: string, tier: "xa" | "tinh") =>
    blocksToText(entryCard(procedureSchema.parse({ ...card, agency, tier }), new Set(["where"]), "2026-12-02")).split("\n").find((l) => l.startsWith("Nơi nộp"));

  it("shows the tier only when the agency does not already name a level", () => {
    expect(where("Phòng Cảnh sát giao thông Công an cấp tỉnh", "xa")).toBe("Nơi nộp: Phòng Cảnh sát giao thông Công an cấp tỉnh.");
    expect(where("Công an cấp xã", "xa")).toBe("Nơi nộp: Công an cấp xã.");
    expect(where("Sở Nội vụ tỉnh, thành phố", "tinh")).toBe("Nơi nộp: Sở Nội vụ tỉnh, thành phố.");
    expect(where("Văn phòng đăng ký đất đai (nộp tại bộ phận một cửa)", "tinh")).toBe("Nơi nộp: Văn phòng đăng ký đất đai (nộp tại bộ phận một cửa) (Cấp tỉnh).");
  });

  const partly = procedureSchema.parse({ ...card, level_note: "Nộp hồ sơ trực tuyến được; trường hợp phải sát hạch lại thì phải đến trực tiếp." });
  const count = (text: string, part: string) => text.split(part).length - 1;

  it("says 'Nộp hồ sơ trực tuyến được' once in the online answer", () => {
    const text = blocksToText(entryCard(partly, new Set(["online"]), "2026-12-02"));
    expect(count(text, "Nộp hồ sơ trực tuyến được")).toBe(1);
    expect(text).toContain("sát hạch lại");
  });

  it("keeps the level note for the whole card and the online answer, not for the fee or the papers", () => {
    expect(blocksToText(entryCard(partly, new Set(), "2026-12-02"))).toContain("sát hạch lại");
    expect(blocksToText(entryCard(partly, new Set(["fee"]), "2026-12-02"))).not.toContain("sát hạch lại");
    expect(blocksToText(entryCard(partly, new Set(["documents"]), "2026-12-02"))).not.toContain("sát hạch lại");
  });
});

describe("dated notes that name their own dates", () => {
  it("are shown as written, without an end date that would read as the date the news applies until", () => {
    const p = procedureSchema.parse({ ...card, notes: [{ text: "Từ 01/3/2027 luật mới có hiệu lực, thủ tục có thể thay đổi.", until: "2027-02-28" }] });
    const text = blocksToText(entryCard(p, new Set(), "2026-12-02"));
    expect(text).toContain("Từ 01/3/2027 luật mới có hiệu lực, thủ tục có thể thay đổi.");
    expect(text).not.toContain("(đến hết 28/02/2027)");
  });
});

describe("the link button", () => {
  it("promises the procedure's page only when the entry has one; otherwise names the portal and the code to search", () => {
    const withCode = procedureSchema.parse({ ...card, code: "1.000894" });
    const noPage = entryCard(withCode, new Set(), "2026-12-02").find((b) => b.type === "link");
    expect(noPage).toMatchObject({ url: "https://dichvucong.gov.vn", label: "Cổng Dịch vụ công quốc gia — tìm thủ tục mã 1.000894" });
    const page = entryCard({ ...withCode, link: "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/abc" }, new Set(), "2026-12-02").find((b) => b.type === "link");
    expect(page).toMatchObject({ label: "Xem chi tiết và nộp hồ sơ (mã 1.000894)" });
  });
});

describe("benefit cards answer what the citizen receives", () => {
  // A fixture allowance (not the real knowledge): what it pays, a rate that ends, and no fee.
  const allowance = procedureSchema.parse({
    ...card,
    id: "tro-cap",
    title: "Trợ cấp thử nghiệm",
    fees: [{ channel: "moi-kenh", amount: 0 }],
    benefit: ["Mỗi tháng 540.000 đồng nhân hệ số", { text: "Mức cũ 500.000 đồng", until: "2026-06-30" }],
    notes: ["Chuyển nơi ở thì đề nghị nhận ở nơi mới"],
  });
  const reply = (facets: string[], day = "2026-12-05") => blocksToText(entryCard(allowance, new Set(facets as never[]), day));

  it("puts the amount received before the fee when asked how much", () => {
    const text = reply(["fee"]);
    expect(text).toContain("Mức hưởng");
    expect(text.indexOf("540.000 đồng")).toBeGreaterThanOrEqual(0);
    expect(text.indexOf("540.000 đồng")).toBeLessThan(text.indexOf("Lệ phí"));
    expect(text).toContain("Lệ phí: Miễn phí");
  });

  it("drops a rate whose period has passed and shows the amount on the whole card too", () => {
    expect(reply(["fee"])).not.toContain("500.000");
    expect(reply(["fee"], "2026-06-01")).toContain("Mức cũ 500.000 đồng");
    expect(reply([])).toContain("Mỗi tháng 540.000 đồng nhân hệ số");
  });

  it("puts the fee first when the message asks what filing costs", () => {
    const text = blocksToText(entryCard(allowance, new Set(["fee"]), "2026-12-05", "làm trợ cấp này có mất phí không"));
    expect(text.indexOf("Lệ phí")).toBeGreaterThanOrEqual(0);
    expect(text.indexOf("Lệ phí")).toBeLessThan(text.indexOf("540.000 đồng"));
  });

  it.each([
    ["lam tro cap that nghiep co mat phi khong", true],
    ["lệ phí làm trợ cấp bao nhiêu", true],
    ["tro cap that nghiep duoc bao nhieu tien", false],
    ["trợ cấp người già nhận bao nhiêu một tháng, có mất phí gì không", false],
    ["bao nhiêu tiền", false],
    ["mai táng phí bao nhiêu tiền", false],
    ["tro cap nguoi gia lanh moi thang bao nhieu", false],
    ["lệ phí làm thủ tục mai táng phí có mất không", true],
  ])("%s asks to pay: %s", (q, pays) => {
    expect(asksToPay(q)).toBe(pays);
  });

  it("leaves the fee answer of a card without a benefit as it was", () => {
    const text = blocksToText(entryCard(card, new Set(["fee"]), "2026-12-05"));
    expect(text).not.toContain("Mức hưởng");
  });
});
