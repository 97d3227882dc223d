import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { AskJson } from "../../src/cli/ask.js";
import { windows1258Entry } from "../helpers/windows-1258.js";
import { tempCopy, tempDir } from "../helpers/temp.js";

// The real command as staff and tools run it (built into dist/ by `npm ci` / `npm test`).
const ROOT = join(import.meta.dirname, "../..");
const BIN = join(ROOT, "bin/dvc-bot.js");

function run(args: string[], input?: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    input,
    encoding: "utf8",
    env: { ...process.env, ...env, LOG_LEVEL: "silent" },
    timeout: 20_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("dvc-bot ask --json", () => {
  it("reports a refusal or an out-of-scope reply as not answered, whatever the search found", () => {
    for (const q of ["mua bằng lái không cần thi", "giá vàng hôm nay"]) {
      const a = JSON.parse(run(["ask", "--json", q]).out) as AskJson;
      expect(a.answered, q).toBe(false);
    }
  });

  it("answers one question in the documented shape", () => {
    const r = run(["ask", "--json", "lệ phí làm hộ chiếu"]);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.out) as AskJson;
    expect(a.query).toBe("lệ phí làm hộ chiếu");
    expect(a.answered).toBe(true);
    expect(a.results.length).toBeGreaterThan(0);
    expect(a.results.length).toBeLessThanOrEqual(5);
    expect(a.results[0]).toMatchObject({ id: "cap-ho-chieu-pho-thong", kind: "procedure" });
    for (const x of a.results) {
      expect(Object.keys(x).sort()).toEqual(["id", "kind", "score", "title"]);
      expect(x.score).toBeGreaterThanOrEqual(0);
      expect(x.score).toBeLessThanOrEqual(1);
    }
    expect(a.results.map((x) => x.score)).toEqual([...a.results.map((x) => x.score)].sort((p, q) => q - p));
    expect(a.reply.normalize("NFC")).toBe(a.reply);
    expect(a.reply).toContain("Lệ phí");
  });

  it("answers a batch from stdin, one JSON line each, with answered false out of scope", () => {
    const r = run(["ask", "--json"], "dang ky tam tru online\ngiá vàng hôm nay\n\nlàm lại căn cước bị mất\n");
    expect(r.code).toBe(0);
    const lines = r.out.trim().split("\n").map((l) => JSON.parse(l) as AskJson);
    expect(lines.map((l) => l.query)).toEqual(["dang ky tam tru online", "giá vàng hôm nay", "làm lại căn cước bị mất"]);
    expect(lines.map((l) => l.answered)).toEqual([true, false, true]);
    // Out of scope: one short line saying what the bot is for, no procedure suggestions.
    expect(lines[1]!.reply).toContain("chỉ hỗ trợ về thủ tục hành chính");
    expect(lines[1]!.reply).not.toMatch(/tạm vắng|Có phải bạn muốn hỏi/);
  });

  it("prints a readable card without --json", () => {
    const r = run(["ask", "đăng ký khai sinh cần giấy tờ gì"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Đăng ký khai sinh");
    expect(r.out).toContain("Giấy tờ cần chuẩn bị");
  });

  it("honours KNOWLEDGE_DIR", () => {
    const dir = tempDir("cli");
    writeFileSync(
      join(dir, "nuoi-yen.yaml"),
      `id: nuoi-yen\nkind: faq\ntitle: Nuôi chim yến trong nhà\nbody: Liên hệ UBND cấp xã.\nsource: Thử nghiệm\nreviewed: 2026-11-23\n`,
    );
    const a = JSON.parse(run(["ask", "--json", "nuoi chim yen"], undefined, { KNOWLEDGE_DIR: dir }).out) as AskJson;
    expect(a.answered).toBe(true);
    expect(a.results[0]!.id).toBe("nuoi-yen");
  });
});

describe("dvc-bot check", () => {
  it("is clean on the shipped knowledge and flows", () => {
    const r = run(["check"]);
    expect(r.err + r.out).toContain("check: ổn");
    expect(r.code).toBe(0);
  });

  it("names file:line for each broken file and exits 1", () => {
    const dir = tempCopy(join(ROOT, "knowledge"), "check");
    writeFileSync(join(dir, "zz-syntax.yaml"), "id: zz\nkind: faq\ntitle: [unclosed\n");
    writeFileSync(join(dir, "zz-schema.yaml"), "id: zz-2\nkind: guide\nsource: x\nreviewed: 2026-11-23\nbody: y\n");
    const r = run(["check", "--knowledge", dir]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/zz-syntax\.yaml:\d+: lỗi cú pháp YAML/);
    expect(r.out).toMatch(/zz-schema\.yaml:1: title: thiếu trường bắt buộc/);
  });

  it("checks the intent words staff edit (knowledge/intents.yaml) with file:line", () => {
    const dir = tempCopy(join(ROOT, "knowledge"), "check");
    writeFileSync(join(dir, "intents.yaml"), "popular: [dang-ky-khai-sinh]\nintents:\n  greeting:\n    exact: chào\n");
    const r = run(["check", "--knowledge", dir]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/intents\.yaml:4: intents: intents\.greeting\.exact: /);
    expect(r.out).not.toMatch(/intents\.yaml:\d+: (id|kind|title)/);
  });

  it("refuses a knowledge file saved as Windows-1258, naming file:line and telling staff to save as UTF-8", () => {
    const dir = tempCopy(join(ROOT, "knowledge"), "check");
    writeFileSync(join(dir, "zz-ansi.yaml"), windows1258Entry("zz-ansi"));
    const r = run(["check", "--knowledge", dir]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/zz-ansi\.yaml:3: not UTF-8 text.*lưu lại với mã hóa UTF-8/);
  });

  it("refuses an entry id whose buttons would not fit Telegram's 64-byte callback data", () => {
    const dir = tempCopy(join(ROOT, "knowledge"), "check");
    // 60 characters: "e:<id>" fits in 64 bytes, but the facet button "q:d:<id>" takes 64 and "h:1:<id>" too; 61 is one too many.
    const fits = "a".repeat(60);
    const tooLong = "b".repeat(61);
    const entry = (id: string) => `# note\nid: ${id}\nkind: faq\ntitle: Câu hỏi ${id.slice(0, 3)}\nbody: Nội dung.\nsource: https://dichvucong.gov.vn\nreviewed: 2026-11-23\n`;
    writeFileSync(join(dir, "zz-fits.yaml"), entry(fits));
    writeFileSync(join(dir, "zz-long.yaml"), entry(tooLong));
    const r = run(["check", "--knowledge", dir]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(new RegExp(`zz-long\\.yaml:2: knowledge: id "${tooLong}" is too long for Telegram buttons \\(65 bytes`));
    expect(r.out).not.toContain("zz-fits.yaml");
  });
});

describe("dvc-bot serve with settings that cannot work", () => {
  it("exits 1 at once with a message naming the variable", () => {
    const r = run(["serve"], undefined, { PORT: "0", TELEGRAM_BOT_TOKEN: "1:abc", TELEGRAM_WEBHOOK_URL: "https://bot.example.invalid/webhooks/telegram" });
    expect(r.code).toBe(1);
    expect(r.err).toContain("config: invalid settings");
    expect(r.err).toContain("TELEGRAM_WEBHOOK_SECRET: required with TELEGRAM_WEBHOOK_URL");
  });
});

describe("dvc-bot export --json", () => {
  it("lists every entry with the fields search uses", () => {
    const r = run(["export", "--json"]);
    expect(r.code).toBe(0);
    const entries = JSON.parse(r.out) as Array<{ id: string; kind: string; title: string; text: string }>;
    expect(entries.length).toBeGreaterThan(40);
    const ids = new Set(entries.map((e) => e.id));
    expect(ids.size).toBe(entries.length);
    expect(entries.find((e) => e.id === "dang-ky-thuong-tru")).toMatchObject({ kind: "procedure", title: "Đăng ký thường trú" });
  });
});

describe("dvc-bot chat", () => {
  it("answers every piped line, numbers picking choices, with a fresh data folder", () => {
    const dir = tempDir("chat");
    const r = run(["chat"], "làm lại căn cước bị mất\n2\n", { DATA_DIR: dir });
    expect(r.code).toBe(0);
    expect(r.out).toContain("Xin chào");
    expect(r.out).toContain("Cấp đổi, cấp lại thẻ căn cước");
    // "2" picks the second choice of the card (the fee): the card comes again, fee first.
    const cards = r.out.split("【Cấp đổi, cấp lại thẻ căn cước】");
    expect(cards.length).toBe(3);
    expect(cards[2]!.indexOf("Lệ phí")).toBeLessThan(cards[2]!.indexOf("🔗"));
    expect(cards[2]).not.toContain("Giấy tờ cần chuẩn bị");
  });
});

describe("dvc-bot report --csv", () => {
  it("neutralises formulas in comments, agency and procedure", () => {
    const dir = tempDir("report-csv");
    const record = {
      id: "s1",
      at: Date.UTC(2026, 2, 1),
      flow: "survey",
      ratings: { access: 5, procedure: 5, staff: 5, result: 5, feedback: 5, online: 5, overall: 5 },
      channel: "zalo",
      respondent: "abcdef0123456789",
      comment: '=HYPERLINK("http://x.invalid","bấm")',
      agency: "@SUM(1+1)",
      procedure: "-2+3",
    };
    writeFileSync(join(dir, "survey.jsonl"), `${JSON.stringify(record)}\n`);
    const r = run(["report", "--csv"], undefined, { DATA_DIR: dir });
    expect(r.code).toBe(0);
    expect(r.out).toContain(`"'=HYPERLINK(""http://x.invalid"",""bấm"")"`);
    expect(r.out).toContain(",'@SUM(1+1),");
    expect(r.out).toContain(",'-2+3,");
    expect(r.out).toContain(",5,5,5,5,5,5,5,");
  });
});

describe("dvc-bot serve", () => {
  it("refuses to start with an ADMIN_TOKEN under 16 characters, naming the variable", () => {
    const dir = tempDir("serve-token");
    const r = run(["serve"], undefined, { DATA_DIR: dir, ADMIN_TOKEN: "admin123", PORT: "0", HOST: "127.0.0.1" });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/ADMIN_TOKEN: must be at least 16 characters/);
    expect(r.err).not.toContain("admin123");
  });
});
