import { describe, expect, it } from "vitest";
import { clippedText } from "../../src/channels/clipped-text.js";
import { MAX_MESSAGE_CHARS } from "../../src/text/clip.js";

describe("clippedText", () => {
  it("passes an ordinary message on as it came, with no clipped mark", () => {
    expect(clippedText("đăng ký tạm trú")).toStrictEqual({ type: "text", text: "đăng ký tạm trú" });
  });

  it("cuts a pasted wall of text to the bound and marks it, so the reply can say it was cut", () => {
    const inbound = clippedText("làm lại căn cước bị mất ".repeat(900));
    expect(inbound.clipped).toBe(true);
    expect(inbound.text).toHaveLength(MAX_MESSAGE_CHARS);
    expect(inbound.text.startsWith("làm lại căn cước bị mất")).toBe(true);
  });
});
