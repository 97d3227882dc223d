import { beforeAll, describe, expect, it } from "vitest";
import type { SearchIndex } from "../../src/knowledge/search.js";
import { loadFixtureSearch } from "../helpers/fixture-search.js";

// The object of an act (search/act-objects.ts): a paper put into the VNeID app ("tích hợp giấy đăng ký kết hôn vào vneid")
// is not what is asked about, on test/fixtures/knowledge-act-objects/.
let index: SearchIndex;
beforeAll(() => {
  ({ index } = loadFixtureSearch("knowledge-act-objects"));
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

describe("a paper the integration guide names itself keeps its words", () => {
  it("'tích hợp bằng lái xe vào vneid' still matches the guide's own keyword whole (the paper is not muted)", () => {
    // Muted, the guide's keyword "tích hợp bằng lái xe vào vneid" would be matched only in part (name share 0.58).
    const hit = index.search("lam the nao de tich hop bang lai xe vao vneid, toi dung dien thoai khong gioi lam").hits[0]!;
    expect(hit.entry.id).toBe("tich-hop-giay-to-vao-vneid");
    expect(hit.why.namePrecision).toBeGreaterThanOrEqual(0.85);
  });
});

describe("how far the object reaches", () => {
  it.each([
    // The longest names, read whole on either side (not cut to "chứng nhận …", which no paper's word begins).
    ["giấy chứng nhận đăng ký kết hôn có tích hợp vào vneid được không", "tich-hop-giay-to-vao-vneid"],
    // Whose paper it is, after the app, asks nothing new.
    ["tích hợp giấy khai sinh vào vneid cho bố được không", "tich-hop-giay-to-vao-vneid"],
    // Two papers joined before the act: both are read.
    ["bằng lái xe với giấy đăng ký kết hôn có tích hợp vào vneid không", "tich-hop-giay-to-vao-vneid"],
    // A listed filler that is no function word ("cũng") stands between the paper and the act.
    ["giấy khai sinh cũng tích hợp vào vneid được không", "tich-hop-giay-to-vao-vneid"],
  ])("%s → %s", (q, id) => {
    expect(answered(q)).toBe(id);
  });

  it.each([
    // No paper's word: the procedure named before the act is what is asked.
    ["đăng ký kết hôn muốn tích hợp vào vneid", "dang-ky-ket-hon"],
    // The app named in the next clause is no target of this act.
    ["giấy khai sinh có tích hợp, vneid của mẹ", "dang-ky-khai-sinh"],
  ])("%s → %s first", (q, id) => {
    expect(index.search(q).hits[0]?.entry.id).toBe(id);
  });
});

describe("whose paper it is, after the app, asks nothing new", () => {
  it("'… vào vneid của ông bà được không' reads the birth certificate as the object (the birth card far behind)", () => {
    const hits = index.search("tích hợp giấy khai sinh vào vneid của ông bà được không").hits;
    expect(hits[0]?.entry.id).toBe("tich-hop-giay-to-vao-vneid");
    // Read as a topic instead, "giấy khai sinh" keeps the birth card close behind (0.41 against 0.53).
    expect(hits.find((h) => h.entry.id === "dang-ky-khai-sinh")?.score ?? 0).toBeLessThan(0.2);
  });
});

describe("odd placements of the act are read without error", () => {
  it.each(["tích hợp", "vneid tích hợp", "tích hợp vneid", "giấy tờ, tích hợp. vneid", "giấy khai sinh tích hợp"])("%s", (q) => {
    expect(() => index.search(q)).not.toThrow();
  });
});

describe("an act that is not what is asked leaves the procedure's words alone", () => {
  it.each([
    // A state reached: the paper is already in the app, the question is about the paper (a newcomer's review, session 57).
    ["căn cước đã tích hợp vneid rồi, cấp lại ở đâu", "cap-doi-cap-lai-the-can-cuoc"],
    // The clause goes on to ask something else after the app.
    ["tích hợp thẻ căn cước vào vneid bị báo hết hạn, cấp lại ở đâu", "cap-doi-cap-lai-the-can-cuoc"],
    ["tích hợp giấy khai sinh vào vneid bị lỗi thì làm lại giấy khai sinh ở đâu", "dang-ky-khai-sinh"],
  ])("%s → %s", (q, id) => {
    expect(index.search(q).hits[0]?.entry.id).toBe(id);
  });
});
