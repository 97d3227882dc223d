import type { DatedText, Fee } from "./schema.js";

/**
 * Facts that hold for a period. Everything here takes "today" as a `YYYY-MM-DD` day in Vietnam,
 * so a card asked on 1/1/2027 shows the fee of 1/1/2027 without anybody editing a file, and staff
 * (or tests) can preview another day with DVC_TODAY.
 */

export interface Period {
  from?: string | undefined;
  until?: string | undefined;
  basis?: string | undefined;
}

const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

/** The calendar day in Vietnam (UTC+7, no daylight saving) of an instant. */
export function vietnamDay(ms: number): string {
  return new Date(ms + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** `day` plus `n` days (n may be negative). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** True when the period covers `day` (ISO days compare as strings). */
export function inForce(p: Period, day: string): boolean {
  return (!p.from || p.from <= day) && (!p.until || day <= p.until);
}

export function hasPeriod(p: Period): boolean {
  return !!(p.from || p.until);
}

export function periodOf(item: DatedText | object): Period {
  return typeof item === "string" ? {} : (item as Period);
}

export function textOf(item: DatedText): string {
  return typeof item === "string" ? item : item.text;
}

/** The lines of a list that hold on `day`, in their order. */
export function linesOn<T extends DatedText | Period>(items: readonly T[], day: string): T[] {
  return items.filter((i) => inForce(typeof i === "string" ? {} : (i as Period), day));
}

/** A fee line in force today, and the line of the same timeline that follows when it ends. */
export interface FeeOnDay {
  fee: Fee;
  /** In force on the day after `fee.until`, same channel, case and condition; absent when none. */
  then?: Fee;
}

const timeline = (f: Fee) => `${f.channel}\u0000${f.case ?? ""}\u0000${f.condition ?? ""}`;

/** Of the lines of one timeline in force on a day, the most specific: a dated line over the standard one, the latest start first. */
function pick(lines: readonly Fee[], day: string): Fee | undefined {
  let best: Fee | undefined;
  for (const f of lines) {
    if (!inForce(f, day)) continue;
    if (!best || rank(f) > rank(best)) best = f;
  }
  return best;
}
const rank = (f: Fee) => (hasPeriod(f) ? `1${f.from ?? "0000-00-00"}` : "0");

/**
 * The fee lines a citizen should read on `day`: per timeline (channel + case + condition), the
 * line in force, with what follows when it ends. Order follows the file.
 */
export function feesOn(fees: readonly Fee[], day: string): FeeOnDay[] {
  const groups = new Map<string, Fee[]>();
  for (const f of fees) {
    const key = timeline(f);
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  const out: FeeOnDay[] = [];
  for (const f of fees) {
    const lines = groups.get(timeline(f))!;
    const now = pick(lines, day);
    if (now !== f) continue;
    const then = f.until ? pick(lines, addDays(f.until, 1)) : undefined;
    out.push(then ? { fee: f, then } : { fee: f });
  }
  return out;
}
