import { beforeAll, describe, expect, it } from "vitest";
import { createSearchIndex, DEFAULT_WEIGHTS, type SearchIndex } from "../../src/knowledge/search.js";
import { storyRanges } from "../../src/knowledge/search/story-parts.js";
import { loadFixtureSearch } from "../helpers/fixture-search.js";

// The words of a message that tell its story, not what it asks (search/story-parts.ts): a finished step
// before what is wanted now, and the reason a wanted action is done for. On test/fixtures/knowledge-names/.
let index: SearchIndex;
let without: SearchIndex;
beforeAll(() => {
  const { entries, synonyms, index: i } = loadFixtureSearch("knowledge-names");
  index = i;
  without = createSearchIndex(entries, synonyms, { ...DEFAULT_WEIGHTS, story: { done: 1, purpose: 1, who: 1 } });
});

const parts = (text: string) => storyRanges(text).map((r) => [r.kind, text.slice(r.from, r.to).trim()]);
const score = (i: SearchIndex, q: string, id: string) => i.search(q, { limit: 20 }).hits.find((h) => h.entry.id === id)?.score ?? 0;

describe("story parts of a message", () => {
  it("a clause closed by 'rồi' / 'xong' and followed at once by what is wanted now is a finished step", () => {
    expect(parts("e đổi tên trên giấy khai sinh rồi giờ muốn sửa lại thông tin trên căn cước")).toEqual([["done", "e đổi tên trên giấy khai sinh rồi"]]);
    expect(parts("Em vừa đổi tên trong khai sinh xong, giờ căn cước có phải đổi không")).toEqual([["done", "Em vừa đổi tên trong khai sinh xong,"]]);
    expect(parts("lam so hong xong roi, bay gio chuyen ho khau duoc ko")).toEqual([["done", "lam so hong xong roi,"]]);
    // The asker may name themself before the wish ("em muốn", "tôi muốn").
    expect(parts("bố mất rồi, em muốn đăng ký giám hộ cho mẹ")).toEqual([["done", "bố mất rồi,"]]);
    expect(parts("làm sổ hồng xong rồi tôi muốn chuyển hộ khẩu")).toEqual([["done", "làm sổ hồng xong rồi"]]);
    expect(parts("bo mat roi, e muon dang ky giam ho cho me")).toEqual([["done", "bo mat roi,"]]);
  });

  it("a clause told in the past ('hồi trước …') before what is wanted now is a finished step", () => {
    expect(parts("Hồi trước tôi khai sinh cho con ở huyện, giờ muốn bổ sung tên cha thì làm thế nào")).toEqual([["done", "Hồi trước tôi khai sinh cho con ở huyện,"]]);
    expect(parts("tôi trước đây làm căn cước ở quê, giờ muốn đổi ở Hà Nội")).toEqual([["done", "tôi trước đây làm căn cước ở quê,"]]);
    // Without a word of now after it, it is no step.
    expect(parts("hồi trước tôi khai sinh cho con ở huyện, có phải làm lại không")).toEqual([]);
  });

  it("'rồi thì' closes a finished step too: what follows 'thì' is what is asked", () => {
    expect(parts("doi ten trong giay khai sinh roi thi can cuoc co phai lam lai k")).toEqual([["done", "doi ten trong giay khai sinh roi"]]);
    // "thì" with no closing word before it starts no finished step.
    expect(parts("muốn đổi tên trong giấy khai sinh thì làm thế nào")).toEqual([]);
  });

  it("not a clause that says something is still missing, one with no closing word, or 'rồi' with nothing wanted after it", () => {
    expect(parts("Xe tôi bán từ năm ngoái mà chưa làm thủ tục gì rồi, giờ bị phạt nguội")).toEqual([]);
    expect(parts("Tôi đã mua nhà có sổ đỏ. Giờ muốn chuyển khẩu cả nhà")).toEqual([]);
    expect(parts("đi ra nước ngoài rồi vào lại rất mệt")).toEqual([]);
  });

  it("'để' after a wanted action, up to a word that starts asking, is the reason", () => {
    expect(parts("Giờ muốn đăng ký thường trú cả nhà để năm sau con vào lớp 1 thì có được không")).toEqual([["purpose", "để năm sau con vào lớp 1"]]);
    expect(parts("muốn xin giấy độc thân để cưới lại, cần gì")).toEqual([["purpose", "để cưới lại"]]);
    // An authorisation is a wanted action: what the authorised person will do is the reason.
    expect(parts("chứng thực chữ ký trên giấy ủy quyền để mẹ rút sổ bhxh hộ thì làm ở đâu")).toEqual([["purpose", "để mẹ rút sổ bhxh hộ"]]);
  });

  it("'để tiện', 'cho tiện' is a reason with or without a word of wanting", () => {
    expect(parts("đăng ký thường trú cho cháu về nhà tôi để tiện đi học thì cần gì")).toEqual([["purpose", "để tiện đi học"]]);
    expect(parts("chuyển hộ khẩu về đây cho tiện đi làm được không")).toEqual([["purpose", "cho tiện đi làm"]]);
    // Still not after asking how.
    expect(parts("làm thế nào để tiện theo dõi hồ sơ")).toEqual([]);
  });

  it("not after asking how, with no wanting, nor 'để' that leaves something", () => {
    expect(parts("phải làm thế nào để nó hiện lên vậy")).toEqual([]);
    expect(parts("gia đình cần giấy tờ để chia thừa kế")).toEqual([]);
    expect(parts("muốn bán mảnh đất bố mẹ để lại thì làm sao")).toEqual([]);
  });

  it("a first clause saying what a person does for a living, before the question, tells who asks", () => {
    expect(parts("Chồng em làm thợ lò ở Cẩm Phả, em muốn làm thẻ căn cước cho con")).toEqual([["who", "Chồng em làm thợ lò ở Cẩm Phả"]]);
    expect(parts("mình chạy xe ôm ở chợ, bằng lái bị rách thì đổi ở đâu")).toEqual([["who", "mình chạy xe ôm ở chợ"]]);
    expect(parts("Tôi là ngư dân ở Bình Sơn, căn cước hết hạn thì làm sao")).toEqual([["who", "Tôi là ngư dân ở Bình Sơn"]]);
  });

  it("not a paper, a step or a kin after the person, not the last clause, nor a clause with a wish in it", () => {
    // Losing a paper, filing a dossier: the clause is what happened to the topic.
    expect(parts("tôi làm mất căn cước, giờ làm lại ở đâu")).toEqual([]);
    expect(parts("em làm hồ sơ sổ đỏ 2 tháng, tra ở đâu")).toEqual([]);
    // Kinship is the point in civil status.
    expect(parts("em là con cả, em muốn làm người giám hộ cho bố")).toEqual([]);
    expect(parts("chồng em làm thợ lò")).toEqual([]);
    expect(parts("tôi làm nông muốn đăng ký hộ kinh doanh, cần gì")).toEqual([]);
    // A first clause that asks is the question; "làm ơn" is politeness; a later clause is not read as who asks.
    expect(parts("tôi chạy grab có phải nộp thuế không, tôi chạy được 2 năm rồi")).toEqual([]);
    expect(parts("Anh làm ơn cho em hỏi, căn cước làm ở đâu")).toEqual([]);
    expect(parts("Con em 10 tuổi, chồng em làm thợ lò ở Cẩm Phả, muốn làm căn cước cho con ở đâu")).toEqual([]);
  });

  it("a person named in two words is read whole ('bố mẹ em', 'vợ chồng tôi')", () => {
    expect(parts("bố mẹ em làm ruộng ở quê, em muốn làm thẻ căn cước cho con")).toEqual([["who", "bố mẹ em làm ruộng ở quê"]]);
    expect(parts("vợ chồng tôi làm nail bên Mỹ, về nước làm hộ chiếu thế nào")).toEqual([["who", "vợ chồng tôi làm nail bên Mỹ"]]);
  });
});

describe("a finished step weighs less than what is wanted now", () => {
  const q = "mua căn chung cư làm sổ hồng xong rồi, giờ chuyển hộ khẩu được không";

  it("the procedure wanted now is answered, not the one already done", () => {
    expect(index.search(q).decision).toMatchObject({ kind: "answer", hit: { entry: { id: "dang-ky-thuong-tru" } } });
    // Without the rule, the story's paper outweighs the question.
    expect(without.search(q).hits[0]!.entry.id).toBe("cap-so-hong-lan-dau");
  });

  it("'… rồi thì' + what is wanted now: the procedure asked about is answered", () => {
    const q2 = "mua căn chung cư làm sổ hồng rồi thì chuyển hộ khẩu được không";
    expect(index.search(q2).hits[0]!.entry.id).toBe("dang-ky-thuong-tru");
    expect(without.search(q2).hits[0]!.entry.id).toBe("cap-so-hong-lan-dau");
  });

  it("with nothing named after it, the finished step is still the topic ('… xong rồi, giờ phải làm sao')", () => {
    expect(index.search("làm sổ hồng xong rồi, giờ phải làm sao").hits[0]!.entry.id).toBe("cap-so-hong-lan-dau");
  });
});

describe("who asks weighs less than what they ask", () => {
  const q = "Chồng em làm thợ lò ở Cẩm Phả, đi làm thẻ căn cước cho chồng thì làm sao";
  let withoutWho: SearchIndex;
  beforeAll(() => {
    const { entries, synonyms } = loadFixtureSearch("knowledge-names");
    withoutWho = createSearchIndex(entries, synonyms, { ...DEFAULT_WEIGHTS, story: { ...DEFAULT_WEIGHTS.story, who: 1 } });
  });

  it("the asked entry's score rises when the asker's work is told first", () => {
    expect(parts(q)).toEqual([["who", "Chồng em làm thợ lò ở Cẩm Phả"]]);
    expect(score(index, q, "cap-the-can-cuoc")).toBeGreaterThan(score(withoutWho, q, "cap-the-can-cuoc"));
  });

  it("a first clause that itself names an entry ('làm chứng thực') keeps its full weight: nothing changes", () => {
    const own = "tôi làm chứng thực ở ủy ban xã, muốn làm thẻ căn cước";
    expect(parts(own)).toEqual([["who", "tôi làm chứng thực ở ủy ban xã"]]);
    expect(score(index, own, "cap-the-can-cuoc")).toBe(score(withoutWho, own, "cap-the-can-cuoc"));
  });
});

describe("the reason a wanted action is done for weighs less than the action", () => {
  const q = "tôi muốn làm thẻ căn cước để chuyển hộ khẩu thì cần gì";

  it("the action's entry gains on the reason's", () => {
    const gap = (i: SearchIndex) => score(i, q, "dang-ky-thuong-tru") - score(i, q, "cap-the-can-cuoc");
    expect(gap(index)).toBeLessThan(gap(without));
    expect(score(index, q, "cap-the-can-cuoc")).toBeGreaterThan(score(without, q, "cap-the-can-cuoc"));
  });

  it("asking how to do it is no reason: nothing changes", () => {
    const how = "làm thế nào để chuyển hộ khẩu";
    expect(score(index, how, "dang-ky-thuong-tru")).toBe(score(without, how, "dang-ky-thuong-tru"));
  });
});
