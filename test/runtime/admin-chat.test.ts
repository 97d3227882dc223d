import { describe, expect, it } from "vitest";
import type { Core } from "../../src/runtime/core.js";
import type { Inbound } from "../../src/engine/types.js";
import { createAdminChatInterceptor } from "../../src/runtime/admin-chat.js";
import type { Store, StoredRecord } from "../../src/store/port.js";

const NOW = Date.parse("2026-03-15T05:00:00Z");
const records: Record<string, StoredRecord[]> = {
  survey: [{ id: "1", at: NOW - 1000, ratings: { overall: 5, access: 4 }, channel: "zalo" }],
  helpful: [{ id: "2", at: NOW - 1000, helpful: true }],
  unanswered: [{ id: "3", at: NOW - 1000, query: "nuoi rong" }],
};
const store = { read: async (s: string) => records[s] ?? [] } as unknown as Store;
const ctx = { store, core: {} as Core };
const msg = (channel: Inbound["channel"], userId: string, text: string, chat: { chatId?: string; privateChat?: boolean } = {}): Inbound => ({
  type: "text",
  text,
  channel,
  chatId: chat.chatId ?? userId,
  userId,
  privateChat: chat.privateChat ?? true,
  at: NOW,
});

describe("/baocao", () => {
  const intercept = createAdminChatInterceptor({ adminIds: { telegram: ["42"], zalo: ["z9"] } }, () => NOW);

  it("gives admins a short summary", async () => {
    for (const m of [msg("telegram", "42", "/baocao"), msg("zalo", "z9", "/baocao"), msg("telegram", "42", "/baocao@dvc_bot")]) {
      const r = await intercept(m, ctx);
      const text = r?.[0]?.blocks[0];
      expect(text && "text" in text ? text.text : "").toMatch(/Số phiếu: 1[\s\S]*Hài lòng chung: 100,0%[\s\S]*nuoi rong/);
    }
  });

  it("lets everyone else through to the normal bot", async () => {
    expect(await intercept(msg("telegram", "43", "/baocao"), ctx)).toBeNull();
    expect(await intercept(msg("zalo", "42", "/baocao"), ctx)).toBeNull();
    expect(await intercept(msg("telegram", "42", "xin chào"), ctx)).toBeNull();
    expect(await intercept({ type: "choice", choiceId: "m", channel: "telegram", chatId: "42", userId: "42", privateChat: true, at: NOW }, ctx)).toBeNull();
  });

  it("answers an admin only in the admin's own private chat, never in another chat the update names", async () => {
    // A forged update: the admin as sender, someone else's chat as target.
    expect(await intercept(msg("telegram", "42", "/baocao", { chatId: "777" }), ctx)).toBeNull();
    // The admin typing it in a group: the group must not see the report.
    expect(await intercept(msg("telegram", "42", "/baocao", { chatId: "-100123", privateChat: false }), ctx)).toBeNull();
    expect(await intercept(msg("telegram", "42", "/baocao", { privateChat: false }), ctx)).toBeNull();
    expect(await intercept(msg("zalo", "z9", "/baocao", { chatId: "zgroup" }), ctx)).toBeNull();
  });
});
