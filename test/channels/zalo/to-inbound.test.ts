import { describe, expect, it } from "vitest";
import { parseZaloEvent, zaloToInbound } from "../../../src/channels/zalo/to-inbound.js";
import { MAX_MESSAGE_CHARS } from "../../../src/text/clip.js";

const NOW = 1_700_000_000_000;
const event = (event_name: string, extra: Record<string, unknown> = {}) => ({
  event_name,
  message: { message_id: "zm1", date: 1763900000000, chat: { id: "zu001", chat_type: "PRIVATE" }, from: { id: "zu001", display_name: "Binh", is_bot: false }, ...extra },
});

describe("parseZaloEvent", () => {
  it("accepts the wrapped and the bare event", () => {
    const bare = event("message.text.received", { text: "tam tru" });
    expect(parseZaloEvent({ ok: true, result: bare })).toMatchObject(bare);
    expect(parseZaloEvent(bare)).toMatchObject(bare);
  });
  it("turns numeric ids into strings", () => {
    const e = parseZaloEvent({ event_name: "message.text.received", message: { message_id: 5, chat: { id: 42 }, text: "x" } });
    expect(e?.message?.message_id).toBe("5");
    expect(e?.message?.chat.id).toBe("42");
  });
  it("refuses what is not an event", () => {
    expect(parseZaloEvent({ hello: 1 })).toBeNull();
    expect(parseZaloEvent([])).toBeNull();
    expect(parseZaloEvent("x")).toBeNull();
    expect(parseZaloEvent({ event_name: "message.text.received", message: { message_id: "1" } })).toBeNull();
  });
});

describe("zaloToInbound", () => {
  it("cuts an over-long message to the bound and marks it", () => {
    const inbound = zaloToInbound(event("message.text.received", { text: "x".repeat(50_000) }), NOW) as { text: string; clipped?: boolean };
    expect(inbound.text).toHaveLength(MAX_MESSAGE_CHARS);
    expect(inbound.clipped).toBe(true);
  });

  it("maps a text message", () => {
    expect(zaloToInbound(parseZaloEvent(event("message.text.received", { text: "tam tru online" }))!, NOW)).toEqual({
      type: "text",
      text: "tam tru online",
      channel: "zalo",
      chatId: "zu001",
      userId: "zu001",
      privateChat: true,
      messageId: "zm1",
      at: NOW,
      name: "Binh",
    });
  });
  it("maps images, stickers and unsupported messages to unsupported", () => {
    const what = (name: string) => zaloToInbound(parseZaloEvent(event(name))!, NOW);
    expect(what("message.image.received")).toMatchObject({ type: "unsupported", what: "image", messageId: "zm1" });
    expect(what("message.sticker.received")).toMatchObject({ type: "unsupported", what: "sticker" });
    expect(what("message.unsupported.received")).toMatchObject({ type: "unsupported", what: "other" });
  });
  it("ignores other events, bots, and text events without text", () => {
    expect(zaloToInbound(parseZaloEvent(event("user.follow"))!, NOW)).toBeNull();
    expect(zaloToInbound(parseZaloEvent(event("message.text.received"))!, NOW)).toBeNull();
    expect(zaloToInbound(parseZaloEvent(event("message.text.received", { text: "x", from: { id: "b", is_bot: true } }))!, NOW)).toBeNull();
  });
});
