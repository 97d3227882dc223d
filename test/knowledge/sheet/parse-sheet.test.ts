import { describe, expect, it } from "vitest";
import { parseSheet } from "../../../src/knowledge/sheet/parse-sheet.js";
import { ACCEPTANCE_SHEET } from "../../staff/helpers.js";

describe("parseSheet", () => {
  it("reads tiers, fields and one level per procedure with their rows", () => {
    const sheet = parseSheet(ACCEPTANCE_SHEET);
    expect(sheet.problems).toEqual([]);
    expect(sheet.procedures).toEqual([
      { row: 4, tier: "tinh", field: "Tài nguyên nước", name: "Cấp giấy phép khai thác cát sỏi lòng sông", level: "toan-trinh" },
      { row: 5, tier: "tinh", field: "Tài nguyên nước", name: "Gia hạn giấy phép xả nước thải vào nguồn nước", level: "mot-phan" },
      { row: 8, tier: "xa", field: "Văn hóa", name: "Đăng ký tổ chức lễ hội truyền thống", level: "khong-truc-tuyen" },
    ]);
  });

  it.each([
    ["semicolon", ";"],
    ["tab", "\t"],
  ])("accepts %s delimiters, a BOM, CRLF and a loosely spelled header", (_name, d) => {
    const text =
      "\uFEFF" +
      ACCEPTANCE_SHEET.replace(/,/g, d)
        .replace("STT", " stt ")
        .replace("Mức độ 4", "MUC DO  4")
        .replace("Lĩnh vực/DVCTT", "Linh vuc / DVCTT")
        .replace(/\n/g, "\r\n");
    const sheet = parseSheet(text);
    expect(sheet.problems).toEqual([]);
    expect(sheet.delimiter).toBe(d);
    expect(sheet.procedures.map((p) => [p.row, p.level])).toEqual([
      [4, "toan-trinh"],
      [5, "mot-phan"],
      [8, "khong-truc-tuyen"],
    ]);
  });

  it("finds the header under title rows, takes NFD text as NFC and keeps Ghi chú", () => {
    const text = `Phụ lục II,,,,,\nDanh mục TTHC,,,,,\n${ACCEPTANCE_SHEET}`
      .replace("lòng sông,,,x,", 'lòng sông,,,x,"Mã 1.000001; chỉ với tổ chức"')
      .normalize("NFD");
    const sheet = parseSheet(text);
    expect(sheet.problems).toEqual([]);
    expect(sheet.procedures[0]).toMatchObject({ row: 6, name: "Cấp giấy phép khai thác cát sỏi lòng sông", code: "1.000001", note: "chỉ với tổ chức" });
    expect(sheet.procedures[0]!.name).toBe(sheet.procedures[0]!.name.normalize("NFC"));
  });

  it("notes the 2025 reform once, at the first Cấp huyện row", () => {
    const sheet = parseSheet("STT,Lĩnh vực/DVCTT,Mức độ 2,Mức độ 3,Mức độ 4\nB,Cấp huyện\nI,Lĩnh vực Tư pháp\n1,Chứng thực chữ ký,x,,\n2,Chứng thực bản sao,x,,\n");
    expect(sheet.procedures[0]).toMatchObject({ tier: "huyen", field: "Tư pháp" });
    expect(sheet.notes.map((n) => n.row)).toEqual([2]);
    expect(sheet.notes[0]!.message).toMatch(/1\/7\/2025/);
  });

  it("rejects malformed sheets with the row of each problem", () => {
    const bad = `STT,Lĩnh vực/DVCTT,Mức độ 2,Mức độ 3,Mức độ 4,Ghi chú
1,Thủ tục trước khi có cấp,,,x,
A,Cấp tỉnh,,,,
2,Thủ tục trước khi có lĩnh vực,,,x,
I,Lĩnh vực Tư pháp,,,,
3,Không đánh dấu mức độ,,,,
4,Hai dấu,,x,x,
5,,,,x,
Z,Cấp gì đó,,,,
`;
    const sheet = parseSheet(bad);
    expect(sheet.problems.map((p) => p.row)).toEqual([2, 4, 6, 7, 8, 9]);
    expect(sheet.problems.map((p) => p.message).join("\n")).toMatch(/chưa thuộc cấp nào[\s\S]*chưa thuộc lĩnh vực nào[\s\S]*chưa đánh dấu mức độ[\s\S]*cả Mức độ 3 và Mức độ 4 — chỉ giữ một dấu[\s\S]*chưa có tên[\s\S]*không phải tên cấp/);
    expect(parseSheet("Tên,Số\nabc,1\n").problems).toEqual([{ row: 1, message: expect.stringMatching(/không thấy dòng tiêu đề cột/) }]);
  });

  it("stops at the Phụ lục I table that export writes below the list", () => {
    const sheet = parseSheet(`${ACCEPTANCE_SHEET}\nPhụ lục I — Tổng số,,,,,\nCấp chính quyền,Tổng số TTHC,Mức độ 2,Mức độ 3,Mức độ 4,Ghi chú\nCấp tỉnh,2,0,1,1,\n`);
    expect(sheet.problems).toEqual([]);
    expect(sheet.procedures).toHaveLength(3);
    expect(sheet.notes[0]).toMatchObject({ row: 10 });
  });
});

describe("parseSheet: common sheet shapes, in Vietnamese", () => {
  it('reads "Cấp thực hiện" and "Lĩnh vực" columns and one "Mức độ DVCTT" column (2/3/4, Toàn trình, Một phần)', () => {
    const sheet = parseSheet(`STT,Tên thủ tục,Lĩnh vực,Cấp thực hiện,Mức độ DVCTT,Ghi chú
1,Cấp giấy phép đào đường,Giao thông,Cấp tỉnh,Toàn trình,
2,Đăng ký hoạt động thư viện,Lĩnh vực Văn hóa,Cấp xã,3,Mã 1.000123
3,Đăng ký nuôi chim yến,Nông nghiệp,Cấp xã,Một phần,
4,Xác nhận hộ nghèo,Bảo trợ xã hội,Cấp xã,2,
5,Cấp phép tổ chức hội chợ,Thương mại,Cấp tỉnh,Mức độ 4,
`);
    expect(sheet.problems).toEqual([]);
    expect(sheet.procedures.map((p) => [p.row, p.tier, p.field, p.level, p.code])).toEqual([
      [2, "tinh", "Giao thông", "toan-trinh", undefined],
      [3, "xa", "Văn hóa", "mot-phan", "1.000123"],
      [4, "xa", "Nông nghiệp", "mot-phan", undefined],
      [5, "xa", "Bảo trợ xã hội", "khong-truc-tuyen", undefined],
      [6, "tinh", "Thương mại", "toan-trinh", undefined],
    ]);
    const bad = parseSheet(`STT,Tên thủ tục,Lĩnh vực,Cấp thực hiện,Mức độ DVCTT
1,Cấp giấy phép đào đường,Giao thông,,Toàn trình
2,Đăng ký hoạt động thư viện,Văn hóa,Cấp phường,5
3,Đăng ký nuôi chim yến,Nông nghiệp,Cấp xã,
`);
    expect(bad.problems).toEqual([
      { row: 2, message: 'import: dòng này chưa ghi cấp ở cột Cấp thực hiện — ghi "Cấp tỉnh" hoặc "Cấp xã", hoặc nhập với --tier xa (hay --tier tinh) cho các dòng để trống' },
      { row: 3, message: 'import: cấp thực hiện "Cấp phường" không rõ — ghi "Cấp tỉnh", "Cấp xã" (hoặc "Cấp trung ương", "Cấp huyện")' },
      { row: 3, message: 'import: mức độ "5" không rõ — ghi 2, 3, 4, "Toàn trình", "Một phần" hoặc "Chưa trực tuyến" vào cột Mức độ DVCTT' },
      { row: 4, message: 'import: chưa ghi mức độ — ghi 2, 3, 4, "Toàn trình" hoặc "Một phần" vào cột Mức độ DVCTT' },
    ]);
    // --tier fills only the rows that leave Cấp thực hiện empty.
    expect(parseSheet("STT,Tên thủ tục,Lĩnh vực,Cấp thực hiện,Mức độ DVCTT\n1,A,Giao thông,,4\n2,B,Giao thông,Cấp tỉnh,4\n", { tier: "xa" }).procedures.map((p) => p.tier)).toEqual(["xa", "tinh"]);
  });

  it("a sheet without a Mức độ 4 column works, and asks for a mark under the columns it has", () => {
    const sheet = parseSheet(`STT,Lĩnh vực/DVCTT,Mức độ 2,Mức độ 3,Ghi chú
C,Cấp xã,,,
I,Lĩnh vực Văn hóa,,,
1,Đăng ký tổ chức lễ hội,x,,
2,Thông báo tổ chức lễ hội,,x,
3,Công nhận gia đình văn hóa,,,
`);
    expect(sheet.procedures.map((p) => p.level)).toEqual(["khong-truc-tuyen", "mot-phan"]);
    expect(sheet.problems).toEqual([{ row: 6, message: "import: chưa đánh dấu mức độ — đánh dấu x vào đúng một cột: Mức độ 2, Mức độ 3" }]);
  });

  it('"..." rows are skipped, as the staff guide says, whatever column they are in', () => {
    const text = ACCEPTANCE_SHEET.replace("I,Lĩnh vực Văn hóa,,,,\n", "...,...,,,,\nI,Lĩnh vực Văn hóa,,,,\n…,,,,,\n,...,,,,\n. . .,,,,,\n") + "...,,,,,\n";
    const sheet = parseSheet(text);
    expect(sheet.problems).toEqual([]);
    expect(sheet.procedures.map((p) => p.name)).toEqual([
      "Cấp giấy phép khai thác cát sỏi lòng sông",
      "Gia hạn giấy phép xả nước thải vào nguồn nước",
      "Đăng ký tổ chức lễ hội truyền thống",
    ]);
  });

  it("every problem a broken sheet gets is Vietnamese and names its row", () => {
    const sheet = parseSheet(`STT,Lĩnh vực/DVCTT,Mức độ 2,Mức độ 3,Mức độ 4
1,Thủ tục trước khi có cấp,,,x
A,Cấp tỉnh,,,
II,,,,
Q,Cấp gì đó,,,
?,Thủ tục lạ,,,x
,Không STT,,,x
I,Lĩnh vực Tư pháp,,,
3,Hai dấu,,x,x
3,Hai dấu,,x,
3,Hai dấu,,x,
`);
    expect(sheet.problems.map((p) => p.row)).toEqual([2, 4, 5, 6, 7, 9, 11]);
    for (const p of sheet.problems) expect(p.message).toMatch(/^import: [^\n]*[^\x00-\x7f][^\n]* — [^\x00-\x7f]*/);
  });
});

describe("parseSheet: sheets it cannot take", () => {
  it("a CSV it cannot read is one problem at the line where reading stopped, with how to save it", () => {
    const sheet = parseSheet('STT,Tên thủ tục,Mức độ 2\n1,"chưa đóng,x\n2,b,x\n');
    expect(sheet.procedures).toEqual([]);
    expect(sheet.problems).toEqual([{ row: 3, message: expect.stringMatching(/^import: không đọc được tệp CSV \(.*\) — lưu lại bằng "CSV UTF-8 \(Comma delimited\)"/) }]);
  });

  it("a flat list without tiers is one problem at the header; with a tier it reads every row and notes the placeholder field", () => {
    const flat = "STT,Tên thủ tục,Mức độ 2,Mức độ 3\n1,Cấp phép đào đường,,x\n2,Đăng ký thư viện,x,\n";
    expect(parseSheet(flat).problems).toEqual([{ row: 1, message: expect.stringMatching(/không có dòng cấp .* --tier xa/) }]);
    const sheet = parseSheet(flat, { tier: "xa" });
    expect(sheet.problems).toEqual([]);
    expect(sheet.procedures.map((p) => [p.tier, p.field, p.level])).toEqual([
      ["xa", "Chưa rõ lĩnh vực", "mot-phan"],
      ["xa", "Chưa rõ lĩnh vực", "khong-truc-tuyen"],
    ]);
    expect(sheet.notes).toEqual([{ row: 1, message: expect.stringMatching(/field: Chưa rõ lĩnh vực/) }]);
  });

  it("a field row above every tier row is a problem, and so are the procedures under it", () => {
    const sheet = parseSheet("STT,Lĩnh vực/DVCTT,Mức độ 2\nI,Lĩnh vực Tư pháp,\nA,Cấp tỉnh,\n1,Chứng thực,x\n");
    expect(sheet.problems.map((p) => [p.row, p.message.replace(/ —.*/, "")])).toEqual([
      [2, "import: dòng lĩnh vực này nằm trước mọi dòng cấp"],
      [4, "import: thủ tục này chưa thuộc lĩnh vực nào (nằm trước mọi dòng lĩnh vực)"],
    ]);
  });

  it("a header with nothing under it says so at the header row", () => {
    expect(parseSheet("STT,Tên thủ tục,Cấp thực hiện,Mức độ DVCTT\n,,,\n").problems).toEqual([{ row: 1, message: expect.stringMatching(/không có dòng thủ tục nào dưới dòng tiêu đề/) }]);
  });
});
