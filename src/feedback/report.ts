import { calendarDayMs } from "../text/calendar-date.js";
import { maskPersonalData } from "../text/mask.js";
import { fold, nfc, textKey } from "../text/normalize.js";
import { ageBandLabel, channelLabel, formatDay } from "./format.js";
import { FM, ONE_RESPONSE_DAYS } from "./messages.js";
import { helpfulRecordSchema, parseEach, surveyRecordSchema, unansweredRecordSchema, type HelpfulRecord, type SurveyRecord, type UnansweredRecord } from "./records.js";

/**
 * SIPAS-style survey report: pure computation over stored records. The index of a question is the
 * share of its ratings that are 4 or 5 (satisfied), as in the Ministry of Home Affairs' method;
 * figures built on fewer than MIN_RELIABLE responses carry a warning instead of being hidden.
 * Records are read through the schemas of records.ts: one that does not fit is skipped and counted.
 */

/** Rating keys of the survey flow (flows/survey.yaml `save:`), in SIPAS order. */
export const ASPECTS = [
  { key: "access", label: FM.aspects.access },
  { key: "procedure", label: FM.aspects.procedure },
  { key: "staff", label: FM.aspects.staff },
  { key: "result", label: FM.aspects.result },
  { key: "feedback", label: FM.aspects.feedback },
  { key: "online", label: FM.aspects.online },
] as const;
export const OVERALL = { key: "overall", label: FM.aspects.overall } as const;
export const ALL_QUESTIONS = [...ASPECTS, OVERALL] as const;

export const MIN_RELIABLE = 10;
/** Age bands youngest first ("<25" would sort after "25-39" as text). */
const AGE_ORDER = (key: string): number => {
  const i = ["<25", "25-39", "40-59", "60+"].indexOf(key);
  return i < 0 ? 99 : i;
};
export { ONE_RESPONSE_DAYS };
export const ONE_RESPONSE_RULE = FM.oneResponseRule;
export const LOW_N_NOTE = FM.lowN;
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
  unanswered: { total: number; top: Array<{ query: string; count: number; closest?: string | undefined }> };
  helpful: { total: number; yes: number; no: number; rate: number | null; reliable: boolean };
  /** Stored records of each stream left out because they do not fit its schema (records.ts). */
  skipped: { survey: number; helpful: number; unanswered: number };
}

/** Records as stored: each is checked against its stream's schema before it counts. */
export interface ReportInput {
  survey: readonly unknown[];
  helpful?: readonly unknown[];
  unanswered?: readonly unknown[];
}

export interface ReportOptions {
  /** YYYY-MM-DD, inclusive, Vietnam time. */
  since?: string | undefined;
  /** YYYY-MM-DD, inclusive, Vietnam time. */
  until?: string | undefined;
  now: number;
  /** Default 20. */
  topUnanswered?: number;
  /** Newest first; default 200. */
  maxComments?: number;
}

/** [since, until) in ms for YYYY-MM-DD bounds (until inclusive). Throws on a malformed date. */
export function dateRange(since?: string, until?: string): { since?: number; until?: number } {
  const out: { since?: number; until?: number } = {};
  if (since) out.since = dayStart(since, "since");
  if (until) out.until = dayStart(until, "until") + DAY_MS;
  return out;
}

function dayStart(date: string, name: string): number {
  const ms = calendarDayMs(date);
  if (ms === undefined) throw new Error(`report: --${name} must be a date YYYY-MM-DD, got "${date}"`);
  return ms - VN_OFFSET_MS;
}

/** "2026-03-05" for a time, in Vietnam. */
export function vnDate(at: number): string {
  return new Date(at + VN_OFFSET_MS).toISOString().slice(0, 10);
}

type Range = { since?: number; until?: number };
/** Whether a record's time falls within [since, until). */
export const within = (range: Range) => (r: { at: number }) => (range.since === undefined || r.at >= range.since) && (range.until === undefined || r.at < range.until);

export function computeReport(input: ReportInput, options: ReportOptions): Report {
  const inRange = within(dateRange(options.since, options.until));
  const survey = parseEach(surveyRecordSchema, input.survey);
  const helpful = parseEach(helpfulRecordSchema, input.helpful ?? []);
  const unanswered = parseEach(unansweredRecordSchema, input.unanswered ?? []);
  const answered = survey.records.filter(inRange);
  const counted = countedResponses(answered);
  const questions = questionStats(counted);
  const report: Report = {
    generatedAt: options.now,
    responses: counted.length,
    replaced: answered.length - counted.length,
    reliable: counted.length >= MIN_RELIABLE,
    index: { overall: questions.overall.index, aspects: Object.fromEntries(questions.aspects.map((a) => [a.key, a.index])) },
    ...questions,
    ...groups(counted),
    comments: commentRows(counted, options.maxComments ?? 200),
    unanswered: unansweredSummary(unanswered.records.filter(inRange), options.topUnanswered ?? 20),
    helpful: helpfulSummary(helpful.records.filter(inRange)),
    skipped: { survey: survey.skipped, helpful: helpful.skipped, unanswered: unanswered.skipped },
  };
  if (options.since) report.since = options.since;
  if (options.until) report.until = options.until;
  return report;
}

function questionStats(survey: readonly SurveyRecord[]): { overall: QuestionStats; aspects: QuestionStats[] } {
  const stats = (q: { key: string; label: string }): QuestionStats => ({
    key: q.key,
    label: q.label,
    ...ratingStats(survey.map((r) => rating(r, q.key))),
    // Responses that said the question does not apply to them, and gave it no rating.
    notApplicable: survey.filter((r) => r.notApplicable?.includes(q.key) && rating(r, q.key) === undefined).length,
  });
  return { overall: stats(OVERALL), aspects: ASPECTS.map(stats) };
}

function groups(survey: readonly SurveyRecord[]): Pick<Report, "byMonth" | "byChannel" | "byProcedure" | "byAgency" | "byAgeBand"> {
  // Names repeat across thousands of responses: each distinct one is masked and folded once.
  const label = once((text: string) => maskPersonalData(nfc(text)).trim());
  const typedKey = once((label: string) => `text:${fold(label)}`);
  const agencyKey = once((label: string) => textKey(label));
  return {
    byMonth: groupBy(survey, (r) => {
      const m = vnDate(r.at).slice(0, 7);
      return [m, formatDay(m)];
    }).sort((a, b) => a.key.localeCompare(b.key)),
    byChannel: groupBy(survey, (r) => (r.channel !== undefined ? [r.channel, channelLabel(r.channel)] : ["?", channelLabel("?")])),
    byProcedure: groupBy(survey, (r) => {
      if (!r.procedure?.trim()) return null;
      const l = label(r.procedure);
      return [r.procedureId ?? typedKey(l), l];
    }),
    byAgency: groupBy(survey, (r) => {
      if (!r.agency?.trim()) return null;
      const l = label(r.agency);
      return [agencyKey(l), l];
    }),
    byAgeBand: groupBy(survey, (r) => (r.ageBand !== undefined ? [r.ageBand, ageBandLabel(r.ageBand)] : null)).sort(
      (a, b) => AGE_ORDER(a.key) - AGE_ORDER(b.key) || a.key.localeCompare(b.key),
    ),
  };
}

/** `fn` computed once per distinct text within one report. */
function once<T>(fn: (text: string) => T): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    if (!seen.has(text)) seen.set(text, fn(text));
    return seen.get(text)!;
  };
}

function commentRows(survey: readonly SurveyRecord[], max: number): CommentRow[] {
  return survey
    .filter((r) => r.comment?.trim())
    .sort((a, b) => b.at - a.at)
    .slice(0, max)
    .map((r) => {
      const row: CommentRow = { at: r.at, date: vnDate(r.at), text: maskPersonalData(nfc(String(r.comment))).trim() };
      if (r.channel !== undefined) row.channel = r.channel;
      const p = procedureLabel(r);
      if (p) row.procedure = p;
      const o = rating(r, OVERALL.key);
      if (o !== undefined) row.overall = o;
      return row;
    });
}

/**
 * Grouped by the folded key (spellings with and without diacritics together), shown as the
 * citizen last wrote it; records from before the key was kept hold the folded text itself.
 */
function unansweredSummary(unanswered: readonly UnansweredRecord[], topN: number): Report["unanswered"] {
  const counts = new Map<string, { query: string; count: number; closest?: string }>();
  for (const r of unanswered) {
    const q = maskPersonalData(nfc(r.query)).replace(/\s+/g, " ").trim();
    if (!q) continue;
    const key = fold(q);
    const c = counts.get(key) ?? { query: q, count: 0 };
    c.count++;
    // Show the latest form, unless an earlier one was written with (more) diacritics.
    if (marks(q) >= marks(c.query)) c.query = q;
    if (r.closest !== undefined) c.closest = r.closest;
    counts.set(key, c);
  }
  const top = [...counts.values()]
    .sort((a, b) => b.count - a.count || a.query.localeCompare(b.query))
    .slice(0, topN)
    .map((c) => ({ query: c.query, count: c.count, closest: c.closest || undefined }));
  return { total: unanswered.length, top };
}

function helpfulSummary(votes: readonly HelpfulRecord[]): Report["helpful"] {
  const yes = votes.filter((r) => r.helpful).length;
  const no = votes.length - yes;
  return { total: yes + no, yes, no, rate: pct(yes, yes + no), reliable: yes + no >= MIN_RELIABLE };
}

/**
 * The responses that count: per respondent, a response is replaced by a later one given within
 * ONE_RESPONSE_DAYS after it, so one person (on the web: one network address) cannot stuff the
 * index with repeats, and the latest opinion is the one counted. Responses without a respondent
 * (older records) each count. Time order is kept.
 */
export function countedResponses<T extends { at: number; respondent?: string | undefined }>(records: readonly T[]): T[] {
  const window = ONE_RESPONSE_DAYS * DAY_MS;
  const latest = new Map<string, number>();
  const replaced = new Set<T>();
  // Newest first: a response is replaced when the same respondent answered again within the window after it.
  const newestFirst = [...records].sort((a, b) => b.at - a.at);
  for (const r of newestFirst) {
    if (!r.respondent) continue;
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

/** The rating a response gave a question (1..5, checked by the schema), if any. */
export function rating(r: SurveyRecord, key: string): number | undefined {
  return Object.hasOwn(r.ratings, key) ? r.ratings[key] : undefined;
}

function procedureLabel(r: SurveyRecord): string | undefined {
  return r.procedure?.trim() ? maskPersonalData(nfc(r.procedure)).trim() : undefined;
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

function groupBy(records: readonly SurveyRecord[], keyOf: (r: SurveyRecord) => [string, string] | null): GroupRow[] {
  const groups = new Map<string, { label: string; records: SurveyRecord[] }>();
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
