import type { Resolved } from "./rewrite.js";
import type { IndexData } from "./build-index.js";
import { pairable } from "../analyze.js";
import { PORTAL_PHRASES } from "../language.js";
import { createPhraseTable } from "../../text/phrases.js";
import type { SearchWeights } from "./weights.js";

/**
 * "làm hộ chiếu online trên dịch vụ công thì ảnh chụp thế nào": the message names a procedure, and "trên dịch
 * vụ công" only says where it is done. Those words are then a facet of the procedure, as "online" is: weak words
 * that count only where a name holds all of them, and form no word pair; so the portal guides, whose names hold
 * "dịch vụ công", no longer outrank the procedure on them. A message that names no procedure ("nộp hồ sơ trên
 * dịch vụ công thế nào", "đăng nhập cổng dịch vụ công bằng VNeID") keeps them as its topic.
 * Marks the words in place; true when it marked some.
 */
export function portalAsFacet(words: Resolved[], index: IndexData, weights: SearchWeights): boolean {
  const spans = portalSpans(words);
  // Most messages hold no portal phrase: nothing to read.
  if (spans.length === 0 || !namesProcedure(words, spans, index, weights)) return false;
  let marked = false;
  for (const [from, to] of spans) {
    const phrase = words.slice(from, to).map((r) => r.t);
    for (let k = from; k < to; k++) {
      const r = words[k]!;
      // Already a facet word ("online"), or filler: as it was.
      if (r.weak) continue;
      r.weak = true;
      r.weakKind = "facet";
      r.phrase = phrase;
      r.weight = (r.match ? index.idf(r.match) : index.maxIdf) * weights.weak;
      marked = true;
    }
  }
  return marked;
}

const PORTAL = createPhraseTable(PORTAL_PHRASES.map((p): [string, true] => [p, true]));

/** [from, to) of each portal phrase, left to right, the longest at each word, none across a clause mark ("…, dịch vụ công"). */
function portalSpans(words: readonly Resolved[]): Array<[number, number]> {
  const folded = words.map((r) => r.t);
  const breaks = words.map((r) => r.brk);
  const spans: Array<[number, number]> = [];
  for (let i = 0; i < words.length; ) {
    const m = PORTAL.matchAt(folded, i, breaks);
    if (!m) {
      i++;
      continue;
    }
    spans.push([i, i + m.length]);
    i += m.length;
  }
  return spans;
}

/** Some pair of adjacent topic words, not of portal words, that the titles of few entries hold, mostly procedures' (see `weights.portal`). */
function namesProcedure(words: readonly Resolved[], spans: ReadonlyArray<[number, number]>, index: IndexData, weights: SearchWeights): boolean {
  const portal = (i: number) => spans.some(([from, to]) => i >= from && i < to);
  for (let i = 1; i < words.length; i++) {
    const a = words[i - 1]!;
    const b = words[i]!;
    // No pair across a clause mark, as in wordPairs.
    if (a.weak || b.weak || !a.match || !b.match || !pairable(words, i) || portal(i - 1) || portal(i)) continue;
    if (procedurePair(index, `${a.match} ${b.match}`, weights)) return true;
  }
  return false;
}

/** Per index: each pair of an entry's title → how many titles hold it, and how many of those are procedures'. */
const titlePairs = new WeakMap<IndexData, Map<string, { holders: number; procedures: number }>>();

/** Counted once per index, in one pass over the titles (a lookup per pair asked after that). */
function titlePairCounts(index: IndexData): Map<string, { holders: number; procedures: number }> {
  let counts = titlePairs.get(index);
  if (counts) return counts;
  counts = new Map();
  for (const doc of index.docs) {
    // The title, not an alias: "ngân hàng" of an alias of the mortgage release does not name that procedure.
    for (const pair of new Set(doc.names[0]?.pairs ?? [])) {
      const c = counts.get(pair) ?? { holders: 0, procedures: 0 };
      c.holders++;
      if (doc.entry.kind === "procedure") c.procedures++;
      counts.set(pair, c);
    }
  }
  titlePairs.set(index, counts);
  return counts;
}

function procedurePair(index: IndexData, pair: string, weights: SearchWeights): boolean {
  const c = titlePairCounts(index).get(pair);
  return !!c && c.holders <= weights.portal.names && c.procedures >= c.holders * weights.portal.procedureShare;
}
