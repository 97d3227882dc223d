import { beforeAll, describe, expect, it } from "vitest";
import { createSearchIndex, DEFAULT_WEIGHTS, type SearchIndex } from "../../src/knowledge/search.js";
import type { Entry, Synonyms } from "../../src/knowledge/schema.js";
import { loadFixtureSearch } from "../helpers/fixture-search.js";

// Which words of a question name an entry, on the small knowledge base of
// test/fixtures/knowledge-names/: a word of a fixed phrase is not another name's word, and a paper
// needed for a procedure is not the procedure asked about.
let entries: Entry[];
let synonyms: Synonyms;
let index: SearchIndex;
beforeAll(() => {
  ({ entries, synonyms, index } = loadFixtureSearch("knowledge-names"));
});

const top = (q: string) => index.search(q).hits[0]?.entry.id;
const hit = (q: string, id: string, i: SearchIndex = index) => i.search(q, { limit: 20 }).hits.find((h) => h.entry.id === id);

describe("a word bound into a phrase of the question is not another name's word", () => {
  const q = "chứng thực bản sao trên dịch vụ công được không";

  it("'dịch' of 'dịch vụ công' does not name 'chứng thực bản dịch'", () => {
    expect(hit(q, "chung-thuc-ban-sao")!.score).toBeGreaterThan(hit(q, "chung-thuc-chu-ky")!.score);
    expect(hit(q, "chung-thuc-chu-ky")!.why.namePrecision).toBeLessThan(1);
  });

  it("without the rule (no word bound), the alias 'chứng thực bản dịch' would be named whole", () => {
    // The portal rule off too: "bản sao" names a procedure, so "dịch vụ công" would be its online facet (search-portal.test.ts).
    const unbound = createSearchIndex(entries, synonyms, { ...DEFAULT_WEIGHTS, boundShare: Infinity, portal: { ...DEFAULT_WEIGHTS.portal, names: 0 } });
    expect(hit(q, "chung-thuc-chu-ky", unbound)!.why.namePrecision).toBe(1);
  });

  it("a name where the word stands in a phrase it often stands in is still named ('hưu' of 'lương hưu' and of 'nghỉ hưu')", () => {
    const unbound = createSearchIndex(entries, synonyms, { ...DEFAULT_WEIGHTS, boundShare: Infinity });
    const retire = "nghỉ việc rồi có được lương hưu không";
    expect(hit(retire, "huong-luong-huu")!.why.namePrecision).toBe(1);
    expect(hit(retire, "huong-luong-huu", unbound)!.why.namePrecision).toBe(1);
  });

  it("the word typed in the name's own phrase still names it", () => {
    expect(top("chứng thực bản dịch")).toBe("chung-thuc-chu-ky");
    expect(hit("chứng thực bản dịch", "chung-thuc-chu-ky")!.why.namePrecision).toBe(1);
  });
});

describe("a named pair whose two words an entry has only apart, in other pairs, is foreign to it", () => {
  const q = "đăng ký cấp điện lần đầu";

  it("'cấp điện' is not held by 'cấp biển số' and 'xe điện': no cover, a foreign pair, no confident card", () => {
    const car = hit(q, "dang-ky-xe")!;
    expect(car.why.foreignPairs).toBe(1);
    expect(index.search(q).decision).not.toMatchObject({ kind: "answer", hit: { entry: { id: "dang-ky-xe" } } });
  });

  it("without the rule (no pair rare), 'cấp' and 'điện' would cover the question for the vehicle card", () => {
    const plain = createSearchIndex(entries, synonyms, { ...DEFAULT_WEIGHTS, rareShare: 0 });
    expect(hit(q, "dang-ky-xe", plain)!.why.foreignPairs).toBe(0);
    expect(hit(q, "dang-ky-xe", plain)!.why.coverage).toBeGreaterThan(hit(q, "dang-ky-xe")!.why.coverage);
  });

  it("an entry with the words together keeps them ('xe điện' asked of the vehicle card)", () => {
    expect(hit("đăng ký xe điện", "dang-ky-xe")!.why.foreignPairs).toBe(0);
    expect(top("đăng ký xe điện")).toBe("dang-ky-xe");
  });
});

describe("the named word pairs an entry holds (heldPairs)", () => {
  it("a pair straddling two words is not one more named thing: 'đăng ký khai sinh' names 'đăng ký' and 'khai sinh', not 'ký khai'", () => {
    expect(hit("đăng ký khai sinh", "dang-ky-khai-sinh")!.why.heldPairs).toBe(2);
  });

  it("a pair typed twice is counted once", () => {
    expect(hit("khai sinh cho con rồi, khai sinh ở đâu", "dang-ky-khai-sinh")!.why.heldPairs).toBe(1);
  });

  it("a pair with no pair on its other side is the only reading of its outer word, and counts ('giấy khai sinh')", () => {
    expect(hit("giấy khai sinh", "cap-ban-sao-trich-luc")!.why.heldPairs).toBe(2);
  });
});

describe("a paper needed for the procedure named first is a document of it", () => {
  it.each([
    ["khai sinh cho con có cần giấy chứng nhận kết hôn không", "dang-ky-khai-sinh"],
    ["làm thẻ căn cước cần giấy khai sinh bản gốc không", "cap-the-can-cuoc"],
    ["làm thẻ căn cước có phải mang theo bản sao giấy khai sinh không", "cap-the-can-cuoc"],
  ])("%s: the procedure asked about, not the entry named by the paper", (q, id) => {
    expect(top(q)).toBe(id);
  });

  it("the paper's words name no entry there, and weigh less", () => {
    const q = "khai sinh cho con có cần giấy chứng nhận kết hôn không";
    const full = createSearchIndex(entries, synonyms, { ...DEFAULT_WEIGHTS, paperMention: 1 });
    const paper = hit(q, "dang-ky-ket-hon");
    expect(paper).toBeDefined();
    expect(paper!.why.namePrecision).toBe(0);
    // Weighing less (paperMention), they cover less of the question where they are found, and the
    // procedure asked about covers more of it.
    expect(paper!.why.coverage).toBeLessThan(hit(q, "dang-ky-ket-hon", full)!.why.coverage);
    expect(hit(q, "dang-ky-khai-sinh")!.why.coverage).toBeGreaterThan(hit(q, "dang-ky-khai-sinh", full)!.why.coverage);
  });

  it("asked for alone, or after a story that names no entry, the paper is what is asked about", () => {
    expect(top("cần bản sao giấy chứng nhận kết hôn")).toBe("cap-ban-sao-trich-luc");
    expect(top("mở quán ăn có cần giấy chứng nhận an toàn thực phẩm không")).toBe("cap-giay-chung-nhan-attp");
  });

  it("when the message goes on to ask where or how to get the paper ('…, xin ở đâu'), the paper is what is asked about", () => {
    const copy = (q: string) => hit(q, "cap-ban-sao-trich-luc")!.why.namePrecision;
    const asked = copy("khai sinh cho con cần bản sao giấy chứng nhận kết hôn, xin ở đâu");
    expect(copy("khai sinh cho con cần bản sao giấy chứng nhận kết hôn, xin lại như thế nào")).toBe(asked);
    // Or whether someone may get it on the asker's behalf.
    expect(copy("khai sinh cho con cần bản sao giấy chứng nhận kết hôn, tôi đi xin thay được không")).toBe(asked);
    // Not "xin thay đổi" (the procedure named first, changed), nor "xin giúp" (please help).
    expect(copy("khai sinh cho con cần bản sao giấy chứng nhận kết hôn, xin thay đổi tên con được không")).toBeLessThan(asked);
    expect(copy("khai sinh cho con cần bản sao giấy chứng nhận kết hôn không, xin giúp em")).toBeLessThan(asked);
    expect(top("khai sinh cho con cần bản sao giấy chứng nhận kết hôn, xin ở đâu")).toBe("cap-ban-sao-trich-luc");
    // Asking where to file the procedure named first is no request for the paper: its words name less.
    expect(copy("khai sinh cho con cần bản sao giấy chứng nhận kết hôn, nộp ở đâu")).toBeLessThan(asked);
    // Where to get another paper named after it (the form) is no request for this one.
    expect(copy("khai sinh cho con cần bản sao giấy chứng nhận kết hôn không, tờ khai xin ở đâu")).toBeLessThan(asked);
  });

  it("after the procedure is done ('… rồi, giờ cần …'), the paper needed is what is asked about", () => {
    const q = "con đã khai sinh rồi, giờ cần bản sao giấy khai sinh";
    expect(top(q)).toBe("cap-ban-sao-trich-luc");
    // The copy's name is read whole: its words are not demoted to a document of "khai sinh".
    expect(hit(q, "cap-ban-sao-trich-luc")!.why.namePrecision).toBeGreaterThan(0.9);
  });

  it("a misspelt word inside the paper's name is read as the index reads it ('bảng sao' is 'bản sao'): the name goes on, and names nothing", () => {
    const typo = hit("làm thẻ căn cước cần giấy khai sinh bảng sao không", "cap-ban-sao-trich-luc");
    expect(typo).toBeDefined();
    expect(typo!.why.namePrecision).toBe(0);
    expect(typo!.why.namePrecision).toBe(hit("làm thẻ căn cước cần giấy khai sinh bản sao không", "cap-ban-sao-trich-luc")!.why.namePrecision);
  });

  it("typed without accents too ('can' the need word beside 'can cuoc' the card)", () => {
    expect(top("lam can cuoc can giay khai sinh ko")).toBe("cap-the-can-cuoc");
    expect(top("khai sinh cho con co can giay chung nhan ket hon ko")).toBe("dang-ky-khai-sinh");
  });
});

describe("asking whether a paper is needed ('có cần …') of what the message named before", () => {
  it.each([
    // A second need clause after a clause break: without the rule, the marriage card was answered.
    ["chuyển hộ khẩu cho vợ về nhà chồng cần giấy tờ gì, có cần giấy chứng nhận kết hôn không", "dang-ky-thuong-tru"],
    // Other words between the name and the question: without the rule, no card.
    ["chuyển hộ khẩu cho vợ về nhà chồng có cần giấy chứng nhận kết hôn không", "dang-ky-thuong-tru"],
    ["lắp điện cho nhà mới có cần sổ hồng bản chính không", "cap-dien-moi"],
  ])("%s: the procedure named before is answered", (q, id) => {
    expect(index.search(q).decision).toMatchObject({ kind: "answer", hit: { entry: { id } } });
  });

  it("the paper's words name nothing there ('hồng' typed with accents is no closing 'hông')", () => {
    expect(hit("lắp điện cho nhà mới có cần sổ hồng không", "cap-so-hong-lan-dau")?.why.namePrecision ?? 0).toBe(0);
  });

  it("with nothing named before, or after a new thought, the paper is what is asked about", () => {
    expect(top("có cần sổ hồng không")).toBe("cap-so-hong-lan-dau");
    expect(top("mở quán bún bò có cần giấy chứng nhận an toàn thực phẩm không")).toBe("cap-giay-chung-nhan-attp");
    const after = "lắp điện xong rồi, giờ có cần làm sổ hồng không";
    expect(top(after)).toBe("cap-so-hong-lan-dau");
    expect(hit(after, "cap-so-hong-lan-dau")!.why.namePrecision).toBe(1);
  });
});

describe("asked of what was named before, a paper that names the same entry by itself is what is asked about", () => {
  it("'xay nha tren dat cua bo me co can giay phep xay dung khong': the permit's words are read as the permit's name, and it is answered", () => {
    const q = "xay nha tren dat cua bo me co can giay phep xay dung khong";
    expect(index.search(q).decision).toMatchObject({ kind: "answer", hit: { entry: { id: "cap-giay-phep-xay-dung" } } });
    // Without the rule (no pair named before counts as a topic), the permit's words were a paper needed for "xây nhà".
    const off = createSearchIndex(entries, synonyms, { ...DEFAULT_WEIGHTS, modifier: { ...DEFAULT_WEIGHTS.modifier, commonWord: Infinity }, rarePairEntries: 0 });
    expect(hit(q, "cap-giay-phep-xay-dung")!.why.namePrecision).toBeGreaterThan(hit(q, "cap-giay-phep-xay-dung", off)!.why.namePrecision);
  });

  it("a pair that few entries hold names a topic even when its words are common ('quán ăn' in the certificate's alias: rarePairEntries)", () => {
    const q = "mở quán ăn nhỏ có cần giấy chứng nhận an toàn thực phẩm không";
    expect(index.search(q).decision).toMatchObject({ kind: "answer", hit: { entry: { id: "cap-giay-chung-nhan-attp" } } });
    // Every word of this small fixture is rare; counted as common (commonWord: Infinity), "quán ăn" names a topic only
    // through the rule, and without it the certificate's words are a paper needed for "quán ăn".
    const common = { ...DEFAULT_WEIGHTS, modifier: { ...DEFAULT_WEIGHTS.modifier, commonWord: Infinity } };
    const withRule = createSearchIndex(entries, synonyms, common);
    const without = createSearchIndex(entries, synonyms, { ...common, rarePairEntries: 0 });
    expect(hit(q, "cap-giay-chung-nhan-attp", withRule)!.why.namePrecision).toBeGreaterThan(hit(q, "cap-giay-chung-nhan-attp", without)!.why.namePrecision);
  });

  it("a paper that names another entry than the one named before is still a paper needed for it", () => {
    const q = "lắp điện cho nhà mới có cần sổ hồng không";
    expect(top(q)).toBe("cap-dien-moi");
    expect(hit(q, "cap-so-hong-lan-dau")?.why.namePrecision ?? 0).toBe(0);
  });
});

describe("a question word with no marks is a name's word in a message typed with accents too", () => {
  it("'sao' of 'bản sao' names the card, while the 'sao' of 'là sao' stays a question word", () => {
    const q = "bản sao giấy khai sinh là sao";
    expect(top(q)).toBe("cap-ban-sao-trich-luc");
    expect(hit(q, "cap-ban-sao-trich-luc")!.why.namePrecision).toBe(1);
    // "bản sao" is a named pair; before, "sao" typed in an accented message stayed a question word and held no pair.
    expect(hit("bản sao là gì", "chung-thuc-ban-sao")!.why.heldPairs).toBe(1);
  });
});

describe("a needed paper may be one of two ('cần giấy khai sinh bản chính hay bản sao')", () => {
  it("the other paper after 'hay' / 'hoặc' is needed too, and names nothing", () => {
    const q = "làm thẻ căn cước cần giấy khai sinh bản chính hay bản sao";
    expect(top(q)).toBe("cap-the-can-cuoc");
    expect(hit(q, "cap-ban-sao-trich-luc")!.why.namePrecision).toBe(0);
    expect(hit(q, "chung-thuc-ban-sao")!.why.namePrecision).toBe(0);
  });
});

describe("a paper not issued yet, in a story that goes on to name something, is a fact of the story", () => {
  const story = "Nhà tôi mới mua căn chung cư, chủ đầu tư chưa ra sổ hồng. Tôi muốn chuyển hộ khẩu thì cần gì?";

  it("the procedure named after it is what is asked about, not the paper's", () => {
    expect(top(story)).toBe("dang-ky-thuong-tru");
    expect(top("mua căn chung cư, chủ đầu tư chưa cấp sổ hồng, giờ chuyển hộ khẩu được không")).toBe("dang-ky-thuong-tru");
  });

  it("the paper's words name nothing there, and only its own pair is taken ('sổ hồng', not what follows)", () => {
    // Handed over ("đã giao"), the paper is named as ever; not issued yet, its words no longer name its entry.
    const handed = story.replace("chưa ra", "đã giao");
    expect(hit(handed, "cap-so-hong-lan-dau")!.why.namePrecision).toBeGreaterThan(0.7);
    expect(hit(story, "cap-so-hong-lan-dau")!.why.namePrecision).toBeLessThan(0.3);
    expect(hit(story, "dang-ky-thuong-tru")!.why.namePrecision).toBe(1);
    expect(index.search(story).decision).toMatchObject({ kind: "answer", hit: { entry: { id: "dang-ky-thuong-tru" } } });
  });

  it("with nothing named after it, the paper is what is asked about", () => {
    expect(top("mua căn chung cư mà chủ đầu tư chưa cấp sổ hồng thì làm sao")).toBe("cap-so-hong-lan-dau");
  });

  it("also as the condition of the question ('chưa cấp sổ hồng thì …'): what comes after it is asked", () => {
    expect(top("chưa cấp sổ hồng thì chuyển hộ khẩu được không")).toBe("dang-ky-thuong-tru");
  });

  it("so is a paper whoever holds it does not hand over ('chủ nhà ko đưa sổ hồng thì …')", () => {
    const kept = "nhà thuê mà chủ nhà ko đưa sổ hồng thì chuyển hộ khẩu đc ko";
    expect(top(kept)).toBe("dang-ky-thuong-tru");
    expect(hit(kept, "cap-so-hong-lan-dau")!.why.namePrecision).toBeLessThan(0.3);
    // Handed over, the paper is named as ever.
    expect(hit(kept.replace("ko đưa", "đã đưa"), "cap-so-hong-lan-dau")!.why.namePrecision).toBeGreaterThan(0.6);
  });
});
