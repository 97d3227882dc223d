import { beforeAll, describe, expect, it } from "vitest";
import type { SearchIndex } from "../../src/knowledge/search.js";
import { loadFixtureSearch } from "../helpers/fixture-search.js";

// A paper put into the VNeID app ("tích hợp giấy đăng ký kết hôn vào vneid") is what is put in, not the procedure asked
// about (search/integrated-papers.ts), on test/fixtures/knowledge-integrate/.
let index: SearchIndex;
beforeAll(() => {
  ({ index } = loadFixtureSearch("knowledge-integrate"));
});

const answered = (q: string) => {
  const d = index.search(q).decision;
  return d.kind === "answer" ? d.hit.entry.id : undefined;
};

describe("putting a paper into the VNeID app asks the integration guide, whatever paper it names", () => {
  it.each([
    "tích hợp giấy đăng ký kết hôn vào vneid",
    "giấy đăng ký kết hôn tích hợp vào vneid ntn ạ",
    "Giấy đăng ký kết hôn có tích hợp vào VNeID được không",
    "tich hop giay khai sinh cua con vao vneid cua bo dc ko",
    "giay khai sinh tich hop vneid ntn",
  ])("%s → the integration guide", (q) => {
    expect(answered(q)).toBe("tich-hop-giay-to-vao-vneid");
  });

  it.each([
    // Papers the guide names itself keep their words: there they are how it is found.
    "tích hợp bằng lái xe vào vneid",
    "gplx tich hop vao vneid roi ma ko hien",
    "tích hợp bằng lái xe với thẻ bhyt vào vneid",
  ])("%s → the integration guide (a paper it names)", (q) => {
    expect(answered(q)).toBe("tich-hop-giay-to-vao-vneid");
  });
});

describe("the procedure stays the answer when nothing is put into the app", () => {
  it.each([
    ["đăng ký kết hôn trên vneid được không", "dang-ky-ket-hon"],
    ["làm giấy khai sinh cho con", "dang-ky-khai-sinh"],
    // "tích hợp" with no app named: not the act of putting a paper in.
    ["đăng ký kết hôn xong có tích hợp giấy tờ gì không", "dang-ky-ket-hon"],
    ["đổi bằng lái xe hết hạn", "doi-giay-phep-lai-xe"],
  ])("%s → %s", (q, id) => {
    expect(answered(q)).toBe(id);
  });
});
