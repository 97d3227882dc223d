import { describe, expect, it } from "vitest";
import { createLoginThrottle } from "../../src/server/login-throttle.js";

/** Failed admin logins per address, on a clock the test moves. */
function throttle(options: { maxFailures?: number; windowMs?: number } = {}) {
  const clock = { t: Date.UTC(2026, 11, 2, 3) };
  return { clock, t: createLoginThrottle({ ...options, now: () => clock.t }) };
}

const MINUTE = 60_000;

describe("login throttle", () => {
  it("lets an address fail four times, then blocks it for the rest of the 15-minute window", () => {
    const { clock, t } = throttle();
    for (let i = 0; i < 4; i++) t.failed("203.0.113.9");
    expect(t.blockedFor("203.0.113.9")).toBe(0);
    clock.t += 5 * MINUTE;
    t.failed("203.0.113.9");
    // The window runs from the first failure: 10 of its 15 minutes are left.
    expect(t.blockedFor("203.0.113.9")).toBe(600);
    clock.t += 9 * MINUTE + 59_500;
    expect(t.blockedFor("203.0.113.9")).toBe(1);
    clock.t += 500;
    expect(t.blockedFor("203.0.113.9")).toBe(0);
  });

  it("blocks one address without touching another", () => {
    const { t } = throttle({ maxFailures: 2 });
    t.failed("198.51.100.7");
    t.failed("198.51.100.7");
    expect(t.blockedFor("198.51.100.7")).toBeGreaterThan(0);
    expect(t.blockedFor("203.0.113.1")).toBe(0);
  });

  it("forgets the failures of an address after a successful login", () => {
    const { t } = throttle({ maxFailures: 3 });
    t.failed("203.0.113.9");
    t.failed("203.0.113.9");
    t.succeeded("203.0.113.9");
    t.failed("203.0.113.9");
    t.failed("203.0.113.9");
    expect(t.blockedFor("203.0.113.9")).toBe(0);
    t.failed("203.0.113.9");
    expect(t.blockedFor("203.0.113.9")).toBeGreaterThan(0);
  });

  it("starts a fresh allowance once the window has passed", () => {
    const { clock, t } = throttle({ maxFailures: 2, windowMs: 10 * MINUTE });
    t.failed("203.0.113.9");
    clock.t += 10 * MINUTE;
    t.failed("203.0.113.9");
    expect(t.blockedFor("203.0.113.9")).toBe(0);
  });
});
