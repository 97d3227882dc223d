import type { Facet } from "../knowledge/analyze.js";
import { vietnamDay } from "../knowledge/dated.js";
import type { Entry } from "../knowledge/schema.js";
import { availableFacets, entryCard } from "./card.js";
import { encodeChoice, fitting } from "./choice-id.js";
import type { EngineContext } from "./context.js";
import { surveyOfferChoices } from "./menu.js";
import { CHOICE_LABELS, FACET_LABELS, M } from "./messages.js";
import type { TurnBuilder } from "./turn-builder.js";
import type { Choice, Inbound, Turn } from "./types.js";

/** Answers remembered per session for helpful votes (buttons of older answers stay clickable on Telegram). */
const MAX_SHOWN = 20;

/**
 * An entry's card, the facet asked first, with what may come next as buttons: the other facets,
 * the entry's guided flow, the entries that usually follow, the helpful vote — and the survey
 * once the conversation has gone on a while.
 */
export function answerEntry(ctx: EngineContext, e: Entry, facets: ReadonlySet<Facet>, inbound: Inbound, out: TurnBuilder, lead?: string): Turn {
  const { flows } = ctx;
  const session = out.session;
  session.lastEntryId = e.id;
  session.answers = (session.answers ?? 0) + 1;
  session.shown = [...(session.shown ?? []).filter((id) => id !== e.id), e.id].slice(-MAX_SHOWN);
  const choices: Choice[] = [];
  const today = ctx.today ?? vietnamDay(inbound.at);
  for (const f of availableFacets(e, today)) {
    if (!facets.has(f)) choices.push({ id: encodeChoice({ kind: "facets", entry: e.id, facets: [f] }), label: FACET_LABELS[f] });
  }
  if (e.kind !== "procedure" && e.flow && flows?.has(e.flow)) {
    choices.unshift({ id: encodeChoice({ kind: "flow", flow: e.flow }), label: CHOICE_LABELS.flowStart(flows.title(e.flow) ?? CHOICE_LABELS.stepByStep) });
  }
  for (const id of e.next.slice(0, 2)) {
    const n = ctx.entry(id);
    if (n) choices.push({ id: encodeChoice({ kind: "entry", entry: n.id }), label: CHOICE_LABELS.next(n.title) });
  }
  choices.push(
    { id: encodeChoice({ kind: "helpful", entry: e.id, helpful: true }), label: CHOICE_LABELS.helpfulYes },
    { id: encodeChoice({ kind: "helpful", entry: e.id, helpful: false }), label: CHOICE_LABELS.helpfulNo },
  );
  const blocks = entryCard(e, facets, today, inbound.type === "text" ? inbound.text : "");
  // A line said before the card, in the same message ("Tôi không xem được hồ sơ của bạn…").
  if (lead) blocks.unshift({ type: "text", text: lead });
  const offer = surveyOfferChoices(ctx, session, inbound.at);
  if (offer.length && (session.answers ?? 0) >= ctx.offerAfter) {
    session.surveyOfferedAt = inbound.at;
    blocks.push({ type: "text", text: M.surveyOffer });
    choices.push(...offer);
  }
  out.reply(blocks, fitting(choices));
  out.metric("answered", { kind: e.kind });
  return out.done();
}

/** A choice that answers the entry, with the facets the citizen asked for when there are any. */
export function entryChoice(e: Entry, facets: ReadonlySet<Facet>): Choice {
  const id = facets.size ? encodeChoice({ kind: "facets", entry: e.id, facets: [...facets] }) : encodeChoice({ kind: "entry", entry: e.id });
  return { id, label: e.title };
}

/** A choice that opens a related entry (the lawful way after a refusal, the tracking guide). */
export function relatedChoice(e: Entry): Choice {
  return { id: encodeChoice({ kind: "entry", entry: e.id }), label: CHOICE_LABELS.related(e.title) };
}
