import { randomUUID } from "node:crypto";
import type { Message, Update } from "grammy/types";
import { errorSummary } from "../log.js";
import type { HandoverHooks } from "../runtime/dispatcher.js";
import type { Metrics } from "../runtime/metrics.js";
import type { StoreKeys } from "../runtime/store-keys.js";
import { encodeChoice } from "../engine/choice-id.js";
import type { ChannelName, Inbound, Reply } from "../engine/types.js";
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
  metrics?: Metrics;
  hours: OfficeHours;
  /** An open case with no message for this long is closed. */
  idleMs: number;
  /** Absent → no Telegram staff group (the web inbox only). */
  staffGroup?: StaffGroup;
  /** Delivery per channel; the web is always delivered through the outbox the page polls. */
  deliverers: Partial<Record<ChannelName, Deliver>>;
  sessionTtlSeconds: number;
  /** The dispatcher's salted chat keys: a web page's poll finds its outbox by them. */
  keys: StoreKeys;
  /** Waits before each retry of a failed delivery. Default [500, 2000] (three attempts). */
  retryDelaysMs?: number[];
  now?: () => number;
}

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

/**
 * Hand-over to one-stop office staff. A case opens when the engine hands a conversation over;
 * while it is open the citizen's messages go to staff (the Telegram group and the web inbox)
 * instead of the bot; staff answers reach the citizen on their own channel, retried, and marked
 * failed where they cannot be delivered; `/xong`, the citizen's "quay lại trợ lý" or idleness
 * close it. All state is in the CaseStore, so any instance can take any step.
 */
export function createHandover(options: HandoverOptions): Handover {
  const { cases, store, metrics, hours, staffGroup } = options;
  const log = options.logger.child({ component: "handover" });
  const now = options.now ?? Date.now;
  const retryDelays = options.retryDelaysMs ?? [500, 2000];
  const channelLabel = (c: { channel: string }) => CHANNEL_LABELS[c.channel] ?? c.channel;

  /** Posts to the staff group; a failure is logged, never thrown (the inbox still has the case). */
  async function postToGroup(c: HandoverCase, body: string, replyTo?: number): Promise<void> {
    if (!staffGroup) return;
    try {
      const id = await staffGroup.post(body, replyTo);
      await cases.linkPost(c.id, String(id));
    } catch (err) {
      log.warn({ err: errorSummary(err), caseId: c.id }, "handover: could not post to the staff group");
    }
  }

  async function deliverOnce(c: HandoverCase, replies: Reply[]): Promise<void> {
    if (c.channel === "web") {
      for (const r of replies) await cases.pushOutbox(c.chatKey, r);
      return;
    }
    const deliver = options.deliverers[c.channel];
    if (!deliver) throw new Error(`handover: no way to reach the ${c.channel} channel`);
    await deliver(c.chatId, replies);
  }

  /** Delivers with retries; false when every attempt failed. */
  async function deliver(c: HandoverCase, replies: Reply[]): Promise<boolean> {
    for (let attempt = 0; ; attempt++) {
      try {
        await deliverOnce(c, replies);
        return true;
      } catch (err) {
        const wait = retryDelays[attempt];
        log.warn({ err: errorSummary(err), caseId: c.id, channel: c.channel, attempt: attempt + 1 }, "handover: delivery to the citizen failed");
        if (wait === undefined) return false;
        await new Promise((r) => setTimeout(r, wait));
      }
    }
  }

  function closingReplies(c: HandoverCase, by: CloseReason): Reply[] {
    const said = by === "staff" ? HM.closedByStaff(c.id) : by === "idle" ? HM.closedIdle(c.id) : HM.closedByCitizen(c.id);
    return [{ blocks: [text(said), text(HM.surveyOffer)], choices: [{ id: encodeChoice({ kind: "flow", flow: "survey" }), label: HM.surveyChoice }] }];
  }

  /** The survey choice on screen in the citizen's session, so a Zalo "1" picks it. */
  async function offerSurvey(chatKey: string): Promise<void> {
    const session = await store.getSession(chatKey);
    if (!session) return;
    session.choices = [{ id: encodeChoice({ kind: "flow", flow: "survey" }), label: HM.surveyChoice }];
    delete session.handoverAwaiting;
    await store.setSession(chatKey, session, options.sessionTtlSeconds);
  }

  async function close(id: string, by: CloseReason): Promise<boolean> {
    const c = await cases.closeCase(id, by, now());
    if (!c) return false;
    metrics?.handover.inc({ event: "closed" });
    log.info({ caseId: id, by }, "handover: case closed");
    await postToGroup(c, HM.caseClosed(c.id, by));
    if (by !== "citizen") {
      await store.withChatLock(c.chatKey, () => offerSurvey(c.chatKey)).catch((err: unknown) => log.warn({ err: errorSummary(err) }, "handover: could not offer the survey"));
      await deliver(c, closingReplies(c, by));
    }
    return true;
  }

  async function staffReply(id: string, body: string, replyTo?: number): Promise<"delivered" | "failed" | "closed" | "unknown"> {
    const c = await cases.get(id);
    if (!c) return "unknown";
    if (c.closedAt !== undefined) {
      if (staffGroup) await staffGroup.post(HM.alreadyClosed(c.id), replyTo).catch(() => undefined);
      return "closed";
    }
    const at = now();
    const message = { id: randomUUID(), from: "staff" as const, text: maskPersonalData(nfc(body)), at };
    await cases.addMessage(id, message);
    await cases.markReplied(id, at);
    metrics?.handover.inc({ event: "staff-reply" });
    // The citizen reads what staff wrote (an office phone number is useful to them); only the
    // stored copy is masked.
    const ok = await deliver(c, [{ blocks: [text(HM.staffSays(c.id)), text(nfc(body))] }]);
    if (ok) return "delivered";
    await cases.markFailed(id, message.id);
    metrics?.handover.inc({ event: "delivery-failed" });
    await postToGroup(c, HM.deliveryFailed(c.id, channelLabel(c)), replyTo);
    return "failed";
  }

  return {
    cases,

    async route(inbound: Inbound, chatKey: string) {
      let c: HandoverCase | null;
      try {
        c = await cases.openFor(chatKey);
      } catch (err) {
        // The case store is unreachable (Redis outage): the bot keeps answering rather than fail
        // every message; the case picks up again when the store is back.
        log.warn({ err: errorSummary(err) }, "handover: case store unavailable; the bot answers");
        return null;
      }
      if (!c) return null;
      // A button is an explicit request of the bot (e.g. the survey): it answers.
      if (inbound.type === "choice") return null;
      if (inbound.type === "unsupported") return [{ blocks: [text(HM.onlyText)] }];
      const typed = nfc(inbound.text).trim();
      const key = textKey(typed, { keep: "/" });
      if (LEAVE_WORDS.includes(key)) {
        const closed = await cases.closeCase(c.id, "citizen", inbound.at);
        if (closed) {
          metrics?.handover.inc({ event: "closed" });
          await postToGroup(closed, HM.caseClosed(closed.id, "citizen"));
          await offerSurvey(chatKey);
        }
        return closingReplies(c, "citizen");
      }
      const masked = maskPersonalData(typed).slice(0, 2000);
      await cases.addMessage(c.id, { id: randomUUID(), from: "citizen", text: masked, at: inbound.at });
      await postToGroup(c, HM.followUp(c.id, channelLabel(c), masked));
      return [];
    },

    async open(effect, inbound, chatKey) {
      try {
        const existing = await cases.openFor(chatKey);
        const c =
          existing ??
          (await cases.open({ channel: inbound.channel, chatId: inbound.chatId, chatKey, question: effect.question, lastAnswer: effect.lastAnswer, openedAt: inbound.at }));
        if (existing) await cases.addMessage(c.id, { id: randomUUID(), from: "citizen", text: effect.question, at: inbound.at });
        else {
          metrics?.handover.inc({ event: "opened" });
          log.info({ caseId: c.id, channel: c.channel }, "handover: case opened");
          await postToGroup(c, HM.post(c.id, channelLabel(c), effect.question, effect.lastAnswer));
        }
        const when = nextOpening(hours, inbound.at);
        return [{ blocks: [text(HM.opened(c.id)), text(when.openNow ? HM.inHours : HM.outOfHours(when.at)), text(HM.whileOpen)] }];
      } catch (err) {
        log.error({ err: errorSummary(err) }, "handover: could not open a case");
        return [{ blocks: [text(HM.failed)] }];
      }
    },

    async staffUpdate(update) {
      try {
        const message: Message | undefined = update.message;
        if (!message || typeof message.text !== "string" || message.from?.is_bot) return;
        if (!(await store.firstSeen(`dedup:telegram:${update.update_id}`, 24 * 3600))) return;
        const replyTo = message.reply_to_message?.message_id;
        if (replyTo === undefined) return;
        const id = await cases.caseOfPost(String(replyTo));
        if (!id) return;
        if (/^\/xong(?:@\w+)?\s*$/i.test(message.text.trim())) {
          if (!(await close(id, "staff"))) await staffGroup?.post(HM.alreadyClosed(id), message.message_id).catch(() => undefined);
          return;
        }
        // Later staff messages may be replied to as well: they belong to the same case.
        const result = await staffReply(id, message.text, message.message_id);
        if (result === "delivered" || result === "failed") await cases.linkPost(id, String(message.message_id));
      } catch (err) {
        log.error({ err: errorSummary(err) }, "handover: staff update failed");
      }
    },

    staffReply,
    close,

    async sweep() {
      const t = now();
      let n = 0;
      for (const c of await cases.listOpen()) {
        if (t - c.lastActivityAt >= options.idleMs && (await close(c.id, "idle"))) n++;
      }
      return n;
    },

    takeWebReplies: (sessionId) => cases.takeOutbox(options.keys.chat({ channel: "web", chatId: sessionId })),
    stats: async (range) => computeHandoverStats(await cases.list(range), now()),
  };
}
