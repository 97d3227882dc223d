import { pairedAfter, pairedBefore, type Facet } from "../analyze.js";
import type { IndexData } from "./build-index.js";
import { accentsAgree } from "./correct.js";
import type { ResolvedQuery } from "./rewrite.js";
import type { SearchDecision, SearchHit } from "./types.js";
import { DEFAULT_WEIGHTS, type SearchWeights } from "./weights.js";

/** What decide needs to know about the question besides the hits. */
export interface QuestionShape {
  strongWords: number;
  unknownWords: number;
  /** Adjacent pairs of topic words (unknown: counted as having some). */
  pairs?: number;
  facets: ReadonlySet<Facet>;
  /** A message with no topic word asks what some of its words mean ("toàn trình là sao"; see MEANING_WORDS). */
  asksMeaning?: boolean;
  /** Every topic word says only a variant of some procedure ("thế nếu quá hạn thì sao"; see `ResolvedQuery.variantOnly`). */
  variantOnly?: boolean;
}

/** Facts about candidates that need the index (built once in create-search-index.ts). */
export interface DecideChecks {
  /** The hit shares a strong, rare-enough topic word with the question (for suggestions). */
  related(hit: SearchHit): boolean;
  /** The two hits are variants of one thing: their names share a topic word of the question. */
  variants(a: SearchHit, b: SearchHit): boolean;
  /** The hit's names or keywords hold a question word or pair whose reading is sure (see createDecideChecks); absent: all are. */
  grounded?(hit: SearchHit): boolean;
}

const ANYTHING_GOES: DecideChecks = { related: () => true, variants: () => true };

/**
 * Scores and shares are rounded to thousandths (score.ts), but their differences are not exact in
 * binary: 0.203 − 0.103 is 0.10000000000000002, and 0.603 − 0.553 is 0.04999999999999993. Every
 * comparison of a difference (a margin, a window, a gap) with its threshold allows this much, so a hit
 * exactly a threshold behind is treated the same whatever the two scores are.
 */
const EPSILON = 1e-9;
/** The difference `x` reaches the threshold `t` (`x >= t`, up to rounding). */
export const reaches = (x: number, t: number): boolean => x >= t - EPSILON;
/** The difference `x` is beyond the threshold `t` (`x > t`, up to rounding). */
export const exceeds = (x: number, t: number): boolean => x > t + EPSILON;

/**
 * Stage 5: answer, clarify, facet-only or unknown. Each rule is a question a careful person
 * would ask before answering; every threshold is in `weights.answer` / `weights.decide`.
 */
export function decide(
  hits: SearchHit[],
  question: QuestionShape,
  weights: SearchWeights = DEFAULT_WEIGHTS,
  checks: DecideChecks = ANYTHING_GOES,
): SearchDecision {
  const best = hits[0];
  // Only facet words ("lệ phí bao nhiêu", "ở đâu", "thủ tục này toàn trình không"): they apply to a topic
  // the message does not name — unless it asks what they mean and they are the whole name of one entry
  // and of no other ("toàn trình là sao": the guide to the levels of online service).
  if (question.strongWords === 0 && question.facets.size > 0) {
    const named = (h: SearchHit) => reaches(h.why.namePrecision, weights.decide.facetNamed);
    const defined = question.asksMeaning === true && best !== undefined && best.why.excluded !== true && named(best) && !hits.slice(1).some(named);
    return defined ? { kind: "answer", hit: best } : { kind: "facet-only" };
  }
  // Only a variant of some procedure ("thế nếu quá hạn thì sao", "hết hạn thì sao"): like a facet, it applies to
  // a topic the message does not name — unless it holds a whole name of the best entry, or fewer than two
  // candidates hold it in their names or keywords (then it says which one: "giải thể"; or nothing of ours:
  // "đau dạ dày ăn gì cho đỡ" typed without accents, whose only holder is the food-safety card).
  if (question.variantOnly && pairHolders(hits).length >= 2 && !(best && reaches(best.why.namePrecision, weights.answer.wholeName))) return { kind: "variant-only" };
  if (!best) return { kind: "unknown", suggestions: [] };
  // For an entry the question clearly names, margins are measured against the next entry the
  // question also names: one that only shares story words ("đi máy bay" in a body text) is no rival.
  const d = weights.decide;
  // "con 5 tuổi làm căn cước": a variant of the same thing that names no age is ruled out by the age the best fits; an
  // entry whose `not_when` the question says ("muốn đăng ký kết hôn ở VN" under recording a marriage made abroad) is no rival.
  const rivals = hits.slice(1).filter((h) => h.why.excluded !== true && !(ageRuledOut(best, h) && checks.variants(best, h)));
  const rival = best.why.namePrecision >= d.namedBest ? rivals.find((h) => h.why.namePrecision >= d.rivalPrecision) : rivals[0];
  // An entry named only by a bare word that reads as several words ("giam": "giám", "giảm") is a guess; one whose
  // `not_when` the question says ("nhà xưởng" under the permit for houses) neither answers nor is offered as a choice
  // (it stays among the suggestions of "I don't know").
  const grounded = best.why.excluded !== true && (checks.grounded?.(best) ?? true);
  const fits = isConfident(best, rival, question, weights, rivals);
  // The best is an entry whose `not_when` the question says ("muốn đăng ký kết hôn ở VN" under recording a marriage made
  // abroad): the rest decide without it, if the question names their first clearly (`aheadName`) — one reached by story
  // words only ("thẻ BHYT của bé dưới 6 tuổi bị mất": not the birth-registration bundle) is no answer. It stays a suggestion.
  if (best.why.excluded === true) {
    const rest = withoutExcluded(hits, question, weights, checks, fits);
    if (rest) return rest;
  }
  const confident = grounded && fits;
  // Two or more variants of one thing about equally likely: ask which, rather than guess
  // (confident) or give up (not confident because of the tie).
  const options = grounded ? clarifyOptions(hits, question, weights, checks, confident) : [];
  if (options.length > 1) return { kind: "clarify", options };
  if (confident) return { kind: "answer", hit: best };
  const suggestions = hits.filter((h) => h.score >= weights.decide.suggestionScore && checks.related(h)).slice(0, weights.decide.suggestions);
  return { kind: "unknown", suggestions };
}

/**
 * The decision when the best hit is ruled out by its `not_when`: the rest's own decision; or else the choice between the
 * best and its variants that the margins call for (`bestFits`: whether the best alone would have been answered; it is
 * not grounded, being ruled out), without the best. Example: "bạn trai người Đài Loan có visa, đăng ký kết hôn tại VN
 * được không" — the e-visa card keeps the rest from answering; the choice was "recording a marriage made abroad" or
 * "marriage with a foreigner", and the second is left (one option left is the answer). That choice is made only when the
 * question has no unknown word, and of grounded entries. Null when the first remaining entry is not clearly named
 * (`aheadName`).
 */
function withoutExcluded(hits: SearchHit[], question: QuestionShape, weights: SearchWeights, checks: DecideChecks, bestFits: boolean): SearchDecision | null {
  const named = (h: SearchHit | undefined): h is SearchHit => h !== undefined && h.why.namePrecision >= weights.answer.aheadName;
  const rest = decide(hits.filter((h) => h.why.excluded !== true), question, weights, checks);
  if (named(rest.kind === "answer" ? rest.hit : rest.kind === "clarify" ? rest.options[0] : undefined)) return rest;
  // The margins were measured for the ruled-out best: what is left must stand on its own — no unknown word, each grounded.
  if (question.unknownWords > 0) return null;
  const offered = clarifyOptions(hits, question, weights, checks, bestFits).filter((h) => h.why.excluded !== true && (checks.grounded?.(h) ?? true));
  const first = offered[0];
  if (!named(first)) return null;
  return offered.length > 1 ? { kind: "clarify", options: offered } : { kind: "answer", hit: first };
}

/** "con 5 tuổi làm căn cước": `best` is made for the age stated and `h` names no age — `h` is not what was asked. */
function ageRuledOut(best: SearchHit, h: SearchHit): boolean {
  return best.why.ageFits === true && h.why.ageFits !== true;
}

/** The candidates whose names or keywords hold one of the question's named pairs (`heldPairs`): those a variant alone may mean. */
export function pairHolders(hits: readonly SearchHit[]): SearchHit[] {
  return hits.filter((h) => h.why.heldPairs > 0);
}

/**
 * Whether the best hit is good enough to answer with. The thresholds were set on the
 * development questions and checked on questions written without looking at the knowledge.
 */
export function isConfident(
  best: SearchHit,
  second: SearchHit | undefined,
  question: { strongWords: number; unknownWords: number; pairs?: number },
  weights: SearchWeights = DEFAULT_WEIGHTS,
  others: readonly SearchHit[] = second ? [second] : [],
): boolean {
  const a = weights.answer;
  const { nameCoverage, namePrecision, coverage, phrase } = best.why;
  const margin = best.score - (second?.score ?? 0);
  // Does the entry explain the question, and does the question name the entry?
  const usual = best.score >= a.threshold && nameCoverage >= a.minCoverage && namePrecision >= a.minNamePrecision;
  // The question contains one of the entry's names whole, and nothing else comes close.
  const long = question.strongWords >= a.longWords;
  const namedWhole = namePrecision >= a.wholeName && reaches(margin, a.wholeNameMargin) && coverage >= (long ? a.longWholeNameCoverage : a.wholeNameCoverage);
  // A long message whose story words lower every score, with one entry far ahead of the rest.
  const dominant =
    best.score >= a.dominantScore && nameCoverage >= a.dominantCoverage && namePrecision >= a.minNamePrecision && (second?.score ?? 0) <= a.dominantLead * best.score;
  // The question names most of the entry and nothing else it names comes close: the story words around the question lower
  // the score, not the fit ("suggestion 1 clearly ahead"); for an entry made for the stated age, the age confirms it.
  const clearlyAhead = best.score >= (best.why.ageFits ? a.ageFitScore : a.aheadScore) && namePrecision >= a.aheadName && reaches(margin, a.aheadMargin);
  // A long message holds a whole name of the entry and no entry scoring close to it is named nearly as
  // much: the rest of the message is its story ("móc túi ở bến xe", "72 tuổi, đi lại khó"), not another topic.
  const namedAlone =
    long &&
    namePrecision >= a.wholeName &&
    others.every(
      (h) => exceeds(best.score - h.score, a.aloneWindow) || reaches(namePrecision - h.why.namePrecision, a.aloneGap) || best.why.heldPairs - h.why.heldPairs >= a.alonePairs,
    );
  // Most of what the question names lands in this entry: it holds several of the question's named word
  // pairs (each once, none straddling two words), more than any entry close in score, is named at least
  // in part, and nothing else is named.
  const held = best.why.heldPairs;
  const pairsLead =
    best.score >= a.pairsLeadScore &&
    held >= a.pairsLeadPairs &&
    namePrecision >= a.pairsLeadName &&
    best.why.foreignPairs === 0 &&
    question.unknownWords === 0 &&
    others.every((h) => exceeds(best.score - h.score, a.pairsLeadWindow) || h.why.heldPairs < held);
  // The question uses several of the phrases this entry is known by ("nộp hồ sơ", "trực tuyến") and no other
  // entry comes close: it is what was asked, though its title words are not ("nộp hồ sơ online xong có
  // phải lên nộp bản giấy" is the levels-of-service guide). A foreign pair or an unknown word needs no
  // test here: the gates below refuse both under `foreignPairName` / `unknownWordName` (or `long &&
  // dominant`, which answers anyway), and at or above them 'clearly ahead' already holds, since
  // farPairsScore ≥ aheadScore, farPairsMargin ≥ aheadMargin and both names ≥ aheadName.
  const pairsFarAhead = best.score >= a.farPairsScore && held >= a.farPairsPairs && reaches(margin, a.farPairsMargin);
  // A story of many topic words ("Tôi có dãy trọ 6 phòng cho công nhân thuê … Có phải đi khai báo …") lowers every
  // score; an entry holding one of its named word pairs, naming nothing else (or one thing, when far ahead), clearly
  // ahead of the next is what was asked. A word never seen there is one more story word ("hàng xóm bảo …"), not another topic.
  const sl = a.storyLead;
  const storyForeign = best.why.foreignPairs === 0 || (best.why.foreignPairs === 1 && reaches(margin, sl.foreignMargin));
  const storyLead = question.strongWords >= sl.words && best.score >= sl.score && held > 0 && storyForeign && reaches(margin, sl.margin);
  const pm = a.pairsMajority;
  const pairsMajority =
    held >= pm.pairs &&
    best.score >= pm.score &&
    best.why.foreignPairs <= pm.foreign &&
    question.unknownWords <= pm.unknown &&
    others.every((h) => exceeds(best.score - h.score, pm.window) || h.why.heldPairs * 2 <= held);
  if (pairsMajority) return true;
  if (!usual && !namedWhole && !dominant && !clearlyAhead && !namedAlone && !pairsLead && !pairsFarAhead && !storyLead) return false;
  // A question of filler and facet words only ("còn lệ phí?") names an entry only if it is nearly its whole name.
  if (question.strongWords === 0 && namePrecision < a.noTopicWordName) return false;
  // One topic word ("tên", "xe") must be most of a name; so must two or so with no pair between
  // them ("số đề … đánh" is not "số định danh").
  const scattered = question.strongWords === 1 || (question.strongWords <= a.scatteredWords && question.pairs === 0);
  if (scattered && namePrecision < a.oneTopicWordName) return false;
  // A word we have never seen ("visa", "karaoke") means another topic unless the entry's name is clearly there, or the
  // entry holds a named pair of the question and nothing else comes near it (then the word is the story's: "máy dệt").
  const farAhead = storyWordAhead(best, others, question.unknownWords, a.unknownWordLead);
  if (question.unknownWords > 0 && namePrecision < a.unknownWordName && !storyLead && !farAhead) return false;
  // Scattered shared words ("đăng ký … lần đầu") without phrase matches are not a match — unless the entry
  // holds one of the question's named word pairs as a pair ("khai sinh", "di chúc": heldPairs) and no entry comes close.
  const pairedAhead = held > 0 && reaches(margin, a.pairedAheadMargin);
  if (phrase < a.minPhrase && namePrecision < a.oneTopicWordName && !pairedAhead) return false;
  // The question names another thing ("nội quy", "hoạt động") that this entry's names never mention.
  if (best.why.foreignPairs > 0 && namePrecision < a.foreignPairName && !(long && dominant) && !foreignToldNotAsked(best, second, a)) return false;
  return true;
}

/**
 * An unknown word beside an entry that holds a named pair of the question, with the next entry (`others`, best first:
 * any kind but one the stated age rules out — a rival named less still competes here) at most `share` of its score and at
 * most `words` unknown words in the question: the words are the story's ("kéo điện 3 pha về xưởng để chạy máy dệt").
 * `share` 0: never.
 */
function storyWordAhead(best: SearchHit, others: readonly SearchHit[], unknownWords: number, lead: SearchWeights["answer"]["unknownWordLead"]): boolean {
  const next = others[0]?.score ?? 0;
  return lead.share > 0 && best.why.heldPairs > 0 && unknownWords <= lead.words && next <= lead.share * best.score;
}

/**
 * A foreign pair the question only tells, and does not ask about: the entry explains three quarters of the question, is
 * named by most of it and leads the next hit by far ("mẹ tôi 75 tuổi, không có lương hưu, có được trợ cấp gì không": the
 * pension card, far behind, is why the allowance is asked). The pair names something of another entry, which is among
 * the hits; with no next hit there is no lead to measure, and the rule does not apply. (A long message's best far ahead
 * of the rest — `dominant` — lets its story's background pass the same gate: "bệnh viện", "công ty".)
 */
function foreignToldNotAsked(best: SearchHit, second: SearchHit | undefined, a: SearchWeights["answer"]): boolean {
  const lead = a.foreignPairLead;
  const { coverage, namePrecision } = best.why;
  return second !== undefined && coverage >= lead.coverage && namePrecision >= lead.name && reaches(best.score - second.score, lead.margin);
}

/**
 * The entries to offer when two or more variants of one thing are about equally right. None
 * when the question restates option 1 (names it whole and little else). When the best alone
 * would not be answered, every option must still look like a fair answer on its own.
 */
function clarifyOptions(hits: SearchHit[], question: QuestionShape, weights: SearchWeights, checks: DecideChecks, confident: boolean): SearchHit[] {
  const best = hits[0]!;
  const d = weights.decide;
  if (best.why.namePrecision >= weights.answer.wholeName && best.why.coverage >= d.restatesCoverage) return [];
  const fair = (h: SearchHit) =>
    confident ? h.score >= weights.answer.threshold : h.score >= d.clarifyMinScore && h.why.namePrecision >= d.clarifyMinPrecision && h.why.foreignPairs === 0;
  // A word never seen ("karaoke") that no option explains: none of them is what was asked.
  if (!fair(best) || (!confident && question.unknownWords > 0)) return [];
  // A question that names option 1 nearly whole and another clearly less is about option 1.
  const namedLess = (h: SearchHit) => best.why.namePrecision >= d.nearlyWhole && exceeds(best.why.namePrecision - h.why.namePrecision, d.namedGap);
  // Two different entries that fit equally well are asked about too: a coin flip would send half
  // the citizens on a wasted trip. One holding fewer of the question's named word pairs than option 1 does not fit
  // as well ("… khai sinh bé chỉ có tên mẹ, giờ muốn làm thủ tục nhận cha": "nhận cha" is option 1's alone). This only
  // decides for a runner-up the question names whole (`fewerPairs` below already drops the others), and only for a
  // different entry: a variant of option 1 named whole is still offered (see `checks.variants`).
  const tied = (h: SearchHit) => confident && !exceeds(best.score - h.score, d.tieMargin) && h.why.namePrecision >= d.clarifyMinPrecision && h.why.heldPairs >= best.why.heldPairs;
  // "cấp lại căn cước vì địa chỉ thay đổi sau sáp nhập": an option holding fewer of the question's named word
  // pairs than option 1 (no "cấp lại"), whose name the question does not hold whole, is not what was asked.
  const fewerPairs = (h: SearchHit) => confident && h.why.heldPairs < best.why.heldPairs && h.why.namePrecision < weights.answer.wholeName;
  const close = hits.filter(
    (h, i) =>
      i === 0 ||
      (!exceeds(best.score - h.score, d.clarifyMargin) && h.why.excluded !== true && fair(h) && !namedLess(h) && !ageRuledOut(best, h) && !fewerPairs(h) && (checks.variants(best, h) || tied(h))),
  );
  return close.slice(0, d.clarifyOptions);
}

/**
 * The index-backed checks of decide: `related` — a hit shares `suggestionPairs` known word pairs
 * of the question in its names or keywords, or a strong, rare-enough topic word spelled with the same accents when
 * the citizen typed them ("giá vàng" shares nothing with "tạm vắng"); `variants` — the rarest question word
 * in the first hit's names is in the second's names too; `grounded` — the hit's names or keywords hold a
 * known word pair of the question, or a topic word whose reading is sure (see `unsureWords`).
 */
export function createDecideChecks(index: IndexData, weights: SearchWeights): (q: ResolvedQuery) => DecideChecks {
  const docOf = new Map(index.docs.map((d) => [d.entry.id, d] as const));
  const floor = weights.decide.suggestionRarity * index.maxIdf;
  return (q) => {
    const strong = q.words.filter((r) => !r.weak && r.match !== null);
    const unsure = unsureWords(q, index);
    return {
      related(hit) {
        const doc = docOf.get(hit.entry.id);
        if (!doc) return false;
        // Two word pairs of the question that name something ("thuê trọ", "khai báo") found in this
        // entry are as telling as a rare word; one alone ("máy bay" of "con đi máy bay") is not.
        if (q.topicPairs.filter(({ b }) => doc.nameBigrams.has(b) || doc.keywordBigrams.has(b)).length >= weights.decide.suggestionPairs) return true;
        return strong.some((r) => {
          if (index.idf(r.match!) < floor) return false;
          if (!doc.nameTokens.has(r.match!) && !doc.keywordTokens.has(r.match!)) return false;
          return !r.accented || accentsAgree(doc.accentForms.get(r.match!), r.accented);
        });
      },
      variants(a, b) {
        const da = docOf.get(a.entry.id);
        const db = docOf.get(b.entry.id);
        if (!da || !db) return false;
        // The rarest question word in a's names says what a is about; b must be about it too.
        let key: string | null = null;
        for (const r of strong) {
          if (da.nameTokens.has(r.match!) && (key === null || index.idf(r.match!) > index.idf(key))) key = r.match!;
        }
        return key !== null && db.nameTokens.has(key);
      },
      grounded(hit) {
        const doc = docOf.get(hit.entry.id);
        if (unsure.size === 0 || !doc) return true;
        if (q.topicPairs.some(({ b }) => doc.nameBigrams.has(b) || doc.keywordBigrams.has(b))) return true;
        return strong.some((r) => !unsure.has(r.match!) && (doc.nameTokens.has(r.match!) || doc.keywordTokens.has(r.match!)));
      },
    };
  };
}

/**
 * Topic words whose reading is unsure: in a message typed without accents, a word the names spell
 * in several ways ("giam": "giám" of "giám hộ", "giảm" of "miễn giảm" and of everyday "giảm cân")
 * with no neighbour it forms a known pair with, whatever that neighbour's role ("giam ho" is sure).
 */
function unsureWords(q: ResolvedQuery, index: IndexData): Set<string> {
  const unsure = new Set<string>();
  if (q.hadDiacritics) return unsure;
  const sure = new Set<string>();
  q.words.forEach((r, i) => {
    if (r.weak || !r.match || (index.accentFormsAll.get(r.match)?.length ?? 0) < 2) return;
    const prev = pairedBefore(q.words, i);
    const next = pairedAfter(q.words, i);
    const paired = index.knownPair(prev?.match ?? prev?.t, r.match) || index.knownPair(r.match, next?.match ?? next?.t);
    (paired ? sure : unsure).add(r.match);
  });
  // A word read once in a pair ("giam ho … giam") is sure.
  for (const w of sure) unsure.delete(w);
  return unsure;
}
