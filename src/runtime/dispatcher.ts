import { randomUUID } from "node:crypto";
import { M } from "../engine/messages.js";
import type { Effect, Inbound, Reply, Session } from "../engine/types.js";
import { errorSummary, type Logger } from "../log.js";
import type { Store } from "../store/port.js";
import type { Core } from "./core.js";
import type { Metrics } from "./metrics.js";
import { createStoreKeys, type StoreKeys } from "./store-keys.js";

/**
 * The one path every update takes, whatever the channel: drop repeats, rate-limit, lock the
 * chat, load the session, run the engine, save the session, persist effects. Channels call
 * `process` and render what it returns.
 */
export interface Dispatcher {
  /** Replies for the update; `null` when it was a repeat delivery (already answered). */
  process(inbound: Inbound): Promise<Reply[] | null>;
}

/** Hand-over to office staff, as the dispatcher sees it (src/handover/handover.ts implements it). */
export interface HandoverHooks {
  /**
   * Inside the chat lock, before the engine: when the chat has an open case the message goes to
   * staff and the returned replies (often none) are all the citizen gets; null → the bot answers.
   */
  route(inbound: Inbound, chatKey: string): Promise<Reply[] | null>;
  /** Opens a case for the engine's hand-over effect; the replies confirm it to the citizen. */
  open(effect: Extract<Effect, { type: "handover" }>, inbound: Inbound, chatKey: string): Promise<Reply[]>;
}

/** Runs before the engine; returns replies to short-circuit it (admin commands), or null. */
export type Interceptor = (inbound: Inbound, ctx: { store: Store; core: Core }) => Promise<Reply[] | null>;

export interface DispatcherOptions {
  /** The live core; a function so live reload can swap it between updates. */
  core: () => Core;
  store: Store;
  logger: Logger;
  metrics?: Metrics;
  sessionTtlSeconds?: number;
  rateLimitPerMinute?: number;
  /** How long an update id is remembered for dedup. Default 24 h (platforms retry for less). */
  dedupTtlSeconds?: number;
  interceptors?: Interceptor[];
  /** Hand-over to staff; absent → the engine's hand-over effects are ignored. */
  handover?: HandoverHooks;
  /** Adds fields to stored records (e.g. the salted respondent hash); never the raw ids. */
  enrichRecord?: (stream: string, record: Record<string, unknown>, inbound: Inbound) => Record<string, unknown>;
  /** Salted store keys (never raw platform ids). Default: a random salt for this process only. */
  keys?: StoreKeys;
  now?: () => number;
}

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { store, logger, metrics } = options;
  const ttl = options.sessionTtlSeconds ?? 7 * 24 * 3600;
  const perMinute = options.rateLimitPerMinute ?? 30;
  const dedupTtl = options.dedupTtlSeconds ?? 24 * 3600;
  const now = options.now ?? Date.now;
  const keys = options.keys ?? createStoreKeys();

  /**
   * Stores the turn's records. A record that ends a flow (the finished survey) gets an id derived
   * from the flow run, so the same last answer sent again after a failure or a crash stores it
   * once, not twice. Returns false when a flow's record could not be stored.
   */
  async function persist(effects: Effect[], inbound: Inbound, chatKey: string, before: Session | null, after: Session): Promise<boolean> {
    const endedRun = before?.flow && (after.flow?.flowId !== before.flow.flowId || after.flow.startedAt !== before.flow.startedAt) ? before.flow : undefined;
    let ok = true;
    let n = 0;
    for (const effect of effects) {
      if (effect.type === "metric") {
        metrics?.answers.inc({ outcome: effect.name, channel: inbound.channel });
        continue;
      }
      if (effect.type === "handover") continue;
      const base = { ...effect.record, channel: inbound.channel };
      const record = options.enrichRecord ? options.enrichRecord(effect.stream, base, inbound) : base;
      const fromRun = endedRun && effect.record.flow === endedRun.flowId;
      const id = fromRun ? keys.hash(`record:${chatKey}:${endedRun.flowId}:${endedRun.startedAt}:${effect.stream}:${n++}`) : randomUUID();
      try {
        await store.append(effect.stream, { ...record, id, at: inbound.at });
      } catch (err) {
        // The store spools during outages; reaching here means even that failed (a full disk).
        metrics?.storeErrors.inc({ op: "append" });
        logger.error({ err: errorSummary(err), stream: effect.stream }, "dispatcher: could not store a record");
        if (fromRun) ok = false;
      }
    }
    return ok;
  }

  return {
    async process(inbound) {
      const started = performance.now();
      metrics?.updates.inc({ channel: inbound.channel });
      const chatKey = keys.chat(inbound);
      try {
        if (inbound.messageId) {
          const first = await store.firstSeen(keys.update(inbound, inbound.messageId), dedupTtl);
          if (!first) {
            metrics?.duplicates.inc({ channel: inbound.channel });
            return null;
          }
        }
        const limit = await store.rateLimit(keys.user(inbound), perMinute, 60);
        if (!limit.allowed) {
          metrics?.rateLimited.inc({ channel: inbound.channel });
          return [{ blocks: [{ type: "text", text: M.slowDown }] }];
        }
        const replies = await store.withChatLock(chatKey, async () => {
          const core = options.core();
          for (const intercept of options.interceptors ?? []) {
            const r = await intercept(inbound, { store, core });
            if (r) return r;
          }
          const routed = options.handover ? await options.handover.route(inbound, chatKey) : null;
          if (routed) return routed;
          const session = await store.getSession(chatKey);
          const turn = core.engine.handle(inbound, session);
          turn.session.updatedAt = now();
          // Records before the session: a crash in between leaves the flow at its last step (the
          // citizen's retry stores the same record id once), never a session that says "survey
          // done" without the survey.
          if (!(await persist(turn.effects, inbound, chatKey, session, turn.session))) {
            // The session is left as it was, so sending the same answer again finishes the flow.
            return [{ blocks: [{ type: "text" as const, text: M.recordNotSaved }] }];
          }
          try {
            await store.setSession(chatKey, turn.session, ttl);
          } catch (err) {
            // A session that cannot be saved (a full disk) must not cost the citizen the answer.
            metrics?.storeErrors.inc({ op: "session" });
            logger.error({ err: errorSummary(err), channel: inbound.channel }, "dispatcher: could not save the session");
          }
          const replies = [...turn.replies];
          for (const effect of turn.effects) {
            if (effect.type === "handover" && options.handover) replies.push(...(await options.handover.open(effect, inbound, chatKey)));
          }
          return replies;
        });
        return replies;
      } catch (err) {
        metrics?.storeErrors.inc({ op: "process" });
        logger.error({ err: errorSummary(err), channel: inbound.channel }, "dispatcher: update failed");
        return [{ blocks: [{ type: "text", text: M.error }] }];
      } finally {
        metrics?.latency.observe({ channel: inbound.channel }, (performance.now() - started) / 1000);
      }
    },
  };
}
