import { describe, expect, it } from "vitest";
import { renderWeb } from "../../../src/channels/web/render.js";
import { createLiveWebSessions, createWebSessionIds } from "../../../src/channels/web/session-ids.js";
import { webChatRequestSchema, webToInbound } from "../../../src/channels/web/to-inbound.js";

const ids = createWebSessionIds("test-secret-web");
const newWebSessionId = () => ids.issue();

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
  it("makes unguessable session ids that only the secret's holder can sign", () => {
    const id = newWebSessionId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{44}$/);
    expect(newWebSessionId()).not.toBe(id);
    expect(ids.verify(id)).toBe(true);
    // A client's own choice, a tampered id, and another server's id are all refused.
    expect(ids.verify("a".repeat(44))).toBe(false);
    expect(ids.verify(`${id.slice(0, 43)}${id.endsWith("A") ? "B" : "A"}`)).toBe(false);
    expect(ids.verify(`${id.startsWith("b") ? "c" : "b"}${id.slice(1)}`)).toBe(false);
    expect(createWebSessionIds("another-secret").verify(id)).toBe(false);
    expect(ids.verify(id.slice(0, 22))).toBe(false);
  });

  it("keeps at most max live sessions; expired ones make room again", () => {
    let t = 0;
    const live = createLiveWebSessions({ max: 2, ttlMs: 1000, now: () => t });
    expect(live.open("a")).toBe(true);
    t = 500;
    expect(live.open("b")).toBe(true);
    expect(live.open("c")).toBe(false);
    t = 900;
    live.touch("a"); // used again: lives until 1900
    t = 1600; // b expired at 1500
    expect(live.open("c")).toBe(true);
    expect(live.open("d")).toBe(false);
    expect(live.size).toBe(2);
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
