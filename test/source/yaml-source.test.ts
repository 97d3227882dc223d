import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { deadLinkProblems, decodeUtf8, displayPath, formatProblem, listYamlFiles, parseYamlItems, parseYamlText, zodProblems } from "../../src/source/yaml-source.js";
import { tempDir } from "../helpers/temp.js";

describe("reading staff YAML", () => {
  it("lists YAML files sorted, below sub-folders, skipping dot-folders and other files", () => {
    const dir = tempDir("yaml-list");
    for (const f of ["b.yaml", "a/c.yml", "a/d.YAML", ".git/x.yaml", "notes.txt", "e.yaml.tmp"]) {
      mkdirSync(join(dir, f, ".."), { recursive: true });
      writeFileSync(join(dir, f), "x: 1\n");
    }
    expect(listYamlFiles(dir).map((f) => f.slice(dir.length + 1))).toEqual(["a/c.yml", "a/d.YAML", "b.yaml"]);
    expect(listYamlFiles(join(dir, "missing"))).toEqual([]);
  });

  it("takes one mapping, a list of them or several documents, each with its line and the line of any field", () => {
    const { items, problems } = parseYamlText("- id: a\n  steps:\n    - một\n    - hai\n- id: b\n---\nid: c\n", "x.yaml");
    expect(problems).toEqual([]);
    expect(items.map((i) => [i.value, i.line])).toEqual([
      [{ id: "a", steps: ["một", "hai"] }, 1],
      [{ id: "b" }, 5],
      [{ id: "c" }, 7],
    ]);
    expect(items[0]!.lineOf(["steps", 1])).toBe(4);
    expect(items[0]!.lineOf(["steps"])).toBe(2);
    // A path that does not exist points at its nearest parent.
    expect(items[0]!.lineOf(["steps", 7])).toBe(2);
    expect(items[1]!.lineOf(["title"])).toBe(5);
  });

  it("reads text as NFC", () => {
    const { items } = parseYamlText("title: Đăng ký\n".normalize("NFD"), "x.yaml");
    expect((items[0]!.value as { title: string }).title).toBe("Đăng ký");
  });

  it("says one clear thing per line: a Tab first, otherwise the usual cause of the syntax error", () => {
    const tab = parseYamlText("id: a\ntitle: b\n\tbody: c\n", "x.yaml").problems;
    expect(tab.map(formatProblem)).toEqual([expect.stringMatching(/^x\.yaml:3: dòng này thụt lề bằng phím Tab/)]);
    const colon = parseYamlText("id: a\nsummary: Lưu ý: nộp trước 23 giờ\n", "x.yaml").problems;
    expect(colon.map(formatProblem)).toEqual(['x.yaml:2: lỗi cú pháp YAML: giá trị có dấu ": " ở giữa — đặt cả giá trị trong ngoặc kép, ví dụ summary: "Lưu ý: nộp trước 23 giờ"']);
    const twice = parseYamlText("id: a\nid: b\n", "x.yaml").problems;
    expect(twice.map((p) => p.message)).toEqual([expect.stringMatching(/trường này đã ghi ở trên trong cùng mục/)]);
  });

  it("refuses a file that is not UTF-8 at the line of the first bad byte, and reads a BOM as usual", () => {
    const dir = tempDir("yaml-utf8");
    writeFileSync(join(dir, "ansi.yaml"), Buffer.concat([Buffer.from("id: a\ntitle: "), Buffer.from([0xc0, 0x0a])]));
    writeFileSync(join(dir, "bom.yaml"), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("id: a\n")]));
    expect(parseYamlItems(join(dir, "ansi.yaml"), "ansi.yaml").problems).toEqual([{ file: "ansi.yaml", line: 2, message: expect.stringMatching(/^not UTF-8 text.*lưu lại với mã hóa UTF-8/) }]);
    expect(parseYamlItems(join(dir, "bom.yaml")).items.map((i) => i.value)).toEqual([{ id: "a" }]);
    expect(parseYamlItems(join(dir, "missing.yaml"), "missing.yaml").problems).toEqual([{ file: "missing.yaml", line: 1, message: expect.stringMatching(/^không đọc được tệp/) }]);
    expect(decodeUtf8(Buffer.from("a\nb\n\xff", "latin1"))).toEqual({ ok: false, line: 3 });
    expect(decodeUtf8(Buffer.from("Đăng ký"))).toEqual({ ok: true, text: "Đăng ký" });
  });

  it("words zod's issues for staff, each at the line of its field", () => {
    const schema = z.object({ id: z.string(), fee: z.number(), kind: z.enum(["a", "b"]), link: z.url() }).strict();
    const { items } = parseYamlText("id: x\nfee: 20.000đ\nkind: c\nlink: dichvucong.gov.vn\nfees: 1\n", "x.yaml");
    const parsed = schema.safeParse(items[0]!.value);
    expect(parsed.success).toBe(false);
    const problems = zodProblems(items[0]!, parsed.error!, "p: ");
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^x\.yaml:2: p: fee: phải là một số, đang là một dòng chữ — viết liền/),
      expect.stringMatching(/^x\.yaml:3: p: kind: phải là procedure \(thủ tục\), guide \(hướng dẫn\) hoặc faq/),
      expect.stringMatching(/^x\.yaml:4: p: link: phải là đường dẫn đầy đủ, bắt đầu bằng https:\/\//),
      expect.stringMatching(/^x\.yaml:5: p: trường "fees" không có trong mẫu/),
    ]);
    const empty = parseYamlText("title: t\n", "y.yaml").items[0]!;
    const missing = schema.safeParse(empty.value);
    expect(zodProblems(empty, missing.error!).map(formatProblem)[0]).toMatch(/^y\.yaml:1: id: thiếu trường bắt buộc — thêm dòng "id: …"/);
  });

  it("flags the old portal links wherever they are, at their line", () => {
    const { items } = parseYamlText("id: a\nsteps:\n  - Vào https://dichvucong.gov.vn/p/home/dvc-trang-chu.html\n", "x.yaml");
    expect(deadLinkProblems(items[0]!).map(formatProblem)).toEqual([expect.stringMatching(/^x\.yaml:3: steps\.0: đường dẫn cũ "dichvucong\.gov\.vn\/p\/home\/…"/)]);
  });

  it("shows paths inside the working folder relative to it", () => {
    expect(displayPath(join(process.cwd(), "knowledge", "a.yaml"))).toBe(join("knowledge", "a.yaml"));
    expect(displayPath("/elsewhere/a.yaml")).toBe("/elsewhere/a.yaml");
  });
});
