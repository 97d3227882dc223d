import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeChoice } from "../../src/engine/choice-id.js";
import type { Inbound } from "../../src/engine/types.js";
import { renderReportHtml } from "../../src/feedback/html.js";
import { helpfulRecordSchema, parseEach, surveyRecordSchema, unansweredRecordSchema } from "../../src/feedback/records.js";
import { renderCsv, renderText } from "../../src/feedback/render.js";
import { computeReport } from "../../src/feedback/report.js";
import { createRecordEnricher, createRespondentHasher } from "../../src/feedback/respondent.js";
import { silentLogger } from "../../src/log.js";
import { buildCore } from "../../src/runtime/core.js";
import { createDispatcher } from "../../src/runtime/dispatcher.js";
import { createStoreKeys } from "../../src/runtime/store-keys.js";
import { createEmbeddedStore } from "../../src/store/embedded.js";
import type { Store } from "../../src/store/port.js";

const FIXTURES = join(import.meta.dirname, "../fixtures");
const NOW = Date.UTC(2026, 2, 15, 5);
const SURVEY = encodeChoice({ kind: "flow", flow: "survey" });

describe("the record schemas fit what the dispatcher stores", () => {
  let dir: string;
  let store: Store;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "dvc-records-"));
    store = await createEmbeddedStore({ dataDir: dir, logger: silentLogger() });
  });
  afterAll(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("a finished survey, a helpful vote and an unanswered question each parse and count", async () => {
    const core = buildCore({ knowledgeDir: join(FIXTURES, "knowledge"), flowsDir: join(FIXTURES, "flows") }).core!;
    const dispatcher = createDispatcher({
      core: () => core,
      store,
      logger: silentLogger(),
      keys: createStoreKeys("records-test"),
      enrichRecord: createRecordEnricher(createRespondentHasher("records-test")),
    });
    let n = 0;
    const send = (content: { type: "text"; text: string } | { type: "choice"; choiceId: string }) =>
      dispatcher.process({ ...content, channel: "zalo", chatId: "z1", userId: "z1", privateChat: true, messageId: `m${n}`, at: NOW + n++ * 1000 } as Inbound);
    await send({ type: "choice", choiceId: SURVEY });
    await send({ type: "text", text: "4" });
    await send({ type: "text", text: "Cán bộ nhiệt tình" });
    await send({ type: "text", text: "đăng ký khai sinh" });
    await send({ type: "choice", choiceId: encodeChoice({ kind: "helpful", entry: "dang-ky-khai-sinh", helpful: true }) });
    await send({ type: "text", text: "xin cấp phép nuôi rồng" });

    const [survey, helpful, unanswered] = await Promise.all([store.read("survey"), store.read("helpful"), store.read("unanswered")]);
    expect(survey).toHaveLength(1);
    expect(helpful).toHaveLength(1);
    expect(unanswered.length).toBeGreaterThanOrEqual(1);
    expect(parseEach(surveyRecordSchema, survey)).toMatchObject({ skipped: 0, records: [{ ratings: { overall: 4 }, comment: "Cán bộ nhiệt tình", channel: "zalo" }] });
    expect(parseEach(helpfulRecordSchema, helpful)).toMatchObject({ skipped: 0, records: [{ entryId: "dang-ky-khai-sinh", helpful: true }] });
    expect(parseEach(unansweredRecordSchema, unanswered).skipped).toBe(0);

    const report = computeReport({ survey, helpful, unanswered }, { now: NOW });
    expect(report).toMatchObject({ responses: 1, index: { overall: 100 }, helpful: { yes: 1 }, skipped: { survey: 0, helpful: 0, unanswered: 0 } });
    expect(report.unanswered.top[0]!.query).toBe("xin cấp phép nuôi rồng");
  });
});

describe("records that do not fit", () => {
  const ok = { id: "ok", at: NOW - 1000, flow: "survey", ratings: { overall: 5, access: 4 }, channel: "zalo", respondent: "r1" };
  const badSurveys: unknown[] = [
    null,
    "a torn line",
    { id: "no-ratings", at: NOW - 1000, channel: "zalo" },
    { id: "out-of-scale", at: NOW - 1000, ratings: { overall: 7 } },
    { id: "text-rating", at: NOW - 1000, ratings: { overall: "5" } },
    { id: "text-time", at: "2026-03-14", ratings: { overall: 5 } },
    { id: 42, at: NOW - 1000, ratings: { overall: 5 } },
    { id: "numeric-comment", at: NOW - 1000, ratings: { overall: 5 }, comment: 12 },
    { id: "na-not-a-list", at: NOW - 1000, ratings: { overall: 5 }, notApplicable: "feedback" },
  ];

  it("are left out and counted per stream; the report still comes", () => {
    const r = computeReport(
      {
        survey: [ok, ...badSurveys],
        helpful: [{ id: "h1", at: NOW - 10, helpful: true }, { id: "h2", at: NOW - 9, helpful: "yes" }, { id: "h3", at: NOW - 8 }],
        unanswered: [{ id: "u1", at: NOW - 5, query: "nuoi rong" }, { id: "u2", at: NOW - 4, query: 12 }, [1, 2]],
      },
      { now: NOW },
    );
    expect(r.responses).toBe(1);
    expect(r.index.overall).toBe(100);
    expect(r.helpful).toMatchObject({ total: 1, yes: 1, no: 0 });
    expect(r.unanswered).toMatchObject({ total: 1, top: [{ query: "nuoi rong", count: 1 }] });
    expect(r.skipped).toEqual({ survey: badSurveys.length, helpful: 2, unanswered: 2 });
  });

  it("records from before a field was kept still count (no respondent, no unanswered key)", () => {
    const r = computeReport(
      { survey: [{ id: "old", at: NOW - 1000, ratings: { overall: 4 } }], unanswered: [{ id: "u-old", at: NOW - 1, query: "lam cccd o dau" }] },
      { now: NOW },
    );
    expect(r).toMatchObject({ responses: 1, unanswered: { total: 1 }, skipped: { survey: 0, unanswered: 0 } });
  });

  it("the text report and the dashboard say how many were left out, only when some were", () => {
    const broken = computeReport({ survey: [ok, ...badSurveys] }, { now: NOW });
    expect(renderText(broken)).toContain(`${badSurveys.length} bản ghi không đọc được đã được bỏ qua`);
    expect(renderReportHtml(broken)).toContain(`⚠ ${badSurveys.length} bản ghi không đọc được đã được bỏ qua.`);
    const clean = computeReport({ survey: [ok] }, { now: NOW });
    expect(renderText(clean)).not.toContain("không đọc được");
    expect(renderReportHtml(clean)).not.toContain("không đọc được");
  });

  it("the CSV has a row for each readable response only", () => {
    const lines = renderCsv([ok, ...badSurveys]).slice(1).trimEnd().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]!.startsWith("ok,")).toBe(true);
  });
});
