import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadKnowledge } from "../../src/knowledge/loader.js";
import { formatProblem } from "../../src/source/yaml-source.js";
import { windows1258Entry } from "../helpers/windows-1258.js";
import { tempCopy } from "../helpers/temp.js";

// The loader on copies of the fixture knowledge base; only "loads the shipped knowledge" reads knowledge/.
const REAL = join(import.meta.dirname, "../../knowledge");
const FIXTURE = join(import.meta.dirname, "../fixtures/knowledge");
const copyOfFixture = () => tempCopy(FIXTURE, "kb");
const FIXTURE_ENTRIES = loadKnowledge(FIXTURE).knowledge.entries.length;

const VALID = `id: thu-nghiem
kind: faq
title: Câu hỏi thử nghiệm
body: Nội dung trả lời.
source: Ghi chú nội bộ
reviewed: 2026-11-23
`;

describe("knowledge loader", () => {
  it("refuses a file saved as Windows-1258 with path:line and a Vietnamese hint, keeping the rest", () => {
    const dir = copyOfFixture();
    writeFileSync(join(dir, "zz-ansi.yaml"), windows1258Entry("zz-ansi"));
    const { knowledge, problems } = loadKnowledge(dir);
    const lines = problems.map(formatProblem);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/zz-ansi\.yaml:3: not UTF-8 text/);
    expect(lines[0]).toContain("lưu lại với mã hóa UTF-8");
    expect(knowledge.byId.has("zz-ansi")).toBe(false);
    expect(knowledge.entries.length).toBe(FIXTURE_ENTRIES);
  });

  it("reads a UTF-8 file with a byte-order mark as usual", () => {
    const dir = copyOfFixture();
    writeFileSync(join(dir, "zz-bom.yaml"), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(VALID.replace("thu-nghiem", "zz-bom"), "utf8")]));
    const { knowledge, problems } = loadKnowledge(dir);
    expect(problems.map(formatProblem)).toEqual([]);
    expect(knowledge.byId.get("zz-bom")?.title).toBe("Câu hỏi thử nghiệm");
  });

  it("content: loads the shipped knowledge without a single problem", () => {
    const { knowledge, problems } = loadKnowledge(REAL);
    expect(problems.map(formatProblem)).toEqual([]);
    expect(knowledge.entries.length).toBeGreaterThan(10);
    expect(knowledge.synonyms.groups.length).toBeGreaterThan(0);
  });

  it("reports a YAML syntax error with file and line", () => {
    const dir = copyOfFixture();
    writeFileSync(join(dir, "zz-syntax.yaml"), "id: zz-syntax\nkind: faq\ntitle: [unclosed\n  body: x\n");
    const { problems } = loadKnowledge(dir);
    const p = problems.find((x) => x.file.endsWith("zz-syntax.yaml"));
    expect(p).toBeDefined();
    expect(p!.line).toBeGreaterThanOrEqual(3);
    expect(p!.message).toMatch(/cú pháp YAML/);
  });

  it("names the line of a bad field and the entry line of a missing one", () => {
    const dir = copyOfFixture();
    writeFileSync(
      join(dir, "zz-schema.yaml"),
      VALID.replace("title: Câu hỏi thử nghiệm\n", "") + "---\n" + VALID.replace("thu-nghiem", "thu-nghiem-2").replace("2026-11-23", "23/11/2026"),
    );
    const problems = loadKnowledge(dir).problems.filter((p) => p.file.endsWith("zz-schema.yaml"));
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(/zz-schema\.yaml:1: title: thiếu trường bắt buộc/),
      expect.stringMatching(/zz-schema\.yaml:12: reviewed: phải là ngày dạng NĂM-THÁNG-NGÀY/),
    ]);
  });

  it("collects problems from every file at once, including cross-file ones", () => {
    const dir = copyOfFixture();
    writeFileSync(join(dir, "zz-a.yaml"), VALID);
    writeFileSync(join(dir, "zz-b.yaml"), VALID + "related:\n  - khong-ton-tai\n");
    writeFileSync(join(dir, "zz-c.yaml"), VALID.replace("thu-nghiem", "thu-nghiem-c").replace("kind: faq", "kind: faq\nfee: 10000"));
    const messages = loadKnowledge(dir).problems.map(formatProblem);
    expect(messages).toContainEqual(expect.stringMatching(/zz-b\.yaml:1: knowledge: id "thu-nghiem" đã dùng ở .*zz-a\.yaml:1; tệp kia giữ id này/));
    expect(messages).toContainEqual(expect.stringMatching(/zz-c\.yaml:\d+: trường "fee" không có trong mẫu/));
    // The duplicate is rejected before its references are read; a fresh id shows the unknown reference.
    writeFileSync(join(dir, "zz-b.yaml"), VALID.replace("thu-nghiem", "thu-nghiem-b") + "related:\n  - khong-ton-tai\n");
    const again = loadKnowledge(dir).problems.map(formatProblem);
    expect(again).toContainEqual(expect.stringMatching(/zz-b\.yaml:8: related: không có mục nào có id "khong-ton-tai"/));
  });

  it("rejects a procedure without level, agency or a fee without channel", () => {
    const dir = copyOfFixture();
    writeFileSync(
      join(dir, "zz-proc.yaml"),
      `id: zz-proc
kind: procedure
title: Thủ tục thử
field: Thử
tier: xa
fees:
  - amount: 1000
source: Ghi chú
reviewed: 2026-11-23
`,
    );
    const messages = loadKnowledge(dir).problems.filter((p) => p.file.endsWith("zz-proc.yaml")).map((p) => p.message);
    expect(messages).toEqual(expect.arrayContaining([expect.stringMatching(/^agency/), expect.stringMatching(/^level/), expect.stringMatching(/^fees\.0\.channel/)]));
  });

  it("keeps valid entries usable when another file is broken", () => {
    const dir = copyOfFixture();
    writeFileSync(join(dir, "zz-broken.yaml"), "id: [broken\n");
    const { knowledge, problems } = loadKnowledge(dir);
    expect(problems.length).toBeGreaterThan(0);
    expect(knowledge.byId.has("dang-ky-khai-sinh")).toBe(true);
    expect(knowledge.entries.length).toBe(FIXTURE_ENTRIES);
  });

  it("adds up several synonyms files section by section; a list section no file gives stays absent", () => {
    const dir = copyOfFixture();
    mkdirSync(join(dir, "tinh"));
    writeFileSync(join(dir, "tinh", "synonyms.yaml"), "groups:\n  - [sổ đỏ, giấy chứng nhận quyền sử dụng đất]\nabbreviations:\n  dc: được\nplaces: [Tân Phú]\nfacets:\n  fee: [tốn bao nhiêu]\n");
    const { knowledge, problems } = loadKnowledge(dir);
    expect(problems).toEqual([]);
    const { synonyms } = knowledge;
    expect(synonyms.groups).toHaveLength(3);
    expect(synonyms.abbreviations).toEqual({ ko: "không", dc: "được" });
    expect(synonyms.places).toEqual(["Tân Phú"]);
    expect(synonyms.facets).toEqual({ fee: ["tốn bao nhiêu"] });
    expect("function_words" in synonyms).toBe(false);
  });

  it("reads the replaced documents staff list, with their lines, and leaves intents.yaml to the engine", () => {
    const dir = copyOfFixture();
    writeFileSync(join(dir, "superseded.yaml"), "- old: 25/2021/TT-BTC\n  new: 28/2026/TT-BTC\n  from: 2026-07-01\n- old: x\n  new: 01/2026/ND-CP\n");
    const { knowledge, problems } = loadKnowledge(dir);
    expect(knowledge.superseded).toEqual([{ old: "25/2021/TT-BTC", new: "28/2026/TT-BTC", from: "2026-07-01", names: [], file: join(dir, "superseded.yaml"), line: 1 }]);
    expect(problems.map(formatProblem)).toEqual([expect.stringMatching(/superseded\.yaml:4: superseded: old: ghi số hiệu hoặc tên văn bản/)]);
    expect(problems.some((p) => p.file.endsWith("intents.yaml"))).toBe(false);
  });
});
