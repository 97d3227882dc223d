import { describe, expect, it } from "vitest";
import { blocksToText } from "../../src/engine/blocks-to-text.js";

describe("blocksToText", () => {
  it("renders every kind of block as plain text, blocks apart by a blank line", () => {
    const text = blocksToText([
      { type: "heading", text: "Đăng ký tạm trú" },
      { type: "badge", text: "✅ Toàn trình", tone: "good" },
      { type: "text", text: "Tóm tắt." },
      { type: "list", title: "Giấy tờ", items: ["Tờ khai", "Giấy tờ chỗ ở"] },
      { type: "list", items: ["Đăng nhập", "Nộp hồ sơ"], ordered: true },
      { type: "link", url: "https://dichvucong.gov.vn", label: "Cổng DVC" },
    ]);
    expect(text).toBe(
      [
        "【Đăng ký tạm trú】",
        "✅ Toàn trình",
        "Tóm tắt.",
        "Giấy tờ:\n• Tờ khai\n• Giấy tờ chỗ ở",
        "1. Đăng nhập\n2. Nộp hồ sơ",
        "🔗 Cổng DVC: https://dichvucong.gov.vn",
      ].join("\n\n"),
    );
  });

  it("leaves a heading already in capitals as it is, and renders nothing for no blocks", () => {
    expect(blocksToText([{ type: "heading", text: "LƯU Ý" }])).toBe("LƯU Ý");
    expect(blocksToText([])).toBe("");
  });
});
