import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildCore } from "../../src/runtime/core.js";
import { repliesToPlainText } from "../../src/runtime/plain-text.js";
import { newSession } from "../../src/engine/types.js";
import { loadKnowledge } from "../../src/knowledge/loader.js";
import { formatProblem } from "../../src/source/yaml-source.js";
import { fold } from "../../src/text/normalize.js";
import { ACCEPTANCE_SHEET, copyOfFixture, FIXTURE_FLOWS, importSheet, writeSheet } from "../staff/helpers.js";

// `dvc-bot import` as staff run it, on a copy of the fixture knowledge base.

function ask(knowledgeDir: string, q: string) {
  const { core } = buildCore({ knowledgeDir, flowsDir: FIXTURE_FLOWS });
  const engine = core!.engine;
  const result = engine.search(q);
  const turn = engine.handle({ type: "text", text: q, channel: "cli", chatId: "t", userId: "t", at: Date.now() }, newSession());
  return { result, reply: repliesToPlainText(turn.replies) };
}

function checkProblems(knowledgeDir: string): string[] {
  return buildCore({ knowledgeDir, flowsDir: FIXTURE_FLOWS }).problems.map(formatProblem);
}

describe("dvc-bot import", () => {
  it("adds reviewable entries that pass check and are answered with their level at once", async () => {
    const dir = copyOfFixture();
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
    const dir = copyOfFixture();
    await importSheet(dir, writeSheet(ACCEPTANCE_SHEET));
    const again = await importSheet(dir, writeSheet(ACCEPTANCE_SHEET));
    expect(again.out).toMatch(/thêm mới 0[\s\S]*cập nhật 0[\s\S]*không đổi 3[\s\S]*giữ nguyên 0/);

    // A person reviews one entry; the next sheet disagrees with it and changes another one's level.
    const reviewedFile = join(dir, "imported/dang-ky-to-chuc-le-hoi-truyen-thong.yaml");
    writeFileSync(reviewedFile, readFileSync(reviewedFile, "utf8").replace("needs_review: true", "needs_review: false"));
    const reviewedBefore = readFileSync(reviewedFile, "utf8");
    const shippedFile = join(dir, "procedures.yaml");
    const shippedBefore = readFileSync(shippedFile, "utf8");
    const next = ACCEPTANCE_SHEET.replace("nguồn nước,,x,,", "nguồn nước,,,x,")
      .replace("truyền thống,x,,,", "truyền thống,,x,,")
      .concat("II,Lĩnh vực Cư trú,,,,\n2,Đăng ký tạm trú,x,,,\n3,Cấp phép biểu diễn nghệ thuật,,x,,\n");
    const { out, code } = await importSheet(dir, writeSheet(next, "dot-2.csv"));
    expect(code).toBe(0);
    expect(out).toMatch(/thêm mới 1\b[\s\S]*\+ cap-phep-bieu-dien-nghe-thuat \(dòng 11\)/);
    expect(out).toMatch(/cập nhật 1 .*\n {2}~ gia-han-giay-phep-xa-nuoc-thai-vao-nguon-nuoc \(dòng 5\): level mot-phan \(mức độ 3\) → toan-trinh \(mức độ 4\)/);
    expect(out).toMatch(/không đổi 1\n {2}= cap-giay-phep-khai-thac-cat-soi-long-song/);
    expect(out).toMatch(/giữ nguyên 2/);
    expect(out).toMatch(/- dang-ky-to-chuc-le-hoi-truyen-thong \(dòng 8\): giữ nguyên mục đã rà soát; bảng tính ghi khác: level khong-truc-tuyen/);
    expect(out).toContain('- dang-ky-tam-tru (dòng 10): giữ nguyên mục đã rà soát; bảng tính ghi khác: level toan-trinh (mức độ 4) → khong-truc-tuyen (mức độ 2), field "Đăng ký, quản lý cư trú" → "Cư trú" — tự kiểm tra lại');
    expect(readFileSync(reviewedFile, "utf8")).toBe(reviewedBefore);
    expect(readFileSync(shippedFile, "utf8")).toBe(shippedBefore);
    const changed = readFileSync(join(dir, "imported/gia-han-giay-phep-xa-nuoc-thai-vao-nguon-nuoc.yaml"), "utf8");
    expect(changed).toMatch(/^# Nhập tự động/); // comments survive the in-place update
    expect(changed).toMatch(/\nlevel: toan-trinh\n/);
    expect(checkProblems(dir)).toEqual([]);
  });

  it("a malformed sheet is rejected with rows and nothing is written", async () => {
    const dir = copyOfFixture();
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
    const dir = copyOfFixture();
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
  const FLAT = `STT,Tên thủ tục,Mức độ 2,Mức độ 3
1,Cấp giấy phép đào đường đô thị,,x
2,Đăng ký hoạt động thư viện cơ sở,x,
...,...,,
`;

  it("a flat list without tier rows is refused once, at the header, offering --tier; with --tier xa it imports", async () => {
    const dir = copyOfFixture();
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

  it("warns that the knowledge folder has problems, and still imports next to the entries that load", async () => {
    const dir = copyOfFixture();
    writeFileSync(join(dir, "zz-broken.yaml"), "id: [broken\n");
    const { out, code } = await importSheet(dir, writeSheet(ACCEPTANCE_SHEET));
    expect(code).toBe(0);
    expect(out).toContain(`import: cảnh báo: ${dir} đang có 1 lỗi; chạy "dvc-bot check"`);
    expect(readdirSync(join(dir, "imported"))).toHaveLength(3);
  });
});
