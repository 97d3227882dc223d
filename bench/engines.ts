import Fuse, { type IFuseOptions } from "fuse.js";
import MiniSearch, { type Options as MiniSearchOptions } from "minisearch";
import type { Entry, Synonyms } from "../src/knowledge/schema.js";
import { answeredFirst, bodyTexts, createSearchIndex } from "../src/knowledge/search.js";
import { fold, tokens } from "../src/text/normalize.js";

/**
 * The three retrievers compared by the benchmark, behind one small interface. Every engine sees
 * the same entries and the same text fields (the ones ours reads: title, aliases, keywords,
 * summary, and field/agency/code or a guide's body).
 *
 * Peers are configured the way a careful user would, and get their best shot:
 * - text folded with our `fold` (lower case, no tone marks, đ→d) on both the index and the query,
 *   so "dang ky" and "đăng ký" meet — plain Fuse/MiniSearch would otherwise miss every question
 *   typed without diacritics;
 * - names heavier than body text: title and aliases ×3, keywords ×2, summary ×1, the rest ×0.5;
 * - fuse.js: `ignoreLocation` (the default location/distance penalty punishes matches late in a
 *   field), `ignoreFieldNorm` and match `threshold` 0.4 — the best of a grid on the dev set
 *   (threshold 0.2–0.6 × field norm on/off; 0.6 default: 81% top-1, 0.4 + ignoreFieldNorm: 91%) —
 *   `minMatchCharLength` 2; the whole folded question is the pattern (a token-OR extended search
 *   scored far worse: 5–12% top-1);
 * - MiniSearch: BM25 with fuzzy 0.2 (one edit on 5+ letter words, for typos), OR of terms, no
 *   prefix search (Vietnamese syllables are short: "an" would match "anh", "ang"). BM25 scores
 *   grow with the question's length, so its confidence is score ÷ (question terms)², the best of
 *   raw / ÷terms / ÷terms² on the dev set (raw lets long off-topic questions through);
 * - the score from which a peer answers (instead of "I don't know") is calibrated on the dev set
 *   itself — see `calibrate` in quality.ts — which flatters the peers, not us.
 * They do not get our synonym table (hộ khẩu → thường trú…): that is part of what we ship. The
 * entries' own aliases carry many of those names anyway.
 */

export interface EngineHit {
  entry: Entry;
}

export interface EngineAnswer {
  hits: EngineHit[];
  /** Higher = more sure; what the answer threshold is compared against. */
  confidence: number;
  /** Ours decides itself; peers leave this undefined and are thresholded. */
  answered?: boolean;
  /** Ours: the options of a clarifying question, when it asks one instead of answering. */
  options?: Array<{ id: string; title: string }>;
}

export interface Engine {
  search(question: string): EngineAnswer;
}

export interface EngineKind {
  name: string;
  /** How the engine decides to answer, for the docs. */
  settings: string;
  build(entries: readonly Entry[], synonyms: Synonyms): Engine;
}

const LIMIT = 5;

export const ours: EngineKind = {
  name: "dvc-bot",
  settings: "createSearchIndex(entries, synonyms) with DEFAULT_WEIGHTS; answers when result.decision is an answer (a clarifying question is scored apart)",
  build(entries, synonyms) {
    const index = createSearchIndex(entries, synonyms);
    return {
      search(q) {
        const r = index.search(q, { limit: LIMIT });
        const d = r.decision;
        const options = d.kind === "clarify" ? d.options.map((h) => ({ id: h.entry.id, title: h.entry.title })) : undefined;
        // The card answered first, though the ranking may put a long message's story entry above it (as evalAnswer reads it).
        const hits = answeredFirst(r);
        return { hits, confidence: hits[0]?.score ?? 0, answered: d.kind === "answer", ...(options ? { options } : {}) };
      },
    };
  },
};

interface PeerDoc {
  id: string;
  title: string;
  aliases: string[];
  keywords: string[];
  summary: string;
  body: string;
}

function peerDocs(entries: readonly Entry[]): PeerDoc[] {
  return entries.map((e) => ({
    id: e.id,
    title: fold(e.title),
    aliases: e.aliases.map(fold),
    keywords: e.keywords.map(fold),
    summary: fold(e.summary ?? ""),
    // bodyTexts starts with the summary when there is one; the rest is field/agency/code or body.
    body: fold(bodyTexts(e).filter((t) => t !== e.summary).join(" . ")),
  }));
}

/** Field weights of both peers: names heavier than body text (see the note at the top). */
const PEER_WEIGHTS: Readonly<Record<Exclude<keyof PeerDoc, "id">, number>> = { title: 3, aliases: 3, keywords: 2, summary: 1, body: 0.5 };

/** A peer behind the common interface: its `search` gives ids best first and a confidence. */
function peerEngine(entries: readonly Entry[], search: (question: string) => { ids: string[]; confidence: number }): Engine {
  const byId = new Map(entries.map((e) => [e.id, e]));
  return {
    search(q) {
      const { ids, confidence } = search(q);
      return { hits: ids.map((id) => ({ entry: byId.get(id)! })), confidence };
    },
  };
}

export const FUSE_OPTIONS: IFuseOptions<PeerDoc> = {
  keys: Object.entries(PEER_WEIGHTS).map(([name, weight]) => ({ name, weight })),
  includeScore: true,
  ignoreLocation: true,
  ignoreFieldNorm: true,
  threshold: 0.4,
  minMatchCharLength: 2,
};

export const fusePeer: EngineKind = {
  name: "fuse.js",
  settings:
    "fuse.js 7.5, folded text, keys title/aliases ×3, keywords ×2, summary ×1, field/agency/body ×0.5, ignoreLocation, ignoreFieldNorm, threshold 0.4, minMatchCharLength 2; answers when 1 − score ≥ calibrated threshold",
  build(entries) {
    const fuse = new Fuse(peerDocs(entries), FUSE_OPTIONS);
    return peerEngine(entries, (q) => {
      const r = fuse.search(fold(q), { limit: LIMIT });
      return { ids: r.map((x) => x.item.id), confidence: r[0] ? 1 - (r[0].score ?? 1) : 0 };
    });
  },
};

export const MINISEARCH_OPTIONS: MiniSearchOptions<PeerDoc> = {
  idField: "id",
  fields: Object.keys(PEER_WEIGHTS),
  // Arrays are indexed as one text; terms are already folded, fold again for the query side.
  extractField: (doc, field) => {
    const v = doc[field as keyof PeerDoc];
    return Array.isArray(v) ? v.join(" . ") : v;
  },
  processTerm: (term) => fold(term),
  searchOptions: {
    boost: { ...PEER_WEIGHTS },
    fuzzy: 0.2,
    prefix: false,
    combineWith: "OR",
  },
};

export const miniSearchPeer: EngineKind = {
  name: "MiniSearch",
  settings:
    "MiniSearch 7.2 (BM25), folded terms, boost title/aliases ×3, keywords ×2, summary ×1, field/agency/body ×0.5, fuzzy 0.2, OR, no prefix; answers when BM25 score ÷ terms² ≥ calibrated threshold",
  build(entries) {
    const ms = new MiniSearch<PeerDoc>(MINISEARCH_OPTIONS);
    ms.addAll(peerDocs(entries));
    return peerEngine(entries, (q) => {
      const r = ms.search(q).slice(0, LIMIT);
      const terms = Math.max(1, tokens(q).length);
      return { ids: r.map((x) => String(x.id)), confidence: (r[0]?.score ?? 0) / (terms * terms) };
    });
  },
};

export const ENGINES: EngineKind[] = [ours, fusePeer, miniSearchPeer];
