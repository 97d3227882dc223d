import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "./run-cli.js";

// ask, check and export have their own files; here the commands of other layers (serve, chat, report).
const temp: string[] = [];
afterAll(() => temp.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("dvc-bot serve with settings that cannot work", () => {
  it("exits 1 at once with a message naming the variable", () => {
    const r = run(["serve"], undefined, { PORT: "0", TELEGRAM_BOT_TOKEN: "1:abc", TELEGRAM_WEBHOOK_URL: "https://bot.example.invalid/webhooks/telegram" });
    expect(r.code).toBe(1);
    expect(r.err).toContain("config: invalid settings");
    expect(r.err).toContain("TELEGRAM_WEBHOOK_SECRET: required with TELEGRAM_WEBHOOK_URL");
  });
});

describe("dvc-bot chat", () => {
  it("answers every piped line, numbers picking choices, with a fresh data folder", () => {
    const dir = mkdtempSync(join(tmpdir(), "dvc-chat-"));
    temp.push(dir);
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
    const dir = mkdtempSync(join(tmpdir(), "report-csv-"));
    temp.push(dir);
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
    const dir = mkdtempSync(join(tmpdir(), "serve-token-"));
    temp.push(dir);
    const r = run(["serve"], undefined, { DATA_DIR: dir, ADMIN_TOKEN: "admin123", PORT: "0", HOST: "127.0.0.1" });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/ADMIN_TOKEN: must be at least 16 characters/);
    expect(r.err).not.toContain("admin123");
  });
});
