import type { Facet } from "../knowledge/analyze.js";
import type { Knowledge } from "../knowledge/loader.js";
import type { Entry } from "../knowledge/schema.js";
import type { SearchDecision, SearchHit, SearchIndex, SearchResult } from "../knowledge/search.js";
import { fold, nfc } from "../text/normalize.js";
import { maskPersonalData } from "../text/mask.js";
import { availableFacets, entryCard } from "./card.js";
import { vietnamDay } from "../knowledge/dated.js";
import { FLOW_CHOICE_PREFIX, type FlowContext, type FlowRunner, type FlowTurn } from "./flow-port.js";
import { createIntentTable, messageForms, type IntentName, type IntentTable, type MessageForms } from "./intents.js";
import {
  CHOICE_LABELS,
  DOSSIER_LOOKUP_URL,
  FACET_LABELS,
  M,
  MENU_LABELS,
  PORTAL_SEARCH_URL,
} from "./messages.js";
import { newSession, SESSION_VERSION, type Block, type Choice, type Effect, type Inbound, type Reply, type Session, type Turn } from "./types.js";

/**
 * The conversation engine: pure. `handle(inbound, session)` returns the replies, the new session
 * and the effects (records to store, metrics) — it sends nothing and stores nothing, so every
 * channel, the CLI and the tests drive the very same logic.
 */
export interface Engine {
  handle(inbound: Inbound, session: Session | null): Turn;
  /**
   * The survey invitation at a natural end that is not a message from the citizen (a staff
   * hand-over case closed): one reply with the survey button, or no reply when it may not be
   * offered now (offered or answered lately, or a flow running). The session records the offer.
   */
  inviteSurvey(session: Session | null, at: number): Turn;
  /** The search behind the engine (for `ask --json`). */
  search(question: string): SearchResult;
  readonly knowledge: Knowledge;
}

export interface EngineOptions {
  knowledge: Knowledge;
  index: SearchIndex;
  flows?: FlowRunner;
  /** The words of greetings, requests for a person, refusals… (knowledge/intents.yaml). Default: none. */
  intents?: IntentTable;
  /** Days between two survey offers to one citizen. Default 30. */
  surveyOfferDays?: number;
  /**
   * Answers in a session after which the survey is offered with the answer (the conversation has
   * gone on a while). Earlier, it is offered only when the citizen winds down ("cảm ơn", "xong
   * rồi", a helpful vote). Default 4.
   */
  surveyOfferAfterAnswers?: number;
  /** Day (YYYY-MM-DD) that time-bound facts are read for. Default: the message's day in Vietnam. */
  today?: string | undefined;
  /**
   * Office staff take hand-over cases (the server has a staff inbox): asking for a person opens a
   * case and "I don't know" offers "Hỏi cán bộ". Default false: the bot lists the ways to reach
   * a person (the terminal has nobody to hand over to).
   */
  handover?: boolean;
}

/** Menu items: a flow when it exists, else the guide entry with that id, else left out. */
const MENU: Array<{ flow?: string; entry?: string; label: string }> = [
  { flow: "online-level", entry: "muc-do-dich-vu-cong-truc-tuyen", label: MENU_LABELS.onlineLevel },
  { flow: "vneid", entry: "dang-nhap-cong-dich-vu-cong", label: MENU_LABELS.vneid },
  { flow: "payment", entry: "thanh-toan-truc-tuyen", label: MENU_LABELS.payment },
  { entry: "nop-ho-so-truc-tuyen", label: MENU_LABELS.submit },
  { entry: "tra-cuu-ho-so", label: MENU_LABELS.dossier },
  { flow: "survey", label: MENU_LABELS.survey },
];

const FACET_CODE: Record<Facet, string> = { documents: "d", fee: "f", time: "t", where: "w", online: "o", steps: "s" };
/** Telegram's limit for callback_data, which carries a choice id. */
export const CHOICE_ID_MAX_BYTES = 64;

/**
 * Every choice id this engine builds around a knowledge entry id (open it, ask one facet of it,
 * rate it helpful or not). `dvc-bot check` refuses entry ids whose longest one would not fit
 * {@link CHOICE_ID_MAX_BYTES}: Telegram drops such buttons.
 */
export function entryChoiceIds(entryId: string): string[] {
  return [`e:${entryId}`, `h:1:${entryId}`, `h:0:${entryId}`, ...Object.values(FACET_CODE).map((code) => `q:${code}:${entryId}`)];
}

const CODE_FACET = Object.fromEntries(Object.entries(FACET_CODE).map(([f, c]) => [c, f as Facet])) as Record<string, Facet>;

const MAX_CHOICE_ID_BYTES = 64;
/** Answers remembered per session for helpful votes (buttons of older answers stay clickable on Telegram). */
const MAX_SHOWN = 20;
/** The guide that explains how to look a dossier up. */
const DOSSIER_GUIDE = "tra-cuu-ho-so";
/**
 * With a topic in the conversation, a question that asks a facet moves to another entry only when
 * it names that entry clearly: at least this share of the entry's best name. "bao lâu thì có kết
 * quả" after khai sinh covers 0.42 of "Nhận kết quả … qua bưu chính" and stays on khai sinh;
 * "lệ phí làm hộ chiếu" covers all of "hộ chiếu" and moves.
 */
const TOPIC_SWITCH_NAME_SHARE = 0.5;
/** At most this many one-tap choices under "which procedure?". */
const MAX_POPULAR = 6;

/** Where an intent is recognised: before anything else, only outside guided flows, or only when search found nothing. */
type IntentScope = "always" | "idle" | "unanswered";

export function createEngine(options: EngineOptions): Engine {
  const { knowledge, index, flows } = options;
  const intents = options.intents ?? createIntentTable();
  const surveyOfferMs = (options.surveyOfferDays ?? 30) * 24 * 3600 * 1000;
  const offerAfter = options.surveyOfferAfterAnswers ?? 4;
  const handover = options.handover ?? false;

  const entry = (id: string | undefined): Entry | undefined => (id ? knowledge.byId.get(id) : undefined);

  interface IntentTurn {
    inbound: Inbound;
    message: MessageForms;
    out: TurnBuilder;
  }
  /**
   * Every intent, in the order it is tried; the words that recognise each are staff data
   * (knowledge/intents.yaml). A handler returns null to let the message go on (e.g. the survey
   * flow does not exist). Flows take the message between the "always" and the "idle" intents.
   */
  const INTENTS: ReadonlyArray<{ name: IntentName; scope: IntentScope; handle(t: IntentTurn): Turn | null }> = [
    { name: "cancel", scope: "always", handle: cancel },
    { name: "greeting", scope: "always", handle: greet },
    { name: "menu", scope: "always", handle: ({ out }) => showMenu(out) },
    { name: "help", scope: "always", handle: ({ out }) => (out.reply([{ type: "text", text: M.help }], menuChoices()), out.done()) },
    { name: "person", scope: "always", handle: reachPerson },
    { name: "survey", scope: "idle", handle: ({ inbound, out }) => (flows?.has("survey") ? startFlow("survey", inbound, out) : null) },
    { name: "thanks", scope: "idle", handle: thank },
    { name: "forgery", scope: "idle", handle: (t) => refuse("forgery", M.forgery, t) },
    { name: "account-access", scope: "idle", handle: (t) => refuse("account-access", M.accountAccess, t) },
    { name: "dossier-status", scope: "idle", handle: dossierStatus },
    { name: "out-of-domain", scope: "unanswered", handle: outOfDomain },
  ];

  function intentFor(scope: IntentScope, t: IntentTurn): Turn | null {
    const inFlow = !!t.out.session.flow;
    for (const intent of INTENTS) {
      if (intent.scope !== scope || !intents.matches(intent.name, t.message, inFlow)) continue;
      const turn = intent.handle(t);
      if (turn) return turn;
    }
    return null;
  }

  function handle(inbound: Inbound, previous: Session | null): Turn {
    const session: Session = previous && previous.v === SESSION_VERSION ? { ...previous } : newSession();
    session.updatedAt = inbound.at;
    const out = new TurnBuilder(session);

    if (inbound.type === "unsupported") {
      out.reply([{ type: "text", text: M.unsupported }], menuChoices());
      return out.done();
    }
    if (inbound.type === "choice") return onChoice(inbound.choiceId, inbound, out);
    // A message cut at the channel's boundary is still answered, and the citizen is told why the
    // answer may miss the end of it.
    if (inbound.clipped) out.reply([{ type: "text", text: M.tooLong }]);

    const text = nfc(inbound.text).trim();
    if (!text) {
      out.reply([{ type: "text", text: M.emptyText }]);
      return out.done();
    }
    const key = fold(text).replace(/[^\p{L}\p{N}/? ]+/gu, " ").replace(/\s+/g, " ").trim();

    // The bot asked for the question to pass on to staff: this message is it, unless it is a
    // command of its own ("hủy", "menu", a greeting).
    if (session.handoverAwaiting) {
      delete session.handoverAwaiting;
      const t: IntentTurn = { inbound, message: messageForms(text), out };
      const always = intentFor("always", t);
      if (always) return always;
      return handOver(maskQuestion(text), lastAnswerOf(session), out);
    }

    // A reply of "2" or an option's words picks a choice on screen (Zalo has no buttons).
    const picked = matchChoice(key, session.choices);
    if (picked) return onChoice(picked.id, inbound, out);

    // "/canbo <question>": the question comes with the request.
    const typed = handover ? /^\/canbo\s+(\S.*)$/is.exec(text)?.[1] : undefined;
    if (typed) {
      delete session.flow;
      return askStaff(maskQuestion(typed), out);
    }

    const t: IntentTurn = { inbound, message: messageForms(text), out };
    const always = intentFor("always", t);
    if (always) return always;

    if (session.flow && flows) {
      return applyFlow(flows.handle({ type: "text", text }, session.flow, flowContext(inbound, session)), inbound, out);
    }
    const trigger = flows?.triggered(text) ?? null;
    if (trigger && flows?.has(trigger)) return startFlow(trigger, inbound, out);

    return intentFor("idle", t) ?? answerQuestion(text, t);
  }

  function cancel({ out }: IntentTurn): Turn {
    delete out.session.flow;
    out.reply([{ type: "text", text: M.cancelled }], menuChoices());
    return out.done();
  }

  /** The whole welcome once per conversation; after that a greeting gets a short hello. */
  function greet({ out, inbound }: IntentTurn): Turn {
    const session = out.session;
    delete session.flow;
    if (session.greetedAt) {
      out.reply([{ type: "text", text: M.greetingAgain }], [{ id: "m", label: CHOICE_LABELS.menu }]);
    } else {
      out.reply([{ type: "text", text: M.greeting }, { type: "text", text: M.menuPrompt }], menuChoices());
    }
    session.greetedAt = inbound.at;
    return out.done();
  }

  function showMenu(out: TurnBuilder): Turn {
    delete out.session.flow;
    out.reply([{ type: "text", text: M.menuPrompt }], menuChoices());
    return out.done();
  }

  /**
   * Asking for a person: with staff on hand, the conversation goes to them — with the question
   * the bot could not answer, the question typed after "/canbo", or else the bot asks for it.
   * Without staff (the terminal) it says honestly how to reach one.
   */
  function reachPerson({ out }: IntentTurn): Turn {
    delete out.session.flow;
    if (!handover) {
      out.reply([{ type: "text", text: M.person }, { type: "list", items: [...M.personWays] }], [...offerChoices("person"), { id: "m", label: CHOICE_LABELS.menu }]);
      out.metric("answered", { kind: "intent" });
      return out.done();
    }
    return askStaff(undefined, out);
  }

  /** Hands over `question`, or the last unanswered one, or asks the citizen for it. */
  function askStaff(question: string | undefined, out: TurnBuilder): Turn {
    const session = out.session;
    const q = question ?? session.lastUnanswered;
    if (!q) {
      session.handoverAwaiting = true;
      out.reply([{ type: "text", text: M.handoverAskQuestion }]);
      return out.done();
    }
    return handOver(q, lastAnswerOf(session, q === session.lastUnanswered), out);
  }

  function handOver(question: string, lastAnswer: string, out: TurnBuilder): Turn {
    delete out.session.lastUnanswered;
    delete out.session.handoverAwaiting;
    out.effect({ type: "handover", question, lastAnswer });
    return out.done();
  }

  /** What the bot last told this citizen, in a few words for staff. */
  function lastAnswerOf(session: Session, unanswered = false): string {
    if (unanswered) return M.handoverLastNotFound;
    const e = entry(session.lastEntryId);
    return e ? e.title : M.handoverLastNone;
  }

  function thank({ inbound, out }: IntentTurn): Turn {
    const offer = surveyOfferChoices(out.session, inbound.at);
    if (offer.length) out.session.surveyOfferedAt = inbound.at;
    out.reply([{ type: "text", text: M.welcomeThanks }], offer);
    return out.done();
  }

  /** A firm, polite no, with the lawful way (the entries staff listed under the intent). */
  function refuse(name: IntentName, text: string, { out }: IntentTurn): Turn {
    out.reply([{ type: "text", text }], [...offerChoices(name), { id: "m", label: CHOICE_LABELS.menu }]);
    out.metric("answered", { kind: "intent" });
    return out.done();
  }

  function dossierStatus({ out }: IntentTurn): Turn {
    const guide = entry(DOSSIER_GUIDE);
    out.reply(
      [
        { type: "text", text: M.dossierStatus },
        { type: "link", url: DOSSIER_LOOKUP_URL, label: M.dossierLookupLabel },
      ],
      [...(guide ? [{ id: `e:${guide.id}`, label: CHOICE_LABELS.related(guide.title) }] : []), { id: "m", label: CHOICE_LABELS.menu }],
    );
    out.metric("answered", { kind: "dossier-status" });
    return out.done();
  }

  /** Gold prices, plane tickets, football: say what the bot is for, and suggest nothing odd. */
  function outOfDomain({ out }: IntentTurn): Turn {
    out.reply([{ type: "text", text: M.outOfDomain }], [{ id: "m", label: CHOICE_LABELS.menu }]);
    out.metric("fallback", { kind: "out-of-domain" });
    return out.done();
  }

  function offerChoices(name: IntentName): Choice[] {
    return intents.offers(name).map((id) => entry(id)).filter((e): e is Entry => !!e).map((e) => ({ id: `e:${e.id}`, label: CHOICE_LABELS.related(e.title) }));
  }

  function answerQuestion(text: string, t: IntentTurn): Turn {
    const { out } = t;
    const result = index.search(text);
    const decision = result.decision;
    const facets = result.facets;
    const named = decision.kind === "answer" || decision.kind === "clarify";
    if (!named) {
      const other = intentFor("unanswered", t);
      if (other) return other;
    }

    // A question about a facet ("lệ phí bao nhiêu", "ở đâu làm") is about the conversation's topic
    // unless it clearly names another entry.
    const topic = entry(out.session.lastEntryId);
    if (topic && facets.size > 0 && staysOnTopic(result, decision, topic)) return answerEntry(topic, facets, t.inbound, out);

    switch (decision.kind) {
      case "answer":
        return answerEntry(decision.hit.entry, facets, t.inbound, out);
      case "clarify":
        return clarify(decision.options, facets, t.inbound, out);
      case "facet-only":
        return askWhichProcedure(facets, out);
      case "unknown":
        return notFound(text, decision.suggestions, t.inbound, out);
    }
  }

  function staysOnTopic(result: SearchResult, decision: SearchDecision, topic: Entry): boolean {
    switch (decision.kind) {
      case "facet-only":
        return true;
      // Nothing else is named; stay unless the citizen typed words we do not know (a topic we lack).
      case "unknown":
        return result.unknownWords.length === 0;
      case "answer":
      case "clarify": {
        const best = decision.kind === "answer" ? decision.hit : decision.options[0]!;
        if (best.entry.id === topic.id) return true;
        if (decision.kind === "clarify" && decision.options.some((h) => h.entry.id === topic.id)) return true;
        if (result.strongWords === 0) return true;
        // "còn lệ phí khai tử?" names a new topic; "bao lâu thì có kết quả" only brushes one.
        return best.why.namePrecision < TOPIC_SWITCH_NAME_SHARE;
      }
    }
  }

  /** One short question with one-tap options; a tap answers the entry with the facet asked. */
  function clarify(options: SearchHit[], facets: ReadonlySet<Facet>, inbound: Inbound, out: TurnBuilder): Turn {
    const first = options[0]!;
    // Search leaves out the question when option 1 restates it; one option is simply the answer.
    if (options.length < 2) return answerEntry(first.entry, facets, inbound, out);
    out.reply([{ type: "text", text: M.whichOne }], options.map((h) => entryChoice(h.entry, facets)).filter(isChoice));
    out.metric("answered", { kind: "clarify" });
    return out.done();
  }

  /** A facet asked with no procedure in the conversation: ask which one, never guess. */
  function askWhichProcedure(facets: ReadonlySet<Facet>, out: TurnBuilder): Turn {
    const popular = intents.popular.map((id) => entry(id)).filter((e): e is Entry => !!e).slice(0, MAX_POPULAR);
    out.reply([{ type: "text", text: M.whichProcedure }], popular.map((e) => entryChoice(e, facets)).filter(isChoice));
    out.metric("answered", { kind: "clarify" });
    return out.done();
  }

  /** "I don't know": the question and its options together, then the portal and the hotline. */
  function notFound(text: string, suggestions: SearchHit[], inbound: Inbound, out: TurnBuilder): Turn {
    const ways: Block[] = [
      { type: "text", text: M.fallbackWayForward },
      { type: "link", url: PORTAL_SEARCH_URL, label: M.portalSearchLabel },
    ];
    const menu: Choice = { id: "m", label: CHOICE_LABELS.menu };
    // Every "I don't know" can go to a person, with this very question.
    const staff: Choice[] = handover ? [{ id: "p", label: CHOICE_LABELS.askStaff }] : [];
    if (handover) out.session.lastUnanswered = maskQuestion(text);
    if (suggestions.length) {
      out.reply([{ type: "text", text: M.notFound }, { type: "text", text: M.didYouMean }], [...suggestions.map((h) => entryChoice(h.entry, new Set())).filter(isChoice), ...staff, menu]);
      out.reply(ways);
    } else {
      out.reply([{ type: "text", text: M.notFound }, { type: "text", text: M.rephrase }, ...ways], [...staff, menu]);
    }
    const closest = suggestions[0];
    // What the citizen wrote (masked, with its diacritics) for the administrator to read; the
    // folded key groups "cho tôi gặp cán bộ" with "cho toi gap can bo".
    const query = maskPersonalData(text).replace(/\s+/g, " ").trim().slice(0, 200);
    out.record("unanswered", {
      query,
      key: fold(query),
      channel: inbound.channel,
      ...(closest ? { closest: closest.entry.id, closestScore: closest.score } : {}),
    });
    out.metric("unanswered");
    return out.done();
  }

  function answerEntry(e: Entry, facets: ReadonlySet<Facet>, inbound: Inbound, out: TurnBuilder): Turn {
    const session = out.session;
    session.lastEntryId = e.id;
    session.answers = (session.answers ?? 0) + 1;
    session.shown = [...(session.shown ?? []).filter((id) => id !== e.id), e.id].slice(-MAX_SHOWN);
    const choices: Choice[] = [];
    const today = options.today ?? vietnamDay(inbound.at);
    for (const f of availableFacets(e, today)) {
      if (!facets.has(f)) choices.push({ id: `q:${FACET_CODE[f]}:${e.id}`, label: FACET_LABELS[f] });
    }
    if (e.kind !== "procedure" && e.flow && flows?.has(e.flow)) choices.unshift({ id: `g:${e.flow}`, label: CHOICE_LABELS.flowStart(flows.title(e.flow) ?? CHOICE_LABELS.stepByStep) });
    for (const id of e.next.slice(0, 2)) {
      const n = entry(id);
      if (n) choices.push({ id: `e:${n.id}`, label: CHOICE_LABELS.next(n.title) });
    }
    choices.push({ id: `h:1:${e.id}`, label: CHOICE_LABELS.helpfulYes }, { id: `h:0:${e.id}`, label: CHOICE_LABELS.helpfulNo });
    const blocks = entryCard(e, facets, today);
    const offer = surveyOfferChoices(session, inbound.at);
    if (offer.length && (session.answers ?? 0) >= offerAfter) {
      session.surveyOfferedAt = inbound.at;
      blocks.push({ type: "text", text: M.surveyOffer });
      choices.push(...offer);
    }
    out.reply(blocks, choices.filter(isChoice));
    out.metric("answered", { kind: e.kind });
    return out.done();
  }

  function onChoice(choiceId: string, inbound: Inbound, out: TurnBuilder): Turn {
    const session = out.session;
    delete session.handoverAwaiting;
    if (choiceId === "p" && handover) return askStaff(undefined, out);
    if (choiceId.startsWith(FLOW_CHOICE_PREFIX)) {
      if (session.flow && flows) return applyFlow(flows.handle({ type: "choice", choiceId }, session.flow, flowContext(inbound, session)), inbound, out);
      // A button from a flow that has ended: show the menu instead of guessing.
      out.reply([{ type: "text", text: M.menuPrompt }], menuChoices());
      return out.done();
    }
    const [kind, a, b] = splitChoice(choiceId);
    switch (kind) {
      case "m":
        return showMenu(out);
      case "e": {
        const e = entry(a);
        if (e) return answerEntry(e, new Set(), inbound, out);
        break;
      }
      case "q": {
        const e = entry(b);
        const facets = decodeFacets(a);
        if (e && facets) return answerEntry(e, facets, inbound, out);
        break;
      }
      case "g":
        if (a && flows?.has(a)) return startFlow(a, inbound, out);
        if (a) {
          const e = entry(MENU.find((m) => m.flow === a)?.entry);
          if (e) return answerEntry(e, new Set(), inbound, out);
        }
        break;
      case "h": {
        const helpful = a === "1";
        // Counted only for an answer this session was shown and has not voted on yet: a forged
        // "h:0:anything" or a second press of the same button is thanked but not counted.
        if (b && session.shown?.includes(b)) {
          out.record("helpful", { entryId: b, helpful, channel: inbound.channel });
          session.shown = session.shown.filter((id) => id !== b);
        }
        out.reply([{ type: "text", text: helpful ? M.helpfulThanks : M.notHelpfulReply }], helpful ? surveyOfferChoices(out.session, inbound.at) : [{ id: "m", label: CHOICE_LABELS.menu }]);
        if (helpful && out.lastChoicesOffered("g:survey")) session.surveyOfferedAt = inbound.at;
        return out.done();
      }
    }
    return showMenu(out);
  }

  function startFlow(flowId: string, inbound: Inbound, out: TurnBuilder): Turn {
    const ctx = flowContext(inbound, out.session);
    out.metric("flow", { flow: flowId });
    return applyFlow(flows!.start(flowId, ctx), inbound, out);
  }

  function applyFlow(turn: FlowTurn, inbound: Inbound, out: TurnBuilder): Turn {
    const session = out.session;
    if (turn.state) session.flow = turn.state;
    else delete session.flow;
    if (turn.sessionPatch) Object.assign(session, turn.sessionPatch);
    for (const r of turn.replies) out.reply(r.blocks, r.choices ?? [], r.choiceLayout);
    for (const e of turn.effects) out.effect(e);
    // A flow that ended with nothing to press (the survey's thank-you) leaves the menu, not a dead end.
    if (!turn.state && !turn.showEntry && !turn.replies.some((r) => r.choices?.length)) out.addChoices([{ id: "m", label: CHOICE_LABELS.menu }]);
    if (turn.showEntry) {
      const e = entry(turn.showEntry);
      if (e) return answerEntry(e, new Set(), inbound, out);
    }
    return out.done();
  }

  function flowContext(inbound: Inbound, session: Session): FlowContext {
    return { inbound, session, now: inbound.at, search: (q) => index.search(q), entry };
  }

  function menuChoices(): Choice[] {
    const out: Choice[] = [];
    for (const item of MENU) {
      if (item.flow && flows?.has(item.flow)) out.push({ id: `g:${item.flow}`, label: item.label });
      else if (item.entry && knowledge.byId.has(item.entry)) out.push({ id: `e:${item.entry}`, label: item.label });
    }
    return out;
  }

  /** A choice that answers the entry, with the facets the citizen asked for when there are any. */
  function entryChoice(e: Entry, facets: ReadonlySet<Facet>): Choice {
    const codes = [...facets].map((f) => FACET_CODE[f]).join("");
    return { id: codes ? `q:${codes}:${e.id}` : `e:${e.id}`, label: e.title };
  }

  /** The survey choice, if it may be offered now (at most once per N days, never during a flow). */
  function surveyOfferChoices(session: Session, now: number): Choice[] {
    if (!flows?.has("survey") || session.flow) return [];
    const last = Math.max(session.surveyOfferedAt ?? 0, session.surveyDoneAt ?? 0);
    if (last && now - last < surveyOfferMs) return [];
    return [{ id: "g:survey", label: CHOICE_LABELS.survey }];
  }

  function inviteSurvey(previous: Session | null, at: number): Turn {
    const session: Session = previous && previous.v === SESSION_VERSION ? { ...previous } : newSession();
    const out = new TurnBuilder(session);
    const offer = surveyOfferChoices(session, at);
    if (offer.length) {
      session.surveyOfferedAt = at;
      out.reply([{ type: "text", text: M.surveyOffer }], [...offer, { id: "m", label: CHOICE_LABELS.menu }]);
    }
    return out.done();
  }

  return { handle, inviteSurvey, search: (q) => index.search(q), knowledge };
}

/** "ft" → {fee, time}; null when any letter is not a facet code. */
function decodeFacets(codes: string | undefined): Set<Facet> | null {
  if (!codes) return null;
  const out = new Set<Facet>();
  for (const c of codes) {
    const f = CODE_FACET[c];
    if (!f) return null;
    out.add(f);
  }
  return out;
}


/** A question as staff may read and the store may keep it: personal numbers masked, bounded. */
function maskQuestion(text: string): string {
  return maskPersonalData(nfc(text)).replace(/\s+/g, " ").trim().slice(0, 1000);
}

function splitChoice(id: string): [string, string | undefined, string | undefined] {
  const [kind = "", a, ...rest] = id.split(":");
  return [kind, a, rest.length ? rest.join(":") : undefined];
}

function isChoice(c: Choice | null): c is Choice {
  return c !== null && Buffer.byteLength(c.id, "utf8") <= MAX_CHOICE_ID_BYTES;
}

/** "2", "2.", "số 2" pick the second choice; so does typing the option's words. */
function matchChoice(key: string, choices: Choice[] | undefined): Choice | null {
  if (!choices?.length) return null;
  const num = /^(?:so |chon )?(\d{1,2})\.?$/.exec(key);
  if (num) return choices[Number(num[1]) - 1] ?? null;
  // Labels are short: a long message is a question, not an option's words.
  if (key.length > 80) return null;
  const plain = (label: string) => fold(label).replace(/[^\p{L}\p{N} ]+/gu, " ").replace(/\s+/g, " ").trim();
  return choices.find((c) => plain(c.label) === key) ?? null;
}

class TurnBuilder {
  readonly replies: Reply[] = [];
  readonly effects: Effect[] = [];
  constructor(readonly session: Session) {}

  reply(blocks: Block[], choices: Choice[] = [], layout?: Reply["choiceLayout"]): void {
    const r: Reply = { blocks };
    if (choices.length) r.choices = choices;
    if (layout) r.choiceLayout = layout;
    this.replies.push(r);
  }
  record(stream: "survey" | "helpful" | "unanswered", record: Record<string, unknown>): void {
    this.effects.push({ type: "record", stream, record });
  }
  metric(name: "answered" | "unanswered" | "fallback" | "flow", labels?: Record<string, string>): void {
    this.effects.push(labels ? { type: "metric", name, labels } : { type: "metric", name });
  }
  effect(e: Effect): void {
    this.effects.push(e);
  }
  /** Adds choices to the last reply (a new empty reply would show as a blank message). */
  addChoices(choices: Choice[]): void {
    const last = this.replies.at(-1);
    if (!last) return this.reply([{ type: "text", text: M.menuPrompt }], choices);
    last.choices = [...(last.choices ?? []), ...choices];
  }
  lastChoicesOffered(id: string): boolean {
    return this.replies.some((r) => r.choices?.some((c) => c.id === id));
  }
  done(): Turn {
    // One list of choices per turn, on the last reply that has any, so "2" is never ambiguous
    // on channels that number choices instead of showing buttons.
    const all: Choice[] = [];
    let holder: Reply | undefined;
    for (const r of this.replies) {
      if (!r.choices) continue;
      for (const c of r.choices) if (!all.some((x) => x.id === c.id)) all.push(c);
      holder = r;
      delete r.choices;
    }
    if (holder && all.length) {
      holder.choices = all;
      this.session.choices = all;
    } else delete this.session.choices;
    return { replies: this.replies, session: this.session, effects: this.effects };
  }
}

