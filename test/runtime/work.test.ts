import { describe, expect, it } from "vitest";
import { createWorkTracker } from "../../src/runtime/work.js";

describe("work tracker (what shutdown waits for)", () => {
  it("drain waits for accepted work to finish and reports nothing left", async () => {
    const work = createWorkTracker();
    let done = false;
    void work.track(new Promise<void>((r) => setTimeout(() => ((done = true), r()), 20)));
    expect(work.inFlight).toBe(1);
    work.close();
    expect(work.closing).toBe(true);
    expect(await work.drain(5_000)).toEqual({ unfinished: 0 });
    expect(done).toBe(true);
  });

  it("drain gives up at its deadline and says how much is unfinished", async () => {
    const work = createWorkTracker();
    void work.track(new Promise(() => {}));
    void work.track(Promise.reject(new Error("failed work counts as settled")));
    expect(await work.drain(30)).toEqual({ unfinished: 1 });
  });

  it("track returns the work itself, failures included", async () => {
    const work = createWorkTracker();
    await expect(work.track(Promise.resolve(7))).resolves.toBe(7);
    await expect(work.track(Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await work.drain(1_000)).toEqual({ unfinished: 0 });
  });
});
