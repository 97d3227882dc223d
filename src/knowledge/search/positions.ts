/** Where doc `d` stands in an ascending list of doc numbers (a posting list), or -1: a binary search. */
export function positionIn(docs: Int32Array, d: number): number {
  let lo = 0;
  let hi = docs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = docs[mid]!;
    if (v === d) return mid;
    if (v < d) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** An empty posting list: what a word pair no entry holds reads as. */
export const NO_DOCS: Int32Array = new Int32Array(0);

/** Whether the posting list (ascending doc numbers) holds doc `d`. */
export function holds(list: Int32Array, d: number): boolean {
  return positionIn(list, d) >= 0;
}
