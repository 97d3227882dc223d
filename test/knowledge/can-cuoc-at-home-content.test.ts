import { describe, expect, it } from "vitest";
import { realSearch } from "../helpers/real-search.js";

/**
 * Content test on the real knowledge/: asking whether the police can take a căn cước application at home for
 * someone old, bedridden or very ill gets the guide on it (Luật Căn cước 2023, khoản 3 Điều 27); ordinary căn cước
 * questions keep their cards. Asserts which entry answers; wording is not tested.
 */
const { answered } = realSearch();

describe("căn cước at home", () => {
  it.each([
    "ông tôi 88 tuổi nằm liệt giường, công an có đến nhà làm căn cước không",
    "me toi bi tai bien khong di duoc, co can bo xuong nha lam cccd ko",
    "người già yếu không ra được công an xã thì làm căn cước tại nhà được không",
  ])("%s → the at-home guide", (q) => {
    expect(answered(q)).toBe("lam-can-cuoc-tai-nha");
  });

  it.each([
    ["cấp lại căn cước bị mất", "cap-doi-cap-lai-the-can-cuoc"],
    ["làm căn cước cho con 5 tuổi", "cap-the-can-cuoc-duoi-14-tuoi"],
    ["đổi căn cước khi đủ 25 tuổi", "cap-doi-cap-lai-the-can-cuoc"],
  ])("%s keeps its card (%s)", (q, id) => {
    expect(answered(q)).toBe(id);
  });
});
