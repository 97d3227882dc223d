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
  /** In force on the day after `fee.until`, same channel, case and condition; absent when none (or several). */
  then?: Fee;
}

const timeline = (f: Fee) => `${f.channel}\u0000${f.case ?? ""}\u0000${f.condition ?? ""}`;

/**
 * The lines of one timeline in force on a day. A dated line (a reduction, a waiver) stands in for
 * the standard lines of its timeline while it lasts — the latest start wins when periods overlap;
 * with no dated line in force, every standard line shows (staff may list several cases there).
 */
function inForceOf(lines: readonly Fee[], day: string): Fee[] {
  let dated: Fee | undefined;
  for (const f of lines) {
    if (hasPeriod(f) && inForce(f, day) && (!dated || (f.from ?? "") > (dated.from ?? ""))) dated = f;
  }
  return dated ? [dated] : lines.filter((f) => !hasPeriod(f));
}

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
    if (!inForceOf(lines, day).includes(f)) continue;
    // What follows is named only when it is one line; several cases would need their own words.
    const next = f.until ? inForceOf(lines, addDays(f.until, 1)) : [];
    out.push(next.length === 1 ? { fee: f, then: next[0]! } : { fee: f });
  }
  return out;
}
