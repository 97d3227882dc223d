/** Waiting in tests: a pause, and polling until something is true (never a bound on speed). */

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` every `everyMs` until it is true; throws with `what` after `ms`. */
export async function waitUntil(what: string, check: () => Promise<boolean> | boolean, ms = 8000, everyMs = 50): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`test: ${what} not within ${ms} ms`);
    await sleep(everyMs);
  }
}
