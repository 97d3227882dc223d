import type { Entry } from "../knowledge/schema.js";
import type { SearchHit, SearchResult } from "../knowledge/search.js";
import type { EngineContext } from "./context.js";
import { answerEntry, relatedChoice } from "./entry-answer.js";
import { startFlow } from "./flow-bridge.js";
import { accentKey, rawTokens, tokens } from "../text/normalize.js";
import { askStaff, staffChoices } from "./handover.js";
import { messageForms, type IntentName, type MessageForms } from "./intents.js";
import { DUTY_ASKS, FINE_AFTER_DUTY, FINE_BEFORE_DUTY } from "../knowledge/language.js";
import { menuButton, menuChoices, showMenu, SURVEY_FLOW, surveyOfferChoices } from "./menu.js";
import { notFound } from "./not-found.js";
import { DOSSIER_LOOKUP_URL, M } from "./messages.js";
import type { TurnBuilder } from "./turn-builder.js";
import type { Block, Choice, Inbound, Turn } from "./types.js";

/** What an intent's reply works on: the message, in the forms the intent table reads, and the turn. */
export interface IntentTurn {
  ctx: EngineContext;
  inbound: Inbound;
  message: MessageForms;
  out: TurnBuilder;
  /** The search's reading of the message, for the intents tried after it ("unanswered"). */
  result?: SearchResult;
}

/**
 * Where an intent is recognised: before anything else, only outside guided flows, or after the
 * search, unless it names an entry firmly (see {@link intentOverSearch}).
 */
export type IntentScope = "always" | "idle" | "unanswered";

/** The guide that explains how to look a dossier up. */
const DOSSIER_GUIDE = "tra-cuu-ho-so";

/**
 * Every intent, in the order it is tried; the words that recognise each are staff data
 * (knowledge/intents.yaml). A handler returns null to let the message go on (e.g. the survey
 * flow does not exist). Flows take the message between the "always" and the "idle" intents.
 */
const INTENTS: ReadonlyArray<{
  name: IntentName;
  scope: IntentScope;
  /** "unanswered" only: the intent's every phrase counts even when the search names an entry firmly (not just `over`). */
  overFirm?: true;
  handle(t: IntentTurn): Turn | null;
}> = [
  { name: "cancel", scope: "always", handle: cancel },
  { name: "greeting", scope: "always", handle: greet },
  { name: "menu", scope: "always", handle: ({ ctx, out }) => showMenu(ctx, out) },
  { name: "help", scope: "always", handle: ({ ctx, out }) => (out.reply([{ type: "text", text: M.help }], menuChoices(ctx)), out.done()) },
  // "Bạn là người hay máy?": the assistant says what it is and how to reach staff; the conversation is not handed over
  // (nobody asked for a person yet — a message that does ask is in the intent's `unless` and goes on to `person`).
  { name: "bot-question", scope: "always", handle: sayWhatIAm },
  { name: "person", scope: "always", handle: reachPerson },
  { name: "survey", scope: "idle", handle: ({ ctx, inbound, out }) => (ctx.flows?.has(SURVEY_FLOW) ? startFlow(ctx, SURVEY_FLOW, inbound, out) : null) },
  { name: "thanks", scope: "idle", handle: thank },
  { name: "forgery", scope: "idle", handle: (t) => refuse("forgery", M.forgery, t) },
  { name: "bribe", scope: "idle", handle: (t) => refuse("bribe", M.bribe, t) },
  { name: "account-access", scope: "idle", handle: (t) => refuse("account-access", M.accountAccess, t) },
  { name: "identity-misuse", scope: "idle", handle: (t) => refuse("identity-misuse", M.identityMisuse, t) },
  // Someone else's personal data ("xin thông tin chủ sổ đỏ mảnh đất bên cạnh", "số điện thoại riêng
  // của chủ tịch xã"): tried before the search, since such messages name a paper or an office firmly.
  { name: "personal-data", scope: "idle", handle: (t) => refuse("personal-data", M.personalData, t) },
  { name: "dossier-status", scope: "idle", handle: dossierStatus },
  // Whether papers that name a merged province or an abolished district must be redone ("Trà Vinh nhập vào Vĩnh Long
  // rồi thì giấy khai sinh … có phải làm lại không"): one guide answers for every paper (the intent's first offer),
  // so the intent comes before the search, which would show the card of the paper the message names.
  { name: "renamed-places", scope: "idle", handle: (t) => offeredCard("renamed-places", t) },
  // "dịch sang tiếng Anh: giấy phép lao động" asks for words, not the procedure it names.
  { name: "translation", scope: "idle", handle: outOfDomain },
  // A public service the knowledge does not cover yet ("nhận con nuôi"): say so plainly and record
  // it for staff, rather than show the card that happens to share a word ("nuôi con" of thai sản).
  { name: "not-covered", scope: "unanswered", handle: ({ ctx, inbound, message, out }) => notFound(ctx, message.text, [], inbound, out, { opening: M.notCovered, rephrase: false }) },
  { name: "out-of-domain", scope: "unanswered", handle: outOfDomain },
  // A message whose only request is general knowledge or an opinion about a public-service thing ("VNeID do
  // công ty nào viết", "tại sao gọi là sổ đỏ", "có nên ly hôn không") and that asks for no service action:
  // say the bot does not answer those, and offer the procedure found as one tap. Its `over` phrases (who
  // built it, why it is called so) count even when the message names an entry firmly; comparisons and
  // advice ("hộ chiếu gắn chip loại nào tốt hơn") only when it does not.
  { name: "general-knowledge", scope: "unanswered", handle: generalKnowledge },
  // "không đăng ký tạm trú bị phạt bao nhiêu": no entry states fines, so no card answers the amount,
  // not even one the message names firmly ("không sang tên xe bị phạt bao nhiêu"); say so, and offer
  // the procedures found as one tap (doing it is the lawful way out). An entry staff list under
  // `answered_by` answers fine questions itself: its card stands.
  { name: "penalty", scope: "unanswered", overFirm: true, handle: penalty },
  // A complaint about staff or service ("cán bộ quát nạt", "bắt về lấy giấy tờ 3 lần mà không nói
  // một lần") names no procedure: the card of the way to complain (the intent's first offer).
  { name: "complaint", scope: "unanswered", handle: (t) => offeredCard("complaint", t, M.complaintLead) },
  // Where to file now that districts are gone ("bây giờ không còn huyện nữa hả, làm giấy tờ thì lên xã hay đi đâu"): the
  // search reads "huyện" as a place, and such a message often gets no card; the card staff offer for it (the two-level
  // government guide) answers then — only when the search gives no card of its own ("bỏ huyện rồi, đăng ký hộ kinh doanh
  // nộp ở đâu" is the registration card).
  { name: "district-offices", scope: "unanswered", handle: (t) => cardWhenUnanswered("district-offices", t) },
  // An old person without a pension asking for money each month ("bà nội em 81 tuổi, không có lương hưu, có được nhận tiền
  // hàng tháng không"): the monthly social allowance card, when the search gives no card of its own or the message says one
  // of the intent's `over` phrases ("88 tuổi … không có lương hưu … trợ cấp").
  { name: "elderly-allowance", scope: "unanswered", handle: (t) => cardWhenUnanswered("elderly-allowance", t) },
  // A VNeID account on a SIM in someone else's name ("sim đứng tên chồng, kích hoạt vneid mức 2 được không"): the answer is
  // to put the SIM in one's own name first (the guide staff offer), even when the message names the level-2 card firmly.
  { name: "sim-owner", scope: "unanswered", overFirm: true, handle: (t) => offeredCard("sim-owner", t) },
  // Money taken but the payment failed ("trả tiền qua ví báo lỗi mà tiền trong ví bị trừ rồi"): the failed-payment guide,
  // even when the message names the procedure it was paying for firmly (that is the story, not the question).
  { name: "payment-failed", scope: "unanswered", overFirm: true, handle: (t) => offeredCard("payment-failed", t) },
  // The survivor's allowance after a death ("chồng tôi có lương hưu, ổng mất rồi thì tôi có được hưởng tiền tuất không"):
  // the death-registration bundle that pays it, unless the message names another entry firmly.
  { name: "survivor-allowance", scope: "unanswered", handle: (t) => offeredCard("survivor-allowance", t) },
];

/** Where an intent is tried (`intents-schema.ts` keeps `over` to the "unanswered" ones; a test ties the two). */
export function intentScope(name: IntentName): IntentScope | undefined {
  return INTENTS.find((i) => i.name === name)?.scope;
}

/**
 * How firmly a search answer must name its entry to stand against words of another topic in
 * the message: "làm hộ chiếu để mua vé máy bay" names the passport whole, "số đề hôm nay đánh
 * con gì" shares two loose words with "biển số định danh", and a landlord's story about the
 * price of electricity shares a fifth of its words with the complaints guide.
 */
export const FIRM_ANSWER = {
  /** Share of the entry's best name that the message covers. */
  namePrecision: 0.8,
  /** Share of the message's weight that the entry's names explain. */
  nameCoverage: 0.3,
  /** Share of the message's word pairs found as pairs in the entry's names (0: scattered words). */
  phrase: 0.01,
} as const;

/** Whether the search names an entry (to answer or to ask between variants) firmly: see {@link FIRM_ANSWER}. */
export function firmlyNamed(result: SearchResult): boolean {
  const d = result.decision;
  const best = d.kind === "answer" ? d.hit : d.kind === "clarify" ? d.options[0] : undefined;
  if (!best) return false;
  const w = best.why;
  return w.namePrecision >= FIRM_ANSWER.namePrecision && w.nameCoverage >= FIRM_ANSWER.nameCoverage && w.phrase >= FIRM_ANSWER.phrase;
}

/**
 * The reply of an "unanswered" intent (out of domain) the message says, unless the search names
 * an entry firmly: a topic word of chit-chat does not silence a real question, and a loose
 * match does not turn chit-chat into a card. Against a firm answer only an intent's `over`
 * phrases count (a service no entry covers, said next to one that has an entry).
 */
export function intentOverSearch(result: SearchResult, t: IntentTurn): Turn | null {
  return intentFor("unanswered", { ...t, result }, firmlyNamed(result));
}

/** The reply of the first intent of `scope` that the message says (with `overOnly`, by an `over` phrase), or null. */
export function intentFor(scope: IntentScope, t: IntentTurn, overOnly = false): Turn | null {
  const inFlow = !!t.out.session.flow;
  for (const intent of INTENTS) {
    if (intent.scope !== scope) continue;
    const says = overOnly && !intent.overFirm ? t.ctx.intents.overrides(intent.name, t.message) : t.ctx.intents.matches(intent.name, t.message, inFlow);
    if (!says) continue;
    const turn = intent.handle(t);
    if (turn) return turn;
  }
  return null;
}

function cancel({ ctx, out }: IntentTurn): Turn {
  delete out.session.flow;
  out.reply([{ type: "text", text: M.cancelled }], menuChoices(ctx));
  return out.done();
}

/** The whole welcome once per conversation; after that a greeting gets a short hello. */
function greet({ ctx, out, inbound }: IntentTurn): Turn {
  const session = out.session;
  delete session.flow;
  if (session.greetedAt) {
    out.reply([{ type: "text", text: M.greetingAgain }], [menuButton()]);
  } else {
    out.reply([{ type: "text", text: M.greeting }, { type: "text", text: M.menuPrompt }], menuChoices(ctx));
  }
  session.greetedAt = inbound.at;
  return out.done();
}

/**
 * Asking for a person: with staff on hand, the conversation goes to them — with the question
 * the bot could not answer, the question typed after "/canbo", or else the bot asks for it.
 * Without staff (the terminal) it says honestly how to reach one.
 */
function reachPerson({ ctx, out }: IntentTurn): Turn {
  delete out.session.flow;
  if (!ctx.handover) {
    out.reply([{ type: "text", text: M.person }, { type: "list", items: [...M.personWays] }], [...offerChoices(ctx, "person"), menuButton()]);
    out.metric("answered", { kind: "intent" });
    return out.done();
  }
  return askStaff(ctx, undefined, out);
}

/**
 * Asked whether a person answers: an assistant, it says so; with staff on hand it offers them as one tap ("Hỏi cán bộ",
 * or "/canbo" typed with the question), without staff it lists the ways to reach one.
 */
function sayWhatIAm({ ctx, out }: IntentTurn): Turn {
  delete out.session.flow;
  const offers = [...offerChoices(ctx, "bot-question"), menuButton()];
  if (ctx.handover) {
    out.reply([{ type: "text", text: M.botIdentity }, { type: "text", text: M.botIdentityStaff }], [...staffChoices(ctx), ...offers]);
  } else {
    out.reply([{ type: "text", text: M.botIdentity }, { type: "text", text: M.botIdentityWays }, { type: "list", items: [...M.personWays] }], offers);
  }
  out.metric("answered", { kind: "intent" });
  return out.done();
}

function thank({ ctx, inbound, out }: IntentTurn): Turn {
  const offer = surveyOfferChoices(ctx, out.session, inbound.at);
  if (offer.length) out.session.surveyOfferedAt = inbound.at;
  out.reply([{ type: "text", text: M.welcomeThanks }], offer);
  return out.done();
}

/** A firm, polite no, with the lawful way (the entries staff listed under the intent). */
function refuse(name: IntentName, text: string, { ctx, out }: IntentTurn): Turn {
  out.reply([{ type: "text", text }], [...offerChoices(ctx, name), menuButton()]);
  out.metric("answered", { kind: "intent" });
  return out.done();
}

/**
 * "Hồ sơ của tôi đến đâu rồi", "làm căn cước mấy tuần rồi mà chưa có": the bot cannot see a dossier,
 * so it says so in one line and shows the lookup guide's card (its steps cover the portal, VNeID,
 * the police portal and what to do when the date has passed). Without that guide: the portal's link.
 */
function dossierStatus({ ctx, inbound, out }: IntentTurn): Turn {
  const guide = ctx.entry(DOSSIER_GUIDE);
  if (guide) return answerEntry(ctx, guide, new Set(), inbound, out, M.dossierStatusLead);
  out.reply(
    [
      { type: "text", text: M.dossierStatus },
      { type: "link", url: DOSSIER_LOOKUP_URL, label: M.dossierLookupLabel },
    ],
    [menuButton()],
  );
  out.metric("answered", { kind: "dossier-status" });
  return out.done();
}

/**
 * The intent's first offer, only when the search shows no card of its own (it asks back, or does not know) or the message
 * says one of the intent's `over` phrases: that outweighs the search's own card ("88 tuổi … không có lương hưu … trợ cấp"
 * over a pension procedure).
 */
function cardWhenUnanswered(name: IntentName, t: IntentTurn): Turn | null {
  const answered = t.result?.decision.kind === "answer" && !t.ctx.intents.overrides(name, t.message);
  return answered ? null : offeredCard(name, t);
}

/** The card of the intent's first offer (the way to complain, the guide on papers after the mergers), or nothing when staff removed it. */
function offeredCard(name: IntentName, { ctx, inbound, out }: IntentTurn, lead?: string): Turn | null {
  const guide = ctx.entry(ctx.intents.offers(name)[0]);
  return guide ? answerEntry(ctx, guide, new Set(), inbound, out, lead) : null;
}

/**
 * A fine's amount asked with a procedure the search answers: the hits this close to the answer
 * (a share of its score) are offered after it, up to `max` ("không đăng ký tạm trú bị phạt bao
 * nhiêu": registering and extending tạm trú). The engine's own thresholds live here and in
 * {@link FIRM_ANSWER}; the search's are in `DEFAULT_WEIGHTS`.
 */
export const PENALTY_OFFER = { share: 0.8, max: 3 } as const;

const DUTY_RUNS = DUTY_ASKS.map(messageForms);
const FINE_AFTER = new Set(FINE_AFTER_DUTY.flatMap((w) => messageForms(w).folded));
const FINE_BEFORE = new Set(FINE_BEFORE_DUTY.flatMap((w) => messageForms(w).folded));

/**
 * The message asks whether or how to do the thing ("có phải khai báo … không", "phải làm sao"), besides the fine:
 * see `DUTY_ASKS` (knowledge/language.ts). A word typed with accents must be the run's own ("có căn cước" is no
 * "có cần"); typed bare, it may be.
 */
export function asksDuty(message: Pick<MessageForms, "folded" | "accented">): boolean {
  const { folded: t, accented: a } = message;
  const fineBefore = (i: number) => FINE_BEFORE.has(t[i - 1] ?? "") || FINE_BEFORE.has(t[i - 2] ?? "");
  const runAt = (run: MessageForms, i: number) => run.folded.every((w, k) => t[i + k] === w && (a[i + k] == null || a[i + k] === run.accented[k]));
  return t.some((_, i) => !fineBefore(i) && DUTY_RUNS.some((run) => runAt(run, i) && !FINE_AFTER.has(t[i + run.folded.length] ?? "")));
}

/**
 * A fine's amount: not in the knowledge. Say so, and offer what the search found as one-tap
 * choices, the answer first; null (the card answers) when the best entry is one staff listed
 * under `answered_by` (it speaks of fines or lateness itself), or when the message names its entry
 * firmly and asks it another facet too, or whether or how it must be done (`asksDuty`).
 */
function penalty({ ctx, inbound, message, out, result }: IntentTurn): Turn | null {
  const d = result?.decision;
  const best = d?.kind === "answer" ? d.hit : d?.kind === "clarify" ? d.options[0] : undefined;
  if (best && ctx.intents.answeredBy("penalty").includes(best.entry.id)) return null;
  // A message naming its entry firmly that also asks it something besides the fine (how to do it online, where,
  // which papers; "bao nhiêu tiền" reads as the fee), or whether or how the thing must be done ("chủ trọ có phải khai
  // báo tạm trú cho người thuê không …, phạt bao nhiêu"; "có phải bị phạt không" asks the fine only), gets the card:
  // it answers that part — said after a line on the fine, so the question about the amount is not passed over.
  const asksMore = result && firmlyNamed(result) && ([...result.facets].some((f) => f !== "fee") || (d?.kind === "answer" && asksDuty(message)));
  if (asksMore) return d?.kind === "answer" ? answerEntry(ctx, d.hit.entry, result.facets, inbound, out, M.penaltyLead) : null;
  let found: SearchHit[] = [];
  if (d?.kind === "answer") {
    // Not an entry the message rules out (its `not_when`): it is never offered as a one-tap choice.
    const close = (result?.hits ?? []).filter((h) => h !== d.hit && h.why.excluded !== true && h.score >= d.hit.score * PENALTY_OFFER.share);
    found = [d.hit, ...close.filter((h) => accentsAgree(h, message))].slice(0, PENALTY_OFFER.max);
  } else if (d?.kind === "clarify") found = d.options.filter((h) => accentsAgree(h, message));
  else if (d?.kind === "unknown") found = d.suggestions.filter((h) => accentsAgree(h, message));
  return notFound(ctx, message.text, found, inbound, out, { opening: M.penalty, rephrase: false, heading: M.relatedProcedures, ways: false });
}

/**
 * False when a word of the hit's title is one the citizen typed only with other accents: "khai
 * sinh trễ" does not offer "khai sinh cho trẻ bị bỏ rơi" (as in the intents' own phrases, a typed
 * accent must agree; a word typed bare may be either).
 */
export function accentsAgree(hit: SearchHit, message: MessageForms): boolean {
  const folded = tokens(hit.entry.title);
  const accented = rawTokens(hit.entry.title).map(accentKey);
  return folded.every((f, k) => {
    const typed = message.folded.flatMap((w, j) => (w === f ? [message.accented[j]] : []));
    return typed.length === 0 || typed.some((a) => a === null || a === accented[k]);
  });
}

/** Gold prices, plane tickets, football: say what the bot is for, and suggest nothing odd. */
/**
 * General knowledge or advice: not answered, and not a gap in the knowledge (nothing recorded for staff).
 * The procedure the search found (its answer, first option or first suggestion, accents agreeing) is
 * offered as one tap, for a citizen who does have something to do about it.
 */
function generalKnowledge({ message, out, result }: IntentTurn): Turn {
  const d = result?.decision;
  const found = d?.kind === "answer" ? [d.hit] : d?.kind === "clarify" ? d.options : d?.kind === "unknown" ? d.suggestions : [];
  const offer = found.filter((h) => accentsAgree(h, message)).slice(0, 1);
  const text: Block[] = [{ type: "text", text: M.generalKnowledge }];
  if (offer.length) text.push({ type: "text", text: M.generalKnowledgeOffer });
  out.reply(text, [...offer.map((h) => relatedChoice(h.entry)), menuButton()]);
  out.metric("fallback", { kind: "general-knowledge" });
  return out.done();
}

function outOfDomain({ out }: IntentTurn): Turn {
  out.reply([{ type: "text", text: M.outOfDomain }], [menuButton()]);
  out.metric("fallback", { kind: "out-of-domain" });
  return out.done();
}

function offerChoices(ctx: EngineContext, name: IntentName): Choice[] {
  return ctx.intents
    .offers(name)
    .map((id) => ctx.entry(id))
    .filter((e): e is Entry => !!e)
    .map(relatedChoice);
}
