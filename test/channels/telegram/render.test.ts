import { describe, expect, it } from "vitest";
import { escapeHtml, renderTelegram, TELEGRAM_TEXT_LIMIT } from "../../../src/channels/telegram/render.js";
import type { Reply } from "../../../src/engine/types.js";

describe("renderTelegram", () => {
  it("renders a card: bold heading, badge, list, link, inline keyboard with one button per row", () => {
    const reply: Reply = {
      blocks: [
        { type: "heading", text: "Cấp lại thẻ căn cước" },
        { type: "badge", text: "🟡 Một phần", tone: "warn" },
        { type: "text", text: "Nộp tại Công an xã." },
        { type: "list", title: "Giấy tờ", items: ["Tờ khai", "Ảnh"] },
        { type: "list", items: ["Bước một", "Bước hai"], ordered: true },
        { type: "link", url: "https://dichvucong.gov.vn/p?a=1&b=2", label: "Xem chi tiết" },
      ],
      choices: [
        { id: "q:f:can-cuoc", label: "💰 Lệ phí" },
        { id: "m", label: "☰ Menu" },
      ],
    };
    expect(renderTelegram(reply)).toEqual([
      {
        text: [
          "<b>Cấp lại thẻ căn cước</b>",
          "🟡 Một phần",
          "Nộp tại Công an xã.",
          "<b>Giấy tờ</b>\n• Tờ khai\n• Ảnh",
          "1. Bước một\n2. Bước hai",
          '🔗 <a href="https://dichvucong.gov.vn/p?a=1&amp;b=2">Xem chi tiết</a>',
        ].join("\n\n"),
        reply_markup: {
          inline_keyboard: [[{ text: "💰 Lệ phí", callback_data: "q:f:can-cuoc" }], [{ text: "☰ Menu", callback_data: "m" }]],
        },
      },
    ]);
  });

  it("escapes &, < and > in every block, and quotes in link URLs", () => {
    const reply: Reply = {
      blocks: [
        { type: "heading", text: "A & B <c>" },
        { type: "text", text: "1 < 2 && 3 > 2 <script>alert(1)</script>" },
        { type: "list", title: "<t>", items: ["x & y"] },
        { type: "link", url: 'https://x.vn/?q="a"&b=<c>', label: "<đi>" },
      ],
    };
    expect(renderTelegram(reply)[0]!.text).toBe(
      [
        "<b>A &amp; B &lt;c&gt;</b>",
        "1 &lt; 2 &amp;&amp; 3 &gt; 2 &lt;script&gt;alert(1)&lt;/script&gt;",
        "<b>&lt;t&gt;</b>\n• x &amp; y",
        '🔗 <a href="https://x.vn/?q=&quot;a&quot;&amp;b=&lt;c&gt;">&lt;đi&gt;</a>',
      ].join("\n\n"),
    );
    expect(escapeHtml("<&>")).toBe("&lt;&amp;&gt;");
  });

  it("renders a non-http link as text, never as an href", () => {
    const [m] = renderTelegram({ blocks: [{ type: "link", url: "javascript:alert(1)", label: "x" }] });
    expect(m!.text).toBe("🔗 x: javascript:alert(1)");
  });

  it("puts all buttons in one row for choiceLayout row", () => {
    const [m] = renderTelegram({
      blocks: [{ type: "text", text: "Chấm điểm" }],
      choices: ["1", "2", "3"].map((n) => ({ id: `f:r:${n}`, label: n })),
      choiceLayout: "row",
    });
    expect(m!.reply_markup).toEqual({
      inline_keyboard: [
        [
          { text: "1", callback_data: "f:r:1" },
          { text: "2", callback_data: "f:r:2" },
          { text: "3", callback_data: "f:r:3" },
        ],
      ],
    });
  });

  it("leaves out choices whose id would not fit in callback_data (64 bytes)", () => {
    const [m] = renderTelegram({ blocks: [{ type: "text", text: "x" }], choices: [{ id: "é".repeat(33), label: "too long" }, { id: "ok", label: "ok" }] });
    expect(m!.reply_markup).toEqual({ inline_keyboard: [[{ text: "ok", callback_data: "ok" }]] });
  });

  it("splits a long reply under 4096 characters at paragraph boundaries, keyboard on the last part", () => {
    const paragraph = (i: number) => `Đoạn ${i}: ` + "thủ tục hành chính & giấy tờ ".repeat(20);
    const reply: Reply = {
      blocks: Array.from({ length: 30 }, (_, i) => ({ type: "text" as const, text: paragraph(i) })),
      choices: [{ id: "m", label: "Menu" }],
    };
    const parts = renderTelegram(reply);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.text.length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
      // Each part is whole paragraphs: it starts with "Đoạn" and no entity is cut.
      expect(p.text.startsWith("Đoạn ")).toBe(true);
      expect(p.text).not.toMatch(/&(?!amp;|lt;|gt;|quot;)/);
    }
    expect(parts.slice(0, -1).every((p) => p.reply_markup === undefined)).toBe(true);
    expect(parts.at(-1)!.reply_markup).toEqual({ inline_keyboard: [[{ text: "Menu", callback_data: "m" }]] });
    // Nothing lost: the paragraphs come back in order.
    const joined = parts.map((p) => p.text).join("\n\n");
    expect(joined).toBe(reply.blocks.map((b) => (b.type === "text" ? b.text : "").replace(/&/g, "&amp;")).join("\n\n"));
  });

  it("splits one huge paragraph of special characters without breaking entities", () => {
    const parts = renderTelegram({ blocks: [{ type: "text", text: "<&>".repeat(3000) }] });
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.text.length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
      expect(p.text).toMatch(/^(&lt;|&amp;|&gt;)+$/);
    }
    expect(parts.map((p) => p.text).join("")).toBe("&lt;&amp;&gt;".repeat(3000));
  });

  it("sends a short pointer when a reply has only buttons", () => {
    expect(renderTelegram({ blocks: [], choices: [{ id: "m", label: "Menu" }] })).toEqual([
      { text: "👇", reply_markup: { inline_keyboard: [[{ text: "Menu", callback_data: "m" }]] } },
    ]);
  });
});
