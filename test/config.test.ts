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
