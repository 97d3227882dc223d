import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";

describe("settings of the public web routes", () => {
  it("reads TRUST_PROXY as off, any proxy, a hop count or proxy addresses", () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: "" }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: "false" }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: "true" }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: "1" }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: "10.0.0.0/8, 127.0.0.1" }).trustProxy).toEqual(["10.0.0.0/8", "127.0.0.1"]);
  });

  it("has documented defaults for the per-address limit and live web sessions", () => {
    const c = loadConfig({});
    expect([c.rateLimitPerIpPerMinute, c.webSessionsMax, c.webSessionSecret]).toEqual([60, 20_000, undefined]);
    expect(() => loadConfig({ RATE_LIMIT_PER_IP_PER_MINUTE: "0" })).toThrow(/RATE_LIMIT_PER_IP_PER_MINUTE/);
  });
});

const fails = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error("expected loadConfig to fail");
};

describe("settings that cannot work fail at start", () => {
  it("refuses a Telegram secret Telegram would refuse, naming the variable but not the value", () => {
    const message = fails({ TELEGRAM_BOT_TOKEN: "1:a", TELEGRAM_WEBHOOK_URL: "https://x.example/webhooks/telegram", TELEGRAM_WEBHOOK_SECRET: "has space!" });
    expect(message).toContain("TELEGRAM_WEBHOOK_SECRET: must be 1-256 characters of A-Z a-z 0-9 _ -");
    expect(message).not.toContain("has space!");
    expect(() => loadConfig({ TELEGRAM_WEBHOOK_SECRET: "x".repeat(257) })).toThrow(/TELEGRAM_WEBHOOK_SECRET/);
    expect(() => loadConfig({ TELEGRAM_BOT_TOKEN: "1:a", TELEGRAM_WEBHOOK_URL: "https://x.example/t", TELEGRAM_WEBHOOK_SECRET: "a".repeat(256) })).not.toThrow();
  });

  it("refuses a Zalo Bot secret outside 8-256 characters", () => {
    expect(fails({ ZALO_BOT_TOKEN: "1:zalo", ZALO_WEBHOOK_SECRET: "short" })).toContain("ZALO_WEBHOOK_SECRET: must be 8-256 characters");
    expect(() => loadConfig({ ZALO_BOT_TOKEN: "1:zalo", ZALO_WEBHOOK_SECRET: "x".repeat(257) })).toThrow(/ZALO_WEBHOOK_SECRET/);
    expect(() => loadConfig({ ZALO_BOT_TOKEN: "1:zalo", ZALO_WEBHOOK_SECRET: "12345678" })).not.toThrow();
  });

  it("refuses webhook URLs that are not https, and a webhook URL without its secret", () => {
    const message = fails({ TELEGRAM_BOT_TOKEN: "1:a", TELEGRAM_WEBHOOK_URL: "http://x.example/webhooks/telegram", ZALO_BOT_TOKEN: "1:zalo", ZALO_WEBHOOK_URL: "https://x.example/webhooks/zalo" });
    expect(message).toContain("TELEGRAM_WEBHOOK_URL: must be an https:// URL");
    expect(message).toContain("TELEGRAM_WEBHOOK_SECRET: required with TELEGRAM_WEBHOOK_URL");
    expect(message).toContain("ZALO_WEBHOOK_SECRET: required with ZALO_WEBHOOK_URL");
  });

  it("needs every Zalo OA setting once one is given, with the documented defaults", () => {
    const message = fails({ ZALO_OA_APP_ID: "1", ZALO_OA_SECRET_KEY: "k" });
    expect(message).toContain("ZALO_OA_APP_SECRET: required for the Zalo Official Account channel");
    expect(message).toContain("ZALO_OA_REFRESH_TOKEN: required");
    const config = loadConfig({ ZALO_OA_APP_ID: "1", ZALO_OA_APP_SECRET: "s", ZALO_OA_SECRET_KEY: "k", ZALO_OA_REFRESH_TOKEN: "r" });
    expect(config.zaloOa).toEqual({ appId: "1", appSecret: "s", secretKey: "k", refreshToken: "r", apiUrl: "https://openapi.zalo.me", oauthUrl: "https://oauth.zaloapp.com" });
    expect(loadConfig({}).zaloOa).toBeUndefined();
  });
});

describe("channels are configured by the settings present", () => {
  it("Telegram: long polling without a webhook URL, webhook mode with it; the API root loses its trailing slash", () => {
    expect(loadConfig({}).telegram).toBeUndefined();
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: "1:a", TELEGRAM_API_ROOT: "http://127.0.0.1:8081/" }).telegram).toEqual({ token: "1:a", apiRoot: "http://127.0.0.1:8081", mode: { kind: "polling" } });
    const hook = loadConfig({ TELEGRAM_BOT_TOKEN: "1:a", TELEGRAM_WEBHOOK_URL: "https://bot.example/webhooks/telegram", TELEGRAM_WEBHOOK_SECRET: "s3cret" }).telegram;
    expect(hook).toEqual({ token: "1:a", apiRoot: "https://api.telegram.org", mode: { kind: "webhook", url: "https://bot.example/webhooks/telegram", secret: "s3cret" } });
  });

  it("Zalo: getUpdates polling by default; webhook mode with a URL, or with only a secret (webhook registered elsewhere)", () => {
    expect(loadConfig({ ZALO_BOT_TOKEN: "1:z" }).zalo).toEqual({ token: "1:z", apiUrl: "https://bot-api.zaloplatforms.com", mode: { kind: "polling" } });
    expect(loadConfig({ ZALO_BOT_TOKEN: "1:z", ZALO_WEBHOOK_SECRET: "12345678" }).zalo).toEqual({ token: "1:z", apiUrl: "https://bot-api.zaloplatforms.com", secret: "12345678", mode: { kind: "webhook" } });
    const hook = loadConfig({ ZALO_BOT_TOKEN: "1:z", ZALO_WEBHOOK_SECRET: "12345678", ZALO_WEBHOOK_URL: "https://bot.example/webhooks/zalo", ZALO_API_URL: "http://127.0.0.1:9/" }).zalo;
    expect(hook).toEqual({ token: "1:z", apiUrl: "http://127.0.0.1:9", secret: "12345678", mode: { kind: "webhook", url: "https://bot.example/webhooks/zalo" } });
  });

  it("optional settings are absent when unset and blank counts as unset", () => {
    const c = loadConfig({ REDIS_URL: " ", ADMIN_TOKEN: "", DVC_TODAY: "", STAFF_TELEGRAM_CHAT_ID: "" });
    expect([c.redisUrl, c.adminToken, c.today, c.respondentSalt, c.handover.staffTelegramChatId]).toEqual([undefined, undefined, undefined, undefined, undefined]);
    const set = loadConfig({ REDIS_URL: "redis://127.0.0.1:6379", RESPONDENT_SALT: "salt", DVC_TODAY: "2027-01-01", STAFF_TELEGRAM_CHAT_ID: "-1001234567890" });
    expect([set.redisUrl, set.respondentSalt, set.today, set.handover.staffTelegramChatId]).toEqual(["redis://127.0.0.1:6379", "salt", "2027-01-01", "-1001234567890"]);
    expect(set.handover).toMatchObject({ idleMinutes: 240 });
  });
});
