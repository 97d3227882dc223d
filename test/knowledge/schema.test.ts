import { describe, expect, it } from "vitest";
import { entrySchema, feeSchema, LEGACY_LEVEL, synonymsSchema } from "../../src/knowledge/schema.js";

const PROCEDURE = { id: "dang-ky-khai-sinh", kind: "procedure", title: "Đăng ký khai sinh", field: "Hộ tịch", tier: "xa", agency: "UBND cấp xã", level: "toan-trinh", source: "Cổng DVC", reviewed: "2026-11-23" };
const messages = (value: unknown) => {
  const r = entrySchema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("knowledge schema", () => {
  it("fills the lists staff leave out, and reads a YAML date as YYYY-MM-DD", () => {
    const e = entrySchema.parse({ ...PROCEDURE, reviewed: new Date("2026-11-23T00:00:00Z") });
    expect(e).toMatchObject({ aliases: [], keywords: [], related: [], next: [], needs_review: false, reviewed: "2026-11-23" });
    expect(e.kind === "procedure" && [e.documents, e.fees, e.times, e.steps, e.legal, e.notes]).toEqual([[], [], [], [], [], []]);
  });

  it("maps each online level to the legacy mức độ people still say", () => {
    expect(LEGACY_LEVEL).toEqual({ "toan-trinh": 4, "mot-phan": 3, "khong-truc-tuyen": 2 });
  });

  it("words its own refusals for staff", () => {
    expect(messages({ ...PROCEDURE, id: "Dang_Ky" })).toEqual([expect.stringMatching(/^id: chỉ được gồm chữ thường không dấu/)]);
    expect(messages({ ...PROCEDURE, reviewed: "23/11/2026" })).toEqual([expect.stringMatching(/^reviewed: phải là ngày dạng NĂM-THÁNG-NGÀY/)]);
    expect(messages({ ...PROCEDURE, code: "1,004222" })).toEqual([expect.stringMatching(/^code: mã thủ tục không đúng dạng/)]);
    expect(messages({ ...PROCEDURE, title: "  " })).toEqual([expect.stringMatching(/^title: đang để trống/)]);
    expect(messages({ ...PROCEDURE, tier: "huyện" })).toEqual([expect.stringMatching(/^tier: phải là một trong các giá trị: trung-uong, tinh, xa, huyen/)]);
    expect(messages({ id: "g", kind: "guide", title: "G", source: "s", reviewed: "2026-11-23" })).toEqual([expect.stringMatching(/^: hướng dẫn\/hỏi đáp cần nội dung/)]);
  });

  it("takes no field it does not know", () => {
    expect(entrySchema.safeParse({ ...PROCEDURE, fee: 10000 }).success).toBe(false);
    expect(entrySchema.safeParse({ ...PROCEDURE, fees: [{ channel: "moi-kenh", amount: 0, vnd: 1 }] }).success).toBe(false);
  });

  it("a fee needs an amount or a note, and a period that does not end before it starts", () => {
    expect(feeSchema.safeParse({ channel: "truc-tuyen", amount: 0 }).success).toBe(true);
    expect(feeSchema.safeParse({ channel: "truc-tuyen", note: "Tùy trường hợp" }).success).toBe(true);
    expect(feeSchema.safeParse({ channel: "truc-tuyen" }).error?.issues[0]?.message).toMatch(/cần amount \(số đồng\) hoặc note/);
    const backwards = feeSchema.safeParse({ channel: "truc-tuyen", amount: 0, from: "2026-12-31", until: "2026-01-01" });
    expect(backwards.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["until", expect.stringMatching(/ngày bắt đầu \(from\) sau ngày kết thúc/)]]);
    expect(feeSchema.safeParse({ channel: "truc-tuyen", amount: -1 }).success).toBe(false);
  });

  it("synonyms: lists default to empty, facets name only the card parts there are", () => {
    expect(synonymsSchema.parse({})).toEqual({ groups: [], abbreviations: {}, stopwords: [] });
    expect(synonymsSchema.safeParse({ groups: [["một"]] }).success).toBe(false);
    expect(synonymsSchema.safeParse({ facets: { fee: ["lệ phí"] } }).success).toBe(true);
    expect(synonymsSchema.safeParse({ facets: { price: ["giá"] } }).success).toBe(false);
  });
});
