import { afterEach, describe, expect, it } from "vitest";
import { SEND_RETRY, withRetry, type RetryPolicy } from "../../src/channels/retry.js";

/** A send that fails with `errors` in turn, then succeeds; counts its attempts. */
function flakySend(errors: unknown[]) {
  let attempts = 0;
  const send = async () => {
    const err = errors[attempts++];
    if (err !== undefined) throw err;
    return "sent";
  };
  return { send, attempts: () => attempts };
}

/** When each attempt started, for the waits between them. */
let starts: number[] = [];
const timed = <T>(send: () => Promise<T>) => () => {
  starts.push(performance.now());
  return send();
};
const gaps = () => starts.slice(1).map((t, i) => t - starts[i]!);
/** Node may fire a timer up to a millisecond before its time (it counts in whole milliseconds). */
const TIMER_SLACK_MS = 2;

const QUICK: RetryPolicy = { attempts: 3, firstDelayMs: 1, maxDelayMs: 5 };
const always = () => true;
const network = new Error("ECONNRESET");
const refused = new Error("403 Forbidden: bot was blocked by the user");

afterEach(() => {
  starts = [];
});

describe("withRetry", () => {
  it("delivers after a blip: the failed attempts are repeated", async () => {
    const s = flakySend([network, network]);
    await expect(withRetry(s.send, always, QUICK)).resolves.toBe("sent");
    expect(s.attempts()).toBe(3);
  });

  it("gives up after the policy's attempts and reports the last failure", async () => {
    const last = new Error("502 Bad Gateway");
    const s = flakySend([network, network, last, undefined]);
    await expect(withRetry(s.send, always, QUICK)).rejects.toBe(last);
    expect(s.attempts()).toBe(3);
  });

  it("does not repeat a refusal", async () => {
    const s = flakySend([refused]);
    await expect(withRetry(s.send, (err) => err === network, QUICK)).rejects.toBe(refused);
    expect(s.attempts()).toBe(1);
  });

  it("by default tries three times within about 1.5 s, so a chat's queue is not held long", () => {
    expect(SEND_RETRY.attempts).toBe(3);
    expect(SEND_RETRY.firstDelayMs + SEND_RETRY.firstDelayMs * 2).toBeLessThanOrEqual(1500);
  });

  // Lower bounds only: a timer never fires early, while a loaded machine may fire it late.
  it("waits with doubling backoff between attempts", async () => {
    const s = flakySend([network, network]);
    await expect(withRetry(timed(s.send), always, { attempts: 3, firstDelayMs: 40, maxDelayMs: 1000 })).resolves.toBe("sent");
    const [first, second] = gaps();
    expect(first).toBeGreaterThanOrEqual(40 - TIMER_SLACK_MS);
    expect(second).toBeGreaterThanOrEqual(80 - TIMER_SLACK_MS);
  });

  it("waits as long as the platform asked (429 retry_after), and a wait asked beyond the cap ends at the cap", async () => {
    const asked = flakySend([network]);
    await withRetry(timed(asked.send), always, { attempts: 2, firstDelayMs: 5, maxDelayMs: 1000 }, () => 120);
    expect(gaps()[0]).toBeGreaterThanOrEqual(120 - TIMER_SLACK_MS);

    // An uncapped wait of ten minutes would outlast the test's time limit.
    const greedy = flakySend([network]);
    await expect(withRetry(greedy.send, always, { attempts: 2, firstDelayMs: 5, maxDelayMs: 50 }, () => 600_000)).resolves.toBe("sent");
    expect(greedy.attempts()).toBe(2);
  });
});
