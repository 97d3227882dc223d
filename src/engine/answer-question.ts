import type { Facet } from "../knowledge/analyze.js";
import type { Entry } from "../knowledge/schema.js";
import { pairHolders, type SearchHit } from "../knowledge/search.js";
import { fitting } from "./choice-id.js";
import type { EngineContext } from "./context.js";
import { answerEntry, entryChoice } from "./entry-answer.js";
import { intentOverSearch, type IntentTurn } from "./intent-replies.js";
import { menuButton } from "./menu.js";
import { M } from "./messages.js";
import { notFound } from "./not-found.js";
import { readsWithTopic, staysOnTopic } from "./topic.js";
import type { TurnBuilder } from "./turn-builder.js";
import type { Inbound, Turn } from "./types.js";

/** At most this many one-tap choices under "which procedure?". */
const MAX_POPULAR = 6;

/** A question for the knowledge base: the answer, a short clarifying question, or an honest "I don't know". */
export function answerQuestion(text: string, t: IntentTurn): Turn {
  const { ctx, out } = t;
  const result = ctx.index.search(text);
  const decision = result.decision;
  const facets = result.facets;
  const other = intentOverSearch(result, t);
  if (other) return other;

  // A question about a facet ("lệ phí bao nhiêu", "ở đâu làm") is about the conversation's topic
  // unless it clearly names another entry.
  const topic = ctx.entry(out.session.lastEntryId);
  if (topic && facets.size > 0 && staysOnTopic(result, decision, topic)) return answerEntry(ctx, topic, facets, t.inbound, out);
  // A short follow-up the search alone cannot place ("thế làm ở phường nào, em ở trọ"): read with the topic's name.
  if (topic && readsWithTopic(text, result, decision, topic)) {
    const withTopic = ctx.index.search(`${topic.title} ${text}`);
    const read = withTopic.decision;
    if (read.kind === "answer") return answerEntry(ctx, read.hit.entry, withTopic.facets, t.inbound, out);
    if (read.kind === "clarify") return clarify(ctx, read.options, withTopic.facets, t.inbound, out);
  }

  switch (decision.kind) {
    case "answer":
      return answerEntry(ctx, decision.hit.entry, facets, t.inbound, out);
    case "clarify":
      return clarify(ctx, decision.options, facets, t.inbound, out);
    case "facet-only":
      return askWhichProcedure(ctx, facets, out);
    case "variant-only":
      // The entries found with the variant ("Đăng ký khai sinh quá hạn", "Đăng ký khai tử") are the choices.
      return topic ? answerVariant(text, topic, facets, t) : askWhichVariant(ctx, result.hits, facets, out);
    case "unknown":
      return notFound(ctx, text, decision.suggestions, t.inbound, out);
  }
}

/**
 * A variant asked of the conversation's topic ("thế nếu quá hạn thì sao" after khai sinh): the topic's name
 * with the message, searched again, answers it ("Đăng ký khai sinh quá hạn"); where that names nothing
 * (the topic has no such variant) or names only the topic, the topic's own card does, said to be the general one.
 */
function answerVariant(text: string, topic: Entry, facets: ReadonlySet<Facet>, { ctx, inbound, out }: IntentTurn): Turn {
  const decision = ctx.index.search(`${topic.title} ${text}`).decision;
  if (decision.kind === "answer" && decision.hit.entry.id !== topic.id) return answerEntry(ctx, decision.hit.entry, facets, inbound, out);
  if (decision.kind === "clarify") return clarify(ctx, decision.options, facets, inbound, out);
  // The topic itself again: its card, saying it holds nothing on that case.
  return answerEntry(ctx, topic, facets, inbound, out, M.variantGeneral);
}

/**
 * A variant asked with no procedure in the conversation: the choices are the entries whose names or
 * keywords hold it ("quá hạn": khai sinh quá hạn, khai tử…; search decides `variant-only` only when two or
 * more do), not those that only share a word in their text ("giấy ủy quyền" is not "Sau sáp nhập…").
 */
function askWhichVariant(ctx: EngineContext, hits: readonly SearchHit[], facets: ReadonlySet<Facet>, out: TurnBuilder): Turn {
  return askWhichProcedure(ctx, facets, out, pairHolders(hits).map((h) => h.entry));
}

/** One short question with one-tap options; a tap answers the entry with the facet asked. */
function clarify(ctx: EngineContext, options: SearchHit[], facets: ReadonlySet<Facet>, inbound: Inbound, out: TurnBuilder): Turn {
  const first = options[0]!;
  // Search leaves out the question when option 1 restates it; one option is simply the answer.
  if (options.length < 2) return answerEntry(ctx, first.entry, facets, inbound, out);
  out.reply([{ type: "text", text: M.whichOne }], fitting(options.map((h) => entryChoice(h.entry, facets))));
  out.metric("answered", { kind: "clarify" });
  return out.done();
}

/** A facet or a variant asked with no procedure in the conversation: ask which one (`offered`, else the popular ones), never guess. */
function askWhichProcedure(ctx: EngineContext, facets: ReadonlySet<Facet>, out: TurnBuilder, offered: readonly Entry[] = []): Turn {
  const listed = offered.length > 0 ? offered : ctx.intents.popular.map((id) => ctx.entry(id)).filter((e): e is Entry => !!e);
  const choices = listed.slice(0, MAX_POPULAR);
  out.reply([{ type: "text", text: M.whichProcedure }], fitting(choices.map((e) => entryChoice(e, facets))));
  out.metric("answered", { kind: "clarify" });
  return out.done();
}
