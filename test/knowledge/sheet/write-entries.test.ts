import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { entrySchema } from "../../../src/knowledge/schema.js";
import { applyEdits, renderImportedEntry, validatePlan } from "../../../src/knowledge/sheet/write-entries.js";

const OPTIONS = { sheetName: "danh-muc.csv", today: "2026-12-01" };

describe("writing imported entries", () => {
  it("a new entry says it needs review, where it came from, and holds only what the sheet gave", () => {
    const text = renderImportedEntry("cap-phep", { row: 7, tier: "tinh", field: "Xây dựng", name: "Cấp phép", level: "mot-phan" }, OPTIONS);
    expect(text).toMatch(/^# Nhập tự động bằng "dvc-bot import" từ bảng tính danh-muc\.csv \(dòng 7\) ngày 2026-12-01\.\n# CẦN RÀ SOÁT/);
    const body = text.slice(text.indexOf("\n\nid: ") + 2);
    expect(body).toBe(
      [
        "id: cap-phep",
        "kind: procedure",
        "title: Cấp phép",
        "needs_review: true",
        "field: Xây dựng",
        "tier: tinh",
        "agency: Cơ quan cấp tỉnh theo lĩnh vực",
        "level: mot-phan",
        "source: Bảng tính danh-muc.csv, dòng 7",
        "reviewed: 2026-12-01",
        "",
      ].join("\n"),
    );
    expect(entrySchema.safeParse(parse(text)).success).toBe(true);
  });

  it("carries the code and note of Ghi chú, and the reform note of a district entry", () => {
    const text = renderImportedEntry("chung-thuc", { row: 3, tier: "huyen", field: "Tư pháp", name: "Chứng thực", level: "toan-trinh", code: "1.000001", note: "chỉ bản sao" }, OPTIONS);
    const entry = parse(text) as Record<string, unknown>;
    expect(entry).toMatchObject({ code: "1.000001", tier: "huyen", agency: "UBND cấp huyện (danh mục cũ, trước 1/7/2025)", notes: ["chỉ bản sao"] });
    expect(entry.reform_note).toMatch(/từ 1\/7\/2025/);
    expect(Object.keys(entry).indexOf("code")).toBe(Object.keys(entry).indexOf("needs_review") + 1);
  });

  it("edits fields of entries in place, keeping comments and other entries; a missing id throws", () => {
    const file = "# của người biên tập\n- id: a\n  level: mot-phan # sẽ đổi\n  title: A\n- id: b\n  level: mot-phan\n";
    const edited = applyEdits(file, [{ id: "b", set: { level: "toan-trinh", tier: "xa" } }]);
    expect(edited).toBe("# của người biên tập\n- id: a\n  level: mot-phan # sẽ đổi\n  title: A\n- id: b\n  level: toan-trinh\n  tier: xa\n");
    expect(() => applyEdits(file, [{ id: "c", set: { level: "toan-trinh" } }])).toThrow('import: could not find c in its file');
  });

  it("refuses a plan that would write an invalid file", () => {
    expect(() => validatePlan({ added: [{ path: "imported/x.yaml", text: "id: x\nkind: procedure\n" }], rewrites: new Map() })).toThrow(/^import: internal error, generated imported\/x\.yaml is invalid/);
    expect(() => validatePlan({ added: [], rewrites: new Map([["a.yaml", "id: [broken\n"]]) })).toThrow(/generated a\.yaml is invalid/);
  });
});
