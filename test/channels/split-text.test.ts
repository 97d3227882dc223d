import { describe, expect, it } from "vitest";
import { splitLine, splitText } from "../../src/channels/split-text.js";

describe("splitText", () => {
  it("keeps short text whole", () => {
    expect(splitText("a\n\nb", 10)).toEqual(["a\n\nb"]);
  });
  it("breaks at paragraphs, then lines, then words", () => {
    expect(splitText("aaaa\n\nbbbb\n\ncccc", 10)).toEqual(["aaaa\n\nbbbb", "cccc"]);
    expect(splitText("aaaa\nbbbb\ncccc", 10)).toEqual(["aaaa\nbbbb", "cccc"]);
    expect(splitText("aaa bbb ccc ddd", 8)).toEqual(["aaa bbb", "ccc ddd"]);
  });
  it("cuts inside a word only when it must, never inside an emoji", () => {
    expect(splitLine("abcdefghij", 4)).toEqual(["abcd", "efgh", "ij"]);
    const parts = splitLine("😀😀😀", 3);
    expect(parts).toEqual(["😀", "😀", "😀"]);
  });
});
