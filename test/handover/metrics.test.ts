import { Registry } from "prom-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmbeddedCaseStore, type CaseStore } from "../../src/handover/case-store.js";
import { createHandover, type Handover } from "../../src/handover/handover.js";
import { registerHandoverMetrics } from "../../src/handover/metrics.js";
import { silentLogger } from "../../src/log.js";
import { createStoreKeys } from "../../src/runtime/store-keys.js";
import { createEmbeddedStore } from "../../src/store/embedded.js";
import type { Store } from "../../src/store/port.js";
import { tempDir } from "../helpers/temp.js";
import { sleep } from "../helpers/time.js";

/** The hand-over numbers on GET /metrics, read from the case store (every instance shows the same). */

const T0 = Date.UTC(2026, 11, 2, 2);
const MIN = 60_000;
let cases: CaseStore;
let store: Store;
let now = T0;

function handoverOn(caseStore: CaseStore): Handover {
  return createHandover({
    cases: caseStore,
    store,
    logger: silentLogger(),
    hours: { days: [1, 2, 3, 4, 5, 6, 7], periods: [[0, 1440]] },
    idleMs: 24 * 60 * MIN,
    sessionTtlSeconds: 3600,
    keys: createStoreKeys("metrics-test-salt"),
    deliverers: {},
    now: () => now,
  });
}

async function openCase(chat: string, at: number, repliedAfterMin?: number, closed = false): Promise<void> {
  const c = await cases.open({ channel: "zalo", chatId: chat, chatKey: `zalo:${chat}`, question: "hồ sơ đất", lastAnswer: "—", openedAt: at });
  if (repliedAfterMin !== undefined) await cases.markReplied(c.id, at + repliedAfterMin * MIN);
  if (closed) await cases.closeCase(c.id, "staff", at + 90 * MIN);
}

const scrape = (registry: Registry) => registry.metrics();

beforeAll(async () => {
  store = await createEmbeddedStore({ dataDir: tempDir("handover-metrics"), logger: silentLogger() });
  cases = await createEmbeddedCaseStore({ dataDir: tempDir("handover-cases") });
  await openCase("a", T0, 10, true);
  await openCase("b", T0 + 5 * MIN, 30);
  await openCase("c", T0 + 10 * MIN, 70, true);
  await openCase("d", T0 + 20 * MIN);
  now = T0 + 3 * 60 * MIN;
});

afterAll(async () => {
  await cases.close();
  await store.close();
});

describe("hand-over metrics", () => {
  it("show opened, answered, open and unanswered-after-an-hour cases, and the median first reply", async () => {
    const registry = new Registry();
    registerHandoverMetrics(registry, handoverOn(cases));
    const text = await scrape(registry);
    expect(text).toContain('dvc_bot_handover_cases{state="opened"} 4');
    expect(text).toContain('dvc_bot_handover_cases{state="answered"} 3');
    expect(text).toContain('dvc_bot_handover_cases{state="open"} 2');
    // c was answered after 70 minutes; d has waited 160 minutes for a first reply.
    expect(text).toContain('dvc_bot_handover_cases{state="unanswered_1h"} 2');
    // First replies after 10, 30 and 70 minutes: the median is 30 minutes.
    expect(text).toMatch(/^dvc_bot_handover_first_reply_median_seconds 1800$/m);
  });

  it("read the case store once per scrape for both gauges, and again at the next scrape", async () => {
    let reads = 0;
    const counted = handoverOn(cases);
    const stats = counted.stats.bind(counted);
    counted.stats = (range) => {
      reads++;
      return stats(range);
    };
    const registry = new Registry();
    registerHandoverMetrics(registry, counted);
    await scrape(registry);
    expect(reads).toBe(1);
    await sleep(0);
    await openCase("e", now);
    expect(await scrape(registry)).toContain('dvc_bot_handover_cases{state="opened"} 5');
    expect(reads).toBe(2);
  });

  it("still answers the scrape when the case store fails, without hand-over numbers", async () => {
    const broken = handoverOn(cases);
    broken.stats = () => Promise.reject(new Error("redis down"));
    const registry = new Registry();
    registerHandoverMetrics(registry, broken);
    const text = await scrape(registry);
    expect(text).toContain("# TYPE dvc_bot_handover_cases gauge");
    expect(text).not.toMatch(/dvc_bot_handover_cases\{/);
  });

  it("show zeros for a new deployment without cases", async () => {
    const empty = await createEmbeddedCaseStore({});
    const registry = new Registry();
    registerHandoverMetrics(registry, handoverOn(empty));
    const text = await scrape(registry);
    for (const state of ["opened", "answered", "open", "unanswered_1h"]) expect(text).toContain(`dvc_bot_handover_cases{state="${state}"} 0`);
    await empty.close();
  });
});
