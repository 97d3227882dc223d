import { beforeAll, describe, expect, it } from "vitest";
import { createAnalyzer } from "../../src/knowledge/analyze.js";
import type { SearchIndex } from "../../src/knowledge/search.js";
import { loadFixtureSearch } from "../helpers/fixture-search.js";

// How search reads words that could be several things (a bare syllable, a function word, an age,
// a sum of money), on the small knowledge base of test/fixtures/knowledge-search/.
let index: SearchIndex;
beforeAll(() => {
  ({ index } = loadFixtureSearch("knowledge-search"));
});

const top = (q: string) => index.search(q).hits[0]?.entry.id;

describe("a bare word that reads as several words", () => {
  it("alone, it does not carry an answer: 'giam' is 'giám' of 'giám hộ' and 'giảm' of 'giảm cân'", () => {
    const r = index.search("an gi cho giam can");
    expect(r.hits[0]?.entry.id).toBe("dang-ky-giam-ho");
    expect(r.decision.kind).toBe("unknown");
  });

  it.each([
    ["giam ho", "dang-ky-giam-ho"],
    ["dang ky giam ho", "dang-ky-giam-ho"],
    ["đăng ký giám hộ", "dang-ky-giam-ho"],
  ])("%s: a known pair (or typed accents) settles the reading", (q, id) => {
    expect(index.search(q).decision).toMatchObject({ kind: "answer", hit: { entry: { id } } });
  });
});

describe("function words typed bare next to a name's word", () => {
  it("a linking word ('cho') is not a name's word: 'làm căn cước cho người già' is not the children's alias 'làm căn cước cho con'", () => {
    expect(top("lam can cuoc cho nguoi gia")).not.toBe("cap-can-cuoc-tre-em");
    expect(top("lam can cuoc cho nguoi gia")).toBe(top("làm căn cước cho người già"));
  });

  it("…but it is where a name holds it between the same two words ('căn cước cho trẻ em')", () => {
    // "cho" counts as a topic word in the first, as filler in the second.
    expect(index.search("lam can cuoc cho tre em").strongWords).toBe(index.search("lam can cuoc tre em").strongWords + 1);
    expect(index.search("lam can cuoc cho nguoi gia").strongWords).toBe(index.search("lam can cuoc nguoi gia").strongWords);
    expect(top("lam can cuoc cho tre em")).toBe("cap-can-cuoc-tre-em");
  });

  it("a name that spells the word otherwise still reads it as the name's ('khai tu' is 'khai tử', not 'từ')", () => {
    expect(index.search("dang ky khai tu").decision).toMatchObject({ kind: "answer", hit: { entry: { id: "dang-ky-khai-tu" } } });
  });
});

describe("ages of other people than the one asked about", () => {
  it.each(["tôi 40 tuổi, làm căn cước cho con 8 tuổi", "toi 40 tuoi lam can cuoc cho con 8 tuoi"])(
    "%s: the asker's own age is not a topic, though '40 tuổi' is an adult entry's keyword",
    (q) => {
      expect(top(q)).toBe("cap-can-cuoc-tre-em");
    },
  );

  it("an age alone still counts ('đổi căn cước khi 40 tuổi')", () => {
    expect(top("đổi căn cước khi 40 tuổi")).toBe("cap-doi-can-cuoc");
  });

  it("'tôi 40 tuổi' is the asker's age (not the limit word 'tới'), so it adds no topic word", () => {
    expect(index.search("tôi 40 tuổi làm căn cước cho con 8 tuổi").strongWords).toBe(index.search("làm căn cước cho con 8 tuổi").strongWords);
  });
});

describe("a sum of money", () => {
  it("its number and unit are no topic ('nghe nói được 2 triệu')", () => {
    expect(index.search("làm hộ chiếu nghe nói hết 2 triệu").strongWords).toBe(index.search("làm hộ chiếu nghe nói hết").strongWords);
  });
});

describe("facet words typed with accents", () => {
  it("'tiến độ' is progress, not 'tiền' (money); typed bare, 'tien' may still be money", () => {
    expect([...index.search("theo dõi tiến độ hồ sơ").facets]).not.toContain("fee");
    expect([...index.search("tiền làm hồ sơ").facets]).toContain("fee");
    expect([...index.search("tien lam ho so").facets]).toContain("fee");
  });
});

describe("clause marks: two words with a comma, a full stop or a question mark between them are no pair", () => {
  it("'thang truoc, ba noi mat' is not 'lệ phí trước bạ' for its 'truoc, ba', which it is typed bare without the comma", () => {
    const feeHit = (q: string) => index.search(q).hits.find((h) => h.entry.id === "khai-nop-le-phi-truoc-ba");
    // With the comma it shares a stray "trước" at most: no pair of its name.
    expect(top("thang truoc, ba noi mat")).toBe("dang-ky-khai-tu");
    expect(feeHit("thang truoc, ba noi mat")?.why.heldPairs ?? 0).toBe(0);
    expect(top("thang truoc ba noi mat")).toBe("khai-nop-le-phi-truoc-ba");
    expect(feeHit("thang truoc ba noi mat")?.why.heldPairs).toBeGreaterThan(0);
    // Typed with accents, "bà" is not "bạ": no pair either way.
    expect(top("tháng trước bà nội mất")).toBe("dang-ky-khai-tu");
  });

  it.each(["lệ phí trước bạ", "lệ phí trước bạ, nộp ở đâu", "Khai, nộp lệ phí trước bạ"])("%s: the name itself is still read whole", (q) => {
    expect(index.search(q).decision).toMatchObject({ kind: "answer", hit: { entry: { id: "khai-nop-le-phi-truoc-ba" } } });
  });

  it("a clause mark takes away only the pair across it: an entry that does not hold that pair scores the same", () => {
    const [withMark, without] = [index.search("đổi bằng lái, hộ chiếu").hits[0], index.search("đổi bằng lái hộ chiếu").hits[0]];
    expect(withMark?.entry.id).toBe("doi-giay-phep-lai-xe");
    expect(withMark?.score).toBe(without?.score);
  });
});

describe("short forms and synonyms typed with other accents", () => {
  const analyzer = createAnalyzer({
    groups: [["người nước ngoài", "người hàn"]],
    abbreviations: { "sổ đỏ": "giấy chứng nhận quyền sử dụng đất", ko: "không" },
    stopwords: [],
  });
  const words = (q: string) => analyzer.query(q).tokens.map((t) => t.t).join(" ");

  it("a word typed with other accents is not the short form: 'hồ sơ do cơ quan làm' is no land certificate", () => {
    expect(words("hồ sơ do cơ quan làm")).not.toContain("giay chung nhan");
    expect(words("làm sổ đỏ ở đâu")).toContain("giay chung nhan quyen su dung dat");
    expect(words("lam so do o dau")).toContain("giay chung nhan quyen su dung dat");
  });

  it("a short form written bare agrees with any typing; a synonym phrase needs its own accents", () => {
    expect(words("ko biết")).toContain("khong");
    expect(words("chồng người Hàn")).toContain("nuoc ngoai");
    expect(words("chồng người hán")).not.toContain("nuoc ngoai");
  });
});

describe("regional words typed with their accents (synonyms `dialect`)", () => {
  const read = (dialect?: Record<string, string>) => {
    const analyzer = createAnalyzer({ groups: [], abbreviations: {}, stopwords: [], ...(dialect ? { dialect } : {}) });
    return (q: string) => analyzer.query(q).tokens.map((t) => `${t.t}${t.weak ? "~" : ""}`).join(" ");
  };

  it("'hông' and 'hổng' typed with their accents are 'không', a function word, wherever they stand", () => {
    const words = read();
    expect(words("làm căn cước được hông")).toBe("lam~ can cuoc duoc~ khong~");
    expect(words("mà hông nhận được mã otp")).toBe("ma~ khong~ nhan duoc~ ma otp");
    expect(words("ông tui hổng có giấy khai sinh")).toContain("khong~ co~");
  });

  it("typed bare or with other accents, the word stays what it is ('hong' may be 'hỏng')", () => {
    const words = read();
    expect(words("bang lai bi hong doi o dau")).toContain("bi~ hong doi");
    expect(words("bằng lái bị hỏng đổi ở đâu")).toContain("bi~ hong doi");
  });

  it("staff's list replaces the built-in one: an empty list reads 'hông' as typed", () => {
    expect(read({})("mà hông nhận được mã otp")).toBe("ma~ hong nhan duoc~ ma otp");
    expect(read({ chừ: "giờ" })("chừ làm ở đâu")).toBe("gio~ lam~ o~ dau~");
  });
});
