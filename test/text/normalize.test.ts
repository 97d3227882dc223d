import { describe, expect, it } from "vitest";
import { accentKey, canonicalSyllable, clauseTokens, fold, foldedText, hasDiacritics, nfc, rawTokens, rawWords, textKey, tokens, wordForms } from "../../src/text/normalize.js";
import { maskPersonalData } from "../../src/text/mask.js";

describe("Vietnamese normalisation", () => {
  it("folds diacritics and đ", () => {
    expect(fold("Đăng ký thường trú")).toBe("dang ky thuong tru");
    expect(fold("ĐỊNH DANH ĐIỆN TỬ")).toBe("dinh danh dien tu");
  });

  it("treats decomposed (NFD) input like composed input", () => {
    const decomposed = "Căn cước".normalize("NFD");
    expect(decomposed).not.toBe("Căn cước");
    expect(nfc(decomposed)).toBe("Căn cước");
    expect(tokens(decomposed)).toEqual(tokens("Căn cước"));
    expect(rawTokens(decomposed)).toEqual(["căn", "cước"]);
  });

  it("unifies old and new tone placement for the accent-aware key", () => {
    expect(accentKey("hòa")).toBe(accentKey("hoà"));
    expect(accentKey("thủy")).toBe(accentKey("thuỷ"));
    expect(accentKey("Hòa Bình")).not.toBe(accentKey("Hoà Bính"));
  });

  it("unifies i/y spelling variants (ký/kí, lý/lí, mỹ/mĩ)", () => {
    expect(tokens("đăng ký")).toEqual(tokens("đăng kí"));
    expect(tokens("lý lịch")).toEqual(tokens("lí lịch"));
    expect(canonicalSyllable("my")).toBe("mi");
    // "quy" is not a variant of "qui" in names like "quy định"; it stays.
    expect(canonicalSyllable("quy")).toBe("quy");
  });

  it("keeps procedure codes whole and splits other punctuation", () => {
    expect(rawTokens("Mã 1.004222, có không?")).toEqual(["mã", "1.004222", "có", "không"]);
    expect(foldedText("Giấy phép lái xe (GPLX)!")).toBe("giay phep lai xe gplx");
  });

  it("knows whether the citizen typed accents", () => {
    expect(hasDiacritics("tạm trú")).toBe(true);
    expect(hasDiacritics("tam tru")).toBe(false);
  });
});

describe("personal data masking", () => {
  it("masks chip-ID numbers, phone numbers and e-mails", () => {
    const masked = maskPersonalData("CCCD 001203004567, gọi 0912 345 678 hoặc +84912345678, mail an.nguyen@gmail.com");
    expect(masked).not.toMatch(/001203004567|0912|345 678|84912345678|an\.nguyen/);
    expect(masked).toContain("[số giấy tờ]");
    expect(masked).toContain("[số điện thoại]");
    expect(masked).toContain("[email]");
  });

  it("leaves ordinary numbers and fees alone", () => {
    expect(maskPersonalData("lệ phí 20.000 đồng trong 7 ngày")).toBe("lệ phí 20.000 đồng trong 7 ngày");
  });
});

describe("accent keys", () => {
  it("unify i/y spellings but keep different tones apart", () => {
    expect(accentKey("đăng ký")).toBe(accentKey("đăng kí"));
    expect(accentKey("lý lịch")).toBe(accentKey("lí lịch"));
    expect(accentKey("vàng")).not.toBe(accentKey("vắng"));
    expect(accentKey("quý")).toBe("quý");
  });
});

describe("text keys", () => {
  it("fold, read marks as spaces, tidy the spacing", () => {
    expect(textKey("  Bỏ qua!! ")).toBe("bo qua");
    expect(textKey("Giấy tờ cần có 📄")).toBe("giay to can co");
    expect(textKey("Bỏ\tqua".normalize("NFD"))).toBe("bo qua");
  });

  it("keep the marks asked for", () => {
    expect(textKey("/danhgia")).toBe("danhgia");
    expect(textKey("/danhgia", { keep: "/" })).toBe("/danhgia");
    expect(textKey("4/5 ?", { keep: "/?" })).toBe("4/5 ?");
    expect(textKey("a-b]c^d\\e", { keep: "-]^\\" })).toBe("a-b]c^d\\e");
  });

  it("keep the accents and every mark when asked: citations", () => {
    expect(textKey(" Thông tư  SỐ 25/2021/TT-BTC ", { accents: "keep", keep: "all" })).toBe("thông tư số 25/2021/tt-btc");
  });
});

describe("word forms", () => {
  it("give the folded syllable, and the accent key only when typed with accents", () => {
    expect(wordForms("Ký")).toEqual({ folded: "ki", accented: accentKey("Ký") });
    expect(wordForms("chao")).toEqual({ folded: "chao", accented: null });
    expect(wordForms("hòa")).toEqual(wordForms("hoà"));
  });
});

describe("clause marks between words", () => {
  const marked = (text: string) => rawWords(text).map((w) => (w.brk ? `|${w.raw}` : w.raw)).join(" ");

  it("mark the word after a comma, full stop, question mark, new line or bracket: no pair runs over them", () => {
    expect(marked("Tháng trước, bà nội mất. Giờ làm gì?\nCần gì (bản sao)")).toBe("tháng trước |bà nội mất |giờ làm gì |cần gì |bản sao");
    expect(marked("xong rồi...giờ sao; hỏi: ở đâu!")).toBe("xong rồi |giờ sao |hỏi |ở đâu");
  });

  it("not a dot inside a name, an address or a number ('TP.HCM', 'dichvucong.gov.vn', '1.004222')", () => {
    expect(marked("vào TP.HCM, đăng nhập dichvucong.gov.vn mã 1.004222")).toBe("vào tp hcm |đăng nhập dichvucong gov vn mã 1.004222");
  });

  it("leave the words as rawTokens reads them, with where each is in the text", () => {
    const text = "Mã 1.004222, có không?";
    expect(rawWords(text).map((w) => w.raw)).toEqual(rawTokens(text));
    expect(rawWords(text).map((w) => text.slice(w.from, w.to))).toEqual(["Mã", "1.004222", "có", "không"]);
  });

  it("split a text into clauses of folded words", () => {
    expect(clauseTokens("Khai, nộp lệ phí trước bạ")).toEqual([["khai"], ["nop", "le", "phi", "truoc", "ba"]]);
  });
});
