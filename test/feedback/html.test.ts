import { describe, expect, it } from "vitest";
import { COLORS, DIST_COLORS, renderReportHtml, TEXT_ON } from "../../src/feedback/html.js";
import { computeReport } from "../../src/feedback/report.js";

/** WCAG relative luminance and contrast ratio of two #rrggbb colours. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe("dashboard colours", () => {
  it("every text colour reaches 4.5:1 on every background it is used on (white counts on bar segments too)", () => {
    const failures: string[] = [];
    for (const [fg, bgs] of TEXT_ON) for (const bg of bgs) if (contrast(fg, bg) < 4.5) failures.push(`${fg} on ${bg}: ${contrast(fg, bg).toFixed(2)}`);
    expect(failures).toEqual([]);
    expect(TEXT_ON.find(([fg]) => fg === "#ffffff")?.[1]).toEqual(DIST_COLORS);
  });

  it("the page uses only the listed text colours", () => {
    const html = renderReportHtml(computeReport({ survey: [] }, { now: 0 }));
    const listed = new Set(TEXT_ON.map(([fg]) => fg.toLowerCase()));
    const used = [...html.matchAll(/(?:^|[;{\s])(?:color|fill):\s*(#[0-9a-f]{6})/gim)].map((m) => m[1]!.toLowerCase());
    expect(used.length).toBeGreaterThan(5);
    for (const c of used) expect(listed, c).toContain(c);
    expect(COLORS.muted).not.toBe("#6c7a89");
  });
});

describe("dashboard: a rejected knowledge reload", () => {
  const live = { id: "v2", loadedAt: Date.UTC(2026, 11, 2, 3, 0), entries: 72, flows: 4, files: 80, review: [] };
  const report = computeReport({ survey: [] }, { now: Date.UTC(2026, 11, 2, 4, 0) });

  it("is a banner at the top of the page until the files are fixed", () => {
    const html = renderReportHtml(report, { live: { ...live, problems: [{ file: "knowledge/a.yaml", line: 3, message: "bad" }], lastAttemptOk: false } });
    const alert = html.indexOf('class="alert"');
    expect(alert).toBeGreaterThan(0);
    expect(alert).toBeLessThan(html.indexOf('class="kpis"'));
    expect(html).toContain("bị từ chối (1 lỗi)");
    const fixed = renderReportHtml(report, { live: { ...live, problems: [], lastAttemptOk: true } });
    expect(fixed).not.toContain('class="alert"');
  });

  it("states load times in Vietnam time, dd/mm/yyyy", () => {
    const html = renderReportHtml(report, { live: { ...live, problems: [], lastAttemptOk: true } });
    expect(html).toContain("nạp lúc 02/12/2026 10:00 (giờ Việt Nam)");
    expect(html).toContain("Lập lúc 02/12/2026 11:00 (giờ Việt Nam)");
  });
});

describe("dashboard: what citizens and staff typed", () => {
  it("shows comments, unanswered questions, names and file problems as text, never as markup", () => {
    const attack = `<img src=x onerror="alert('x')">`;
    const at = Date.UTC(2026, 2, 1, 3);
    const report = computeReport(
      {
        survey: [{ id: "s1", at, ratings: { overall: 5 }, comment: attack, procedure: attack, agency: attack, channel: "zalo" }],
        unanswered: [{ id: "u1", at, query: attack, closest: attack }],
      },
      { now: at + 1000 },
    );
    const html = renderReportHtml(report, {
      live: { id: attack, loadedAt: at, entries: 1, flows: 1, files: 1, problems: [{ file: attack, line: 1, message: attack }], lastAttemptOk: true, review: [] },
      exports: { csv: `/admin/feedback.csv?x="><script>`, json: "/admin/report.json" },
    });
    expect(html).not.toContain("<img");
    expect(html).not.toContain('"><script>');
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;");
    // Comment, procedure (comment line and table), agency, question, closest entry, version, file and message.
    expect(html.split("&lt;img").length - 1).toBeGreaterThanOrEqual(9);
  });
});
