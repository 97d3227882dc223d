import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildCore } from "../../src/runtime/core.js";
import { repliesToPlainText } from "../../src/runtime/plain-text.js";
import { newSession } from "../../src/engine/types.js";
import { parseSheet } from "../../src/knowledge/sheet/parse-sheet.js";
import { slugId } from "../../src/knowledge/sheet/plan-import.js";
import { tierOf } from "../../src/knowledge/sheet/cells.js";
import { loadKnowledge } from "../../src/knowledge/loader.js";
import { formatProblem } from "../../src/source/yaml-source.js";
import { fold } from "../../src/text/normalize.js";
import { ACCEPTANCE_SHEET, copyOfKnowledge, importSheet, REAL_FLOWS, writeSheet } from "./helpers.js";

function ask(knowledgeDir: string, q: string) {
  const { core } = buildCore({ knowledgeDir, flowsDir: REAL_FLOWS });
  const engine = core!.engine;
  const result = engine.search(q);
  const turn = engine.handle({ type: "text", text: q, channel: "cli", chatId: "t", userId: "t", at: Date.now() }, newSession());
  return { result, reply: repliesToPlainText(turn.replies) };
}

function checkProblems(knowledgeDir: string): string[] {
  return buildCore({ knowledgeDir, flowsDir: REAL_FLOWS }).problems.map(formatProblem);
}

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

  it("maps tier labels and notes the 2025 reform for Cấp huyện", () => {
    expect(["Cấp tỉnh", "CẤP XÃ", "Cấp huyện", "Cấp trung ương", "cap xa, phuong"].map(tierOf)).toEqual(["tinh", "xa", "huyen", "trung-uong", "xa"]);
    expect(tierOf("Cấp giấy phép xây dựng")).toBeUndefined();
    const sheet = parseSheet("STT,Lĩnh vực/DVCTT,Mức độ 2,Mức độ 3,Mức độ 4\nB,Cấp huyện\nI,Lĩnh vực Tư pháp\n1,Chứng thực chữ ký,x,,\n");
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

  it("makes ASCII kebab ids", () => {
    expect(slugId("Đăng ký tổ chức lễ hội truyền thống")).toBe("dang-ky-to-chuc-le-hoi-truyen-thong");
    expect(slugId("  (Cấp) giấy phép — số 2/2025  ")).toBe("cap-giay-phep-so-2-2025");
    expect(slugId("???")).toBe("thu-tuc");
  });
});

describe("dvc-bot import", () => {
  it("adds reviewable entries that pass check and are answered with their level at once", async () => {
    const dir = copyOfKnowledge();
    const { out, code } = await importSheet(dir, writeSheet(ACCEPTANCE_SHEET));
    expect(code).toBe(0);
    expect(out).toMatch(/thêm mới 3/);
    expect(readdirSync(join(dir, "imported")).sort()).toEqual([
      "cap-giay-phep-khai-thac-cat-soi-long-song.yaml",
      "dang-ky-to-chuc-le-hoi-truyen-thong.yaml",
      "gia-han-giay-phep-xa-nuoc-thai-vao-nguon-nuoc.yaml",
    ]);
    const text = readFileSync(join(dir, "imported/cap-giay-phep-khai-thac-cat-soi-long-song.yaml"), "utf8");
    expect(text).toBe(text.normalize("NFC"));
    expect(text).toMatch(/^# Nhập tự động/);
    expect(text).toMatch(/CẦN RÀ SOÁT/);
    const { knowledge } = loadKnowledge(dir);
    const entry = knowledge.byId.get("cap-giay-phep-khai-thac-cat-soi-long-song");
    expect(entry).toMatchObject({
      kind: "procedure",
      title: "Cấp giấy phép khai thác cát sỏi lòng sông",
      needs_review: true,
      tier: "tinh",
      field: "Tài nguyên nước",
      level: "toan-trinh",
      agency: "Cơ quan cấp tỉnh theo lĩnh vực",
      source: "Bảng tính danh-muc.csv, dòng 4",
      fees: [],
      times: [],
    });
    expect(knowledge.byId.get("dang-ky-to-chuc-le-hoi-truyen-thong")).toMatchObject({ tier: "xa", agency: "UBND cấp xã", level: "khong-truc-tuyen" });
    expect(checkProblems(dir)).toEqual([]);

    const { result, reply } = ask(dir, "khai thac cat soi long song co lam online duoc khong");
    expect(result.confident).toBe(true);
    expect(result.hits[0]!.entry.id).toBe("cap-giay-phep-khai-thac-cat-soi-long-song");
    expect(fold(reply)).toMatch(/toan trinh|muc do 4/);
    // No made-up procedure page: the card sends the citizen to the portal and says so.
    expect(entry!.link).toBeUndefined();
    expect(reply).toMatch(/Cổng Dịch vụ công quốc gia.*https:\/\/dichvucong\.gov\.vn/s);
    expect(reply).not.toContain("Xem chi tiết và nộp hồ sơ");
  });

  it("re-import: unchanged entries stay, needs_review entries follow the sheet, reviewed ones are never touched", async () => {
    const dir = copyOfKnowledge();
    await importSheet(dir, writeSheet(ACCEPTANCE_SHEET));
    const again = await importSheet(dir, writeSheet(ACCEPTANCE_SHEET));
    expect(again.out).toMatch(/thêm mới 0[\s\S]*cập nhật 0[\s\S]*không đổi 3[\s\S]*giữ nguyên 0/);

    // A person reviews one entry; the next sheet disagrees with it and changes another one's level.
    const reviewedFile = join(dir, "imported/dang-ky-to-chuc-le-hoi-truyen-thong.yaml");
    writeFileSync(reviewedFile, readFileSync(reviewedFile, "utf8").replace("needs_review: true", "needs_review: false"));
    const reviewedBefore = readFileSync(reviewedFile, "utf8");
    const shippedFile = join(dir, "procedures/dang-ky-thuong-tru.yaml");
    const shippedBefore = readFileSync(shippedFile, "utf8");
    const next = ACCEPTANCE_SHEET.replace("nguồn nước,,x,,", "nguồn nước,,,x,")
      .replace("truyền thống,x,,,", "truyền thống,,x,,")
      .concat("II,Lĩnh vực Cư trú,,,,\n2,Đăng ký thường trú,x,,,\n3,Cấp phép biểu diễn nghệ thuật,,x,,\n");
    const { out, code } = await importSheet(dir, writeSheet(next, "dot-2.csv"));
    expect(code).toBe(0);
    expect(out).toMatch(/thêm mới 1\b[\s\S]*\+ cap-phep-bieu-dien-nghe-thuat \(dòng 11\)/);
    expect(out).toMatch(/cập nhật 1 .*\n {2}~ gia-han-giay-phep-xa-nuoc-thai-vao-nguon-nuoc \(dòng 5\): level mot-phan \(mức độ 3\) → toan-trinh \(mức độ 4\)/);
    expect(out).toMatch(/không đổi 1\n {2}= cap-giay-phep-khai-thac-cat-soi-long-song/);
    expect(out).toMatch(/giữ nguyên 2/);
    expect(out).toMatch(/- dang-ky-to-chuc-le-hoi-truyen-thong \(dòng 8\): giữ nguyên mục đã rà soát; bảng tính ghi khác: level khong-truc-tuyen/);
    expect(out).toMatch(/- dang-ky-thuong-tru \(dòng 10\): giữ nguyên mục đã rà soát; bảng tính ghi khác: level [a-z-]+ \(mức độ [34]\) → khong-truc-tuyen/);
    expect(readFileSync(reviewedFile, "utf8")).toBe(reviewedBefore);
    expect(readFileSync(shippedFile, "utf8")).toBe(shippedBefore);
    const changed = readFileSync(join(dir, "imported/gia-han-giay-phep-xa-nuoc-thai-vao-nguon-nuoc.yaml"), "utf8");
    expect(changed).toMatch(/^# Nhập tự động/); // comments survive the in-place update
    expect(changed).toMatch(/\nlevel: toan-trinh\n/);
    expect(checkProblems(dir)).toEqual([]);
  });

  it("a malformed sheet is rejected with rows and nothing is written", async () => {
    const dir = copyOfKnowledge();
    const before = readdirSync(dir, { recursive: true }).length;
    const file = writeSheet(ACCEPTANCE_SHEET.replace("lòng sông,,,x,", "lòng sông,,x,x,").replace("truyền thống,x,,,", "truyền thống,,,,"));
    const { out, code } = await importSheet(dir, file);
    expect(code).toBe(1);
    expect(out).toContain(`${file}:4: import: đánh dấu ở cả Mức độ 3 và Mức độ 4 — chỉ giữ một dấu`);
    expect(out).toContain(`${file}:8: import: chưa đánh dấu mức độ — đánh dấu x vào đúng một cột: Mức độ 2, Mức độ 3, Mức độ 4`);
    expect(out).toMatch(/chưa ghi tệp nào/);
    expect(existsSync(join(dir, "imported"))).toBe(false);
    expect(readdirSync(dir, { recursive: true }).length).toBe(before);
  });

  it("--dry-run reports without writing; xlsx and non-UTF-8 files are refused with a way out", async () => {
    const dir = copyOfKnowledge();
    const dry = await importSheet(dir, writeSheet(ACCEPTANCE_SHEET), true);
    expect(dry.out).toMatch(/thêm mới 3[\s\S]*chạy thử \(--dry-run\), chưa ghi gì/);
    expect(existsSync(join(dir, "imported"))).toBe(false);
    const xlsx = await importSheet(dir, writeSheet("x", "a.xlsx"));
    expect(xlsx.code).toBe(1);
    expect(xlsx.out).toMatch(/CSV UTF-8/);
    const latin = writeSheet("");
    writeFileSync(latin, Buffer.from([0x53, 0x54, 0x54, 0x2c, 0xe0, 0x0a]));
    const bad = await importSheet(dir, latin);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/không phải văn bản UTF-8/);
  });
});

describe("import: common sheet shapes, in Vietnamese", () => {
  const FLAT = `STT,Tên thủ tục,Mức độ 2,Mức độ 3
1,Cấp giấy phép đào đường đô thị,,x
2,Đăng ký hoạt động thư viện cơ sở,x,
...,...,,
`;

  it("a flat list without tier rows is refused once, at the header, offering --tier; with --tier xa it imports", async () => {
    const dir = copyOfKnowledge();
    const file = writeSheet(FLAT);
    const refused = await importSheet(dir, file);
    expect(refused.code).toBe(1);
    expect(refused.out.split("\n")).toEqual([
      `${file}:1: import: bảng tính không có dòng cấp (A Cấp tỉnh, C Cấp xã) và không có cột "Cấp thực hiện" — nhập lại với --tier xa (hoặc --tier tinh) nếu mọi thủ tục cùng một cấp, hoặc thêm cột "Cấp thực hiện"`,
      `import: 1 lỗi trong ${file}; chưa ghi tệp nào — sửa bảng tính theo từng dòng ở trên rồi nhập lại`,
    ]);
    const { out, code } = await importSheet(dir, file, false, "xa");
    expect(code).toBe(0);
    expect(out).toContain(`${file}:1: ghi chú: bảng tính không có dòng lĩnh vực (I, II, III) hay cột "Lĩnh vực"; các thủ tục được ghi field: Chưa rõ lĩnh vực`);
    expect(out).toMatch(/đọc được 2 thủ tục \(xa 2\)/);
    const { knowledge } = loadKnowledge(dir);
    expect(knowledge.byId.get("cap-giay-phep-dao-duong-do-thi")).toMatchObject({ tier: "xa", level: "mot-phan", field: "Chưa rõ lĩnh vực", needs_review: true });
    expect(checkProblems(dir)).toEqual([]);
    expect((await importSheet(dir, file, true, "huyện")).out).toMatch(/--tier "huyện" không hợp lệ — dùng --tier xa, --tier tinh/);
  });

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
