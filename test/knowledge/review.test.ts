import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadKnowledge } from "../../src/knowledge/loader.js";
import { keywordClashWarnings, notWhenWarnings, onlyWhenWarnings, reviewWarnings } from "../../src/knowledge/review.js";
import { tempDir, tempFolder } from "../helpers/temp.js";

// A small knowledge folder written for these tests: one entry reviewed long ago, one with a fee
// halving that ends soon and a citation of a replaced circular, and the staff's superseded list.
const ROOT = join(import.meta.dirname, "../..");
const BIN = join(ROOT, "bin/dvc-bot.js");
const dir = tempDir("review");
mkdirSync(join(dir, "procedures"));
writeFileSync(
  join(dir, "procedures", "cu.yaml"),
  ["id: thu-tuc-cu", "kind: faq", "title: Thủ tục cũ", "body: Nội dung.", "source: Luật A", "reviewed: 2024-01-01", ""].join("\n"),
);
writeFileSync(
  join(dir, "procedures", "moi.yaml"),
  [
    "id: thu-tuc-moi",
    "kind: procedure",
    "title: Thủ tục mới",
    "field: Thử",
    "tier: xa",
    "agency: Ủy ban nhân dân cấp xã",
    "level: toan-trinh",
    "fees:",
    "  - channel: moi-kenh",
    "    amount: 25000",
    "    until: 2026-12-31",
    "    basis: Thông tư 64/2025/TT-BTC",
    "  - channel: moi-kenh",
    "    amount: 50000",
    "  - channel: truc-tuyen",
    "    amount: 0",
    "    until: 2025-06-30",
    "legal:",
    "  - Thông tư số 25/2021/TT-BTC về lệ phí",
    "  - Thông tư 125/2021/TT-BTC (không bị thay)",
    "  - Thông tư 28/2026/TT-BTC (thay Thông tư 25/2021/TT-BTC từ 01/4/2026)",
    "  - Thông tư 28/2026/TT-BTC và Thông tư 25/2021/TT-BTC",
    "  - Thông tư 25/2021/TT-BTC, Thông tư 28/2026/TT-BTC (thay đổi mẫu đơn)",
    "benefit:",
    "  - Mỗi tháng 100.000 đồng (Thông tư 25/2021/TT-BTC, Điều 2)",
    "source: Thông tư 25/2021/TT-BTC, Điều 4",
    "reviewed: 2026-11-30",
    "",
  ].join("\n"),
);
writeFileSync(join(dir, "superseded.yaml"), ["- old: 25/2021/TT-BTC", "  new: Thông tư 28/2026/TT-BTC", "  from: 2026-04-01", ""].join("\n"));

const check = (args: string[], today: string) =>
  spawnSync(process.execPath, [BIN, "check", "--knowledge", dir, "--flows", join(dir, "no-flows"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, DVC_TODAY: today, LOG_LEVEL: "silent" },
    timeout: 20_000,
  });

describe("review warnings", () => {
  const { knowledge, problems } = loadKnowledge(dir);

  it("loads the superseded list as data, not as an entry", () => {
    expect(problems).toEqual([]);
    expect(knowledge.entries.map((e) => e.id).sort()).toEqual(["thu-tuc-cu", "thu-tuc-moi"]);
    expect(knowledge.superseded).toHaveLength(1);
  });

  it("names the file and line of an entry not reviewed for over 12 months", () => {
    const w = reviewWarnings(knowledge.reviews, knowledge.superseded, "2026-12-02");
    expect(w).toContainEqual(expect.objectContaining({ file: expect.stringContaining("cu.yaml"), line: 6, message: expect.stringContaining("01/01/2024") }));
  });

  it("flags a fact ending within 30 days and one already ended, at their lines", () => {
    const w = reviewWarnings(knowledge.reviews, knowledge.superseded, "2026-12-02").filter((p) => p.file.endsWith("moi.yaml"));
    expect(w.find((p) => p.line === 9)?.message).toMatch(/sẽ hết ngày 31\/12\/2026 \(còn 29 ngày\)/);
    expect(w.find((p) => p.line === 15)?.message).toMatch(/đã hết ngày 30\/06\/2025/);
    // A month earlier the halving is not yet flagged.
    expect(reviewWarnings(knowledge.reviews, knowledge.superseded, "2026-11-01").some((p) => p.line === 9)).toBe(false);
  });

  it("flags each citation of a replaced document once it is replaced (a benefit's amount too), not a longer number, not a line saying the replacement replaces it", () => {
    const lines = (today: string) =>
      reviewWarnings(knowledge.reviews, knowledge.superseded, today)
        .filter((p) => p.message.includes("25/2021/TT-BTC"))
        .map((p) => p.line);
    expect(lines("2026-12-02")).toEqual([19, 22, 23, 25, 26]);
    expect(lines("2026-03-31")).toEqual([]);
  });

  it("check prints the warnings as path:line and exits 0; --strict exits 1", () => {
    const plain = check([], "2026-12-02");
    expect(plain.status).toBe(0);
    expect(plain.stdout).toMatch(/cu\.yaml:6: cảnh báo: .*01\/01\/2024/);
    expect(plain.stdout).toMatch(/moi\.yaml:19: cảnh báo: trích dẫn 25\/2021\/TT-BTC đã được thay bằng Thông tư 28\/2026\/TT-BTC/);
    const strict = check(["--strict"], "2026-12-02");
    expect(strict.status).toBe(1);
    expect(strict.stderr).toMatch(/8 cảnh báo/);
  });
});

describe("dead portal links", () => {
  it("check names the line of an old /p/home/ link in an entry", () => {
    const k = tempFolder("deadlink", {
      "a.yaml": ["id: muc-a", "kind: guide", "title: Mục A", "steps:", "  - Vào https://dichvucong.gov.vn/p/home/dvc-trang-chu.html để nộp", "source: Luật A", "reviewed: 2026-12-01", ""].join("\n"),
    });
    const { problems } = loadKnowledge(k);
    expect(problems).toEqual([expect.objectContaining({ line: 5, message: expect.stringContaining("không còn mở được") })]);
  });
});

describe("a keyword that names another entry", () => {
  // Two entries: the report of a loss, named "mất hộ chiếu", and the passport procedure that also
  // lists "Mat ho chieu" (another spelling of the same name) and its own alias as keywords.
  const clash = tempDir("review-clash");
  mkdirSync(join(clash, "procedures"));
  const faq = (id: string, title: string, aliases: string[], keywords: string[]) =>
    [`id: ${id}`, "kind: faq", `title: ${title}`, `aliases: [${aliases.join(", ")}]`, "keywords:", ...keywords.map((k) => `  - ${k}`), "body: Nội dung.", "source: Luật A", "reviewed: 2026-11-30", ""].join("\n");
  writeFileSync(join(clash, "procedures", "bao-mat.yaml"), faq("bao-mat", "Trình báo mất hộ chiếu", ["mất hộ chiếu"], ["đánh rơi hộ chiếu"]));
  writeFileSync(join(clash, "procedures", "ho-chieu.yaml"), faq("ho-chieu", "Cấp hộ chiếu", ["làm hộ chiếu"], ["đi du lịch", "Mat ho chieu", "làm hộ chiếu"]));
  const { knowledge, problems } = loadKnowledge(clash);

  it("is named at its line, with the entry it names; a keyword repeating the entry's own name is not", () => {
    expect(problems).toEqual([]);
    const w = keywordClashWarnings(knowledge.entries, knowledge.reviews);
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ file: expect.stringContaining("ho-chieu.yaml"), line: 7 });
    expect(w[0]!.message).toMatch(/"Mat ho chieu" là tên của bài "Trình báo mất hộ chiếu" \(bao-mat\)/);
  });
  it("a keyword that is another entry's name, written twice, is named as a clash once and as a repeat once", () => {
    const both = tempDir("review-both");
    mkdirSync(join(both, "procedures"));
    writeFileSync(join(both, "procedures", "bao-mat.yaml"), faq("bao-mat", "Trình báo mất hộ chiếu", ["mất hộ chiếu"], ["đánh rơi hộ chiếu"]));
    writeFileSync(join(both, "procedures", "ho-chieu.yaml"), faq("ho-chieu", "Cấp hộ chiếu", ["làm hộ chiếu"], ["mất hộ chiếu", "Mat ho chieu"]));
    const loaded = loadKnowledge(both);
    const w = keywordClashWarnings(loaded.knowledge.entries, loaded.knowledge.reviews);
    expect(w.map((p) => p.line)).toEqual([6, 7]);
    expect(w[0]!.message).toMatch(/là tên của bài/);
    expect(w[1]!.message).toMatch(/trùng với từ khóa ở dòng 6/);
  });

  it("names a keyword written twice in one entry at its second line, however spelled", () => {
    const twice = tempDir("review-twice");
    mkdirSync(join(twice, "procedures"));
    writeFileSync(join(twice, "procedures", "bao-mat.yaml"), faq("bao-mat", "Trình báo mất hộ chiếu", ["mất hộ chiếu"], ["đánh rơi hộ chiếu", "đi du lịch", "Danh roi ho chieu"]));
    const loaded = loadKnowledge(twice);
    expect(loaded.problems).toEqual([]);
    const w = keywordClashWarnings(loaded.knowledge.entries, loaded.knowledge.reviews);
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ file: expect.stringContaining("bao-mat.yaml"), line: 8 });
    expect(w[0]!.message).toMatch(/"Danh roi ho chieu" trùng với từ khóa ở dòng 6/);
  });
});

describe("a keyword outside its entry's situation (only_when)", () => {
  const k = tempFolder("only-when", {
    "guide.yaml": [
      "id: sau-sap-nhap", // 1
      "kind: faq", // 2
      "title: Sau sáp nhập có phải đổi giấy tờ không", // 3
      "only_when: [sáp nhập, tỉnh cũ]", // 4
      "keywords:", // 5
      "  - căn cước ghi tỉnh cũ", // 6
      "  - mã tỉnh trên biển xe", // 7
      "  - Sap nhap xa phuong", // 8
      "body: Không bắt buộc.",
      "source: Nghị quyết A",
      "reviewed: 2026-11-30",
      "",
    ].join("\n"),
  });
  const { knowledge, problems } = loadKnowledge(k);

  it("is named at its line; keywords that say a phrase of the situation (typed any way) are not", () => {
    expect(problems).toEqual([]);
    const w = onlyWhenWarnings(knowledge.entries, knowledge.reviews);
    expect(w).toEqual([expect.objectContaining({ file: expect.stringContaining("guide.yaml"), line: 7 })]);
    expect(w[0]!.message).toMatch(/từ khóa "mã tỉnh trên biển xe" không có cụm nào của "only_when"/);
  });

  it("an entry without only_when is never warned about", () => {
    const plain = knowledge.entries.map((e) => ({ ...e, only_when: [] }));
    expect(onlyWhenWarnings(plain, knowledge.reviews)).toEqual([]);
  });
});

describe("an alias or keyword that says a situation its entry does not cover (not_when)", () => {
  const k = tempFolder("not-when", {
    "permit.yaml": [
      "id: giay-phep-xay-nha", // 1
      "kind: faq", // 2
      "title: Giấy phép xây dựng nhà ở", // 3
      "not_when: [nhà xưởng, nhà kho]", // 4
      "aliases:", // 5
      "  - xin phép xây nhà", // 6
      "  - xin phep xay nha xuong", // 7
      "keywords:", // 8
      "  - nâng tầng nhà", // 9
      "  - xây nhà kho sau nhà", // 10
      "  - nhà xuống cấp sửa lại", // 11
      "  - dỡ nhà kho xây nhà để ở", // 12
      "except_when: [để ở]", // 13
      "body: Xin ở xã.",
      "source: Luật A",
      "reviewed: 2026-11-30",
      "",
    ].join("\n"),
  });
  const { knowledge, problems } = loadKnowledge(k);

  it("is named at its line, with the phrase it says; a word with other accents ('xuống') is not that phrase, and one that says the entry's own situation apart (except_when) is not warned about", () => {
    expect(problems).toEqual([]);
    const w = notWhenWarnings(knowledge.entries, knowledge.reviews);
    expect(w.map((p) => p.line)).toEqual([7, 10]);
    expect(w[0]!.message).toMatch(/"xin phep xay nha xuong" của bài này có cụm "nhà xưởng" của "not_when"/);
    expect(w[1]!.message).toMatch(/"xây nhà kho sau nhà" của bài này có cụm "nhà kho"/);
  });

  it("an entry without not_when is never warned about; one with except_when alone is told it does nothing", () => {
    const plain = knowledge.entries.map((e) => ({ ...e, not_when: [], except_when: [] }));
    expect(notWhenWarnings(plain, knowledge.reviews)).toEqual([]);
    const alone = knowledge.entries.map((e) => ({ ...e, not_when: [] }));
    const w = notWhenWarnings(alone, knowledge.reviews);
    expect(w).toEqual([expect.objectContaining({ file: expect.stringContaining("permit.yaml"), line: 1 })]);
    expect(w[0]!.message).toMatch(/"except_when" mà không có "not_when"/);
  });
});
