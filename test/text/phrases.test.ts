import { describe, expect, it } from "vitest";
import { tokens } from "../../src/text/normalize.js";
import { createPhraseTable } from "../../src/text/phrases.js";

/** The phrase found at each word of `text`, as "phrase=value", skipping words that start none. */
function scan<V>(table: ReturnType<typeof createPhraseTable<V>>, text: string): string[] {
  const words = tokens(text);
  const found: string[] = [];
  for (let i = 0; i < words.length; ) {
    const m = table.matchAt(words, i);
    if (!m) {
      i++;
      continue;
    }
    found.push(`${words.slice(i, i + m.length).join(" ")}=${String(m.value)}`);
    i += m.length;
  }
  return found;
}

describe("createPhraseTable", () => {
  const table = createPhraseTable<string>([
    ["căn cước", "the-can-cuoc"],
    ["căn cước công dân", "cccd"],
    ["hộ khẩu", "thuong-tru"],
    ["giấy phép lái xe", "gplx"],
  ]);

  it("recognises the longest phrase first: 'căn cước công dân' whole, not 'căn cước' and two stray words", () => {
    expect(scan(table, "làm lại căn cước công dân bị mất")).toEqual(["can cuoc cong dan=cccd"]);
    expect(scan(table, "làm lại căn cước bị mất")).toEqual(["can cuoc=the-can-cuoc"]);
  });

  it("matches however the citizen types it: accents, case, no accents", () => {
    expect(scan(table, "NHẬP HỘ KHẨU cho con")).toEqual(["ho khau=thuong-tru"]);
    expect(scan(table, "nhap ho khau cho con")).toEqual(["ho khau=thuong-tru"]);
  });

  it("finds several phrases in one message, and none in a message without them", () => {
    expect(scan(table, "đổi giấy phép lái xe và căn cước")).toEqual(["giay phep lai xe=gplx", "can cuoc=the-can-cuoc"]);
    expect(scan(table, "đăng ký kết hôn")).toEqual([]);
  });

  it("does not read past the end of the message: a phrase cut short is no match", () => {
    expect(scan(table, "giấy phép lái")).toEqual([]);
    expect(table.matchAt(tokens("căn"), 0)).toBeNull();
  });

  it("never runs over a clause mark: 'giấy phép, lái xe' holds no 'giấy phép lái xe'", () => {
    const words = tokens("giấy phép, lái xe");
    const breaks = [false, false, true, false];
    expect(table.matchAt(words, 0, breaks)).toBeNull();
    expect(table.matchAt(words, 0)).toEqual({ length: 4, value: "gplx" });
    expect(table.matchAt(tokens("căn cước công dân"), 0, [false, false, true, false])).toEqual({ length: 2, value: "the-can-cuoc" });
  });

  it("keeps the first meaning of a phrase listed twice (staff order matters)", () => {
    const twice = createPhraseTable<string>([
      ["hộ khẩu", "first"],
      ["Hộ Khẩu", "second"],
    ]);
    expect(scan(twice, "hộ khẩu")).toEqual(["ho khau=first"]);
  });

  it("skips phrases with no words, and knows its longest phrase", () => {
    const t = createPhraseTable<number>([
      ["", 1],
      ["  ,  ", 2],
      ["giấy phép lái xe", 3],
    ]);
    expect(t.maxLength).toBe(4);
    expect(createPhraseTable<number>([]).maxLength).toBe(0);
  });
});
