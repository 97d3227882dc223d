import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempCopy } from "../helpers/temp.js";
import { windows1258Entry } from "../helpers/windows-1258.js";
import { FIXTURE_ENV, run } from "./run-cli.js";

const fixtureCopy = () => tempCopy(FIXTURE_ENV.KNOWLEDGE_DIR, "check");
const check = (dir: string, ...args: string[]) => run(["check", "--knowledge", dir, "--flows", FIXTURE_ENV.FLOWS_DIR, ...args], undefined, { DVC_TODAY: "2026-12-01" });

describe("dvc-bot check", () => {
  it("content: is clean on the shipped knowledge and flows", () => {
    const r = run(["check"]);
    expect(r.err + r.out).toContain("check: ổn");
    expect(r.code).toBe(0);
  });

  it("says how much it checked when all is well", () => {
    const r = check(fixtureCopy());
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^check: ổn — \d+ mục dữ liệu, 1 luồng hội thoại\n$/);
  });

  it("names file:line for each broken file and exits 1", () => {
    const dir = fixtureCopy();
    writeFileSync(join(dir, "zz-syntax.yaml"), "id: zz\nkind: faq\ntitle: [unclosed\n");
    writeFileSync(join(dir, "zz-schema.yaml"), "id: zz-2\nkind: guide\nsource: x\nreviewed: 2026-11-23\nbody: y\n");
    const r = check(dir);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/zz-syntax\.yaml:\d+: lỗi cú pháp YAML/);
    expect(r.out).toMatch(/zz-schema\.yaml:1: title: thiếu trường bắt buộc/);
    expect(r.err).toMatch(/^check: 2 lỗi trong .* và .* — sửa từng dòng ở trên rồi chạy lại\n$/);
  });

  it("warns at the line of a '/' that splits two names in intents.yaml, even when the file also has a schema error", () => {
    const dir = fixtureCopy();
    const lines = [
      "intents:",
      "  greeting:",
      "    exact: chào",
      "  personal-data:",
      "    contains:",
      "      - lý lịch tư pháp của người khác",
      "      - khai báo tạm vắng cho người khác",
      "      - tra lý lịch/tạm vắng của hàng xóm",
      "",
    ];
    writeFileSync(join(dir, "intents.yaml"), lines.join("\n"));
    const r = check(dir);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/intents\.yaml:3: intents: intents\.greeting\.exact: /);
    expect(r.out).toMatch(/intents\.yaml:8: cảnh báo: "tra lý lịch\/tạm vắng của hàng xóm"/);
  });

  it("warns at the line of a phrase its own intent's `unless` always blocks; --strict makes it fail", () => {
    const dir = fixtureCopy();
    writeFileSync(join(dir, "intents.yaml"), ["intents:", "  general-knowledge:", "    contains:", "      - nghĩ sao", "      - ai đúng ai sai", "    unless: [sai]", ""].join("\n"));
    const r = check(dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/intents\.yaml:5: cảnh báo: "ai đúng ai sai" không bao giờ có tác dụng/);
    expect(check(dir, "--strict").code).toBe(1);
  });

  it("checks the intent words staff edit (knowledge/intents.yaml) with file:line", () => {
    const dir = fixtureCopy();
    writeFileSync(join(dir, "intents.yaml"), "popular: [dang-ky-khai-sinh]\nintents:\n  greeting:\n    exact: chào\n");
    const r = check(dir);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/intents\.yaml:4: intents: intents\.greeting\.exact: /);
    expect(r.out).not.toMatch(/intents\.yaml:\d+: (id|kind|title)/);
  });

  it("refuses a knowledge file saved as Windows-1258, naming file:line and telling staff to save as UTF-8", () => {
    const dir = fixtureCopy();
    writeFileSync(join(dir, "zz-ansi.yaml"), windows1258Entry("zz-ansi"));
    const r = check(dir);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/zz-ansi\.yaml:3: not UTF-8 text.*lưu lại với mã hóa UTF-8/);
  });

  it("refuses an entry id whose buttons would not fit Telegram's 64-byte callback data", () => {
    const dir = fixtureCopy();
    // 60 characters: "e:<id>" fits in 64 bytes, but the facet button "q:d:<id>" takes 64 and "h:1:<id>" too; 61 is one too many.
    const fits = "a".repeat(60);
    const tooLong = "b".repeat(61);
    const entry = (id: string) => `# note\nid: ${id}\nkind: faq\ntitle: Câu hỏi ${id.slice(0, 3)}\nbody: Nội dung.\nsource: https://dichvucong.gov.vn\nreviewed: 2026-11-23\n`;
    writeFileSync(join(dir, "zz-fits.yaml"), entry(fits));
    writeFileSync(join(dir, "zz-long.yaml"), entry(tooLong));
    const r = check(dir);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(new RegExp(`zz-long\\.yaml:2: knowledge: id "${tooLong}" is too long for Telegram buttons \\(65 bytes`));
    expect(r.out).not.toContain("zz-fits.yaml");
  });

  it("prints review warnings for the day asked; they fail the check only with --strict", () => {
    const dir = fixtureCopy();
    writeFileSync(join(dir, "zz-old.yaml"), "id: zz-old\nkind: faq\ntitle: Câu hỏi cũ\nbody: Nội dung.\nsource: Thử nghiệm\nreviewed: 2024-01-02\n");
    const r = check(dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`${join(dir, "zz-old.yaml")}:6: cảnh báo: "zz-old" được rà soát lần cuối ngày 02/01/2024, đã hơn 12 tháng`);
    expect(r.out).toMatch(/check: ổn — .* \(1 cảnh báo cần rà soát; --strict để coi là lỗi\)\n$/);
    const strict = check(dir, "--strict");
    expect(strict.code).toBe(1);
    expect(strict.err).toMatch(/^check: 1 cảnh báo trong /);
  });
});
