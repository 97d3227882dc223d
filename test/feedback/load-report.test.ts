import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadReport, REPORT_STREAMS, type RecordReader } from "../../src/feedback/load-report.js";
import { silentLogger } from "../../src/log.js";
import { createEmbeddedStore } from "../../src/store/embedded.js";
import type { Store, StoredRecord } from "../../src/store/port.js";
import { redisTestStores } from "../helpers/redis-stores.js";

const day = (iso: string) => Date.parse(`${iso}T03:00:00Z`);
const NOW = day("2026-03-31");

/** Two months of records, one of them not a survey record at all. */
async function seed(store: Store): Promise<void> {
  const records: Array<[(typeof REPORT_STREAMS)[number], StoredRecord]> = [
    ["survey", { id: "feb", at: day("2026-02-10"), ratings: { overall: 1 }, respondent: "a" }],
    ["survey", { id: "mar-1", at: day("2026-03-05"), ratings: { overall: 5 }, respondent: "b" }],
    ["survey", { id: "mar-2", at: day("2026-03-06"), ratings: { overall: 4 }, respondent: "c", comment: "nhanh" }],
    ["survey", { id: "mar-torn", at: day("2026-03-07"), ratings: "5" }],
    ["helpful", { id: "h-feb", at: day("2026-02-11"), helpful: false }],
    ["helpful", { id: "h-mar", at: day("2026-03-08"), helpful: true }],
    ["unanswered", { id: "u-mar", at: day("2026-03-09"), query: "nuôi rồng" }],
  ];
  for (const [stream, record] of records) await store.append(stream, record);
}

/** The store as loadReport sees it, counting what it reads. */
function counting(store: Store) {
  const reads: Array<{ stream: string; range: unknown }> = [];
  const reader: RecordReader = {
    read: async (stream, range) => {
      reads.push({ stream, range });
      return store.read(stream, range);
    },
  };
  return { reader, reads };
}

async function expectPeriodReport(store: Store): Promise<void> {
  await seed(store);
  const { reader, reads } = counting(store);
  const march = await loadReport(reader, { since: "2026-03-01", until: "2026-03-31", now: NOW });
  expect(march).toMatchObject({ responses: 2, index: { overall: 100 }, helpful: { total: 1, yes: 1 }, unanswered: { total: 1 }, since: "2026-03-01", until: "2026-03-31" });
  expect(march.skipped).toEqual({ survey: 1, helpful: 0, unanswered: 0 });
  expect(march.comments.map((c) => c.text)).toEqual(["nhanh"]);
  // Each stream read once, within the period only (Vietnam days: 1 March 00:00 is 29 Feb 17:00 UTC).
  expect(reads.map((r) => r.stream).sort()).toEqual(["helpful", "survey", "unanswered"]);
  for (const r of reads) expect(r.range).toEqual({ since: Date.UTC(2026, 1, 28, 17), until: Date.UTC(2026, 2, 31, 17) });

  const all = await loadReport(store, { now: NOW });
  expect(all).toMatchObject({ responses: 3, helpful: { total: 2, yes: 1, no: 1 } });
  expect(all.index.overall).toBe(66.7);
}

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe("loadReport", () => {
  it("reads the period's records of the three streams from the embedded store and reports them", async () => {
    const dir = await mkdtemp(join(tmpdir(), "dvc-load-report-"));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const store = await createEmbeddedStore({ dataDir: dir, logger: silentLogger() });
    cleanups.push(() => store.close());
    await expectPeriodReport(store);
  });

  it("does the same over Redis", async (ctx) => {
    const stores = await redisTestStores(1, cleanups);
    if (!stores) return ctx.skip();
    await expectPeriodReport(stores[0]!);
  });

  it("refuses a malformed date before reading anything", async () => {
    const reads: string[] = [];
    const reader: RecordReader = { read: async (stream) => (reads.push(stream), []) };
    await expect(loadReport(reader, { since: "2026-02-30", now: NOW })).rejects.toThrow(/report: --since must be a date YYYY-MM-DD/);
    expect(reads).toEqual([]);
  });
});
