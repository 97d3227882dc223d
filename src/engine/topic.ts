import type { Entry } from "../knowledge/schema.js";
import type { SearchDecision, SearchResult } from "../knowledge/search.js";

/**
 * With a topic in the conversation, a question that asks a facet moves to another entry only when
 * it names that entry clearly: at least this share of the entry's best name. "bao lâu thì có kết
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
