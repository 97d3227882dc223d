import { createEmbeddedCaseStore } from "../../src/handover/case-store.js";
import { createHandover, type HandoverOptions } from "../../src/handover/handover.js";
import { silentLogger } from "../../src/log.js";
import { createStoreKeys } from "../../src/runtime/store-keys.js";

/**
 * A hand-over over an in-memory case store, the office open around the clock (no "outside office
 * hours" wording), no staff group and no delivery unless the test gives them.
 */
export async function memoryHandover(store: HandoverOptions["store"], options: Partial<HandoverOptions> & { salt?: string } = {}) {
  const cases = await createEmbeddedCaseStore();
  const { salt, ...rest } = options;
  const handover = createHandover({
    cases,
    store,
    logger: silentLogger(),
    hours: { days: [1, 2, 3, 4, 5, 6, 7], periods: [[0, 1440]] },
    idleMs: 3600_000,
    sessionTtlSeconds: 3600,
    keys: createStoreKeys(salt),
    deliverers: {},
    ...rest,
  });
  return { cases, handover };
}
