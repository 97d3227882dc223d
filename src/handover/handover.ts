import { randomUUID } from "node:crypto";
import { setTimeout as delay } from "node:timers/promises";
import type { Message, Update } from "grammy/types";
import { errorSummary } from "../log.js";
import type { HandoverHooks } from "../runtime/dispatcher.js";
import type { Metrics } from "../runtime/metrics.js";
import type { StoreKeys } from "../runtime/store-keys.js";
import { encodeChoice } from "../engine/choice-id.js";
import type { ChannelName, Effect, Inbound, Reply } from "../engine/types.js";
import type { Logger } from "../log.js";
import type { Guards, SessionStore } from "../store/port.js";
import { maskPersonalData } from "../text/mask.js";
import { nfc, textKey } from "../text/normalize.js";
import type { CaseStore, HandoverCase } from "./case-store.js";
import { CHANNEL_LABELS, HM, LEAVE_WORDS, type CloseReason } from "./messages.js";
import { nextOpening, type OfficeHours } from "./office-hours.js";
import { computeHandoverStats, type HandoverStats } from "./stats.js";

/** Sends replies to one chat of a channel; throws when the platform refused or was unreachable. */
export type Deliver = (chatId: string, replies: readonly Reply[]) => Promise<void>;

/** The staff group on Telegram: post a text (optionally as a reply), get the message id back. */
export interface StaffGroup {
  post(text: string, replyTo?: number): Promise<number>;
}

export interface HandoverOptions {
  cases: CaseStore;
  /** The chat store: dedup of staff updates, and the citizen's session (survey choice on close). */
  store: SessionStore & Guards;
  logger: Logger;
  metrics?: Metrics | undefined;
  hours: OfficeHours;
  /** An open case with no message for this long is closed. */
  idleMs: number;
  /** Absent → no Telegram staff group (the web inbox only). */
  staffGroup?: StaffGroup | undefined;
  /** Delivery per channel; the web is always delivered through the outbox the page polls. */
  deliverers: Partial<Record<ChannelName, Deliver>>;
  sessionTtlSeconds: number;
  /** The dispatcher's salted chat keys: a web page's poll finds its outbox by them. */
  keys: StoreKeys;
  /** Waits before each retry of a failed delivery. Default [500, 2000] (three attempts). */
  retryDelaysMs?: number[] | undefined;
  now?: () => number;
}

type HandoverEffect = Extract<Effect, { type: "handover" }>;

export interface Handover extends HandoverHooks {
  readonly cases: CaseStore;
  /** A message in the staff group (a reply to a case post, or `/xong`). Never throws. */
  staffUpdate(update: Update): Promise<void>;
  /** A staff answer (group or inbox) to the citizen of case `id`. */
  staffReply(id: string, text: string, replyTo?: number): Promise<"delivered" | "failed" | "closed" | "unknown">;
  /** Closes case `id`; false when it was not open. The citizen and the group are told. */
  close(id: string, by: CloseReason): Promise<boolean>;
  /** Closes cases idle for longer than `idleMs`; how many. */
  sweep(): Promise<number>;
  /** Replies waiting for a web chat (its page polls). */
  takeWebReplies(sessionId: string): Promise<Reply[]>;
  stats(range?: { since?: number; until?: number }): Promise<HandoverStats>;
}

const text = (t: string) => ({ type: "text" as const, text: t });
const SURVEY_CHOICE = encodeChoice({ kind: "flow", flow: "survey" });
type StaffReplyResult = Awaited<ReturnType<Handover["staffReply"]>>;

/** What every step of the hand-over works with: the options, resolved. */
interface Desk extends HandoverOptions {
  log: Logger;
  now: () => number;
  retryDelays: number[];
}

/**
 * Hand-over to one-stop office staff. A case opens when the engine hands a conversation over;
 * while it is open the citizen's messages go to staff (the Telegram group and the web inbox)
 * instead of the bot; staff answers reach the citizen on their own channel, retried, and marked
 * failed where they cannot be delivered; `/xong`, the citizen's "quay lại trợ lý" or idleness
 * close it. All state is in the CaseStore, so any instance can take any step.
 */
export function createHandover(options: HandoverOptions): Handover {
  const desk: Desk = { ...options, log: options.logger.child({ component: "handover" }), now: options.now ?? Date.now, retryDelays: options.retryDelaysMs ?? [500, 2000] };
  return {
    cases: options.cases,
    route: (inbound, chatKey) => route(desk, inbound, chatKey),
    open: (effect, inbound, chatKey) => openCase(desk, effect, inbound, chatKey),
    staffUpdate: (update) => staffUpdate(desk, update),
    staffReply: (id, body, replyTo) => staffReply(desk, id, body, replyTo),
    close: (id, by) => close(desk, id, by),
    sweep: () => sweep(desk),
    takeWebReplies: (sessionId) => options.cases.takeOutbox(options.keys.chat({ channel: "web", chatId: sessionId })),
    stats: async (range) => computeHandoverStats(await options.cases.list(range), desk.now()),
  };
}

const channelLabel = (c: { channel: string }) => CHANNEL_LABELS[c.channel] ?? c.channel;

/** Posts to the staff group; a failure is logged, never thrown (the inbox still has the case). */
async function postToGroup(d: Desk, c: HandoverCase, body: string, replyTo?: number): Promise<void> {
  if (!d.staffGroup) return;
  try {
    const id = await d.staffGroup.post(body, replyTo);
    await d.cases.linkPost(c.id, String(id));
  } catch (err) {
    d.log.warn({ err: errorSummary(err), caseId: c.id }, "handover: could not post to the staff group");
  }
}

async function deliverOnce(d: Desk, c: HandoverCase, replies: Reply[]): Promise<void> {
  if (c.channel === "web") {
    for (const r of replies) await d.cases.pushOutbox(c.chatKey, r);
    return;
  }
  const deliver = d.deliverers[c.channel];
  if (!deliver) throw new Error(`handover: no way to reach the ${c.channel} channel`);
  await deliver(c.chatId, replies);
}

/** Delivers with retries; false when every attempt failed. */
async function deliver(d: Desk, c: HandoverCase, replies: Reply[]): Promise<boolean> {
  for (let attempt = 0; ; attempt++) {
    try {
      await deliverOnce(d, c, replies);
      return true;
    } catch (err) {
      const wait = d.retryDelays[attempt];
      d.log.warn({ err: errorSummary(err), caseId: c.id, channel: c.channel, attempt: attempt + 1 }, "handover: delivery to the citizen failed");
      if (wait === undefined) return false;
      await delay(wait);
    }
  }
}

function closingReplies(c: HandoverCase, by: CloseReason): Reply[] {
  const said = by === "staff" ? HM.closedByStaff(c.id) : by === "idle" ? HM.closedIdle(c.id) : HM.closedByCitizen(c.id);
  return [{ blocks: [text(said), text(HM.surveyOffer)], choices: [{ id: SURVEY_CHOICE, label: HM.surveyChoice }] }];
}

/** The survey choice on screen in the citizen's session, so a Zalo "1" picks it. */
async function offerSurvey(d: Desk, chatKey: string): Promise<void> {
  const session = await d.store.getSession(chatKey);
  if (!session) return;
  session.choices = [{ id: SURVEY_CHOICE, label: HM.surveyChoice }];
  delete session.handoverAwaiting;
  await d.store.setSession(chatKey, session, d.sessionTtlSeconds);
}

async function close(d: Desk, id: string, by: CloseReason): Promise<boolean> {
  const c = await d.cases.closeCase(id, by, d.now());
  if (!c) return false;
  d.metrics?.handover.inc({ event: "closed" });
  d.log.info({ caseId: id, by }, "handover: case closed");
  await postToGroup(d, c, HM.caseClosed(c.id, by));
  if (by !== "citizen") {
    await d.store.withChatLock(c.chatKey, () => offerSurvey(d, c.chatKey)).catch((err: unknown) => d.log.warn({ err: errorSummary(err) }, "handover: could not offer the survey"));
    await deliver(d, c, closingReplies(c, by));
  }
  return true;
}

async function staffReply(d: Desk, id: string, body: string, replyTo?: number): Promise<StaffReplyResult> {
  const c = await d.cases.get(id);
  if (!c) return "unknown";
  if (c.closedAt !== undefined) {
    if (d.staffGroup) await d.staffGroup.post(HM.alreadyClosed(c.id), replyTo).catch(() => undefined);
    return "closed";
  }
  const at = d.now();
  const message = { id: randomUUID(), from: "staff" as const, text: maskPersonalData(nfc(body)), at };
  await d.cases.addMessage(id, message);
  await d.cases.markReplied(id, at);
  d.metrics?.handover.inc({ event: "staff-reply" });
  // The citizen reads what staff wrote (an office phone number is useful to them); only the
  // stored copy is masked.
  const ok = await deliver(d, c, [{ blocks: [text(HM.staffSays(c.id)), text(nfc(body))] }]);
  if (ok) return "delivered";
  await d.cases.markFailed(id, message.id);
  d.metrics?.handover.inc({ event: "delivery-failed" });
  await postToGroup(d, c, HM.deliveryFailed(c.id, channelLabel(c)), replyTo);
  return "failed";
}

/** The dispatcher's `route`: a message of a chat with an open case goes to staff, not the bot. */
async function route(d: Desk, inbound: Inbound, chatKey: string): Promise<Reply[] | null> {
  let c: HandoverCase | null;
  try {
    c = await d.cases.openFor(chatKey);
  } catch (err) {
    // The case store is unreachable (Redis outage): the bot keeps answering rather than fail
    // every message; the case picks up again when the store is back.
    d.log.warn({ err: errorSummary(err) }, "handover: case store unavailable; the bot answers");
    return null;
  }
  if (!c) return null;
  // A button is an explicit request of the bot (e.g. the survey): it answers.
  if (inbound.type === "choice") return null;
  if (inbound.type === "unsupported") return [{ blocks: [text(HM.onlyText)] }];
  const typed = nfc(inbound.text).trim();
  if (isLeaveWord(typed)) return leave(d, c, chatKey, inbound.at);
  const masked = maskPersonalData(typed).slice(0, 2000);
  await d.cases.addMessage(c.id, { id: randomUUID(), from: "citizen", text: masked, at: inbound.at });
  await postToGroup(d, c, HM.followUp(c.id, channelLabel(c), masked));
  return [];
}

function isLeaveWord(typed: string): boolean {
  return LEAVE_WORDS.includes(textKey(typed, { keep: "/" }));
}

/** The citizen's "quay lại trợ lý": the case closes and the bot answers again. */
async function leave(d: Desk, c: HandoverCase, chatKey: string, at: number): Promise<Reply[]> {
  const closed = await d.cases.closeCase(c.id, "citizen", at);
  if (closed) {
    d.metrics?.handover.inc({ event: "closed" });
    await postToGroup(d, closed, HM.caseClosed(closed.id, "citizen"));
    await offerSurvey(d, chatKey);
  }
  return closingReplies(c, "citizen");
}

/** The dispatcher's `open`: a new case (or one more question on the open one), confirmed to the citizen. */
async function openCase(d: Desk, effect: HandoverEffect, inbound: Inbound, chatKey: string): Promise<Reply[]> {
  try {
    const existing = await d.cases.openFor(chatKey);
    const c =
      existing ??
      (await d.cases.open({ channel: inbound.channel, chatId: inbound.chatId, chatKey, question: effect.question, lastAnswer: effect.lastAnswer, openedAt: inbound.at }));
    if (existing) await d.cases.addMessage(c.id, { id: randomUUID(), from: "citizen", text: effect.question, at: inbound.at });
    else {
      d.metrics?.handover.inc({ event: "opened" });
      d.log.info({ caseId: c.id, channel: c.channel }, "handover: case opened");
      await postToGroup(d, c, HM.post(c.id, channelLabel(c), effect.question, effect.lastAnswer));
    }
    const when = nextOpening(d.hours, inbound.at);
    return [{ blocks: [text(HM.opened(c.id)), text(when.openNow ? HM.inHours : HM.outOfHours(when.at)), text(HM.whileOpen)] }];
  } catch (err) {
    d.log.error({ err: errorSummary(err) }, "handover: could not open a case");
    return [{ blocks: [text(HM.failed)] }];
  }
}

/** A message in the staff group: a reply to a case post, or `/xong`. Never throws. */
async function staffUpdate(d: Desk, update: Update): Promise<void> {
  try {
    const message: Message | undefined = update.message;
    if (!message || typeof message.text !== "string" || message.from?.is_bot) return;
    if (!(await d.store.firstSeen(`dedup:telegram:${update.update_id}`, 24 * 3600))) return;
    const replyTo = message.reply_to_message?.message_id;
    if (replyTo === undefined) return;
    const id = await d.cases.caseOfPost(String(replyTo));
    if (!id) return;
    if (/^\/xong(?:@\w+)?\s*$/i.test(message.text.trim())) {
      if (!(await close(d, id, "staff"))) await d.staffGroup?.post(HM.alreadyClosed(id), message.message_id).catch(() => undefined);
      return;
    }
    // Later staff messages may be replied to as well: they belong to the same case.
    const result = await staffReply(d, id, message.text, message.message_id);
    if (result === "delivered" || result === "failed") await d.cases.linkPost(id, String(message.message_id));
  } catch (err) {
    d.log.error({ err: errorSummary(err) }, "handover: staff update failed");
  }
}

/** Closes the cases idle for longer than `idleMs`; how many. */
async function sweep(d: Desk): Promise<number> {
  const t = d.now();
  let n = 0;
  for (const c of await d.cases.listOpen()) {
    if (t - c.lastActivityAt >= d.idleMs && (await close(d, c.id, "idle"))) n++;
  }
  return n;
}
