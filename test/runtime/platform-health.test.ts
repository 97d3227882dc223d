import { describe, expect, it } from "vitest";
import { createPlatformHealth } from "../../src/runtime/platform-health.js";

/** Whether Telegram and Zalo answer, as /readyz reports it; on a clock the test moves. */
function health(windowMs?: number) {
  const clock = { t: Date.UTC(2026, 11, 2, 3) };
  return { clock, h: createPlatformHealth({ now: () => clock.t, ...(windowMs ? { windowMs } : {}) }) };
}

describe("platform health", () => {
  it("reports a platform whose last call failed, and stops once a call succeeds", () => {
    const { h } = health();
    expect(h.problems()).toEqual([]);
    h.unreachable("zalo");
    expect(h.problems()).toEqual(["zalo unreachable"]);
    h.reachable("zalo");
    expect(h.problems()).toEqual([]);
  });

  it("lists each failing platform once, in order", () => {
    const { h } = health();
    h.unreachable("zalo");
    h.unreachable("telegram");
    h.unreachable("zalo");
    expect(h.problems()).toEqual(["telegram unreachable", "zalo unreachable"]);
  });

  it("forgets a failure after five minutes without further calls", () => {
    const { clock, h } = health();
    h.unreachable("telegram");
    clock.t += 5 * 60_000 - 1;
    expect(h.problems()).toEqual(["telegram unreachable"]);
    clock.t += 1;
    expect(h.problems()).toEqual([]);
  });

  it("counts the window from the latest failure", () => {
    const { clock, h } = health(1000);
    h.unreachable("zalo-oa");
    clock.t += 900;
    h.unreachable("zalo-oa");
    clock.t += 900;
    expect(h.problems()).toEqual(["zalo-oa unreachable"]);
  });
});
