import { describe, expect, it } from "vitest";
import { createGroupCommit } from "../../src/store/group-commit.js";

describe("group commit", () => {
  it("flushes items that arrive during a flush together, and resolves each only after its flush", async () => {
    const flushed: number[][] = [];
    let release: () => void = () => {};
    const gc = createGroupCommit<number>(async (items) => {
      await new Promise<void>((r) => (release = r));
      flushed.push(items);
    });
    const done: number[] = [];
    const first = gc.add(1).then(() => done.push(1));
    const rest = [2, 3, 4].map((n) => gc.add(n).then(() => done.push(n)));
    await Promise.resolve();
    expect(done).toEqual([]);
    release(); // first flush: [1]
    await first;
    expect(done).toEqual([1]);
    await new Promise((r) => setTimeout(r, 0));
    release(); // second flush: the three that waited
    await Promise.all(rest);
    expect(flushed).toEqual([[1], [2, 3, 4]]);
    expect(done.sort()).toEqual([1, 2, 3, 4]);
  });

  it("rejects the callers of a failed flush only, and goes on with the next batch", async () => {
    let fail = true;
    const gc = createGroupCommit<string>(async () => {
      if (fail) {
        fail = false;
        throw new Error("disk full");
      }
    });
    await expect(gc.add("a")).rejects.toThrow("disk full");
    await expect(gc.add("b")).resolves.toBeUndefined();
    await gc.drain();
  });
});
