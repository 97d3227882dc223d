/**
 * The report page's colours and style sheet. Every text colour is used only on the backgrounds
 * listed with it in TEXT_ON, and each such pair reaches 4.5:1 (WCAG AA) — test/feedback/html.test.ts
 * computes it, and the Chromium test measures the rendered page.
 */

export const COLORS = {
  text: "#1b2631",
  muted: "#566573",
  page: "#f4f6f8",
  card: "#ffffff",
  overallRow: "#f8fbf8",
  code: "#f0f3f4",
  warn: "#9c4a00",
  ok: "#196f3d",
  bannerText: "#7e5109",
  bannerBg: "#fef5e7",
  alertText: "#78281f",
  alertBg: "#fdedec",
  link: "#1a5276",
} as const;
/** White counts sit on these (1 → 5): each dark enough for white text. */
export const DIST_COLORS = ["#a93226", "#a35200", "#5d6d7e", "#2471a3", "#196f3d"];
/** Text colour → the backgrounds it is used on. */
export const TEXT_ON: ReadonlyArray<[string, readonly string[]]> = [
  [COLORS.text, [COLORS.page, COLORS.card, COLORS.overallRow, COLORS.code]],
  [COLORS.muted, [COLORS.page, COLORS.card, COLORS.overallRow]],
  [COLORS.warn, [COLORS.page, COLORS.card, COLORS.overallRow]],
  [COLORS.ok, [COLORS.card]],
  [COLORS.bannerText, [COLORS.bannerBg]],
  [COLORS.alertText, [COLORS.alertBg]],
  [COLORS.link, [COLORS.page, COLORS.card, COLORS.alertBg]],
  ["#ffffff", DIST_COLORS],
];
/** The rating scale's words, 1 → 5 (legend and bar segment titles). */
export const DIST_LABELS = ["1 Rất không hài lòng", "2 Không hài lòng", "3 Bình thường", "4 Hài lòng", "5 Rất hài lòng"];

/** The page's style sheet (inline: the page is one self-contained file). */
export const REPORT_CSS = `body{margin:0;padding:16px 20px 40px;max-width:1180px;margin-inline:auto;color:${COLORS.text};background:${COLORS.page}}
:root{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:${COLORS.text};background:${COLORS.page}}
*,*::before,*::after{box-sizing:border-box}
a{color:${COLORS.link}}
header{display:flex;flex-wrap:wrap;align-items:center;gap:12px;justify-content:space-between}
h1{font-size:1.45rem;margin:.2rem 0}h2{font-size:1.05rem;margin:0 0 .6rem}
.sub,.muted{color:${COLORS.muted}}.muted{font-size:.9em}
.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;margin:14px 0}
.kpi,.card{background:${COLORS.card};border-radius:10px;padding:14px 16px;box-shadow:0 1px 3px rgba(0,0,0,.08);min-width:0}
.kpi b{display:block;font-size:1.9rem;margin-top:4px}.kpi small{color:${COLORS.muted}}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(360px,100%),1fr));gap:0 14px}
.grid th[scope=row]{font-weight:500}.foot{margin:.5rem 0 0}
.card{margin-top:14px;overflow-wrap:anywhere}
table{border-collapse:collapse;width:100%}th,td{padding:6px 8px;border-bottom:1px solid #eef0f2;text-align:left;vertical-align:middle}
thead th{font-size:.8rem;color:${COLORS.muted};font-weight:600}
th.num,td.num{text-align:right;white-space:nowrap}tr.overall th,tr.overall td{font-weight:700;background:${COLORS.overallRow}}
.na{font-weight:400;font-size:.8rem}
.barcell{width:24%}.distcell{width:28%}
.bar{background:#eef0f2;border-radius:4px;height:12px;min-width:60px;overflow:hidden}
.fill{display:block;height:100%}.fill.good{background:#1e8449}.fill.mid{background:#d4ac0d}.fill.low{background:#c0392b}
.dist{display:flex;height:18px;border-radius:4px;overflow:hidden;min-width:100px;font-size:.72rem;color:#fff}
.dist span{display:flex;align-items:center;justify-content:center;overflow:hidden}.dist.empty{color:${COLORS.muted};font-size:.85em}
.legend span{display:inline-block;margin-right:10px;font-size:.8rem}.legend i{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:4px;vertical-align:middle}
.warn{color:${COLORS.warn};font-size:.85em}.ok{color:${COLORS.ok}}
.banner{background:${COLORS.bannerBg};border:1px solid #f5cba7;border-radius:8px;padding:8px 12px;color:${COLORS.bannerText}}
.alert{background:${COLORS.alertBg};border:2px solid #c0392b;border-radius:8px;padding:10px 14px;margin:12px 0;color:${COLORS.alertText}}
.filter{display:flex;flex-wrap:wrap;gap:10px;align-items:center}.filter input{font:inherit;padding:3px 6px;max-width:100%}
button{font:inherit;padding:4px 12px;border-radius:6px;border:1px solid #7b8a8b;background:#fff;color:${COLORS.text};cursor:pointer}
.comments{list-style:none;padding:0;margin:0}.comments li{padding:8px 0;border-bottom:1px solid #eef0f2}
.chart{max-width:100%;height:auto}.chart text{font-size:11px;fill:${COLORS.text}}.chart text.v{font-weight:600}.chart text.muted{fill:${COLORS.muted}}
code{background:${COLORS.code};padding:1px 4px;border-radius:3px}
/* Phones: the aspect table becomes one block per aspect; group tables drop the bar (the % says it). */
@media (max-width:640px){
  body{padding:10px 10px 32px}
  .card{padding:12px}
  table.aspects thead{display:none}
  table.aspects,table.aspects tbody{display:block}
  table.aspects tr{display:grid;grid-template-columns:auto 1fr;gap:4px 12px;align-items:center;padding:8px 0;border-bottom:1px solid #eef0f2}
  table.aspects th,table.aspects td{display:block;border:0;padding:0;width:auto;text-align:left}
  table.aspects th[scope=row],table.aspects td.distcell{grid-column:1/-1}
  table.aspects td[data-label]::before{content:attr(data-label) ": ";color:${COLORS.muted};font-weight:400}
  table.groups .barcell{display:none}
}
`;
