import { describe, expect, it } from "vitest";
import { procedureSchema, type Procedure } from "../../../src/knowledge/schema.js";
import { planImport, slugId, type ExistingKnowledge, type PlanOptions } from "../../../src/knowledge/sheet/plan-import.js";
import type { SheetProcedure } from "../../../src/knowledge/sheet/rows.js";

function procedure(id: string, title: string, extra: Partial<Procedure> = {}): Procedure {
  return procedureSchema.parse({ id, kind: "procedure", title, field: "Hộ tịch", tier: "xa", agency: "UBND cấp xã", level: "toan-trinh", source: "s", reviewed: "2026-01-01", ...extra });
}

/** Existing entries, each in its own file `<id>.yaml` whose text is what `render` gives. */
function existing(entries: Procedure[]): { knowledge: ExistingKnowledge; files: Map<string, string> } {
  const files = new Map<string, string>();
  for (const e of entries) {
    files.set(`${e.id}.yaml`, `# ghi chú của người rà soát\nid: ${e.id}\nkind: procedure\ntitle: ${e.title}\nneeds_review: ${e.needs_review}\nfield: ${e.field}\ntier: ${e.tier}\nagency: ${e.agency}\nlevel: ${e.level}\nsource: s\nreviewed: 2026-01-01\n`);
  }
  return { knowledge: { entries, origins: new Map(entries.map((e) => [e.id, { file: `${e.id}.yaml`, line: 2 }])) }, files };
}

const row = (r: number, name: string, extra: Partial<SheetProcedure> = {}): SheetProcedure => ({ row: r, tier: "xa", field: "Hộ tịch", name, level: "toan-trinh", ...extra });

function options(files: Map<string, string>, taken: string[] = []): PlanOptions {
  return { sheetName: "dot-1.csv", today: "2026-12-01", readFile: (f) => files.get(f)!, exists: (p) => taken.includes(p) };
}

describe("planImport", () => {
  it("makes ASCII kebab ids, cut at a word, never empty", () => {
    expect(slugId("Đăng ký tổ chức lễ hội truyền thống")).toBe("dang-ky-to-chuc-le-hoi-truyen-thong");
    expect(slugId("  (Cấp) giấy phép — số 2/2025  ")).toBe("cap-giay-phep-so-2-2025");
    expect(slugId("???")).toBe("thu-tuc");
    const long = slugId("Thủ tục ".repeat(20));
    expect(long.length).toBeLessThanOrEqual(64);
    expect(long).toMatch(/^thu-tuc(-thu-tuc)*$/);
  });

  it("adds what is new; keeps reviewed entries and only reports what the sheet says differently", () => {
    const { knowledge, files } = existing([procedure("dang-ky-khai-sinh", "Đăng ký khai sinh")]);
    const plan = planImport([row(4, "Đăng ký khai sinh", { level: "mot-phan" }), row(5, "Đăng ký khai tử")], knowledge, options(files));
    expect(plan.added.map((a) => [a.id, a.row, a.path])).toEqual([["dang-ky-khai-tu", 5, "imported/dang-ky-khai-tu.yaml"]]);
    expect(plan.skipped).toEqual([
      { id: "dang-ky-khai-sinh", row: 4, reason: "giữ nguyên mục đã rà soát; bảng tính ghi khác: level toan-trinh (mức độ 4) → mot-phan (mức độ 3) — tự kiểm tra lại" },
    ]);
    expect(plan.changed).toEqual([]);
    expect(plan.rewrites.size).toBe(0);
  });

  it("updates entries still needing review in place; a generic agency follows the tier, a named one stays", () => {
    const { knowledge, files } = existing([
      procedure("a", "Thủ tục A", { needs_review: true, agency: "UBND cấp xã" }),
      procedure("b", "Thủ tục B", { needs_review: true, agency: "Phòng Tư pháp" }),
      procedure("c", "Thủ tục C", { needs_review: true }),
    ]);
    const plan = planImport([row(2, "Thủ tục A", { tier: "tinh" }), row(3, "Thủ tục B", { tier: "tinh" }), row(4, "Thủ tục C")], knowledge, options(files));
    expect(plan.changed).toEqual([
      { id: "a", row: 2, file: "a.yaml", changes: ["tier xa → tinh", 'agency → "Cơ quan cấp tỉnh theo lĩnh vực"'] },
      { id: "b", row: 3, file: "b.yaml", changes: ["tier xa → tinh"] },
    ]);
    expect(plan.unchanged).toEqual([{ id: "c", row: 4, reason: "đã giống bảng tính" }]);
    expect(plan.rewrites.get("a.yaml")).toMatch(/^# ghi chú của người rà soát\n[\s\S]*\ntier: tinh\nagency: Cơ quan cấp tỉnh theo lĩnh vực\n/);
    expect(plan.rewrites.get("b.yaml")).toContain("agency: Phòng Tư pháp\n");
  });

  it("matches by title when the id differs, the same tier first, each entry once", () => {
    const { knowledge, files } = existing([
      procedure("chung-thuc-xa", "Chứng thực bản sao", { needs_review: true }),
      procedure("chung-thuc-tinh", "Chứng thực bản sao", { needs_review: true, tier: "tinh", agency: "Sở Tư pháp" }),
    ]);
    const plan = planImport([row(2, "Chứng thực bản sao", { tier: "tinh" }), row(3, "CHỨNG THỰC BẢN SAO")], knowledge, options(files));
    expect(plan.unchanged.map((u) => [u.id, u.row])).toEqual([
      ["chung-thuc-tinh", 2],
      ["chung-thuc-xa", 3],
    ]);
    expect(plan.added).toEqual([]);
  });

  it("gives a new entry a free id: the tier, then a number, when the name's id or file is taken", () => {
    // "cap-phep-xa" is taken by an entry with another title; "imported/cap-phep.yaml" by a file that failed to load.
    const { knowledge, files } = existing([procedure("cap-phep-2", "Giấy phép khác")]);
    const plan = planImport([row(2, "Cấp phép"), row(3, "Cấp phép", { tier: "tinh" }), row(4, "Cấp phép", { tier: "huyen" })], knowledge, options(files, ["imported/cap-phep.yaml"]));
    expect(plan.added.map((a) => a.id)).toEqual(["cap-phep-xa", "cap-phep-tinh", "cap-phep-huyen"]);
    const again = planImport([row(2, "Cấp phép"), row(3, "Cấp phép")], knowledge, options(files, ["imported/cap-phep.yaml", "imported/cap-phep-xa.yaml"]));
    expect(again.added.map((a) => a.id)).toEqual(["cap-phep-3", "cap-phep-4"]);
  });

  it("writes new entries into the folder asked for", () => {
    const { knowledge, files } = existing([]);
    const plan = planImport([row(2, "Cấp phép")], knowledge, { ...options(files), folder: "dot-2" });
    expect(plan.added[0]!.path).toBe("dot-2/cap-phep.yaml");
  });
});
