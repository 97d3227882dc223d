import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import { telegramToInbound } from "../../../src/channels/telegram/to-inbound.js";
import { MAX_MESSAGE_CHARS } from "../../../src/text/clip.js";

const chat = { id: 555001, type: "private" as const, first_name: "An" };
const from = { id: 555001, is_bot: false, first_name: "An" };
const message = (extra: Record<string, unknown>) => ({ update_id: 9001, message: { message_id: 11, date: 1763900000, chat, from, ...extra } }) as unknown as Update;
const NOW = 1_700_000_000_000;

describe("telegramToInbound", () => {
  it("maps a text message", () => {
    expect(telegramToInbound(message({ text: "lam lai can cuoc" }), NOW)).toEqual({
      type: "text",
      text: "lam lai can cuoc",
      channel: "telegram",
      chatId: "555001",
      userId: "555001",
      privateChat: true,
      messageId: "9001",
      at: NOW,
      name: "An",
    });
  });

  it("cuts an over-long message to the bound and marks it, so the bot answers the start of it", () => {
    const inbound = telegramToInbound(message({ text: `ho chieu ${"a.".repeat(2_000)}` }), NOW) as { text: string; clipped?: boolean };
    expect(inbound.text).toHaveLength(MAX_MESSAGE_CHARS);
    expect(inbound.text.startsWith("ho chieu")).toBe(true);
    expect(inbound.clipped).toBe(true);
  });

  it("passes commands through as text, without the bot name or /start payload", () => {
    const text = (t: string) => (telegramToInbound(message({ text: t }), NOW) as { text: string }).text;
    expect(text("/start")).toBe("/start");
    expect(text("/start@dvc_test_bot abc")).toBe("/start");
    expect(text("/help@dvc_test_bot")).toBe("/help");
    expect(text("/danhgia")).toBe("/danhgia");
    expect(text("/menu")).toBe("/menu");
  });

  it("maps a callback query to a choice in the message's chat", () => {
    const update = {
      update_id: 9002,
      callback_query: { id: "cq1", from: { id: 7, is_bot: false, first_name: "B" }, chat_instance: "x", data: "q:f:can-cuoc", message: { message_id: 1, date: 1, chat: { id: -100, type: "group", title: "G" } } },
    } as unknown as Update;
    expect(telegramToInbound(update, NOW)).toEqual({ type: "choice", choiceId: "q:f:can-cuoc", channel: "telegram", chatId: "-100", userId: "7", privateChat: false, messageId: "9002", at: NOW, name: "B" });
  });

  it("maps stickers, photos, documents, voice, video and locations to unsupported", () => {
    const what = (extra: Record<string, unknown>) => (telegramToInbound(message(extra), NOW) as { type: string; what: string });
    expect(what({ sticker: { file_id: "s" } })).toMatchObject({ type: "unsupported", what: "sticker" });
    expect(what({ photo: [{ file_id: "p" }] })).toMatchObject({ type: "unsupported", what: "image" });
    expect(what({ document: { file_id: "d" } })).toMatchObject({ type: "unsupported", what: "file" });
    expect(what({ voice: { file_id: "v" } })).toMatchObject({ type: "unsupported", what: "audio" });
    expect(what({ video: { file_id: "v" } })).toMatchObject({ type: "unsupported", what: "video" });
    expect(what({ location: { latitude: 1, longitude: 2 } })).toMatchObject({ type: "unsupported", what: "location" });
  });

  it("ignores edits, service messages, bots and callback queries without data", () => {
    expect(telegramToInbound({ update_id: 1, edited_message: { message_id: 1, date: 1, chat, from, text: "x", edit_date: 2 } } as unknown as Update, NOW)).toBeNull();
    expect(telegramToInbound(message({ new_chat_members: [from] }), NOW)).toBeNull();
    expect(telegramToInbound({ update_id: 1, message: { message_id: 1, date: 1, chat, from: { ...from, is_bot: true }, text: "x" } } as unknown as Update, NOW)).toBeNull();
    expect(telegramToInbound({ update_id: 1, callback_query: { id: "c", from, chat_instance: "x", game_short_name: "g" } } as unknown as Update, NOW)).toBeNull();
  });
});
