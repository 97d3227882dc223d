import { describe, expect, it } from "vitest";
import { renderZalo, ZALO_TEXT_LIMIT } from "../../../src/channels/zalo/render.js";
import type { Reply } from "../../../src/engine/types.js";

describe("renderZalo", () => {
  it("renders plain text with the choices as a numbered list after it", () => {
    const reply: Reply = {
      blocks: [
        { type: "heading", text: "Đăng ký tạm trú" },
        { type: "text", text: "Làm trực tuyến được." },
        { type: "link", url: "https://dichvucong.gov.vn", label: "Xem chi tiết" },
      ],
      choices: [
        { id: "q:d:tam-tru", label: "📄 Giấy tờ cần có" },
        { id: "q:f:tam-tru", label: "💰 Lệ phí" },
      ],
    };
    expect(renderZalo(reply)).toEqual([
      "【Đăng ký tạm trú】\n\nLàm trực tuyến được.\n\n🔗 Xem chi tiết: https://dichvucong.gov.vn\n\n1. 📄 Giấy tờ cần có\n2. 💰 Lệ phí",
    ]);
  });

  it("does not escape HTML (Zalo shows text as it is)", () => {
    expect(renderZalo({ blocks: [{ type: "text", text: "a < b & c" }] })).toEqual(["a < b & c"]);
  });

  it("splits a long reply under 2000 characters at paragraph boundaries, the list staying whole at the end", () => {
    const reply: Reply = {
      blocks: Array.from({ length: 12 }, (_, i) => ({ type: "text" as const, text: `Đoạn ${i}. ` + "hồ sơ ".repeat(50) })),
      choices: [{ id: "m", label: "Menu" }, { id: "x", label: "Khác" }],
    };
    const parts = renderZalo(reply);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(ZALO_TEXT_LIMIT);
      expect(p.startsWith("Đoạn ") || p.startsWith("1. ")).toBe(true);
    }
    expect(parts.at(-1)!.endsWith("1. Menu\n2. Khác")).toBe(true);
  });
});
