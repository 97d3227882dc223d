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
