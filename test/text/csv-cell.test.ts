import { describe, expect, it } from "vitest";
import { csvCell, csvTextCell } from "../../src/text/csv-cell.js";

describe("csvCell", () => {
  it.each(["=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "  =1+1"])("quotes text a spreadsheet would run: %j", (v) => {
    expect(csvTextCell(v)).toBe(`'${v}`);
  });
  it("keeps ordinary text and numbers (negative ones too) as they are", () => {
    expect(csvTextCell("Cán bộ nhiệt tình")).toBe("Cán bộ nhiệt tình");
    expect(csvTextCell("2026-03-01")).toBe("2026-03-01");
    expect(csvCell(-3)).toBe(-3);
    expect(csvCell(5)).toBe(5);
  });
});
