import { setTimeout } from "node:timers/promises";

/**
 * Bounded retries with exponential backoff for platform sends. Only failures worth repeating are
 * retried (the caller decides: network errors, 5xx, 429); a refusal is final at once.
 */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** Wait before the second attempt; doubled for each further one. */
  firstDelayMs: number;
  maxDelayMs: number;
}

/** Three attempts within about 1.5 s: long enough for a blip, short enough not to hold the chat's queue. */
export const SEND_RETRY: RetryPolicy = { attempts: 3, firstDelayMs: 300, maxDelayMs: 2000 };

export async function withRetry<T>(
  fn: () => Promise<T>,
  retryable: (err: unknown) => boolean,
  policy: RetryPolicy = SEND_RETRY,
  /** A wait the platform asked for (429 retry_after), in ms; overrides the backoff when longer. */
  askedDelayMs: (err: unknown) => number | undefined = () => undefined,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (attempt >= policy.attempts || !retryable(err)) throw err;
      const backoff = Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** (attempt - 1));
      await setTimeout(Math.min(policy.maxDelayMs, Math.max(backoff, askedDelayMs(err) ?? 0)));
    }
  }
}
