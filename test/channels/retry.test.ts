import { afterEach, describe, expect, it, vi } from "vitest";
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

const QUICK: RetryPolicy = { attempts: 3, firstDelayMs: 1, maxDelayMs: 5 };
const always = () => true;
const network = new Error("ECONNRESET");
const refused = new Error("403 Forbidden: bot was blocked by the user");

afterEach(() => {
  vi.useRealTimers();
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

  it("waits with doubling backoff between attempts", async () => {
    vi.useFakeTimers();
    const s = flakySend([network, network]);
    const done = withRetry(s.send, always, { attempts: 3, firstDelayMs: 100, maxDelayMs: 1000 });
    await vi.advanceTimersByTimeAsync(99);
    expect(s.attempts()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(s.attempts()).toBe(2);
    await vi.advanceTimersByTimeAsync(199);
    expect(s.attempts()).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    await expect(done).resolves.toBe("sent");
    expect(s.attempts()).toBe(3);
  });

  it("waits as long as the platform asked (429 retry_after), but never longer than the policy's cap", async () => {
    vi.useFakeTimers();
    const policy = { attempts: 2, firstDelayMs: 100, maxDelayMs: 1000 };
    const asked = flakySend([network]);
    const honoured = withRetry(asked.send, always, policy, () => 600);
    await vi.advanceTimersByTimeAsync(599);
    expect(asked.attempts()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(honoured).resolves.toBe("sent");

    const greedy = flakySend([network]);
    const capped = withRetry(greedy.send, always, policy, () => 60_000);
    await vi.advanceTimersByTimeAsync(1000);
    await expect(capped).resolves.toBe("sent");
    expect(greedy.attempts()).toBe(2);
  });
});
