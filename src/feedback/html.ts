import { html, raw, type SafeHtml } from "../text/html.js";
import { channelLabel, formatCount, formatDay, formatPct, formatTimeVn } from "./format.js";
import { groupTable, handoverSection, lowN, FOOTNOTE, monthChart, questionRows, type HandoverNumbers } from "./html-parts.js";
import { DIST_COLORS, DIST_LABELS, REPORT_CSS } from "./html-style.js";
import { FM } from "./messages.js";
import { skippedCount } from "./render.js";
import type { CommentRow, Report } from "./report.js";

export { COLORS, DIST_COLORS, TEXT_ON } from "./html-style.js";

/**
 * The survey report as one self-contained HTML page (inline CSS and SVG, no script, no CDN):
 * the admin dashboard serves it and `dvc-bot report --html FILE` writes it.
 */

export interface HtmlOptions {
  /** Live knowledge status, shown on the dashboard. */
  live?: LiveStatus;
  /** Show the date filter form (dashboard). */
  filterForm?: boolean;
  /** Links to the CSV and JSON exports (with the same filter). */
  exports?: { csv: string; json: string };
  /** Show a log-out button posting here. */
  logoutAction?: string;
  /** Hand-over numbers of the period (dashboard), with a link to the staff inbox. */
  handover?: HandoverNumbers | undefined;
}

type Problem = { file: string; line: number; message: string };

export interface LiveStatus {
  id: string;
  loadedAt: number;
  entries: number;
  flows: number;
  files: number;
  problems: ReadonlyArray<Problem>;
  lastAttemptOk: boolean;
  /** Review warnings for today: stale entries, ending facts, replaced documents. */
  review?: ReadonlyArray<Problem>;
}

export function renderReportHtml(r: Report, options: HtmlOptions = {}): string {
  return html`<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Mức độ hài lòng — dvc-bot</title>
<style>
${raw(REPORT_CSS)}</style>
</head>
<body>
${header(r, options.logoutAction)}
${options.live && liveAlert(options.live)}
${options.filterForm && filterForm(r)}
${options.exports && html`<p class="exports"><a href="${options.exports.csv}">⬇ Tải CSV (Excel)</a> · <a href="${options.exports.json}">JSON</a></p>`}
${banners(r)}
${kpis(r)}
${aspectsCard(r)}
<section class="card"><h2>Theo tháng</h2>${monthChart(r.byMonth)}</section>
<div class="grid">
${groupTable("Theo kênh", r.byChannel, "Chưa có phiếu.")}
${groupTable("Theo thủ tục", r.byProcedure, "Chưa có phiếu nêu thủ tục.")}
${groupTable("Theo cơ quan, địa phương", r.byAgency, "Chưa có phiếu nêu cơ quan.")}
${groupTable("Theo nhóm tuổi", r.byAgeBand, "Chưa có phiếu nêu nhóm tuổi.")}
</div>
<section class="card"><h2>Góp ý của người dân</h2>${comments(r.comments)}</section>
<section class="card"><h2>Câu hỏi bot chưa trả lời được</h2>${unanswered(r.unanswered.top)}</section>
${options.handover && handoverSection(options.handover)}
${options.live && liveSections(options.live)}
</body>
</html>
`.value;
}

function header(r: Report, logoutAction: string | undefined): SafeHtml {
  const period = r.since || r.until ? `${r.since ? formatDay(r.since) : "…"} → ${r.until ? formatDay(r.until) : "…"}` : "toàn bộ thời gian";
  const generated = `${formatTimeVn(r.generatedAt)} (giờ Việt Nam)`;
  return html`<header>
  <div><h1>Mức độ hài lòng của người dân</h1>
  <div class="sub">Khảo sát theo phương pháp SIPAS · Kỳ: ${period} · Lập lúc ${generated}</div></div>
  ${logoutAction && html`<form method="post" action="${logoutAction}" class="logout"><button type="submit">Đăng xuất</button></form>`}
</header>`;
}

/** A rejected reload (or errors in what runs) stays at the top of the page until the files are fixed. */
function liveAlert(live: LiveStatus): SafeHtml | false {
  if (!live.problems.length) return false;
  const n = formatCount(live.problems.length);
  const what = live.lastAttemptOk ? `Dữ liệu hướng dẫn đang chạy có ${n} lỗi` : `Lần cập nhật dữ liệu gần nhất bị từ chối (${n} lỗi) — bot vẫn dùng phiên bản trước`;
  return html`<div class="alert" role="alert"><strong>⚠ ${what}.</strong> Cán bộ biên tập sửa các tệp nêu trong <a href="#du-lieu">danh sách lỗi</a> rồi lưu lại; thông báo này tự mất khi dữ liệu hợp lệ.</div>`;
}

function filterForm(r: Report): SafeHtml {
  return html`<form class="filter" method="get" action="">
  <label>Từ ngày <input type="date" name="since" value="${r.since ?? ""}"></label>
  <label>Đến ngày <input type="date" name="until" value="${r.until ?? ""}"></label>
  <button type="submit">Lọc</button> <a href="?">Bỏ lọc</a>
</form>`;
}

/** Too few responses to trust; records that could not be read. */
function banners(r: Report): SafeHtml {
  const skipped = skippedCount(r);
  return html`${r.responses > 0 && !r.reliable && html`<p class="banner">⚠ Kỳ này có ${formatCount(r.responses)} phiếu: ${FM.lowN}.</p>`}${skipped > 0 && html`<p class="banner">⚠ ${FM.skipped(skipped)}.</p>`}`;
}

function kpis(r: Report): SafeHtml {
  return html`<div class="kpis">
  <div class="kpi"><small>Số phiếu khảo sát</small><b>${formatCount(r.responses)}</b>${r.replaced > 0 && html`<small>${formatCount(r.replaced)} phiếu được thay bằng phiếu sau</small>`}</div>
  <div class="kpi"><small>Chỉ số hài lòng chung</small><b>${formatPct(r.index.overall)}</b>${lowN(r.overall.n)}</div>
  <div class="kpi"><small>Câu trả lời được đánh giá hữu ích</small><b>${formatPct(r.helpful.rate)}</b><small>${formatCount(r.helpful.yes)}/${formatCount(r.helpful.total)} lượt</small></div>
  <div class="kpi"><small>Câu hỏi chưa trả lời được</small><b>${formatCount(r.unanswered.total)}</b></div>
</div>`;
}

function aspectsCard(r: Report): SafeHtml {
  const questions = [...r.aspects, r.overall];
  return html`<section class="card"><h2>Chỉ số hài lòng theo khía cạnh</h2>
<p class="muted">Chỉ số = tỷ lệ phiếu chấm 4 (Hài lòng) hoặc 5 (Rất hài lòng). ${FM.oneResponseRule}</p>
<table class="aspects"><thead><tr><th>Khía cạnh</th><th class="num">Chỉ số</th><th></th><th class="num">Điểm TB</th><th class="num">Số phiếu</th><th>Phân bố 1 → 5</th></tr></thead><tbody>
${questionRows(questions)}</tbody></table>
${questions.some((q) => q.n > 0 && q.n < 10) && FOOTNOTE}
<p class="legend">${DIST_LABELS.map((l, i) => html`<span><i style="background:${DIST_COLORS[i]}"></i>${l}</span>`)}</p>
</section>`;
}

function comments(rows: readonly CommentRow[]): SafeHtml {
  if (!rows.length) return html`<p class="muted">Chưa có góp ý.</p>`;
  const item = (c: CommentRow) =>
    html`<li><span class="muted">${formatDay(c.date)}${c.channel && ` · ${channelLabel(c.channel)}`}${c.procedure && ` · ${c.procedure}`}${c.overall !== undefined && ` · ${c.overall}/5`}</span><br>${c.text}</li>`;
  return html`<ul class="comments">${rows.slice(0, 50).map(item)}</ul>`;
}

function unanswered(top: Report["unanswered"]["top"]): SafeHtml {
  if (!top.length) return html`<p class="muted">Không có câu hỏi nào bị bỏ lỡ.</p>`;
  return html`<table><thead><tr><th>Câu hỏi (như người dân đã gõ, đã che thông tin cá nhân)</th><th class="num">Số lần</th><th>Mục gần nhất</th></tr></thead><tbody>${top.map(
    (u) => html`<tr><td>${u.query}</td><td class="num">${formatCount(u.count)}</td><td class="muted">${u.closest ?? ""}</td></tr>`,
  )}</tbody></table>`;
}

const problemItems = (list: ReadonlyArray<Problem>, max: number, message: (p: Problem) => string = (p) => p.message) =>
  html`<ul class="problems">${list.slice(0, max).map((p) => html`<li><code>${p.file}:${p.line}</code> ${message(p)}</li>`)}</ul>`;

/** The knowledge that runs now, its errors, and what staff must re-check today. */
function liveSections(live: LiveStatus): SafeHtml {
  const problems = live.problems.length
    ? html`<p class="warn">${live.lastAttemptOk ? "Lỗi trong dữ liệu đang chạy" : "Lần cập nhật gần nhất bị từ chối, vẫn dùng phiên bản trên"}: ${formatCount(live.problems.length)} lỗi</p>${problemItems(live.problems, 50)}`
    : html`<p class="ok">✔ Không có lỗi.</p>`;
  const review = live.review?.length
    ? html`<p>${formatCount(live.review.length)} mục cần cán bộ đối chiếu lại với văn bản hiện hành (giống kết quả lệnh <code>dvc-bot check</code>):</p>${problemItems(live.review, 100, (p) => p.message.replace(/^cảnh báo: /, ""))}`
    : html`<p class="ok">✔ Không có mục nào cần rà soát.</p>`;
  return html`<section class="card" id="du-lieu"><h2>Dữ liệu hướng dẫn đang chạy</h2>
<p>Phiên bản <code>${live.id}</code> · nạp lúc ${formatTimeVn(live.loadedAt)} (giờ Việt Nam) · ${formatCount(live.entries)} mục, ${formatCount(live.flows)} kịch bản, ${formatCount(live.files)} tệp.</p>
${problems}
</section>
<section class="card"><h2>Dữ liệu cần rà soát</h2>
${review}
</section>`;
}
