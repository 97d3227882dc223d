import type { StoredRecord } from "../store/port.js";
import { maskPersonalData } from "../text/mask.js";
import { fold, nfc, textKey } from "../text/normalize.js";
import { ageBandLabel, channelLabel, formatDay } from "./format.js";

/**
 * SIPAS-style survey report: pure computation over stored records. The index of a question is the
 * share of its ratings that are 4 or 5 (satisfied), as in the Ministry of Home Affairs' method;
 * figures built on fewer than MIN_RELIABLE responses carry a warning instead of being hidden.
 */

/** Rating keys of the survey flow (flows/survey.yaml `save:`), in SIPAS order. */
export const ASPECTS = [
  { key: "access", label: "Tiếp cận dịch vụ" },
  { key: "procedure", label: "Thủ tục hành chính" },
  { key: "staff", label: "Công chức" },
  { key: "result", label: "Kết quả giải quyết" },
  { key: "feedback", label: "Tiếp nhận, xử lý phản ánh, kiến nghị" },
  { key: "online", label: "Dịch vụ công trực tuyến" },
] as const;
export const OVERALL = { key: "overall", label: "Hài lòng chung" } as const;
export const ALL_QUESTIONS = [...ASPECTS, OVERALL] as const;

export const MIN_RELIABLE = 10;
/** Age bands youngest first ("<25" would sort after "25-39" as text). */
const AGE_ORDER = (key: string): number => {
  const i = ["<25", "25-39", "40-59", "60+"].indexOf(key);
  return i < 0 ? 99 : i;
};
/** One counted response per respondent per this many days: a later one replaces the earlier. */
export const ONE_RESPONSE_DAYS = 30;
export const ONE_RESPONSE_RULE = `Mỗi người được tính một phiếu trong ${ONE_RESPONSE_DAYS} ngày: phiếu gửi sau thay cho phiếu trước (trên web, mỗi địa chỉ mạng tính là một người).`;
export const LOW_N_NOTE = "ít hơn 10 phiếu — chưa đủ tin cậy";
/** Vietnam has no daylight saving time: dates and months are counted in UTC+7. */
const VN_OFFSET_MS = 7 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

export interface RatingStats {
  /** Ratings given. */
  n: number;
  /** % of ratings that are 4–5, rounded to 0.1; null without ratings. */
  index: number | null;
  mean: number | null;
  /** Counts of 1, 2, 3, 4, 5. */
  distribution: [number, number, number, number, number];
  /** False when built on fewer than MIN_RELIABLE ratings. */
  reliable: boolean;
}

export interface QuestionStats extends RatingStats {
  key: string;
  label: string;
  /** Responses that said the question does not apply to them ("Không áp dụng"); not in the index. */
  notApplicable: number;
}

export interface GroupRow {
  key: string;
  label: string;
  responses: number;
  /** Overall-satisfaction index of the group. */
  index: number | null;
  mean: number | null;
  reliable: boolean;
}

export interface CommentRow {
  at: number;
  date: string;
  text: string;
  channel?: string;
  procedure?: string;
  overall?: number;
}

export interface Report {
  generatedAt: number;
  since?: string;
  until?: string;
  /** Counted responses (ONE_RESPONSE_RULE applied). */
  responses: number;
  /** Responses replaced by a later one of the same respondent within ONE_RESPONSE_DAYS. */
  replaced: number;
  reliable: boolean;
  index: { overall: number | null; aspects: Record<string, number | null> };
  overall: QuestionStats;
  aspects: QuestionStats[];
  byMonth: GroupRow[];
  byChannel: GroupRow[];
  byProcedure: GroupRow[];
  byAgency: GroupRow[];
  byAgeBand: GroupRow[];
  comments: CommentRow[];
  unanswered: { total: number; top: Array<{ query: string; count: number; closest?: string }> };
  helpful: { total: number; yes: number; no: number; rate: number | null; reliable: boolean };
}

export interface ReportInput {
  survey: readonly StoredRecord[];
  helpful?: readonly StoredRecord[];
  unanswered?: readonly StoredRecord[];
}

export interface ReportOptions {
  /** YYYY-MM-DD, inclusive, Vietnam time. */
  since?: string;
  /** YYYY-MM-DD, inclusive, Vietnam time. */
  until?: string;
  now: number;
  /** Default 20. */
  topUnanswered?: number;
  /** Newest first; default 200. */
  maxComments?: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** [since, until) in ms for YYYY-MM-DD bounds (until inclusive). Throws on a malformed date. */
export function dateRange(since?: string, until?: string): { since?: number; until?: number } {
  const out: { since?: number; until?: number } = {};
  if (since) out.since = dayStart(since, "since");
  if (until) out.until = dayStart(until, "until") + DAY_MS;
  return out;
}

function dayStart(date: string, name: string): number {
  const m = DATE.exec(date);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) throw new Error(`report: --${name} must be a date YYYY-MM-DD, got "${date}"`);
  return ms - VN_OFFSET_MS;
}

/** "2026-03-05" for a time, in Vietnam. */
export function vnDate(at: number): string {
  return new Date(at + VN_OFFSET_MS).toISOString().slice(0, 10);
}

export function computeReport(input: ReportInput, options: ReportOptions): Report {
  const range = dateRange(options.since, options.until);
  const inRange = (r: StoredRecord) => (range.since === undefined || r.at >= range.since) && (range.until === undefined || r.at < range.until);
  const answered = input.survey.filter(inRange).filter((r) => typeof r.ratings === "object" && r.ratings !== null);
  const survey = countedResponses(answered);
  const helpfulRecords = (input.helpful ?? []).filter(inRange);
  const unanswered = (input.unanswered ?? []).filter(inRange);

  const notApplicable = (key: string) => survey.filter((r) => Array.isArray(r.notApplicable) && r.notApplicable.includes(key) && rating(r, key) === undefined).length;
  const aspects = ASPECTS.map((a) => ({ key: a.key, label: a.label, ...ratingStats(survey.map((r) => rating(r, a.key))), notApplicable: notApplicable(a.key) }));
  const overall = { key: OVERALL.key, label: OVERALL.label, ...ratingStats(survey.map((r) => rating(r, OVERALL.key))), notApplicable: notApplicable(OVERALL.key) };

  const yes = helpfulRecords.filter((r) => r.helpful === true).length;
  const no = helpfulRecords.filter((r) => r.helpful === false).length;

  // Grouped by the folded key (spellings with and without diacritics together), shown as the
  // citizen last wrote it; records from before the key was kept hold the folded text itself.
  const counts = new Map<string, { query: string; count: number; closest?: string }>();
  for (const r of unanswered) {
    const q = typeof r.query === "string" ? maskPersonalData(nfc(r.query)).replace(/\s+/g, " ").trim() : "";
    if (!q) continue;
    const key = fold(q);
    const c = counts.get(key) ?? { query: q, count: 0 };
    c.count++;
    // Show the latest form, unless an earlier one was written with (more) diacritics.
    if (marks(q) >= marks(c.query)) c.query = q;
    if (typeof r.closest === "string") c.closest = r.closest;
    counts.set(key, c);
  }
  const top = [...counts.values()]
    .sort((a, b) => b.count - a.count || a.query.localeCompare(b.query))
    .slice(0, options.topUnanswered ?? 20)
    .map((c) => ({ query: c.query, count: c.count, ...(c.closest ? { closest: c.closest } : {}) }));

  const comments: CommentRow[] = survey
    .filter((r) => typeof r.comment === "string" && r.comment.trim())
    .sort((a, b) => b.at - a.at)
    .slice(0, options.maxComments ?? 200)
    .map((r) => {
      const row: CommentRow = { at: r.at, date: vnDate(r.at), text: maskPersonalData(nfc(String(r.comment))).trim() };
      if (typeof r.channel === "string") row.channel = r.channel;
      const p = procedureLabel(r);
      if (p) row.procedure = p;
      const o = rating(r, OVERALL.key);
      if (o !== undefined) row.overall = o;
      return row;
    });

  const report: Report = {
    generatedAt: options.now,
    responses: survey.length,
    replaced: answered.length - survey.length,
    reliable: survey.length >= MIN_RELIABLE,
    index: { overall: overall.index, aspects: Object.fromEntries(aspects.map((a) => [a.key, a.index])) },
    overall,
    aspects,
    byMonth: groupBy(survey, (r) => {
      const m = vnDate(r.at).slice(0, 7);
      return [m, formatDay(m)];
    }).sort((a, b) => a.key.localeCompare(b.key)),
    byChannel: groupBy(survey, (r) => (typeof r.channel === "string" ? [r.channel, channelLabel(r.channel)] : ["?", channelLabel("?")])),
    byProcedure: groupBy(survey, (r) => {
      const label = procedureLabel(r);
      if (!label) return null;
      return [typeof r.procedureId === "string" ? r.procedureId : `text:${fold(label)}`, label];
    }),
    byAgency: groupBy(survey, (r) => {
      if (typeof r.agency !== "string" || !r.agency.trim()) return null;
      const label = maskPersonalData(nfc(r.agency)).trim();
      return [textKey(label), label];
    }),
    byAgeBand: groupBy(survey, (r) => (typeof r.ageBand === "string" ? [r.ageBand, ageBandLabel(r.ageBand)] : null)).sort((a, b) => AGE_ORDER(a.key) - AGE_ORDER(b.key) || a.key.localeCompare(b.key)),
    comments,
    unanswered: { total: unanswered.length, top },
    helpful: { total: yes + no, yes, no, rate: pct(yes, yes + no), reliable: yes + no >= MIN_RELIABLE },
  };
  if (options.since) report.since = options.since;
  if (options.until) report.until = options.until;
  return report;
}

/**
 * The responses that count: per respondent, a response is replaced by a later one given within
 * ONE_RESPONSE_DAYS after it, so one person (on the web: one network address) cannot stuff the
 * index with repeats, and the latest opinion is the one counted. Responses without a respondent
 * (older records) each count. Time order is kept.
 */
export function countedResponses(records: readonly StoredRecord[]): StoredRecord[] {
  const window = ONE_RESPONSE_DAYS * DAY_MS;
  const latest = new Map<string, number>();
  const replaced = new Set<StoredRecord>();
  // Newest first: a response is replaced when the same respondent answered again within the window after it.
  const newestFirst = [...records].sort((a, b) => b.at - a.at);
  for (const r of newestFirst) {
    if (typeof r.respondent !== "string" || !r.respondent) continue;
    const later = latest.get(r.respondent);
    if (later !== undefined && later - r.at < window) replaced.add(r);
    latest.set(r.respondent, r.at);
  }
  return replaced.size ? records.filter((r) => !replaced.has(r)) : [...records];
}

/** Letters carrying a diacritic (the mask's own "[số điện thoại]" counts the same in every form). */
function marks(text: string): number {
  let n = 0;
  for (const ch of text) if (fold(ch) !== ch.toLowerCase()) n++;
  return n;
}

/** The rating a response gave a question (1..5), if any. */
export function rating(r: StoredRecord, key: string): number | undefined {
  const v = (r.ratings as Record<string, unknown> | undefined)?.[key];
  return typeof v === "number" && Number.isInteger(v) && v >= 1 && v <= 5 ? v : undefined;
}

function procedureLabel(r: StoredRecord): string | undefined {
  return typeof r.procedure === "string" && r.procedure.trim() ? maskPersonalData(nfc(r.procedure)).trim() : undefined;
}

export function ratingStats(values: ReadonlyArray<number | undefined>): RatingStats {
  const distribution: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  let sum = 0;
  let n = 0;
  for (const v of values) {
    if (v === undefined) continue;
    distribution[v - 1]!++;
    sum += v;
    n++;
  }
  return {
    n,
    index: pct(distribution[3] + distribution[4], n),
    mean: n ? Math.round((sum / n) * 100) / 100 : null,
    distribution,
    reliable: n >= MIN_RELIABLE,
  };
}

/** Share in % rounded to 0.1; null when there is nothing to share. */
export function pct(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}

function groupBy(records: readonly StoredRecord[], keyOf: (r: StoredRecord) => [string, string] | null): GroupRow[] {
  const groups = new Map<string, { label: string; records: StoredRecord[] }>();
  for (const r of records) {
    const k = keyOf(r);
    if (!k) continue;
    const g = groups.get(k[0]) ?? { label: k[1], records: [] };
    g.records.push(r);
    groups.set(k[0], g);
  }
  return [...groups.entries()]
    .map(([key, g]) => {
      const s = ratingStats(g.records.map((r) => rating(r, OVERALL.key)));
      return { key, label: g.label, responses: g.records.length, index: s.index, mean: s.mean, reliable: g.records.length >= MIN_RELIABLE };
    })
    .sort((a, b) => b.responses - a.responses || a.label.localeCompare(b.label));
}
