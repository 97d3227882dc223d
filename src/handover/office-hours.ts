import { calendarDayMs } from "../text/calendar-date.js";

/**
 * Office hours of the one-stop office, read in Vietnam time (UTC+7 all year: no daylight saving).
 * Pure: every function takes the moment it is asked about.
 */

export interface OfficeHours {
  /** ISO weekdays the office opens: 1 = Monday … 7 = Sunday. */
  days: number[];
  /** Opening periods of a working day, in minutes after midnight, sorted: [[450, 690], [810, 1020]]. */
  periods: Array<[number, number]>;
  /**
   * Days the office is closed though they are working days — public holidays, Tết, days moved by a
   * government notice — as Vietnam dates "YYYY-MM-DD". Staff set them (OFFICE_CLOSED_DAYS): the
   * days off change every year (Tết follows the lunar calendar and the government announces the
   * days off and swaps), so the bot does not guess them.
   */
  closed?: ReadonlySet<string> | undefined;
}

const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

/** "07:30-11:30,13:30-17:00" → periods; throws a module-prefixed message when malformed. */
export function parseOfficePeriods(text: string): Array<[number, number]> {
  const periods: Array<[number, number]> = [];
  for (const part of text.split(",").map((p) => p.trim()).filter(Boolean)) {
    const m = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/.exec(part);
    if (!m) throw new Error(`office hours: "${part}" is not HH:MM-HH:MM`);
    const from = Number(m[1]) * 60 + Number(m[2]);
    const to = Number(m[3]) * 60 + Number(m[4]);
    if (Number(m[2]) > 59 || Number(m[4]) > 59 || to > 24 * 60 || from >= to) throw new Error(`office hours: "${part}" is not a period within one day`);
    periods.push([from, to]);
  }
  if (!periods.length) throw new Error("office hours: no period given");
  periods.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < periods.length; i++) {
    if (periods[i]![0] < periods[i - 1]![1]) throw new Error("office hours: periods overlap");
  }
  return periods;
}

/** "1-5" or "1,2,3,4,5,6" (1 = Monday … 7 = Sunday) → sorted weekdays. */
export function parseOfficeDays(text: string): number[] {
  const days = new Set<number>();
  for (const part of text.split(",").map((p) => p.trim()).filter(Boolean)) {
    const m = /^([1-7])(?:\s*-\s*([1-7]))?$/.exec(part);
    if (!m) throw new Error(`office days: "${part}" is not a weekday 1–7 or a range such as 1-5`);
    const from = Number(m[1]);
    const to = Number(m[2] ?? m[1]);
    if (to < from) throw new Error(`office days: "${part}" runs backwards`);
    for (let d = from; d <= to; d++) days.add(d);
  }
  if (!days.size) throw new Error("office days: no day given");
  return [...days].sort();
}

/** Longest run of closed days one entry may name ("2027-02-04..2027-02-12" is 9): a longer one is a typo. */
const MAX_CLOSED_RUN = 31;

/**
 * "2027-01-01,2027-02-04..2027-02-12" → the closed dates. Each item is a date or a range "from..to"
 * (both included, at most 31 days); throws a module-prefixed message naming the bad item.
 */
export function parseClosedDays(text: string): Set<string> {
  const closed = new Set<string>();
  for (const part of text.split(",").map((p) => p.trim()).filter(Boolean)) {
    const m = /^(\d{4}-\d{2}-\d{2})(?:\s*\.\.\s*(\d{4}-\d{2}-\d{2}))?$/.exec(part);
    const from = m ? calendarDayMs(m[1]!) : undefined;
    const to = m ? calendarDayMs(m[2] ?? m[1]!) : undefined;
    if (from === undefined || to === undefined) throw new Error(`office closed days: "${part}" is not a date YYYY-MM-DD or a range YYYY-MM-DD..YYYY-MM-DD`);
    if (to < from) throw new Error(`office closed days: "${part}" runs backwards`);
    if ((to - from) / DAY_MS + 1 > MAX_CLOSED_RUN) throw new Error(`office closed days: "${part}" is longer than ${MAX_CLOSED_RUN} days`);
    for (let d = from; d <= to; d += DAY_MS) closed.add(new Date(d).toISOString().slice(0, 10));
  }
  return closed;
}



/** When the office is next open at or after `at`: `at` itself when open now. */
export function nextOpening(hours: OfficeHours, at: number): { openNow: boolean; at: number } {
  const local = at + VIETNAM_OFFSET_MS;
  const dayStart = Math.floor(local / DAY_MS) * DAY_MS;
  // A week plus every closed day: however the closed days chain, a whole week of days not closed lies
  // in that span, and it holds a working day.
  const lookAhead = 7 + (hours.closed?.size ?? 0);
  for (let d = 0; d <= lookAhead; d++) {
    const start = dayStart + d * DAY_MS;
    if (!hours.days.includes(isoWeekday(start))) continue;
    if (hours.closed?.has(new Date(start).toISOString().slice(0, 10))) continue;
    for (const [from, to] of hours.periods) {
      const open = start + from * 60_000;
      const close = start + to * 60_000;
      if (local < close) return local >= open ? { openNow: true, at } : { openNow: false, at: open - VIETNAM_OFFSET_MS };
    }
  }
  // Cannot happen (parse refuses a week with no working day, and the look-ahead spans a week not closed).
  return { openNow: true, at };
}

/** The parts of a moment in Vietnam time that a message names: weekday, date, time. */
export function vietnamMoment(at: number): { weekday: number; day: number; month: number; year: number; hour: number; minute: number } {
  const d = new Date(at + VIETNAM_OFFSET_MS);
  return {
    weekday: isoWeekday(d.getTime()),
    day: d.getUTCDate(),
    month: d.getUTCMonth() + 1,
    year: d.getUTCFullYear(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  };
}

function isoWeekday(localMs: number): number {
  const w = new Date(localMs).getUTCDay();
  return w === 0 ? 7 : w;
}
