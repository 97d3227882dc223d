import type { Entry } from "../knowledge/schema.js";
import { asksWith, isQuestionWord, type SearchDecision, type SearchResult } from "../knowledge/search.js";
import { fold, hasDiacritics } from "../text/normalize.js";

/**
 * With a topic in the conversation, a question that asks a facet moves to another entry only when
 * it names that entry clearly: at least this share of the entry's best name (and a short follow-up answered with an
 * entry named less is read with the topic: readsWithTopic). "bao lâu thì có kết
 * quả" after khai sinh covers 0.42 of "Nhận kết quả … qua bưu chính" and stays on khai sinh;
 * "lệ phí làm hộ chiếu" covers all of "hộ chiếu" and moves.
 */
const TOPIC_SWITCH_NAME_SHARE = 0.5;

/** Whether a facet question ("lệ phí bao nhiêu", "ở đâu làm") is about the conversation's topic. */
export function staysOnTopic(result: SearchResult, decision: SearchDecision, topic: Entry): boolean {
  switch (decision.kind) {
    case "facet-only":
      return true;
    // A variant of the topic ("quá hạn") may be another entry: answer-question.ts searches the topic with it.
    case "variant-only":
      return false;
    // Nothing else is named; stay unless the citizen typed words we do not know (a topic we lack).
    case "unknown":
      return result.unknownWords.length === 0;
    case "answer":
    case "clarify": {
      const best = decision.kind === "answer" ? decision.hit : decision.options[0]!;
      if (best.entry.id === topic.id) return true;
      if (decision.kind === "clarify" && decision.options.some((h) => h.entry.id === topic.id)) return true;
      // A message of facet words only is a follow-up on the topic — unless it asks what they mean
      // ("toàn trình là sao" right after a card that says "toàn trình"): the entry that explains them.
      if (result.strongWords === 0 && !result.asksMeaning) return true;
      // "còn lệ phí khai tử?" names a new topic; "bao lâu thì có kết quả" only brushes one.
      return best.why.namePrecision < TOPIC_SWITCH_NAME_SHARE;
    }
  }
}

/** At most this many topic words in a follow-up read with the conversation's topic ("thế làm ở phường nào, em ở trọ"). */
const FOLLOW_UP_WORDS = 4;
/** A message the search places nowhere follows the topic up only with the topic among its first this many hits, scoring this much. */
const FOLLOW_UP_RANK = 2;
const FOLLOW_UP_SCORE = 0.3;

/**
 * Whether a message with no facet word is a short question ("… được không", "ở phường nào", "?") to read with the
 * conversation's topic: a few topic words, none unknown, and either an answer that names its entry weakly and is not the
 * topic ("còn nếu thẻ quá hạn mấy tháng rồi thì sao" after renewing the BHYT card: not late birth registration), or
 * nothing found while the topic is among the first hits ("thế làm ở phường nào, em ở trọ" after temporary residence;
 * "giá vàng hôm nay bao nhiêu" touches no topic). The caller searches the topic's name with the message and keeps the
 * search's own decision when that finds nothing sure. A message that asks nothing ("cảm ơn cháu nhé, cái máy này giỏi
 * quá") is no follow-up.
 */
export function readsWithTopic(text: string, result: SearchResult, decision: SearchDecision, topic: Entry): boolean {
  if (result.facets.size > 0 || result.strongWords > FOLLOW_UP_WORDS || result.unknownWords.length > 0) return false;
  if (!asksSomething(text)) return false;
  if (decision.kind === "answer") return decision.hit.entry.id !== topic.id && decision.hit.why.namePrecision < TOPIC_SWITCH_NAME_SHARE;
  // Found nothing: only a message that touches the topic on its own follows it up.
  return decision.kind === "unknown" && result.hits.slice(0, FOLLOW_UP_RANK).some((h) => h.entry.id === topic.id && h.score >= FOLLOW_UP_SCORE);
}

/**
 * Typed bare, these are as often other words ("may": "máy"; "bao": "bảo"; "nhieu": "nhiều"; "dau": "đầu"; "ha": "Hà"), so
 * they ask only with their accents. ("ở đâu" typed bare is a facet: staysOnTopic reads it.)
 */
const BARE_NOT_ASKING: ReadonlySet<string> = new Set(["may", "bao", "nhieu", "dau", "ha"]);

/** The message asks something: a "?", a question word ("nào", "đâu", "sao"…), or a closing "không", "chưa" at its end. */
function asksSomething(text: string): boolean {
  return asksWith(text, (w) => isQuestionWord(w) && !(!hasDiacritics(w) && BARE_NOT_ASKING.has(fold(w))));
}
