import { describe, expect, it } from "vitest";
import { MASK, maskPersonalData, maskStats } from "../../src/text/mask.js";

describe("maskPersonalData: shapes people really type", () => {
  it.each([
    ["CCCD 001203 004567 nhé", "CCCD [số giấy tờ] nhé"],
    ["số căn cước 001-203-004-567", "số căn cước [số giấy tờ]"],
    ["số 001.203.004.567 ạ", "số [số giấy tờ] ạ"],
    ["mã 0012 0300 4567", "mã [số giấy tờ]"],
    ["mã 001203004567", "mã [số giấy tờ]"],
    ["CMND 123456789", "CMND [số giấy tờ]"],
    ["hộ chiếu C1234567", "hộ chiếu [số giấy tờ]"],
  ])("masks the ID number in %j", (input, masked) => {
    expect(maskPersonalData(input)).toBe(masked);
  });

  it.each([
    "gọi 0912 345 678",
    "gọi 0912.345.678",
    "gọi 091-234-5678",
    "gọi +84 912 345 678",
    "gọi (+84) 912 345 678",
    "gọi +84 (0) 912 345 678",
    "gọi 84-912-345-678",
    "gọi +84912345678",
    "gọi 024.3825.3456",
  ])("masks the phone number in %j", (input) => {
    expect(maskPersonalData(input)).toBe(`gọi ${MASK.phone}`);
  });

  it("masks e-mail addresses, leaving the sentence's full stop", () => {
    expect(maskPersonalData("gửi về nguyen.van.a@gmail.com.")).toBe("gửi về [email].");
    expect(maskPersonalData("hỏi a@b hay x@y.c")).toBe("hỏi a@b hay x@y.c");
  });

  it.each([
    "lệ phí 50.000 đồng",
    "1.200.000 đồng",
    "phạt 100.000.000.000 đồng",
    "ngày 02/12/2026",
    "ngày 2026-12-02",
    "ngày 02-12-2026",
    "ngày 02.12.2026",
    "từ 05 - 07 ngày làm việc",
    "năm 2025, 15 ngày, 3 bản",
    "tổng đài 1900 1234",
    "gọi 1800 1096",
  ])("leaves ordinary numbers alone: %j", (input) => {
    expect(maskPersonalData(input)).toBe(input);
  });
});

describe("maskPersonalData: bounded work on hostile input", () => {
  // Counting the characters the e-mail scanner looks at makes "linear" a plain assertion:
  // the former pattern tried every start position up to the end of the text (quadratic).
  it.each([
    ["a@ ×50,000", "a@".repeat(50_000)],
    ["@a. ×40,000", "@a.".repeat(40_000)],
    ["63 letters + @, repeated", `${"a".repeat(63)}@`.repeat(1_500)],
    ["a.b@c.d repeated", "a.b@c.d ".repeat(15_000)],
    ["a. ×50,000 then @x.vn", `${"a.".repeat(50_000)}@x.vn`],
  ])("examines each character a bounded number of times: %s", (_name, input) => {
    const before = maskStats.emailSteps;
    maskPersonalData(input);
    expect(maskStats.emailSteps - before).toBeLessThanOrEqual(2 * input.length);
  });

  it("masks the attack message of the report correctly", () => {
    const input = "a.".repeat(50_000);
    expect(maskPersonalData(input)).toBe(input);
    expect(maskPersonalData(`${input} liên hệ b@x.vn`)).toBe(`${input} liên hệ [email]`);
  });
});
