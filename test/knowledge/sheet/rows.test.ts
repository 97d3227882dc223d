import { describe, expect, it } from "vitest";
import { ProcedureRows, type SheetProblem, type SheetProcedure, type SheetShape } from "../../../src/knowledge/sheet/rows.js";
import { findHeader, type Header } from "../../../src/knowledge/sheet/header.js";

// The report shape: STT | Lĩnh vực/DVCTT | Mức độ 2 | Mức độ 3 | Mức độ 4 | Ghi chú
const HEADER_CELLS = ["STT", "Lĩnh vực/DVCTT", "Mức độ 2", "Mức độ 3", "Mức độ 4", "Ghi chú"];
const REPORT: Header = findHeader([{ row: 1, cells: HEADER_CELLS }])!;

function reader(shape: SheetShape = { hasTierRows: true, noField: false }, header: Header = REPORT) {
  const out = { procedures: [] as SheetProcedure[], notes: [] as SheetProblem[], problems: [] as SheetProblem[] };
  return { rows: new ProcedureRows(header, HEADER_CELLS, shape, out), out };
}

describe("procedure rows", () => {
  it("carry the tier and field of the rows above; a new tier starts the field over", () => {
    const { rows, out } = reader();
    rows.tierRow(2, "Cấp tỉnh");
    rows.fieldRow(3, "I", "Lĩnh vực Tư pháp");
    rows.procedure(4, ["1", "Chứng thực", "", "x", "", "Mã 1.000001"], "1", "Chứng thực");
    rows.tierRow(5, "Cấp xã");
    rows.procedure(6, ["1", "Hòa giải", "x", "", "", ""], "1", "Hòa giải");
    expect(out.procedures).toEqual([{ row: 4, tier: "tinh", field: "Tư pháp", name: "Chứng thực", level: "mot-phan", code: "1.000001" }]);
    expect(out.problems).toEqual([{ row: 6, message: expect.stringMatching(/^import: thủ tục này chưa thuộc lĩnh vực nào/) }]);
  });

  it("the same name twice in one tier is a problem naming the first row; in another tier it is fine", () => {
    const { rows, out } = reader();
    rows.tierRow(2, "Cấp tỉnh");
    rows.fieldRow(3, "I", "Lĩnh vực Tư pháp");
    rows.procedure(4, ["1", "Chứng thực", "x"], "1", "Chứng thực");
    rows.procedure(5, ["2", "CHỨNG THỰC", "x"], "2", "CHỨNG THỰC");
    rows.tierRow(6, "Cấp xã");
    rows.fieldRow(7, "I", "Lĩnh vực Tư pháp");
    rows.procedure(8, ["1", "Chứng thực", "x"], "1", "Chứng thực");
    expect(out.procedures.map((p) => [p.row, p.tier])).toEqual([
      [4, "tinh"],
      [8, "xa"],
    ]);
    expect(out.problems).toEqual([{ row: 5, message: expect.stringMatching(/"CHỨNG THỰC" ghi hai lần trong cùng một cấp \(lần đầu ở dòng 4\)/) }]);
  });

  it("notes the district tier once, however many rows have it", () => {
    const { rows, out } = reader();
    rows.tierRow(2, "Cấp huyện");
    rows.fieldRow(3, "I", "Lĩnh vực Tư pháp");
    rows.procedure(4, ["1", "A", "x"], "1", "A");
    rows.procedure(5, ["2", "B", "x"], "2", "B");
    expect(out.notes.map((n) => n.row)).toEqual([2]);
    expect(out.procedures.map((p) => p.tier)).toEqual(["huyen", "huyen"]);
  });

  it("a row's own tier and field columns win over the rows above; an unknown tier value is one problem", () => {
    const header: Header = { ...REPORT, tier: 6, field: 7 };
    const { rows, out } = reader({ hasTierRows: true, noField: false }, header);
    rows.tierRow(2, "Cấp tỉnh");
    rows.fieldRow(3, "I", "Lĩnh vực Tư pháp");
    rows.procedure(4, ["1", "A", "x", "", "", "", "Cấp xã", "Hộ tịch"], "1", "A");
    rows.procedure(5, ["2", "B", "x", "", "", "", "Cấp phường", ""], "2", "B");
    expect(out.procedures).toEqual([{ row: 4, tier: "xa", field: "Hộ tịch", name: "A", level: "khong-truc-tuyen" }]);
    expect(out.problems).toEqual([{ row: 5, message: expect.stringMatching(/^import: cấp thực hiện "Cấp phường" không rõ/) }]);
  });

  it("with --tier and no field anywhere, every procedure gets the tier and the placeholder field", () => {
    const { rows, out } = reader({ hasTierRows: false, noField: true, tier: "xa" });
    rows.procedure(2, ["1", "A", "", "", "x"], "1", "A");
    expect(out.procedures).toEqual([{ row: 2, tier: "xa", field: "Chưa rõ lĩnh vực", name: "A", level: "toan-trinh" }]);
  });
});
