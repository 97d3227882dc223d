import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { renderReportHtml } from "../../src/feedback/html.js";
import { renderCsv, renderShortText, renderText } from "../../src/feedback/render.js";
import { computeReport, dateRange, LOW_N_NOTE, ratingStats } from "../../src/feedback/report.js";
import type { StoredRecord } from "../../src/store/port.js";
import { allRatings, surveyRecord } from "../helpers/survey-records.js";

const all = allRatings;
const survey = surveyRecord;
const NOW = Date.parse("2026-04-01T00:00:00Z");

describe("computeReport", () => {
  it("index = % of 4–5, mean, distribution, null without ratings", () => {
    expect(ratingStats([5, 4, 3, 1, undefined])).toEqual({ n: 4, index: 50, mean: 3.25, distribution: [1, 0, 1, 1, 1], reliable: false });
    expect(ratingStats([])).toMatchObject({ n: 0, index: null, mean: null });
    const r = computeReport({ survey: [survey("2026-03-01T10:00:00Z", all(5)), survey("2026-03-02T10:00:00Z", all(4)), survey("2026-03-03T10:00:00Z", { ...all(2), overall: 3 })] }, { now: NOW });
    expect(r.responses).toBe(3);
    expect(r.index.overall).toBe(66.7);
    expect(r.index.aspects).toEqual({ access: 66.7, procedure: 66.7, staff: 66.7, result: 66.7, feedback: 66.7, online: 66.7 });
    expect(r.overall.distribution).toEqual([0, 0, 1, 1, 1]);
    expect(r.overall.mean).toBe(4);
    expect(computeReport({ survey: [] }, { now: NOW }).index).toEqual({ overall: null, aspects: { access: null, procedure: null, staff: null, result: null, feedback: null, online: null } });
  });

  it("warns under 10 responses, not from 10 on", () => {
    const nine = Array.from({ length: 9 }, () => survey("2026-03-05T00:00:00Z", all(5)));
    const r9 = computeReport({ survey: nine }, { now: NOW });
    expect(r9.reliable).toBe(false);
    expect(renderText(r9)).toContain(LOW_N_NOTE);
    expect(renderReportHtml(r9)).toContain(LOW_N_NOTE);
    const r10 = computeReport({ survey: [...nine, survey("2026-03-05T00:00:00Z", all(4))] }, { now: NOW });
    expect(r10.reliable).toBe(true);
    expect(renderText(r10)).not.toContain(LOW_N_NOTE);
  });

  it("groups by month in Vietnam time, and by procedure, agency, channel", () => {
    const r = computeReport(
      {
        survey: [
          survey("2026-01-31T18:00:00Z", all(5), { procedureId: "dang-ky-khai-sinh", procedure: "Đăng ký khai sinh" }), // 01:00 on 1 Feb in Hà Nội
          survey("2026-01-31T16:00:00Z", all(1), { agency: "UBND phường Hòa Khánh" }), // 23:00 on 31 Jan
          survey("2026-02-10T00:00:00Z", all(4), { agency: "ubnd phuong hoa khanh", channel: "telegram", procedureId: "dang-ky-khai-sinh", procedure: "Đăng ký khai sinh" }),
        ],
      },
      { now: NOW },
    );
    expect(r.byMonth.map((m) => [m.key, m.responses, m.index])).toEqual([
      ["2026-01", 1, 0],
      ["2026-02", 2, 100],
    ]);
    expect(r.byProcedure).toEqual([{ key: "dang-ky-khai-sinh", label: "Đăng ký khai sinh", responses: 2, index: 100, mean: 4.5, reliable: false }]);
    expect(r.byAgency.map((a) => [a.label, a.responses])).toEqual([["UBND phường Hòa Khánh", 2]]);
    expect(r.byChannel.map((c) => [c.key, c.responses])).toEqual([
      ["zalo", 2],
      ["telegram", 1],
    ]);
  });

  it("since/until are inclusive days in Vietnam time", () => {
    const recs = [survey("2026-02-28T16:59:00Z", all(5)), survey("2026-02-28T17:00:00Z", all(4)), survey("2026-03-31T16:59:00Z", all(3)), survey("2026-03-31T17:00:00Z", all(2))];
    const r = computeReport({ survey: recs }, { now: NOW, since: "2026-03-01", until: "2026-03-31" });
    expect(r.responses).toBe(2);
    expect(r.overall.distribution).toEqual([0, 0, 1, 1, 0]);
    expect(r.since).toBe("2026-03-01");
    expect(() => dateRange("2026-13-01")).toThrow(/report: --since must be a date YYYY-MM-DD/);
    expect(() => dateRange(undefined, "yesterday")).toThrow(/--until/);
  });

  it("counts helpfulness and the top unanswered questions, masks comments", () => {
    const r = computeReport(
      {
        survey: [survey("2026-03-01T00:00:00Z", all(5), { comment: "Gọi 0912345678 hoặc a@b.vn" })],
        helpful: [
          { id: "h1", at: NOW - 10, helpful: true },
          { id: "h2", at: NOW - 9, helpful: true },
          { id: "h3", at: NOW - 8, helpful: false },
        ],
        unanswered: [
          { id: "u1", at: NOW - 5, query: "lam the nao de nuoi rong" },
          { id: "u2", at: NOW - 4, query: "lam the nao de nuoi rong" },
          { id: "u3", at: NOW - 3, query: "so cccd 001203004567 bi sai" },
        ],
      },
      { now: NOW },
    );
    expect(r.helpful).toMatchObject({ total: 3, yes: 2, no: 1, rate: 66.7 });
    expect(r.unanswered.top).toEqual([
      { query: "lam the nao de nuoi rong", count: 2 },
      { query: "so cccd [số giấy tờ] bi sai", count: 1 },
    ]);
    expect(r.comments[0]!.text).toBe("Gọi [số điện thoại] hoặc [email]");
    expect(renderShortText(r, "30 ngày")).toMatch(/Hài lòng chung: 100,0%/);
  });
});

describe("one counted response per respondent per 30 days", () => {
  it("counts the latest of repeats within 30 days, and both when further apart", () => {
    const honest = Array.from({ length: 10 }, (_, i) => survey(`2026-03-0${(i % 9) + 1}T00:00:00Z`, all(5)));
    // One respondent (one web address) sends twenty 1-star surveys within a day.
    const forged = Array.from({ length: 20 }, (_, i) => survey(`2026-03-10T0${i % 10}:00:00Z`, all(1), { respondent: "one-address" }));
    const r = computeReport({ survey: [...honest, ...forged] }, { now: NOW });
    expect(r.responses).toBe(11);
    expect(r.replaced).toBe(19);
    expect(r.index.overall).toBe(90.9);
    // A later opinion replaces the earlier one; a month and more apart, both count.
    const change = computeReport({ survey: [survey("2026-01-01T00:00:00Z", all(1), { respondent: "x" }), survey("2026-01-20T00:00:00Z", all(5), { respondent: "x" })] }, { now: NOW });
    expect([change.responses, change.index.overall]).toEqual([1, 100]);
    const apart = computeReport({ survey: [survey("2026-01-01T00:00:00Z", all(1), { respondent: "x" }), survey("2026-02-05T00:00:00Z", all(5), { respondent: "x" })] }, { now: NOW });
    expect([apart.responses, apart.index.overall]).toEqual([2, 50]);
  });

  it("states the rule on the dashboard", () => {
    const html = renderReportHtml(computeReport({ survey: [survey("2026-01-01T00:00:00Z", all(5), { respondent: "x" }), survey("2026-01-02T00:00:00Z", all(4), { respondent: "x" })] }, { now: NOW }));
    expect(html).toContain("Mỗi người được tính một phiếu trong 30 ngày");
    expect(html).toContain("1 phiếu được thay bằng phiếu sau");
  });
});

describe("report: 'Không áp dụng', Vietnamese conventions, the citizen's own words", () => {
  const { feedback: _omit, ...withoutFeedback } = all(5);
  const records = [
    survey("2026-03-01T10:00:00Z", all(5), { channel: "telegram", ageBand: "<25" }),
    survey("2026-03-02T10:00:00Z", withoutFeedback, { notApplicable: ["feedback"], channel: "web", ageBand: "60+" }),
    survey("2026-03-03T10:00:00Z", { ...withoutFeedback, overall: 3 }, { notApplicable: ["feedback"], channel: "zalo", ageBand: "25-39" }),
  ];
  const r = computeReport({ survey: records }, { now: NOW, since: "2026-03-01", until: "2026-03-31" });

  it("leaves 'Không áp dụng' out of the complaints index and says how many chose it (JSON, text, CSV, HTML)", () => {
    const feedback = r.aspects.find((a) => a.key === "feedback")!;
    expect(feedback).toMatchObject({ n: 1, index: 100, notApplicable: 2 });
    expect(r.index.aspects.feedback).toBe(100);
    expect(renderText(r)).toContain('2 phiếu chọn "Không áp dụng"');
    expect(renderReportHtml(r)).toContain("2 phiếu chọn &quot;Không áp dụng&quot;");
    const rows = parse(renderCsv(records).replace(/^\uFEFF/, ""), { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((row) => row.not_applicable)).toEqual(["", "feedback", "feedback"]);
    expect(rows[1]!.rating_feedback).toBe("");
  });

  it("writes 66,7% with a comma, dates dd/mm/yyyy, and channels and age bands in words; JSON keys stay raw", () => {
    const text = renderText(r);
    expect(text).toContain("66,7%");
    expect(text).not.toMatch(/\d\.\d%/);
    expect(text).toContain("01/03/2026 → 31/03/2026");
    expect(text).toMatch(/Telegram — 1 phiếu/);
    expect(text).toMatch(/Dưới 25 tuổi — 1 phiếu/);
    expect(r.byChannel.map((g) => g.key).sort()).toEqual(["telegram", "web", "zalo"]);
    expect(r.byAgeBand.map((g) => g.label)).toEqual(["Dưới 25 tuổi", "25–39 tuổi", "Từ 60 tuổi trở lên"]);
    const html = renderReportHtml(r);
    expect(html).toContain("66,7%");
    expect(html).toContain("<th scope=\"row\">Zalo</th>");
    expect(html).toContain("(giờ Việt Nam)");
    expect(html).not.toMatch(/\bUTC\b/);
  });

  it("groups unanswered questions across spellings and shows them as written, masked", () => {
    const unanswered: StoredRecord[] = [
      { id: "u1", at: Date.parse("2026-03-05T00:00:00Z"), query: "cho tôi nói chuyện với cán bộ, sđt 0912345678", key: "cho toi noi chuyen voi can bo, sdt [so dien thoai]" },
      { id: "u2", at: Date.parse("2026-03-06T00:00:00Z"), query: "cho toi noi chuyen voi can bo, sdt 0987654321" },
    ];
    const u = computeReport({ survey: [], unanswered }, { now: NOW }).unanswered.top;
    expect(u).toHaveLength(1);
    expect(u[0]!.count).toBe(2);
    expect(u[0]!.query).toMatch(/^cho tôi nói chuyện với cán bộ, sđt /);
    expect(u[0]!.query).not.toMatch(/0912345678/);
  });
});
