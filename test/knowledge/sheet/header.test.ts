import { describe, expect, it } from "vitest";
import { detectDelimiter, findHeader, type SheetRecord } from "../../../src/knowledge/sheet/header.js";

/** Records as parse-sheet hands them over: one per line, cells split on commas. */
const records = (text: string): SheetRecord[] => text.split("\n").map((line, i) => ({ row: i + 1, cells: line.split(",") }));

describe("sheet header", () => {
  it("takes the delimiter that splits the STT row most, whatever the title rows above use", () => {
    expect(detectDelimiter("Danh mục, năm 2025\nSTT;Tên thủ tục;Mức độ 3;Mức độ 4\n1;a;;x\n")).toBe(";");
    expect(detectDelimiter("STT\tTên thủ tục\tMức độ 3\n")).toBe("\t");
    expect(detectDelimiter("STT,Tên thủ tục,Mức độ 3\n")).toBe(",");
    expect(detectDelimiter("một ô\n")).toBe(",");
  });

  it("finds the report shape under title rows, with one column per level", () => {
    const header = findHeader(records("Phụ lục II,,,,,\nSTT,Lĩnh vực/DVCTT,Mức độ 2,Mức độ 3,Mức độ 4,Ghi chú\nA,Cấp tỉnh,,,,"));
    expect(header).toEqual({
      row: 2,
      dataFrom: 2,
      stt: 0,
      name: 1,
      note: 5,
      levels: [
        { col: 2, level: "khong-truc-tuyen", label: "Mức độ 2" },
        { col: 3, level: "mot-phan", label: "Mức độ 3" },
        { col: 4, level: "toan-trinh", label: "Mức độ 4" },
      ],
    });
  });

  it("reads level columns from a second header row under a merged cell", () => {
    const header = findHeader(records("STT,Tên thủ tục,Mức độ DVCTT,\n,,Mức độ 3,Mức độ 4\n1,a,,x"));
    expect(header).toMatchObject({ row: 1, dataFrom: 2, name: 1, levels: [{ col: 2, level: "mot-phan" }, { col: 3, level: "toan-trinh" }] });
    expect(header?.levelValue).toBeUndefined();
  });

  it("finds the name, field, tier and single level columns of a flat list", () => {
    const header = findHeader(records("STT,Lĩnh vực,Tên thủ tục hành chính,Cấp thực hiện,Mức độ DVCTT"));
    expect(header).toMatchObject({ stt: 0, field: 1, name: 2, tier: 3, levelValue: 4, levels: [] });
    // Without a named column, the procedure name is the one after STT.
    expect(findHeader(records("STT,Nội dung,Mức độ 4"))?.name).toBe(1);
  });

  it("needs an STT column and a way to read the level", () => {
    expect(findHeader(records("Tên,Số\nabc,1"))).toBeUndefined();
    expect(findHeader(records("STT,Tên thủ tục,Ghi chú\n1,a,"))).toBeUndefined();
  });
});
