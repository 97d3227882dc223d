import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { AskJson } from "../../src/cli/ask.js";
import { tempDir } from "../helpers/temp.js";
import { FIXTURE_ENV, run } from "./run-cli.js";

const ask = (args: string[], input?: string) => run(["ask", ...args], input, FIXTURE_ENV);

describe("dvc-bot ask --json", () => {
  it("reports a refusal or an out-of-scope reply as not answered, whatever the search found", () => {
    for (const q of ["mua bằng lái không cần thi", "giá vàng hôm nay"]) {
      const a = JSON.parse(ask(["--json", q]).out) as AskJson;
      expect(a.answered, q).toBe(false);
    }
  });

  it("answers one question in the documented shape", () => {
    const r = ask(["--json", "lệ phí làm hộ chiếu"]);
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
    const r = ask(["--json"], "dang ky tam tru online\ngiá vàng hôm nay\n\ncấp lại bằng lái bị mất\n");
    expect(r.code).toBe(0);
    const lines = r.out.trim().split("\n").map((l) => JSON.parse(l) as AskJson);
    expect(lines.map((l) => l.query)).toEqual(["dang ky tam tru online", "giá vàng hôm nay", "cấp lại bằng lái bị mất"]);
    expect(lines.map((l) => l.answered)).toEqual([true, false, true]);
    expect(lines[2]!.results[0]!.id).toBe("cap-lai-giay-phep-lai-xe");
    // Out of scope: one short line saying what the bot is for, no procedure suggestions.
    expect(lines[1]!.reply).toContain("chỉ hỗ trợ về thủ tục hành chính");
    expect(lines[1]!.reply).not.toMatch(/tạm trú|Có phải bạn muốn hỏi/);
  });

  it("prints a readable card without --json", () => {
    const r = ask(["đăng ký khai sinh cần giấy tờ gì"]);
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
