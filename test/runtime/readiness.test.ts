import { describe, expect, it } from "vitest";
import { createReadiness } from "../../src/runtime/readiness.js";

/** What channels tell /readyz about themselves. */
describe("readiness conditions", () => {
  it("starts with nothing wrong", () => {
    expect(createReadiness().conditions()).toEqual([]);
  });

  it("lists every condition a channel set, by key, until its owner clears it", () => {
    const r = createReadiness();
    r.set("zalo-oa", { level: "degraded", detail: "Zalo OA: the refresh token was refused" });
    r.set("telegram", { level: "not-ready", detail: "Telegram: the webhook could not be registered" });
    expect(r.conditions()).toEqual([
      { key: "telegram", level: "not-ready", detail: "Telegram: the webhook could not be registered" },
      { key: "zalo-oa", level: "degraded", detail: "Zalo OA: the refresh token was refused" },
    ]);
    r.set("telegram", null);
    expect(r.conditions().map((c) => c.key)).toEqual(["zalo-oa"]);
  });

  it("keeps one condition per key: the latest word of its owner", () => {
    const r = createReadiness();
    r.set("telegram", { level: "not-ready", detail: "webhook refused" });
    r.set("telegram", { level: "degraded", detail: "webhook registered, retrying getMe" });
    expect(r.conditions()).toEqual([{ key: "telegram", level: "degraded", detail: "webhook registered, retrying getMe" }]);
  });

  it("clearing a key that was never set changes nothing", () => {
    const r = createReadiness();
    r.set("zalo", null);
    expect(r.conditions()).toEqual([]);
  });
});
