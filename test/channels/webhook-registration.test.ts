import { describe, expect, it } from "vitest";
import { WebhookRegistration } from "../../src/channels/webhook-registration.js";
import { silentLogger } from "../../src/log.js";
import { createReadiness } from "../../src/runtime/readiness.js";

describe("WebhookRegistration", () => {
  it("reports not-ready while setWebhook fails, retries with a growing wait, and clears once it succeeds", async () => {
    const readiness = createReadiness();
    const calls: number[] = [];
    let failuresLeft = 2;
    const registration = new WebhookRegistration({
      channel: "zalo",
      register: async () => {
        calls.push(Date.now());
        if (failuresLeft-- > 0) throw new Error("zalo: setWebhook failed (500)");
      },
      settings: "ZALO_BOT_TOKEN and ZALO_WEBHOOK_URL",
      log: silentLogger(),
      readiness,
      firstRetryMs: 40,
    });
    await registration.start();
    expect(readiness.conditions()).toEqual([{ key: "zalo-webhook", level: "not-ready", detail: "zalo: setWebhook failed; updates will not arrive until it succeeds (retrying)" }]);
    for (let i = 0; i < 250 && calls.length < 3; i++) await new Promise((r) => setTimeout(r, 20));
    expect(calls).toHaveLength(3);
    // 40 ms after the first failure, then twice that (lower bounds only: a loaded machine is later, never earlier).
    expect(calls[1]! - calls[0]!).toBeGreaterThanOrEqual(35);
    expect(calls[2]! - calls[1]!).toBeGreaterThanOrEqual(75);
    expect(readiness.conditions()).toEqual([]);
    registration.stop();
  });

  it("stops retrying once stopped", async () => {
    let calls = 0;
    const registration = new WebhookRegistration({
      channel: "telegram",
      register: () => Promise.reject(new Error(`telegram: attempt ${++calls} failed`)),
      settings: "TELEGRAM_BOT_TOKEN and TELEGRAM_WEBHOOK_URL",
      log: silentLogger(),
      firstRetryMs: 20,
    });
    await registration.start();
    registration.stop();
    await new Promise((r) => setTimeout(r, 120));
    expect(calls).toBe(1);
  });
});
