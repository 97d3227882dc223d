import { accentKey, tokens } from "../text/normalize.js";

/**
 * An intent's `gap_stops` (intents.yaml): words a "…" in its `contains` and `all` phrases never stands for. Folded word →
 * the accents it is written with; two stops may share a spelling ("số", "sổ").
 */
export type GapStops = ReadonlyMap<string, ReadonlySet<string>>;

/** The stops of an intent, or undefined when it lists none. */
export function compileGapStops(words: readonly string[]): GapStops | undefined {
  if (words.length === 0) return undefined;
  const stops = new Map<string, Set<string>>();
  for (const w of words) {
    const [folded] = tokens(w);
    if (folded === undefined) continue;
    const accents = stops.get(folded) ?? new Set<string>();
    accents.add(accentKey(w));
    stops.set(folded, accents);
  }
  return stops;
}

/**
 * Word `j` of a message (its folded words and the accents typed, null where bare) is one of the stops: the same letters,
 * and the same accents when typed with them — a word typed bare stops the gap too ("so" may be "số").
 */
export function stopsGap(stops: GapStops | undefined, m: { folded: readonly string[]; accented: ReadonlyArray<string | null> }, j: number): boolean {
  const accents = stops?.get(m.folded[j]!);
  if (accents === undefined) return false;
  const typed = m.accented[j];
  return !typed || accents.has(typed);
}
