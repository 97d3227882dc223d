import { describe, expect, it } from "vitest";
import { renderWeb } from "../../../src/channels/web/render.js";
import { newWebSessionId, webChatRequestSchema, webToInbound } from "../../../src/channels/web/to-inbound.js";

describe("web to-inbound", () => {
  it("validates: one of text and choiceId, a well-formed session id, nothing else", () => {
    expect(webChatRequestSchema.safeParse({ text: "hi" }).success).toBe(true);
    expect(webChatRequestSchema.safeParse({ choiceId: "m", sessionId: newWebSessionId() }).success).toBe(true);
    expect(webChatRequestSchema.safeParse({}).success).toBe(false);
    expect(webChatRequestSchema.safeParse({ text: "a", choiceId: "m" }).success).toBe(false);
    expect(webChatRequestSchema.safeParse({ text: "a", sessionId: "../../etc" }).success).toBe(false);
    expect(webChatRequestSchema.safeParse({ text: 5 }).success).toBe(false);
    expect(webChatRequestSchema.safeParse({ text: "a", extra: 1 }).success).toBe(false);
  });
  it("maps text and choices for the session", () => {
    expect(webToInbound({ text: "hộ chiếu" }, "s".repeat(22), 5)).toEqual({ type: "text", text: "hộ chiếu", channel: "web", chatId: "s".repeat(22), userId: "s".repeat(22), at: 5 });
    expect(webToInbound({ choiceId: "m" }, "s".repeat(22), 5)).toEqual({ type: "choice", choiceId: "m", channel: "web", chatId: "s".repeat(22), userId: "s".repeat(22), at: 5 });
  });
  it("makes unguessable session ids", () => {
    const id = newWebSessionId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(newWebSessionId()).not.toBe(id);
  });
});

describe("renderWeb", () => {
  it("passes blocks and choices through, turning non-http links into text", () => {
    expect(
      renderWeb({
        blocks: [
          { type: "heading", text: "H" },
          { type: "link", url: "https://x.vn", label: "ok" },
          { type: "link", url: "javascript:alert(1)", label: "bad" },
        ],
        choices: [{ id: "m", label: "Menu" }],
        choiceLayout: "row",
      }),
    ).toEqual({
      blocks: [
        { type: "heading", text: "H" },
        { type: "link", url: "https://x.vn", label: "ok" },
        { type: "text", text: "bad: javascript:alert(1)" },
      ],
      choices: [{ id: "m", label: "Menu" }],
      choiceLayout: "row",
    });
  });
});
