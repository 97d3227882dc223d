/**
 * Group commit: items added while a flush is in progress wait for the next flush, which takes
 * them all at once. Under load, one file write (and one fsync) serves many updates instead of one
 * each; every caller still resolves only after its own item has been flushed.
 */
export interface GroupCommit<T> {
  add(item: T): Promise<void>;
  /** Resolves when everything added so far has been flushed. */
  drain(): Promise<void>;
}

export function createGroupCommit<T>(flush: (items: T[]) => Promise<void>): GroupCommit<T> {
  let pending: Array<{ item: T; resolve: () => void; reject: (err: unknown) => void }> = [];
  let running: Promise<void> | null = null;

  const run = async (): Promise<void> => {
    while (pending.length > 0) {
      const batch = pending;
      pending = [];
      try {
        await flush(batch.map((p) => p.item));
        for (const p of batch) p.resolve();
      } catch (err) {
        for (const p of batch) p.reject(err);
      }
    }
    running = null;
  };

  return {
    add(item) {
      const done = new Promise<void>((resolve, reject) => pending.push({ item, resolve, reject }));
      running ??= run();
      return done;
    },
    async drain() {
      while (running) await running;
    },
  };
}
