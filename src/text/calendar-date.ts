/**
 * Midnight UTC of a calendar date written "YYYY-MM-DD", or undefined when the text is not one or
 * names no real day ("2027-02-30", "30/04/2027"). One reading for every date staff and operators type
 * (settings, report bounds, closed office days).
 */
export function calendarDayMs(date: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(ms).toISOString().slice(0, 10) === date ? ms : undefined;
}
