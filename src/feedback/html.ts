import { channelLabel, formatCount, formatDay, formatMean, formatPct, formatTimeVn } from "./format.js";
import { notApplicableNote } from "./render.js";
import { LOW_N_NOTE, ONE_RESPONSE_RULE, type GroupRow, type QuestionStats, type Report } from "./report.js";

/**
 * The survey report as one self-contained HTML page (inline CSS and SVG, no script, no CDN):
 * the admin dashboard serves it and `dvc-bot report --html FILE` writes it.
 */

export interface HtmlOptions {
  /** Live knowledge status, shown on the dashboard. */
  live?: {
    id: string;
    loadedAt: number;
    entries: number;
    flows: number;
    files: number;
    problems: ReadonlyArray<{ file: string; line: number; message: string }>;
    lastAttemptOk: boolean;
    /** Review warnings for today: stale entries, ending facts, replaced documents. */
    review?: ReadonlyArray<{ file: string; line: number; message: string }>;
  };
  /** Show the date filter form (dashboard). */
  filterForm?: boolean;
  /** Links to the CSV and JSON exports (with the same filter). */
  exports?: { csv: string; json: string };
  /** Show a log-out button posting here. */
  logoutAction?: string;
}

const esc = (s: unknown): string =>
  String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/**
 * The page's colours. Every text colour is used only on the backgrounds listed with it in
 * TEXT_ON, and each such pair reaches 4.5:1 (WCAG AA) — test/feedback/html.test.ts computes it,
 * and the Chromium test measures the rendered page.
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
const DIST_LABELS = ["1 Rất không hài lòng", "2 Không hài lòng", "3 Bình thường", "4 Hài lòng", "5 Rất hài lòng"];

function bar(value: number | null): string {
  const w = value === null ? 0 : Math.max(0, Math.min(100, value));
  const tone = value === null ? "none" : value >= 80 ? "good" : value >= 60 ? "mid" : "low";
  return `<div class="bar" role="img" aria-label="${esc(formatPct(value))}"><span class="fill ${tone}" style="width:${w}%"></span></div>`;
}

function distribution(d: readonly number[]): string {
  const total = d.reduce((a, b) => a + b, 0);
  if (total === 0) return `<div class="dist empty">chưa có phiếu</div>`;
  const parts = d
    .map((n, i) => (n ? `<span style="width:${(n / total) * 100}%;background:${DIST_COLORS[i]}" title="${esc(DIST_LABELS[i])}: ${formatCount(n)}">${formatCount(n)}</span>` : ""))
    .join("");
  return `<div class="dist">${parts}</div>`;
}

/** Full warning (cards) or a marker explained by the footnote (tables). */
function lowN(n: number, compact = false): string {
  if (!(n > 0 && n < 10)) return "";
  return compact ? ` <span class="warn" title="${esc(LOW_N_NOTE)}">⚠</span>` : ` <span class="warn">⚠ ${esc(LOW_N_NOTE)}</span>`;
}

const FOOTNOTE = `<p class="muted foot"><span class="warn">⚠</span> ${esc(LOW_N_NOTE)}</p>`;

function questionRows(qs: readonly QuestionStats[]): string {
  return qs
    .map(
      (q) => `<tr${q.key === "overall" ? ` class="overall"` : ""}>
  <th scope="row">${esc(q.label)}${q.notApplicable ? `<br><span class="muted na">${esc(notApplicableNote(q.notApplicable))}</span>` : ""}</th>
  <td class="num" data-label="Chỉ số">${esc(formatPct(q.index))}</td>
  <td class="barcell">${bar(q.index)}</td>
  <td class="num" data-label="Điểm TB">${esc(formatMean(q.mean))}</td>
  <td class="num" data-label="Số phiếu">${formatCount(q.n)}${lowN(q.n, true)}</td>
  <td class="distcell">${distribution(q.distribution)}</td>
</tr>`,
    )
    .join("\n");
}

function groupTable(title: string, rows: readonly GroupRow[], empty: string, limit = 15): string {
  const body = rows.length
    ? rows
        .slice(0, limit)
        .map(
          (g) =>
            `<tr><th scope="row">${esc(g.label)}</th><td class="num">${formatCount(g.responses)}${lowN(g.responses, true)}</td><td class="num">${esc(formatPct(g.index))}</td><td class="barcell">${bar(g.index)}</td></tr>`,
        )
        .join("\n")
    : `<tr><td colspan="4" class="muted">${esc(empty)}</td></tr>`;
  return `<section class="card"><h2>${esc(title)}</h2>
<table class="groups"><thead><tr><th></th><th class="num">Số phiếu</th><th class="num">Hài lòng</th><th></th></tr></thead><tbody>
${body}
</tbody></table>${rows.some((g) => g.responses < 10) ? FOOTNOTE : ""}</section>`;
}

/** Monthly index as an inline SVG column chart (response count under each column). */
function monthChart(rows: readonly GroupRow[]): string {
  if (rows.length === 0) return `<p class="muted">Chưa có phiếu trong kỳ này.</p>`;
  const shown = rows.slice(-12);
  const w = 60;
  const h = 160;
  const width = shown.length * w + 40;
  const cols = shown
    .map((g, i) => {
      const v = g.index ?? 0;
      const bh = (v / 100) * h;
      const x = 30 + i * w;
      return `<g><rect x="${x + 10}" y="${20 + h - bh}" width="${w - 20}" height="${bh}" fill="${v >= 80 ? "#1e8449" : v >= 60 ? "#d4ac0d" : "#c0392b"}"><title>${esc(g.label)}: ${esc(formatPct(g.index))} (${formatCount(g.responses)} phiếu)</title></rect>
<text x="${x + w / 2}" y="${14 + h - bh}" text-anchor="middle" class="v">${esc(formatPct(g.index))}</text>
<text x="${x + w / 2}" y="${h + 36}" text-anchor="middle">${esc(g.label)}</text>
<text x="${x + w / 2}" y="${h + 52}" text-anchor="middle" class="muted">${formatCount(g.responses)} phiếu</text></g>`;
    })
    .join("\n");
  return `<svg class="chart" viewBox="0 0 ${width} ${h + 60}" width="${width}" height="${h + 60}" role="img" aria-label="Chỉ số hài lòng theo tháng">
<line x1="30" y1="${20 + h}" x2="${width - 10}" y2="${20 + h}" stroke="#8c979f"/>
<line x1="30" y1="${20 + h * 0.2}" x2="${width - 10}" y2="${20 + h * 0.2}" stroke="#ddd" stroke-dasharray="4 4"/>
<text x="26" y="${24 + h * 0.2}" text-anchor="end" class="muted">80%</text>
${cols}
</svg>`;
}

export function renderReportHtml(r: Report, options: HtmlOptions = {}): string {
  const period = r.since || r.until ? `${r.since ? formatDay(r.since) : "…"} → ${r.until ? formatDay(r.until) : "…"}` : "toàn bộ thời gian";
  const generated = `${formatTimeVn(r.generatedAt)} (giờ Việt Nam)`;
  const filter = options.filterForm
    ? `<form class="filter" method="get" action="">
  <label>Từ ngày <input type="date" name="since" value="${esc(r.since ?? "")}"></label>
  <label>Đến ngày <input type="date" name="until" value="${esc(r.until ?? "")}"></label>
  <button type="submit">Lọc</button> <a href="?">Bỏ lọc</a>
</form>`
    : "";
  const exports = options.exports
    ? `<p class="exports"><a href="${esc(options.exports.csv)}">⬇ Tải CSV (Excel)</a> · <a href="${esc(options.exports.json)}">JSON</a></p>`
    : "";
  const logout = options.logoutAction ? `<form method="post" action="${esc(options.logoutAction)}" class="logout"><button type="submit">Đăng xuất</button></form>` : "";
  const warn = r.responses > 0 && !r.reliable ? `<p class="banner">⚠ Kỳ này có ${formatCount(r.responses)} phiếu: ${esc(LOW_N_NOTE)}.</p>` : "";
  // A rejected reload (or errors in what runs) stays at the top of the page until the files are fixed.
  const live0 = options.live;
  const alert =
    live0 && live0.problems.length
      ? `<div class="alert" role="alert"><strong>⚠ ${live0.lastAttemptOk ? `Dữ liệu hướng dẫn đang chạy có ${formatCount(live0.problems.length)} lỗi` : `Lần cập nhật dữ liệu gần nhất bị từ chối (${formatCount(live0.problems.length)} lỗi) — bot vẫn dùng phiên bản trước`}.</strong> Cán bộ biên tập sửa các tệp nêu trong <a href="#du-lieu">danh sách lỗi</a> rồi lưu lại; thông báo này tự mất khi dữ liệu hợp lệ.</div>`
      : "";
  const comments = r.comments.length
    ? `<ul class="comments">${r.comments
        .slice(0, 50)
        .map(
          (c) =>
            `<li><span class="muted">${esc(formatDay(c.date))}${c.channel ? ` · ${esc(channelLabel(c.channel))}` : ""}${c.procedure ? ` · ${esc(c.procedure)}` : ""}${c.overall ? ` · ${c.overall}/5` : ""}</span><br>${esc(c.text)}</li>`,
        )
        .join("")}</ul>`
    : `<p class="muted">Chưa có góp ý.</p>`;
  const unanswered = r.unanswered.top.length
    ? `<table><thead><tr><th>Câu hỏi (như người dân đã gõ, đã che thông tin cá nhân)</th><th class="num">Số lần</th><th>Mục gần nhất</th></tr></thead><tbody>${r.unanswered.top
        .map((u) => `<tr><td>${esc(u.query)}</td><td class="num">${formatCount(u.count)}</td><td class="muted">${esc(u.closest ?? "")}</td></tr>`)
        .join("")}</tbody></table>`
    : `<p class="muted">Không có câu hỏi nào bị bỏ lỡ.</p>`;
  const live = options.live
    ? `<section class="card" id="du-lieu"><h2>Dữ liệu hướng dẫn đang chạy</h2>
<p>Phiên bản <code>${esc(options.live.id)}</code> · nạp lúc ${esc(formatTimeVn(options.live.loadedAt))} (giờ Việt Nam) · ${formatCount(options.live.entries)} mục, ${formatCount(options.live.flows)} kịch bản, ${formatCount(options.live.files)} tệp.</p>
${
  options.live.problems.length
    ? `<p class="warn">${options.live.lastAttemptOk ? "Lỗi trong dữ liệu đang chạy" : "Lần cập nhật gần nhất bị từ chối, vẫn dùng phiên bản trên"}: ${formatCount(options.live.problems.length)} lỗi</p><ul class="problems">${options.live.problems
        .slice(0, 50)
        .map((p) => `<li><code>${esc(p.file)}:${p.line}</code> ${esc(p.message)}</li>`)
        .join("")}</ul>`
    : `<p class="ok">✔ Không có lỗi.</p>`
}
</section>
<section class="card"><h2>Dữ liệu cần rà soát</h2>
${
  options.live.review?.length
    ? `<p>${formatCount(options.live.review.length)} mục cần cán bộ đối chiếu lại với văn bản hiện hành (giống kết quả lệnh <code>dvc-bot check</code>):</p><ul class="problems">${options.live.review
        .slice(0, 100)
        .map((p) => `<li><code>${esc(p.file)}:${p.line}</code> ${esc(p.message.replace(/^cảnh báo: /, ""))}</li>`)
        .join("")}</ul>`
    : `<p class="ok">✔ Không có mục nào cần rà soát.</p>`
}
</section>`
    : "";

  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Mức độ hài lòng — dvc-bot</title>
<style>
body{margin:0;padding:16px 20px 40px;max-width:1180px;margin-inline:auto;color:${COLORS.text};background:${COLORS.page}}
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
</style>
</head>
<body>
<header>
  <div><h1>Mức độ hài lòng của người dân</h1>
  <div class="sub">Khảo sát theo phương pháp SIPAS · Kỳ: ${esc(period)} · Lập lúc ${esc(generated)}</div></div>
  ${logout}
</header>
${alert}
${filter}
${exports}
${warn}
<div class="kpis">
  <div class="kpi"><small>Số phiếu khảo sát</small><b>${formatCount(r.responses)}</b>${r.replaced ? `<small>${formatCount(r.replaced)} phiếu được thay bằng phiếu sau</small>` : ""}</div>
  <div class="kpi"><small>Chỉ số hài lòng chung</small><b>${esc(formatPct(r.index.overall))}</b>${lowN(r.overall.n)}</div>
  <div class="kpi"><small>Câu trả lời được đánh giá hữu ích</small><b>${esc(formatPct(r.helpful.rate))}</b><small>${formatCount(r.helpful.yes)}/${formatCount(r.helpful.total)} lượt</small></div>
  <div class="kpi"><small>Câu hỏi chưa trả lời được</small><b>${formatCount(r.unanswered.total)}</b></div>
</div>
<section class="card"><h2>Chỉ số hài lòng theo khía cạnh</h2>
<p class="muted">Chỉ số = tỷ lệ phiếu chấm 4 (Hài lòng) hoặc 5 (Rất hài lòng). ${esc(ONE_RESPONSE_RULE)}</p>
<table class="aspects"><thead><tr><th>Khía cạnh</th><th class="num">Chỉ số</th><th></th><th class="num">Điểm TB</th><th class="num">Số phiếu</th><th>Phân bố 1 → 5</th></tr></thead><tbody>
${questionRows([...r.aspects, r.overall])}
</tbody></table>
${[...r.aspects, r.overall].some((q) => q.n > 0 && q.n < 10) ? FOOTNOTE : ""}
<p class="legend">${DIST_LABELS.map((l, i) => `<span><i style="background:${DIST_COLORS[i]}"></i>${esc(l)}</span>`).join("")}</p>
</section>
<section class="card"><h2>Theo tháng</h2>${monthChart(r.byMonth)}</section>
<div class="grid">
${groupTable("Theo kênh", r.byChannel, "Chưa có phiếu.")}
${groupTable("Theo thủ tục", r.byProcedure, "Chưa có phiếu nêu thủ tục.")}
${groupTable("Theo cơ quan, địa phương", r.byAgency, "Chưa có phiếu nêu cơ quan.")}
${groupTable("Theo nhóm tuổi", r.byAgeBand, "Chưa có phiếu nêu nhóm tuổi.")}
</div>
<section class="card"><h2>Góp ý của người dân</h2>${comments}</section>
<section class="card"><h2>Câu hỏi bot chưa trả lời được</h2>${unanswered}</section>
${live}
</body>
</html>
`;
}
