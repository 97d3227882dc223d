import { describe, expect, it } from "vitest";
import { createStoreKeys } from "../../src/runtime/store-keys.js";

const zalo = { channel: "zalo" as const, chatId: "2093847561234", userId: "2093847561234" };
const telegram = { channel: "telegram" as const, chatId: "2093847561234", userId: "2093847561234" };

describe("store keys", () => {
  const keys = createStoreKeys("salt-shared-by-instances");

  it("never contain the platform id, so a Redis key listing names nobody", () => {
    for (const key of [keys.chat(zalo), keys.user(zalo), keys.update(zalo, "msg-5531")]) {
      expect(key).not.toContain(zalo.chatId);
      expect(key).not.toContain("msg-5531");
    }
  });

  it("have the shapes operators see in Redis: channel, then 32 hex characters", () => {
    expect(keys.chat(zalo)).toMatch(/^zalo:[0-9a-f]{32}$/);
    expect(keys.user(zalo)).toMatch(/^rate:zalo:[0-9a-f]{32}$/);
    expect(keys.update(telegram, "88001")).toMatch(/^dedup:telegram:[0-9a-f]{32}$/);
  });

  it("are the same on every instance and after a restart with the same salt (the conversation goes on)", () => {
    const other = createStoreKeys("salt-shared-by-instances");
    expect(other.chat(zalo)).toBe(keys.chat(zalo));
    expect(other.user(zalo)).toBe(keys.user(zalo));
    expect(other.update(zalo, "m1")).toBe(keys.update(zalo, "m1"));
  });

  it("differ with another salt, across channels, and between chat, user and update of one id", () => {
    expect(createStoreKeys("another-salt").chat(zalo)).not.toBe(keys.chat(zalo));
    expect(keys.chat(telegram).slice(-32)).not.toBe(keys.chat(zalo).slice(-32));
    const hashes = [keys.chat(zalo), keys.user(zalo), keys.update(zalo, zalo.chatId)].map((k) => k.slice(-32));
    expect(new Set(hashes).size).toBe(3);
  });

  it("without a salt, use one of this process only", () => {
    expect(createStoreKeys().chat(zalo)).not.toBe(createStoreKeys().chat(zalo));
  });

  it("refuse an empty salt", () => {
    expect(() => createStoreKeys("")).toThrow("store-keys: salt must not be empty");
  });
});
