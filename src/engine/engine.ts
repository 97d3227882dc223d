import type { Facet } from "../knowledge/analyze.js";
import type { Knowledge } from "../knowledge/loader.js";
import type { Entry } from "../knowledge/schema.js";
import type { SearchIndex, SearchResult } from "../knowledge/search.js";
import { fold, nfc } from "../text/normalize.js";
import { maskPersonalData } from "../text/mask.js";
import { availableFacets, entryCard } from "./card.js";
import { vietnamDay } from "../knowledge/dated.js";
import { FLOW_CHOICE_PREFIX, type FlowContext, type FlowRunner, type FlowTurn } from "./flow-port.js";
import {
  CHOICE_LABELS,
  DOSSIER_LOOKUP_URL,
  FACET_LABELS,
  M,
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
  /** The search behind the engine (for `ask --json`). */
  search(question: string): SearchResult;
  readonly knowledge: Knowledge;
}

export interface EngineOptions {
  knowledge: Knowledge;
  index: SearchIndex;
  flows?: FlowRunner;
  /** Days between two survey offers to one citizen. Default 30. */
  surveyOfferDays?: number;
  /** Answers in a session before the survey is offered. Default 2. */
  surveyOfferAfterAnswers?: number;
  /** Day (YYYY-MM-DD) that time-bound facts are read for. Default: the message's day in Vietnam. */
  today?: string | undefined;
}

/** Menu items: a flow when it exists, else the guide entry with that id, else left out. */
const MENU: Array<{ flow?: string; entry?: string; label: string }> = [
  { flow: "online-level", entry: "muc-do-dich-vu-cong-truc-tuyen", label: "🌐 Thủ tục nào làm online được?" },
  { flow: "vneid", entry: "dang-nhap-cong-dich-vu-cong", label: "🪪 Tài khoản VNeID, đăng nhập Cổng DVC" },
  { flow: "payment", entry: "thanh-toan-truc-tuyen", label: "💳 Thanh toán phí, lệ phí trực tuyến" },
  { entry: "nop-ho-so-truc-tuyen", label: "📝 Cách nộp hồ sơ trực tuyến" },
  { entry: "tra-cuu-ho-so", label: "🔎 Tra cứu tình trạng hồ sơ" },
  { flow: "survey", label: "⭐ Đánh giá mức độ hài lòng" },
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

const GREETINGS = new Set(["/start", "start", "bat dau", "xin chao", "chao", "chao ban", "hello", "hi", "alo", "chao bot"]);
const MENU_WORDS = new Set(["menu", "/menu", "danh muc", "quay lai", "trang chu", "ve menu"]);
const HELP_WORDS = new Set(["/help", "help", "tro giup", "giup do", "huong dan su dung", "?"]);
const CANCEL_WORDS = new Set(["huy", "/huy", "thoat", "dung", "dung lai", "/cancel", "cancel", "/stop", "stop", "thoi"]);
const THANKS = /^(cam on|cam on ban|thanks?|thank you|tks|cảm ơn)\b/;
const DOSSIER_CODE = /\b[A-Z0-9]{2,}(?:[.-][A-Z0-9]+){2,}\b/;
const MY_DOSSIER = /\bho so (cua )?(toi|minh|em|chau|con|tui)\b|\bho so (den dau|da xong|xong chua|the nao roi|sao roi)|\b(tinh trang|trang thai) ho so\b/;
const FOLLOW_UP_LEAD = /^(con|the con|vay con|vay|the|con ve|ve)\b/;
const MAX_CHOICE_ID_BYTES = 64;
/** The guide that explains how to look a dossier up. */
const DOSSIER_GUIDE = "tra-cuu-ho-so";

export function createEngine(options: EngineOptions): Engine {
  const { knowledge, index, flows } = options;
  const surveyOfferMs = (options.surveyOfferDays ?? 30) * 24 * 3600 * 1000;
  const offerAfter = options.surveyOfferAfterAnswers ?? 2;

  const entry = (id: string | undefined): Entry | undefined => (id ? knowledge.byId.get(id) : undefined);

  function handle(inbound: Inbound, previous: Session | null): Turn {
    const session: Session = previous && previous.v === SESSION_VERSION ? { ...previous } : newSession();
    session.updatedAt = inbound.at;
    const out = new TurnBuilder(session);

    if (inbound.type === "unsupported") {
      out.reply([{ type: "text", text: M.unsupported }], menuChoices());
      return out.done();
    }
    if (inbound.type === "choice") return onChoice(inbound.choiceId, inbound, out);

    const text = nfc(inbound.text).trim();
    if (!text) {
      out.reply([{ type: "text", text: M.emptyText }]);
      return out.done();
    }
    const key = fold(text).replace(/[^\p{L}\p{N}/? ]+/gu, " ").replace(/\s+/g, " ").trim();

    // A reply of "2" or an option's words picks a choice on screen (Zalo has no buttons).
    const picked = matchChoice(key, session.choices);
    if (picked) return onChoice(picked.id, inbound, out);

    if (CANCEL_WORDS.has(key)) {
      delete session.flow;
      out.reply([{ type: "text", text: M.cancelled }], menuChoices());
      return out.done();
    }
    if (GREETINGS.has(key) || MENU_WORDS.has(key)) {
      delete session.flow;
      const blocks: Block[] = GREETINGS.has(key) ? [{ type: "text", text: M.greeting }, { type: "text", text: M.menuPrompt }] : [{ type: "text", text: M.menuPrompt }];
      out.reply(blocks, menuChoices());
      return out.done();
    }
    if (HELP_WORDS.has(key)) {
      out.reply([{ type: "text", text: M.help }], menuChoices());
      return out.done();
    }

    if (session.flow && flows) {
      return applyFlow(flows.handle({ type: "text", text }, session.flow, flowContext(inbound, session)), inbound, out);
    }
    const trigger = flows?.triggered(text) ?? null;
    if (trigger && flows?.has(trigger)) return startFlow(trigger, inbound, out);

    if (THANKS.test(key)) {
      const offer = surveyOfferChoices(out.session, inbound.at);
      if (offer.length) out.session.surveyOfferedAt = inbound.at;
      out.reply([{ type: "text", text: M.welcomeThanks }], offer);
      return out.done();
    }

    if (DOSSIER_CODE.test(text) || MY_DOSSIER.test(key)) {
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

    return answerQuestion(text, key, inbound, out);
  }

  function answerQuestion(text: string, key: string, inbound: Inbound, out: TurnBuilder): Turn {
    const session = out.session;
    const result = index.search(text);
    const last = entry(session.lastEntryId);
    const top = result.hits[0];
    const ownTopic = result.confident && result.strongWords >= 2;
    const followUp =
      !!last &&
      result.facets.size > 0 &&
      (!result.confident || top?.entry.id === last.id || (FOLLOW_UP_LEAD.test(key) && !ownTopic) || result.strongWords === 0);
    if (followUp) return answerEntry(last, result.facets, inbound, out);

    if (result.confident && top) {
      if (result.ambiguous) {
        const close = result.hits.filter((h) => top.score - h.score <= 0.08).slice(0, 4);
        out.reply([{ type: "text", text: M.whichOne }], close.map((h) => entryChoice(h.entry)).filter(isChoice));
        out.metric("answered", { kind: "ambiguous" });
        return out.done();
      }
      return answerEntry(top.entry, result.facets, inbound, out);
    }

    if (result.facets.size > 0 && result.strongWords === 0 && !last) {
      out.reply([{ type: "text", text: M.noFollowUpContext }], menuChoices());
      return out.done();
    }

    // Not sure: say so, offer the closest entries to pick from, and the official ways forward.
    const suggestions = result.hits.filter((h) => h.score >= 0.3).slice(0, 3);
    const blocks: Block[] = [{ type: "text", text: M.notFound }];
    if (suggestions.length) blocks.push({ type: "text", text: M.didYouMean });
    else blocks.push({ type: "text", text: M.rephrase });
    blocks.push({ type: "text", text: M.fallbackWayForward });
    blocks.push({ type: "link", url: PORTAL_SEARCH_URL, label: M.portalSearchLabel });
    out.reply(blocks, [...suggestions.map((h) => entryChoice(h.entry)).filter(isChoice), { id: "m", label: CHOICE_LABELS.menu }]);
    out.record("unanswered", {
      query: fold(maskPersonalData(text)).replace(/\s+/g, " ").trim().slice(0, 200),
      channel: inbound.channel,
      ...(suggestions[0] ? { closest: suggestions[0].entry.id, closestScore: suggestions[0].score } : {}),
    });
    out.metric("unanswered");
    return out.done();
  }

  function answerEntry(e: Entry, facets: ReadonlySet<Facet>, inbound: Inbound, out: TurnBuilder): Turn {
    const session = out.session;
    session.lastEntryId = e.id;
    session.answers = (session.answers ?? 0) + 1;
    const choices: Choice[] = [];
    const today = options.today ?? vietnamDay(inbound.at);
    for (const f of availableFacets(e, today)) {
      if (!facets.has(f)) choices.push({ id: `q:${FACET_CODE[f]}:${e.id}`, label: FACET_LABELS[f] });
    }
    if (e.kind !== "procedure" && e.flow && flows?.has(e.flow)) choices.unshift({ id: `g:${e.flow}`, label: `▶️ ${flows.title(e.flow) ?? "Hướng dẫn từng bước"}` });
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
    if (choiceId.startsWith(FLOW_CHOICE_PREFIX)) {
      if (session.flow && flows) return applyFlow(flows.handle({ type: "choice", choiceId }, session.flow, flowContext(inbound, session)), inbound, out);
      // A button from a flow that has ended: show the menu instead of guessing.
      out.reply([{ type: "text", text: M.menuPrompt }], menuChoices());
      return out.done();
    }
    const [kind, a, b] = splitChoice(choiceId);
    switch (kind) {
      case "m":
        delete session.flow;
        out.reply([{ type: "text", text: M.menuPrompt }], menuChoices());
        return out.done();
      case "e": {
        const e = entry(a);
        if (e) return answerEntry(e, new Set(), inbound, out);
        break;
      }
      case "q": {
        const e = entry(b);
        const facet = CODE_FACET[a ?? ""];
        if (e && facet) return answerEntry(e, new Set([facet]), inbound, out);
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
        out.record("helpful", { entryId: b, helpful, channel: inbound.channel });
        out.reply([{ type: "text", text: helpful ? M.helpfulThanks : M.notHelpfulReply }], helpful ? surveyOfferChoices(out.session, inbound.at) : [{ id: "m", label: CHOICE_LABELS.menu }]);
        if (helpful && out.lastChoicesOffered("g:survey")) session.surveyOfferedAt = inbound.at;
        return out.done();
      }
    }
    out.reply([{ type: "text", text: M.menuPrompt }], menuChoices());
    return out.done();
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

  function entryChoice(e: Entry): Choice | null {
    return { id: `e:${e.id}`, label: e.title };
  }

  /** The survey choice, if it may be offered now (at most once per N days, never during a flow). */
  function surveyOfferChoices(session: Session, now: number): Choice[] {
    if (!flows?.has("survey") || session.flow) return [];
    const last = Math.max(session.surveyOfferedAt ?? 0, session.surveyDoneAt ?? 0);
    if (last && now - last < surveyOfferMs) return [];
    return [{ id: "g:survey", label: CHOICE_LABELS.survey }];
  }

  return { handle, search: (q) => index.search(q), knowledge };
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

