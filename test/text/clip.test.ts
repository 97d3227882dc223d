import { describe, expect, it } from "vitest";
import { clipText, MAX_MESSAGE_CHARS } from "../../src/text/clip.js";

describe("clipText", () => {
  it("cuts a long message to the bound and says so; a short one passes untouched", () => {
    expect(clipText("hộ chiếu")).toEqual({ text: "hộ chiếu", clipped: false });
    const long = clipText("a.".repeat(50_000));
    expect(long.clipped).toBe(true);
    expect(long.text).toHaveLength(MAX_MESSAGE_CHARS);
  });

  it("keeps a message of exactly the bound whole", () => {
    const text = "đ".repeat(MAX_MESSAGE_CHARS);
    expect(clipText(text)).toEqual({ text, clipped: false });
    expect(clipText(`${text}x`)).toEqual({ text, clipped: true });
  });

  it("never splits an emoji in two", () => {
    const text = `${"a".repeat(MAX_MESSAGE_CHARS - 1)}😀tail`;
    const { text: cut } = clipText(text);
    expect(cut).toBe("a".repeat(MAX_MESSAGE_CHARS - 1));
    expect(/[\uD800-\uDBFF]$/.test(cut)).toBe(false);
  });

  it("keeps an emoji that ends exactly at the bound", () => {
    const text = `${"a".repeat(MAX_MESSAGE_CHARS - 2)}😀tail`;
    expect(clipText(text).text).toBe(`${"a".repeat(MAX_MESSAGE_CHARS - 2)}😀`);
  });

  it("takes another bound", () => {
    expect(clipText("đăng ký tạm trú", 7)).toEqual({ text: "đăng ký", clipped: true });
  });
});
