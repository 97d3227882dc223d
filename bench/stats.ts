/** Small helpers for the benchmark: percentiles, timing, heap, table printing. */

/** Nearest-rank percentile of an ascending array (q in 0..1). */
export function percentile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

/** Full GC (needs `node --expose-gc`), then heapUsed in bytes. */
export function settledHeap(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("bench: run with node --expose-gc (npm run bench does)");
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** One JSON line per measure, for machines; the table is for people. */
export function emit(measure: string, fields: Record<string, unknown>): void {
  console.log(JSON.stringify({ measure, ...fields }));
}

export function table(headers: string[], rows: Array<Array<string | number>>): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) => "| " + r.map((c, i) => c.padEnd(widths[i]!)).join(" | ") + " |";
  return [line(cells[0]!), "|" + widths.map((w) => "-".repeat(w + 2)).join("|") + "|", ...cells.slice(1).map(line)].join("\n");
}

export const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
export const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(0));
export const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
