import { stringify } from "csv-stringify/sync";
import { csvCell } from "../text/csv-cell.js";
import { maskPersonalData } from "../text/mask.js";
import { nfc } from "../text/normalize.js";
import { formatCount, formatDay, formatMean, formatPct } from "./format.js";
import { FM } from "./messages.js";
import { parseEach, surveyRecordSchema } from "./records.js";
import { ALL_QUESTIONS, LOW_N_NOTE, ONE_RESPONSE_RULE, rating, vnDate, within, type GroupRow, type Report } from "./report.js";

/** Text, CSV renderers of a report (the HTML one is in html.ts). */

export { formatPct } from "./format.js";

function period(r: Report): string {
  if (!r.since && !r.until) return "toàn bộ / all time";
  return `${r.since ? formatDay(r.since) : "…"} → ${r.until ? formatDay(r.until) : "…"}`;
}

/** "Không áp dụng" answers of a question, when there are any. */
export const notApplicableNote = FM.notApplicable;

function groupLines(title: string, rows: readonly GroupRow[], limit = 10): string[] {
  if (rows.length === 0) return [];
  const out = [`${title}:`];
  for (const g of rows.slice(0, limit)) {
    out.push(`  ${g.label} — ${formatCount(g.responses)} phiếu, hài lòng ${formatPct(g.index)}${g.reliable ? "" : ` (${LOW_N_NOTE})`}`);
  }
  if (rows.length > limit) out.push(`  … và ${rows.length - limit} mục khác`);
  return out;
}

/** Stored records of every stream the report could not read. */
export function skippedCount(r: Report): number {
  return r.skipped.survey + r.skipped.helpful + r.skipped.unanswered;
}

/** A line about unreadable records, only when there were some. */
function skippedLines(r: Report): string[] {
  const n = skippedCount(r);
  return n ? [`⚠ ${FM.skipped(n)}`] : [];
}

/** The readable summary `dvc-bot report` prints (Vietnamese first, English in brackets). */
export function renderText(r: Report): string {
  const lines: string[] = [
    "Báo cáo mức độ hài lòng (SIPAS) / Satisfaction survey report",
    `Kỳ báo cáo / period: ${period(r)}`,
    `Số phiếu / responses: ${formatCount(r.responses)}${r.reliable || r.responses === 0 ? "" : `  ⚠ ${LOW_N_NOTE}`}${r.replaced ? ` (${r.replaced} phiếu được thay bằng phiếu sau / replaced by a later one)` : ""}`,
    ONE_RESPONSE_RULE,
    ...skippedLines(r),
    `Chỉ số hài lòng chung / overall index: ${formatPct(r.index.overall)}${r.overall.mean !== null ? ` (điểm TB / mean ${formatMean(r.overall.mean)})` : ""}`,
    "",
    "Theo khía cạnh / by aspect (chỉ số = % phiếu chấm 4–5; phân bố 1→5):",
  ];
  for (const q of [...r.aspects, r.overall]) {
    lines.push(
      `  ${q.label}: ${formatPct(q.index)}  TB ${formatMean(q.mean)}  n=${formatCount(q.n)}  [${q.distribution.map(formatCount).join(" / ")}]${q.n > 0 && !q.reliable ? `  ⚠ ${LOW_N_NOTE}` : ""}${q.notApplicable ? `  · ${notApplicableNote(q.notApplicable)}` : ""}`,
    );
  }
  lines.push("");
  for (const block of [
    groupLines("Theo tháng / by month", r.byMonth, 24),
    groupLines("Theo kênh / by channel", r.byChannel),
    groupLines("Theo thủ tục / by procedure", r.byProcedure),
    groupLines("Theo cơ quan, địa phương / by agency", r.byAgency),
    groupLines("Theo nhóm tuổi / by age band", r.byAgeBand),
  ]) {
    if (block.length) lines.push(...block, "");
  }
  lines.push(
    `Câu trả lời hữu ích / helpful answers: ${formatPct(r.helpful.rate)} (${r.helpful.yes}/${r.helpful.total})${r.helpful.total > 0 && !r.helpful.reliable ? `  ⚠ ${LOW_N_NOTE}` : ""}`,
    `Câu hỏi chưa trả lời được / unanswered questions: ${formatCount(r.unanswered.total)}`,
  );
  for (const u of r.unanswered.top.slice(0, 10)) lines.push(`  ${u.count}× ${u.query}`);
  if (r.comments.length) {
    lines.push("", `Góp ý / comments (${r.comments.length}, mới nhất trước):`);
    for (const c of r.comments.slice(0, 10)) lines.push(`  ${formatDay(c.date)}${c.procedure ? ` [${c.procedure}]` : ""}: ${c.text}`);
  }
  return lines.join("\n");
}

/** A few lines for the /baocao chat command (phone screens). */
export function renderShortText(r: Report, periodLabel: string): string {
  const lines = [`📊 Mức độ hài lòng — ${periodLabel}`, `Số phiếu: ${r.responses}${r.responses > 0 && !r.reliable ? ` (${LOW_N_NOTE})` : ""}`];
  lines.push(`Hài lòng chung: ${formatPct(r.index.overall)}`);
  for (const q of r.aspects) lines.push(`• ${q.label}: ${formatPct(q.index)}${q.notApplicable ? ` (${formatCount(q.notApplicable)} không áp dụng)` : ""}`);
  lines.push(`👍 Trả lời hữu ích: ${formatPct(r.helpful.rate)} (${r.helpful.yes}/${r.helpful.total})`);
  lines.push(`❓ Câu hỏi chưa trả lời được: ${r.unanswered.total}`);
  for (const u of r.unanswered.top.slice(0, 3)) lines.push(`   ${u.count}× ${u.query}`);
  return lines.join("\n");
}

export const CSV_COLUMNS = [
  "id",
  "date",
  "month",
  "channel",
  "respondent",
  "procedure_id",
  "procedure",
  "agency",
  "age_band",
  ...ALL_QUESTIONS.map((q) => `rating_${q.key}`),
  "comment",
  /** The rating keys the respondent marked "Không áp dụng", space-separated (e.g. "feedback"). */
  "not_applicable",
] as const;

/**
 * One row per survey response, for Excel: UTF-8 with a byte-order mark (else Excel garbles
 * Vietnamese), text that would start a formula neutralised (csvCell), explicit columns only — a record's other fields (never raw chat ids, but be sure)
 * do not leak into the file.
 */
export function renderCsv(survey: readonly unknown[], range: { since?: number; until?: number } = {}): string {
  const rows = parseEach(surveyRecordSchema, survey)
    .records.filter(within(range))
    .map((r) => {
      const str = (v: string | undefined) => (v !== undefined ? maskPersonalData(nfc(v)) : "");
      const row: Array<string | number> = [
        r.id,
        vnDate(r.at),
        vnDate(r.at).slice(0, 7),
        str(r.channel),
        r.respondent ?? "",
        str(r.procedureId),
        str(r.procedure),
        str(r.agency),
        str(r.ageBand),
        ...ALL_QUESTIONS.map((q) => rating(r, q.key) ?? ""),
        str(r.comment),
        (r.notApplicable ?? []).filter((k) => ALL_QUESTIONS.some((q) => q.key === k)).join(" "),
      ];
      // Every free-text cell comes from a citizen or a record anyone could have forged.
      return row.map(csvCell);
    });
  return "\uFEFF" + stringify([[...CSV_COLUMNS], ...rows], { record_delimiter: "\r\n" });
}
