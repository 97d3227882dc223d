import { describe, expect, it } from "vitest";
import { clean, fieldName, isLevelColumn, key, levelOfHeader, levelOfValue, readNote, sttOf, tierOf } from "../../../src/knowledge/sheet/cells.js";

describe("sheet cells", () => {
  it("compares labels folded and cleans every kind of space", () => {
    expect(key(" Lĩnh vực / DVCTT ")).toBe("linh vuc dvctt");
    expect(clean("  Cấp\u00a0giấy\u200bphép \n ")).toBe("Cấp giấy phép");
    expect(clean("Đăng ký".normalize("NFD"))).toBe("Đăng ký");
    expect(clean(undefined)).toBe("");
  });

  it("maps tier labels, and only whole ones", () => {
    expect(["Cấp tỉnh", "CẤP XÃ", "Cấp huyện", "Cấp trung ương", "cap xa, phuong", "UBND cấp xã", "Cấp bộ", "Tỉnh"].map(tierOf)).toEqual([
      "tinh",
      "xa",
      "huyen",
      "trung-uong",
      "xa",
      "xa",
      "trung-uong",
      "tinh",
    ]);
    expect(tierOf("Cấp giấy phép xây dựng")).toBeUndefined();
    expect(tierOf("Cấp phường")).toBeUndefined();
  });

  it("reads level headers and the values of one level column, legacy numbers included", () => {
    expect(["Mức độ 2", "MUC DO  4", "MĐ3", "MD 3", "Toàn trình", "Một phần", "Mức độ DVCTT"].map(levelOfHeader)).toEqual([
      "khong-truc-tuyen",
      "toan-trinh",
      "mot-phan",
      "mot-phan",
      "toan-trinh",
      "mot-phan",
      undefined,
    ]);
    expect(["Mức độ DVCTT", "Mức độ", "DVCTT", "Hình thức DVCTT", "Mức độ 4"].map(isLevelColumn)).toEqual([true, true, true, true, false]);
    expect(["4", "Mức độ 3", "2", "1", "DVC toàn trình", "Một phần", "Chưa trực tuyến", "Trực tiếp", "5", ""].map(levelOfValue)).toEqual([
      "toan-trinh",
      "mot-phan",
      "khong-truc-tuyen",
      "khong-truc-tuyen",
      "toan-trinh",
      "mot-phan",
      "khong-truc-tuyen",
      "khong-truc-tuyen",
      undefined,
      undefined,
    ]);
  });

  it("takes the field name out of a field row label, capitalised", () => {
    expect(fieldName("Lĩnh vực hộ tịch")).toBe("Hộ tịch");
    expect(fieldName("LINH VUC: Đất đai")).toBe("Đất đai");
    expect(fieldName("Lĩnh vực – Tư pháp")).toBe("Tư pháp");
    expect(fieldName("Lĩnh vực")).toBe("");
    expect(fieldName("Giáo dục")).toBe("Giáo dục");
  });

  it("reads the STT without its trailing dot", () => {
    expect(sttOf(["1.", "x"], 0)).toBe("1");
    expect(sttOf(["A."], 0)).toBe("A");
    expect(sttOf([], 3)).toBe("");
  });

  it("takes the national code out of Ghi chú and drops the export's review marker", () => {
    expect(readNote("Mã 1.004222")).toEqual({ code: "1.004222" });
    expect(readNote("Mã 1.004222; chưa rà soát")).toEqual({ code: "1.004222" });
    expect(readNote("chỉ với tổ chức, mã TTHC: 2.000123")).toEqual({ note: "chỉ với tổ chức", code: "2.000123" });
    expect(readNote("Mã số thuế cần có")).toEqual({ note: "Mã số thuế cần có" });
    expect(readNote("")).toEqual({});
  });
});
