import { createAnalyzer, type QueryToken } from "../analyze.js";
import { rawWords } from "../../text/normalize.js";
import type { Entry, Synonyms } from "../schema.js";
import { buildIndex } from "./build-index.js";
import { createCandidateFinder } from "./candidates.js";
import { createCorrector } from "./correct.js";
import { createDecideChecks, decide, reaches, type DecideChecks } from "./decide.js";
import { createAgeFit, createAgeReader, subjectAge, type SubjectAge } from "./age-reading.js";
import { createExtensionFit } from "./extension-entries.js";
import { createContextFit } from "./context-fit.js";
import { createNumberFit } from "./number-fit.js";
import { rewrite, type ResolvedQuery } from "./rewrite.js";
import { storyParts } from "./story-parts.js";
import { createScorer } from "./score.js";
import { breakPairTie } from "./pair-tie.js";
import { createUngluer } from "./unglue.js";
import { createPersonNames } from "./person-names.js";
import type { SearchDecision, SearchHit, SearchIndex, SearchOptions, SearchResult } from "./types.js";
import { DEFAULT_WEIGHTS, type SearchWeights } from "./weights.js";
import { asksMeaning, createMeaningPart, isReadingWord } from "./meaning-part.js";
import { askedTail } from "./asked-tail.js";
import { asksWith, isQuestionWord, wordSet } from "./word-lists.js";

/**
 * Builds the index once, then answers each question in five stages:
 * normalise (glued words split, analyzer: fold, abbreviations, synonyms, facet and filler words) → rewrite (against
 * the index: names over function words, regional spellings, typos) → candidates (first pass over
 * the postings) → score (calibrated 0..1 per candidate) → decide (answer, clarify, facet-only,
 * unknown).
 */
export function createSearchIndex(entries: readonly Entry[], synonyms: Synonyms, weights: SearchWeights = DEFAULT_WEIGHTS): SearchIndex {
  const analyzer = createAnalyzer(synonyms);
  const index = buildIndex(entries, analyzer, weights);
  const correct = createCorrector(index, weights);
  const candidates = createCandidateFinder(index, weights);
  const score = createScorer(index, weights);
  const checksFor = createDecideChecks(index, weights);
  const readAges = createAgeReader(index);
  const fitToTitles = createTitleFit(entries, weights);
  const unglue = createUngluer(index, analyzer);
  const withoutNames = createPersonNames(index);
  const readInParts = createFocus(run, weights);
  const meaningPart = createMeaningPart(analyzer);

  /**
   * normalise → rewrite → candidates → score → decide, for one text; `context`: the whole message the text is part of
   * (an entry's situation words, `only_when`, may be said anywhere in it).
   */
  function run(text: string, context = text) {
    const unglued = unglue(withoutNames(text));
    const analysed = analyzer.query(unglued);
    // The age of the person asked about, read once: it rewrites the ages typed and weighs the hits.
    const subject = subjectAge(analysed.tokens);
    const q = rewrite(analysed, index, correct, weights, (tokens) => readAges(tokens, subject), storyParts(unglued, analysed, (t) => analyzer.query(t)));
    if (readsAside(q, text)) return run(withoutReadingWords(text), context);
    const hits = score(q, candidates(q));
    fitToTitles(subject, hits, analysed.tokens, context);
    hits.sort((a, b) => b.score - a.score || a.entry.title.length - b.entry.title.length);
    breakPairTie(hits, weights);
    const shape = { strongWords: q.strongWords, unknownWords: q.unknownWords.length, pairs: q.bigrams.length, facets: analysed.facets, asksMeaning: q.strongWords === 0 && asksMeaning(text), variantOnly: q.variantOnly };
    const checks = checksFor(q);
    return { analysed, q, hits, shape, checks, decision: decide(hits, shape, weights, checks) };
  }

  /**
   * A meaning question inside a longer message ("thủ tục ghi “một phần” là sao, vậy vẫn phải lên xã à"), read on its own
   * when the facet words it asks about are the whole name of one entry (see `decide`) and the rest of the message names
   * nothing of its own ("toàn trình là sao, làm hộ chiếu được không" asks about the passport, "toàn trình là sao, đăng ký
   * xe" about vehicle registration). Its hits and unknown words are the part's: the rest named nothing. Null when the
   * message is to be read whole.
   */
  function meaningReading(question: string): ReturnType<typeof run> | null {
    const asked = meaningPart(question);
    if (asked === null) return null;
    const meant = run(asked.part, question);
    if (!meant.shape.asksMeaning || meant.decision.kind !== "answer") return null;
    if (asked.rest === "") return meant;
    const rest = run(asked.rest, question);
    // The rest names an entry when the search answers or asks back about it, or one entry's name is mostly in it
    // ("làm căn cước hay hộ chiếu": no answer, but whole names); a story ("vậy vẫn phải lên phường à") does not.
    const names = rest.hits.some((h) => h.why.namePrecision >= weights.answer.oneTopicWordName);
    if ((rest.decision.kind === "unknown" || rest.decision.kind === "facet-only") && !names) return meant;
    // A rest that asks nothing and tells where the words were read ("toàn trình với một phần là sao, em nộp hồ sơ ATTP thấy
    // ghi dịch vụ công một phần") is the story of the meaning question, whatever entry it names.
    return !asks(asked.rest) && tellsReading(asked.rest) ? meant : null;
  }

  function search(question: string, options: SearchOptions = {}): SearchResult {
    const { analysed, q, hits, shape, checks, decision: whole } = meaningReading(question) ?? run(question);
    const decision = readInParts(question, whole, q.strongWords, hits, checks) ?? whole;
    return {
      hits: shownFirst(hits, decision).slice(0, options.limit ?? 5),
      decision,
      confident: decision.kind === "answer" || decision.kind === "clarify",
      ambiguous: decision.kind === "clarify",
      facets: analysed.facets,
      unknownWords: q.unknownWords,
      strongWords: q.strongWords,
      asksMeaning: shape.asksMeaning,
    };
  }

  return { search, size: index.docs.length, analyzer };
}

/**
 * A search's hits with the card it answered with first, wherever the ranking put it (also the focus stage's answer, which
 * `search()` leaves in ranking order): how a reader that takes `hits[0]` as the answer must read a result.
 */
export function answeredFirst(r: Pick<SearchResult, "hits" | "decision">): SearchHit[] {
  const d = r.decision;
  return d.kind === "answer" && r.hits[0] !== d.hit ? [d.hit, ...r.hits.filter((h) => h !== d.hit)] : r.hits;
}

/**
 * The hits with what the decision shows first when the best was ruled out by its `not_when` and another entry answers
 * or is offered (decide.ts `withoutExcluded`): the answer, or the options of the choice, then the rest in order — a
 * caller that reads `hits[0]` as the answer then reads the card shown. Any other decision keeps the ranking — also a
 * long message answered with the entry its asking sentence names over the story's (focus stage), where `hits[0]` is
 * still the story's entry: callers read `decision` (flows/step.ts does) or `answeredFirst` (eval, bench).
 */
export function shownFirst(hits: SearchHit[], decision: SearchDecision): SearchHit[] {
  const front = decision.kind === "answer" ? [decision.hit] : decision.kind === "clarify" ? decision.options : [];
  if (hits[0]?.why.excluded !== true || front.length === 0) return hits;
  return [...front, ...hits.filter((h) => !front.includes(h))];
}

/** One reading of a text through the five stages (see createSearchIndex). */
type Reading = { q: ResolvedQuery; hits: SearchHit[]; decision: SearchDecision };

/**
 * A long message not answered whole is read part by part (`focus`); a long story answered with what it tells, while its
 * question names another entry whole, gets the question's entry (`overrule`, from `focusOwn.words` topic words — a count
 * at or above `longWords`). Null when the whole message's decision stands.
 */
type PartReading = (question: string, whole: SearchDecision, strongWords: number, hits: SearchHit[], checks: DecideChecks) => SearchDecision | null;

/**
 * The asking part alone ranks the whole message's best first with a fair score, names at least
 * part of it, and leads the next entry by far: the words of the question, without the story's,
 * pick the same entry ("… Giờ có phải trả lại lần nữa không hay tiền có được hoàn?").
 */
function leadsAlone(partHits: SearchHit[], best: SearchHit, weights: SearchWeights): boolean {
  const [first, next] = partHits;
  const l = weights.answer.focusLead;
  if (!first || first.entry.id !== best.entry.id) return false;
  return first.score >= l.score && first.why.namePrecision >= l.name && reaches(first.score - (next?.score ?? 0), l.margin);
}

/**
 * The whole message's hit for the one entry the asking parts name whole (`own`; see `SearchWeights.answer.focusOwn`),
 * when it is not the best and the whole message ranks it near enough the top.
 */
function questionOverStory(wholeHits: SearchHit[], own: ReadonlySet<string>, checks: DecideChecks, weights: SearchWeights): SearchHit | undefined {
  if (own.size !== 1) return undefined;
  const { rank, share } = weights.answer.focusOwn;
  const i = wholeHits.findIndex((h) => own.has(h.entry.id));
  const hit = wholeHits[i];
  if (!hit || hit.why.excluded || i === 0 || i >= rank || hit.score < share * wholeHits[0]!.score) return undefined;
  // A variant of the same thing ("khai sinh" for the whole message's "khai sinh cho trẻ bị bỏ rơi"): the story says which.
  return checks.variants(wholeHits[0]!, hit) || checks.variants(hit, wholeHits[0]!) ? undefined : hit;
}

/** The part asks, after its last "thì", for `best` named whole (read only for a part that would otherwise overrule). */
function asksForBest(part: string, best: SearchHit, runOnce: (text: string) => Reading, weights: SearchWeights): boolean {
  const tail = askedTail(part);
  return tail !== undefined && runOnce(tail).hits.some((h) => h.entry.id === best.entry.id && h.why.namePrecision >= weights.answer.wholeName);
}

/** The focus stage of createSearchIndex (see PartReading): `focus` for a long message not answered whole, `overrule` for one answered whole. */
function createFocus(run: (text: string, context: string) => Reading, weights: SearchWeights): PartReading {
  /**
   * Reads the asking parts of a long message against the whole message's best entry: whether one agrees with it, whether
   * one names a topic of its own and is answered with another entry ("mất cccd rồi giờ làm lại ở đâu, …"; not a bare
   * "giờ làm sao lấy lại", which is read with what comes before it), and the entry each strictly asking part names whole.
   */
  function readParts(question: string, best: SearchHit, runOnce: (text: string) => Reading) {
    const agrees = (part: string) => {
      const { hits, decision: d } = runOnce(part);
      return (d.kind === "answer" && d.hit.entry.id === best.entry.id) || (d.kind === "unknown" && leadsAlone(hits, best, weights));
    };
    let asksOther = false;
    const own = new Set<string>();
    for (const part of focusParts(question, weights.answer.focusSentences)) {
      if (agrees(part)) return { agreed: true, agrees, asksOther, own };
      const { decision: d, q } = runOnce(part);
      if (d.kind === "answer" && d.hit.entry.id !== best.entry.id && q.strongWords > weights.answer.focusReferWords) {
        asksOther = true;
        // A part that tells one thing and then asks with "thì" about the whole message's best, named whole ("nhà thuê trọ
        // chỉ có tạm trú thôi thì đăng ký tuyển sinh trực tuyến cho cháu được không"), asks for that best: it does not
        // overrule the whole message.
        if (d.hit.why.namePrecision >= weights.answer.wholeName && asksStrictly(part) && !asksForBest(part, best, runOnce, weights)) own.add(d.hit.entry.id);
      }
    }
    return { agreed: false, agrees, asksOther, own };
  }

  /** A clause may be read both alone and as a refer-back part: each text is read once. */
  function reader(question: string): (text: string) => Reading {
    const read = new Map<string, Reading>();
    return (text) => read.get(text) ?? read.set(text, run(text, question)).get(text)!;
  }

  /**
   * A long message answered whole with an entry that no asking part agrees with, while strictly asking parts name one
   * other entry whole (`focusOwn`): the question's entry, not the story's. Null when the answer stands.
   */
  function overrule(question: string, wholeHits: SearchHit[], checks: DecideChecks): SearchDecision | null {
    const best = wholeHits[0];
    if (!best) return null;
    const { agreed, own } = readParts(question, best, reader(question));
    const ownHit = agreed ? undefined : questionOverStory(wholeHits, own, checks, weights);
    return ownHit ? { kind: "answer", hit: ownHit } : null;
  }

  /**
   * A long story with the question in one sentence: the sentence alone is read, last first, and
   * within it each clause that asks something ("…, giờ thuê trọ thì khai báo gì"). Its answer is
   * taken only when the whole message ranks the same entry first, so a topic of the story's
   * background never wins on its own. The part need not be answerable alone: when it ranks that
   * same entry first far ahead of the next (`focusLead`), the question and the story agree on it.
   */
  function focus(question: string, wholeHits: SearchHit[], checks: DecideChecks): SearchDecision | null {
    const best = wholeHits[0];
    // An entry whose `not_when` the message says is never the answer, however its parts read (context-fit.ts).
    if (!best || best.why.excluded) return null;
    const runOnce = reader(question);
    const { agreed, agrees, asksOther, own } = readParts(question, best, runOnce);
    if (agreed) return { kind: "answer", hit: best };
    const ownHit = questionOverStory(wholeHits, own, checks, weights);
    if (ownHit) return { kind: "answer", hit: ownHit };
    // A question that names (almost) no topic of its own refers back to what was said just before it — to a story
    // clause only when no other question of the message is answered with another entry: in "mất cccd rồi giờ làm lại
    // ở đâu, e đang làm công nhân ở Bắc Ninh mà thường trú ở Hòa Bình, có phải về quê không" it refers to the first.
    for (const { asking, before, withBefore } of referParts(question, weights.answer.focusSentences)) {
      if (asksOther && !asks(before)) continue;
      if (runOnce(asking).q.strongWords <= weights.answer.focusReferWords && agrees(withBefore)) return { kind: "answer", hit: best };
    }
    return null;
  }

  return (question, whole, strongWords, hits, checks) => {
    if (whole.kind === "unknown" && strongWords >= weights.answer.longWords) return focus(question, hits, checks);
    if (whole.kind === "answer" && strongWords >= weights.answer.focusOwn.words) return overrule(question, hits, checks);
    return null;
  };
}

/**
 * The parts of a long message worth reading alone, last first: of its last `max` sentences, the
 * last one and those that ask something (a question word or mark), each followed by its clauses
 * that ask, last first.
 */
export function focusParts(question: string, max: number): string[] {
  const { sentences, clauses } = splitMessage(question);
  const parts: string[] = [];
  for (let s = sentences.length - 1, i = 0; s >= 0 && i < max; s--, i++) {
    // The last sentence is where a story's question usually is; an earlier one counts when it asks.
    if (sentences.length > 1 && (i === 0 || asks(sentences[s]!))) parts.push(stripEnd(sentences[s]!));
    const own = clauses[s]!;
    if (own.length > 1) parts.push(...[...own].reverse().filter(asks));
  }
  return parts;
}

/** A message's sentences (of more than one word) and each one's clauses (split at commas, of more than one word). */
function splitMessage(question: string): { sentences: string[]; clauses: string[][] } {
  const sentences = question.split(/(?<=[.!?;\n])/).map((x) => x.trim()).filter((x) => x.includes(" "));
  return { sentences, clauses: sentences.map((sentence) => sentence.split(",").map((x) => x.trim()).filter((x) => x.includes(" "))) };
}

/** A part without the full stop, exclamation mark or semicolon that ends it (a question mark stays: it asks). */
const stripEnd = (part: string) => part.replace(/[.!;\n]+$/, "");

/**
 * Each clause that asks in the last `max` sentences of a message, last first, with the clause just
 * before it: the one before in its sentence or, when it opens its sentence, the last clause of the
 * sentence before ("Hộ khẩu em vẫn ở Thái Bình. Chuyển về nhà chồng cần giấy tờ gì").
 */
export function referParts(question: string, max: number): { asking: string; before: string; withBefore: string }[] {
  const { sentences, clauses } = splitMessage(question);
  const parts: { asking: string; before: string; withBefore: string }[] = [];
  for (let s = sentences.length - 1; s >= Math.max(0, sentences.length - max); s--) {
    const own = clauses[s]!;
    for (let c = own.length - 1; c >= 0; c--) {
      const before = c > 0 ? own[c - 1] : clauses[s - 1]?.at(-1);
      if (!before || !asks(own[c]!)) continue;
      parts.push({ asking: own[c]!, before, withBefore: stripEnd(`${before}${c > 0 ? "," : ""} ${own[c]}`) });
    }
  }
  return parts;
}

/**
 * What the entries' titles say about a question's hits: an age outside a title's ages, or a level it does not number
 * ("mức 2" against "… mức 1": number-fit.ts), weighs an entry down, as does a situation the entry is about that the
 * whole message `text` never mentions (`only_when`: context-fit.ts); and an entry takes a sibling's place when its
 * title fits better — a child's entry for the age stated (age-reading.ts), a longer title for the words the question
 * adds to the shorter one (extension-entries.ts).
 */
function createTitleFit(
  entries: readonly Entry[],
  weights: SearchWeights,
): (subject: SubjectAge | null, hits: SearchHit[], typed: readonly QueryToken[], text: string) => void {
  const ageFit = createAgeFit(entries, weights);
  const extensionFit = createExtensionFit(entries, weights);
  const numberFit = createNumberFit(entries, weights);
  const contextFit = createContextFit(entries, weights);
  return (subject, hits, typed, text) => {
    numberFit(hits, typed);
    contextFit(hits, text, typed);
    ageFit(subject, hits, typed);
    extensionFit(hits, typed);
  };
}

/**
 * "bao" asks only as "bao giờ", "bao lâu", "bao nhiêu"; typed bare elsewhere it may be "báo" ("vneid bao sdt da dc dang ky
 * boi tai khoan khac": the portal reports, nobody asks). Read strictly, a bare "bao" asks only when one of these follows
 * it ("bao tiền", "bao ngày" are not read as asking there: the strict reading only keeps a story clause from being taken
 * for the question).
 */
const isBao = wordSet(["bao"]);
const isBaoEnd = wordSet(["giờ", "lâu", "nhiêu", "nhiu", "h"]);

/**
 * A meaning question whose only topic words tell how the citizen met the words asked about ("toàn trình với một
 * phần là sao, em đọc hoài không hiểu"): it is read without them.
 */
function readsAside(q: ResolvedQuery, text: string): boolean {
  return q.strongWords > 0 && q.words.every((w) => w.weak || isReadingWord(w.accented ?? w.t)) && asksMeaning(text);
}

/** The text says where its writer read something ("thấy ghi", "đọc"): a reading word other than those of asking ("hoài", "mãi", "hiểu"). */
function tellsReading(text: string): boolean {
  return rawWords(text).some(({ raw }) => isSeeingWord(raw));
}
const isSeeingWord = wordSet(["thấy", "ghi", "đọc"]);

/** The text without its reading words, clause marks kept as commas. */
function withoutReadingWords(text: string): string {
  const kept = rawWords(text).filter(({ raw }) => !isReadingWord(raw));
  return kept.map(({ raw, brk }, i) => (i === 0 ? "" : brk ? ", " : " ") + raw).join("");
}

/** A clause asks something: a question mark, a question word ("gì", "đâu"), or "không"/"chưa" closing it. */
function asks(clause: string): boolean {
  return asksWith(clause, isQuestionWord);
}

/**
 * {@link asks}, but a bare "bao" asks only as "bao giờ / lâu / nhiêu": "vneid bao sdt da dc dang ky" tells what the app
 * reported ("báo") and is the story, not the question over it.
 */
function asksStrictly(clause: string): boolean {
  return asksWith(clause, (w, next) => isQuestionWord(w) && !(isBao(w) && !isBaoEnd(next)));
}


export type { SearchDecision };
