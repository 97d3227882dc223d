import { describe, expect, it } from "vitest";
import { askedTail } from "../../src/knowledge/search/asked-tail.js";

describe("askedTail: what a clause asks after its last 'thì'", () => {
  it.each([
    ["nhà thuê trọ chỉ có tạm trú thôi thì đăng ký tuyển sinh trực tuyến cho cháu được không", "đăng ký tuyển sinh trực tuyến cho cháu được không"],
    ["nha thue tro chi co tam tru thoi thi dang ky tuyen sinh truc tuyen cho chau dc khong", "dang ky tuyen sinh truc tuyen cho chau dc khong"],
    ["mất ví thì làm lại căn cước ở đâu thì nhanh nhất", "nhanh nhất"],
  ])("%s → %s", (clause, tail) => {
    expect(askedTail(clause)).toBe(tail);
  });

  it.each([
    // A bare "thi" that is the exam, by the word after it or before it.
    "em muốn thi bằng lái xe máy ở đâu",
    "con em đi thi tốt nghiệp xong làm căn cước được không",
    "rớt rồi phải thi lại bao lâu",
    "đăng ký thi ở phường nào",
    // No "thì", or too little after it to ask anything.
    "làm căn cước ở đâu",
    "hộ chiếu hết hạn thì",
  ])("%s → none", (clause) => {
    expect(askedTail(clause)).toBeUndefined();
  });
});
