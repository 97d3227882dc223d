import { html, type SafeHtml } from "../text/html.js";
import { formatCount, formatMean, formatPct } from "./format.js";
import { DIST_COLORS, DIST_LABELS } from "./html-style.js";
import { FM } from "./messages.js";
import type { GroupRow, QuestionStats } from "./report.js";

/** The report page's tables and charts (html.ts puts them on the page). */

/** The hand-over numbers the dashboard shows (src/handover/stats.ts computes them). */
export interface HandoverNumbers {
  opened: number;
  answered: number;
  open: number;
  medianFirstReplyMinutes: number | null;
  unansweredAfterHour: number;
}

function bar(value: number | null): SafeHtml {
  const w = value === null ? 0 : Math.max(0, Math.min(100, value));
  const tone = value === null ? "none" : value >= 80 ? "good" : value >= 60 ? "mid" : "low";
  return html`<div class="bar" role="img" aria-label="${formatPct(value)}"><span class="fill ${tone}" style="width:${w}%"></span></div>`;
}

function distribution(d: readonly number[]): SafeHtml {
  const total = d.reduce((a, b) => a + b, 0);
  if (total === 0) return html`<div class="dist empty">chưa có phiếu</div>`;
  const parts = d.map(
    (n, i) => n > 0 && html`<span style="width:${(n / total) * 100}%;background:${DIST_COLORS[i]}" title="${DIST_LABELS[i]}: ${formatCount(n)}">${formatCount(n)}</span>`,
  );
  return html`<div class="dist">${parts}</div>`;
}

/** Full warning (cards) or a marker explained by the footnote (tables); nothing from 10 on. */
export function lowN(n: number, compact = false): SafeHtml | false {
  if (!(n > 0 && n < 10)) return false;
  return compact ? html` <span class="warn" title="${FM.lowN}">⚠</span>` : html` <span class="warn">⚠ ${FM.lowN}</span>`;
}

export const FOOTNOTE = html`<p class="muted foot"><span class="warn">⚠</span> ${FM.lowN}</p>`;

/** The aspects table's rows, overall last. */
export function questionRows(qs: readonly QuestionStats[]): SafeHtml[] {
  return qs.map(
    (q) => html`<tr${q.key === "overall" && html` class="overall"`}>
  <th scope="row">${q.label}${q.notApplicable > 0 && html`<br><span class="muted na">${FM.notApplicable(q.notApplicable)}</span>`}</th>
  <td class="num" data-label="Chỉ số">${formatPct(q.index)}</td>
  <td class="barcell">${bar(q.index)}</td>
  <td class="num" data-label="Điểm TB">${formatMean(q.mean)}</td>
  <td class="num" data-label="Số phiếu">${formatCount(q.n)}${lowN(q.n, true)}</td>
  <td class="distcell">${distribution(q.distribution)}</td>
</tr>
`,
  );
}

export function groupTable(title: string, rows: readonly GroupRow[], empty: string, limit = 15): SafeHtml {
  const body = rows.length
    ? rows
        .slice(0, limit)
        .map(
          (g) =>
            html`<tr><th scope="row">${g.label}</th><td class="num">${formatCount(g.responses)}${lowN(g.responses, true)}</td><td class="num">${formatPct(g.index)}</td><td class="barcell">${bar(g.index)}</td></tr>
`,
        )
    : html`<tr><td colspan="4" class="muted">${empty}</td></tr>`;
  return html`<section class="card"><h2>${title}</h2>
<table class="groups"><thead><tr><th></th><th class="num">Số phiếu</th><th class="num">Hài lòng</th><th></th></tr></thead><tbody>
${body}
</tbody></table>${rows.some((g) => g.responses < 10) && FOOTNOTE}</section>`;
}

const CHART = { column: 60, height: 160, months: 12 } as const;

/** Monthly index as an inline SVG column chart (response count under each column). */
export function monthChart(rows: readonly GroupRow[]): SafeHtml {
  if (rows.length === 0) return html`<p class="muted">Chưa có phiếu trong kỳ này.</p>`;
  const shown = rows.slice(-CHART.months);
  const h = CHART.height;
  const width = shown.length * CHART.column + 40;
  return html`<svg class="chart" viewBox="0 0 ${width} ${h + 60}" width="${width}" height="${h + 60}" role="img" aria-label="Chỉ số hài lòng theo tháng">
<line x1="30" y1="${20 + h}" x2="${width - 10}" y2="${20 + h}" stroke="#8c979f"/>
<line x1="30" y1="${20 + h * 0.2}" x2="${width - 10}" y2="${20 + h * 0.2}" stroke="#ddd" stroke-dasharray="4 4"/>
<text x="26" y="${24 + h * 0.2}" text-anchor="end" class="muted">80%</text>
${shown.map((g, i) => monthColumn(g, 30 + i * CHART.column))}
</svg>`;
}

function monthColumn(g: GroupRow, x: number): SafeHtml {
  const { column: w, height: h } = CHART;
  const v = g.index ?? 0;
  const bh = (v / 100) * h;
  const fill = v >= 80 ? "#1e8449" : v >= 60 ? "#d4ac0d" : "#c0392b";
  return html`<g><rect x="${x + 10}" y="${20 + h - bh}" width="${w - 20}" height="${bh}" fill="${fill}"><title>${g.label}: ${formatPct(g.index)} (${formatCount(g.responses)} phiếu)</title></rect>
<text x="${x + w / 2}" y="${14 + h - bh}" text-anchor="middle" class="v">${formatPct(g.index)}</text>
<text x="${x + w / 2}" y="${h + 36}" text-anchor="middle">${g.label}</text>
<text x="${x + w / 2}" y="${h + 52}" text-anchor="middle" class="muted">${formatCount(g.responses)} phiếu</text></g>
`;
}

export function handoverSection(h: HandoverNumbers): SafeHtml {
  const median = h.medianFirstReplyMinutes === null ? "—" : `${h.medianFirstReplyMinutes} phút`;
  return html`<section class="card" id="handover"><h2>Chuyển cán bộ một cửa</h2>
<table><tbody>
<tr><th>Yêu cầu gặp cán bộ</th><td>${h.opened}</td></tr>
<tr><th>Đã được cán bộ trả lời</th><td>${h.answered}</td></tr>
<tr><th>Đang mở</th><td>${h.open}</td></tr>
<tr><th>Thời gian chờ trả lời đầu tiên (trung vị)</th><td>${median}</td></tr>
<tr><th>Quá 1 giờ chưa được trả lời</th><td>${h.unansweredAfterHour}</td></tr>
</tbody></table>
<p><a href="/admin/handover">Mở hộp thư cán bộ</a></p></section>`;
}
