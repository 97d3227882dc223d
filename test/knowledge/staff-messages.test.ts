import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { blocksToText } from "../../src/engine/blocks-to-text.js";
import { entryCard } from "../../src/engine/card.js";
import { loadFlows } from "../../src/flows/loader.js";
import { loadKnowledge } from "../../src/knowledge/loader.js";
import { formatProblem } from "../../src/source/yaml-source.js";

/** What `dvc-bot check` tells a staff editor, on fixture folders written here (never the real knowledge/). */

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "dvc-staff-msg-"));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const procedure = (id: string, title = "Thủ tục thử", extra = "") =>
  `id: ${id}
kind: procedure
title: ${title}
field: Hộ tịch
tier: xa
agency: UBND cấp xã
level: toan-trinh
${extra}source: Cổng Dịch vụ công quốc gia
reviewed: 2026-11-23
`;

const problemsOf = (dir: string) => loadKnowledge(dir).problems.map((p) => formatProblem({ ...p, file: p.file.slice(dir.length + 1) }));

describe("check: what staff editors see", () => {
  it("a duplicate id is reported at the copy, even when the copy sorts first, naming the file that keeps the id", () => {
    // "…-online.yaml" sorts before "….yaml": alphabetical order used to blame the original.
    const dir = folder({
      "cap-ho-chieu.yaml": procedure("cap-ho-chieu", "Cấp hộ chiếu"),
      "cap-ho-chieu-online.yaml": procedure("cap-ho-chieu", "Cấp hộ chiếu trực tuyến"),
    });
    const { knowledge, problems } = loadKnowledge(dir);
    expect(problems.map((p) => formatProblem({ ...p, file: p.file.slice(dir.length + 1) }))).toEqual([
      'cap-ho-chieu-online.yaml:1: knowledge: id "cap-ho-chieu" đã dùng ở ' +
        `${join(dir, "cap-ho-chieu.yaml")}:1; tệp kia giữ id này — đổi id ở đây thành một id mới (thường do sao chép tệp mà quên đổi id), hoặc xóa mục này nếu trùng`,
    ]);
    expect(knowledge.byId.get("cap-ho-chieu")?.title).toBe("Cấp hộ chiếu");
  });

  it("when neither file is named after the id, the one edited last is the copy", () => {
    const dir = folder({ "b-goc.yaml": procedure("thu-tuc-x", "Bản gốc"), "a-ban-sao.yaml": procedure("thu-tuc-x", "Bản sao") });
    utimesSync(join(dir, "b-goc.yaml"), new Date("2026-11-01"), new Date("2026-11-01"));
    utimesSync(join(dir, "a-ban-sao.yaml"), new Date("2026-12-01"), new Date("2026-12-01"));
    const { knowledge, problems } = loadKnowledge(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.file).toBe(join(dir, "a-ban-sao.yaml"));
    expect(problems[0]!.message).toContain(`đã dùng ở ${join(dir, "b-goc.yaml")}:1; tệp kia giữ id này`);
    expect(knowledge.byId.get("thu-tuc-x")?.title).toBe("Bản gốc");
  });

  it("an unknown field is reported at its own line, one line per field", () => {
    const dir = folder({ "a.yaml": procedure("thu-tuc-a", "Thủ tục A", "phi: 20000\nthoi_han: 3 ngày\n") });
    expect(problemsOf(dir)).toEqual([
      'a.yaml:8: trường "phi" không có trong mẫu — sửa chính tả tên trường hoặc xóa dòng (các trường được dùng: xem docs/huong-dan-bien-tap.md)',
      'a.yaml:9: trường "thoi_han" không có trong mẫu — sửa chính tả tên trường hoặc xóa dòng (các trường được dùng: xem docs/huong-dan-bien-tap.md)',
    ]);
  });

  it("one Tab in the indentation gives one clear message at the Tab's line", () => {
    // This Tab used to produce four YAML errors on line 10.
    const dir = folder({ "a.yaml": procedure("thu-tuc-a", "Thủ tục A", "steps:\n  - Một\n\t- Hai\n") });
    expect(problemsOf(dir)).toEqual([
      "a.yaml:10: dòng này thụt lề bằng phím Tab; YAML chỉ nhận dấu cách — xóa Tab và thụt bằng dấu cách cho thẳng cột với các dòng cùng cấp",
    ]);
  });

  it("schema messages are Vietnamese, at the field's line, and say what to do", () => {
    const dir = folder({
      "a.yaml": procedure("thu-tuc-a", "Thủ tục A", 'fees:\n  - channel: truc-tiep\n    amount: "10.000"\n  - channel: online\n    amount: 0\n').replace("reviewed: 2026-11-23", "reviewed: 23/11/2026"),
      "b.yaml": "id: Thu_B\nkind: sach\ntitle: B\nsource: x\nreviewed: 2026-11-23\n",
      "c.yaml": procedure("thu-tuc-c").replace("title: Thủ tục thử\n", "").replace("tier: xa", "tier: quan"),
    });
    expect(problemsOf(dir)).toEqual([
      "a.yaml:14: reviewed: phải là ngày dạng NĂM-THÁNG-NGÀY, ví dụ 2026-11-23 (không viết 23/11/2026)",
      "a.yaml:10: fees.0.amount: phải là một số, đang là một dòng chữ — viết liền, không dấu chấm, không chữ (ví dụ 20000); phần chữ ghi vào note",
      "a.yaml:11: fees.1.channel: phải là một trong các giá trị: truc-tiep, truc-tuyen, buu-chinh, moi-kenh — chép đúng một giá trị",
      'b.yaml:2: kind: phải là procedure (thủ tục), guide (hướng dẫn) hoặc faq (hỏi đáp) — ghi ví dụ "kind: procedure"',
      'c.yaml:1: title: thiếu trường bắt buộc — thêm dòng "title: …" (xem bảng các trường trong docs/huong-dan-bien-tap.md)',
      "c.yaml:4: tier: phải là một trong các giá trị: trung-uong, tinh, xa, huyen — chép đúng một giá trị",
    ]);
  });

  it("flow problems are Vietnamese too, with the unknown field at its own line", () => {
    const dir = folder({
      "x.yaml": `id: thu
title: Thử
start: start
steps:
  start:
    say: Chào bạn
    sai: 1
    choices:
      - { label: "A", next: khong-co }
`,
    });
    const problems = loadFlows(dir, { knowledgeIds: new Set() }).problems.map((p) => `${p.line}: ${p.message}`);
    expect(problems).toEqual([
      '7: flow: steps.start: trường "sai" không có trong mẫu — sửa chính tả tên trường hoặc xóa dòng (các trường được dùng: xem docs/huong-dan-bien-tap.md)',
    ]);
    const fixed = folder({ "x.yaml": readFixed() });
    expect(loadFlows(fixed, { knowledgeIds: new Set() }).problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '8: flow thu: không có bước "khong-co" trong steps — sửa tên bước cho đúng hoặc thêm bước đó',
    ]);
  });

  it("link is optional: a procedure without one passes check and its card still sends the citizen to the portal", () => {
    const dir = folder({ "a.yaml": procedure("thu-tuc-a", "Thủ tục A") });
    const { knowledge, problems } = loadKnowledge(dir);
    expect(problems).toEqual([]);
    const card = blocksToText(entryCard(knowledge.byId.get("thu-tuc-a")!, new Set(), "2026-12-02"));
    expect(card).toMatch(/Cổng Dịch vụ công quốc gia.*https:\/\/dichvucong\.gov\.vn/s);
  });
});

function readFixed(): string {
  return `id: thu
title: Thử
start: start
steps:
  start:
    say: Chào bạn
    choices:
      - { label: "A", next: khong-co }
`;
}
