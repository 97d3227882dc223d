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
  handover?: HandoverHooks | undefined;
  /** Adds fields to stored records (e.g. the salted respondent hash); never the raw ids. */
  enrichRecord?: (stream: string, record: Record<string, unknown>, inbound: Inbound) => Record<string, unknown>;
  /** Salted store keys (never raw platform ids). Default: a random salt for this process only. */
  keys?: StoreKeys;
  now?: () => number;
}

/** What the dispatcher does when the options leave it open. */
export const DISPATCHER_DEFAULTS = {
  /** A chat's session lives a week after its last message. */
  sessionTtlSeconds: 7 * 24 * 3600,
  /** Messages per sender per minute. */
  rateLimitPerMinute: 30,
  /** Platforms retry for less than a day: an update id is remembered that long. */
  dedupTtlSeconds: 24 * 3600,
} as const;

/** The dispatcher's options with their defaults applied. */
interface Pipeline extends DispatcherOptions {
  ttl: number;
  perMinute: number;
  dedupTtl: number;
  now: () => number;
  keys: StoreKeys;
}

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const p: Pipeline = {
    ...options,
    ttl: options.sessionTtlSeconds ?? DISPATCHER_DEFAULTS.sessionTtlSeconds,
    perMinute: options.rateLimitPerMinute ?? DISPATCHER_DEFAULTS.rateLimitPerMinute,
    dedupTtl: options.dedupTtlSeconds ?? DISPATCHER_DEFAULTS.dedupTtlSeconds,
    now: options.now ?? Date.now,
    keys: options.keys ?? createStoreKeys(),
  };
  return { process: (inbound) => processUpdate(p, inbound) };
}

const say = (text: string): Reply[] => [{ blocks: [{ type: "text", text }] }];

/** dedup → rate limit → chat lock → the turn; a failure anywhere is logged and answered with an apology. */
async function processUpdate(p: Pipeline, inbound: Inbound): Promise<Reply[] | null> {
  const started = performance.now();
  p.metrics?.updates.inc({ channel: inbound.channel });
  const chatKey = p.keys.chat(inbound);
  try {
    if (inbound.messageId && !(await p.store.firstSeen(p.keys.update(inbound, inbound.messageId), p.dedupTtl))) {
      p.metrics?.duplicates.inc({ channel: inbound.channel });
      return null;
    }
    const limit = await p.store.rateLimit(p.keys.user(inbound), p.perMinute, 60);
    if (!limit.allowed) {
      p.metrics?.rateLimited.inc({ channel: inbound.channel });
      return say(M.slowDown);
    }
    return await p.store.withChatLock(chatKey, () => lockedTurn(p, inbound, chatKey));
  } catch (err) {
    p.metrics?.storeErrors.inc({ op: "process" });
    p.logger.error({ err: errorSummary(err), channel: inbound.channel }, "dispatcher: update failed");
    return say(M.error);
  } finally {
    p.metrics?.latency.observe({ channel: inbound.channel }, (performance.now() - started) / 1000);
  }
}

/** Inside the chat lock: interceptors, then an open hand-over case, then the engine. */
async function lockedTurn(p: Pipeline, inbound: Inbound, chatKey: string): Promise<Reply[]> {
  const core = p.core();
  for (const intercept of p.interceptors ?? []) {
    const r = await intercept(inbound, { store: p.store, core });
    if (r) return r;
  }
  const routed = p.handover ? await p.handover.route(inbound, chatKey) : null;
  if (routed) return routed;
  return engineTurn(p, core, inbound, chatKey);
}

/** session → engine → records → session saved → hand-over cases opened. */
async function engineTurn(p: Pipeline, core: Core, inbound: Inbound, chatKey: string): Promise<Reply[]> {
  const session = await p.store.getSession(chatKey);
  const turn = core.engine.handle(inbound, session);
  turn.session.updatedAt = p.now();
  // Records before the session: a crash in between leaves the flow at its last step (the
  // citizen's retry stores the same record id once), never a session that says "survey
  // done" without the survey. When a flow's record is not stored, the session is left as it
  // was, so sending the same answer again finishes the flow.
  if (!(await persist(p, turn.effects, inbound, chatKey, session, turn.session))) return say(M.recordNotSaved);
  try {
    await p.store.setSession(chatKey, turn.session, p.ttl);
  } catch (err) {
    // A session that cannot be saved (a full disk) must not cost the citizen the answer.
    p.metrics?.storeErrors.inc({ op: "session" });
    p.logger.error({ err: errorSummary(err), channel: inbound.channel }, "dispatcher: could not save the session");
  }
  const replies = [...turn.replies];
  for (const effect of turn.effects) {
    if (effect.type === "handover" && p.handover) replies.push(...(await p.handover.open(effect, inbound, chatKey)));
  }
  return replies;
}

/**
 * Stores the turn's records (and counts its metrics). A record that ends a flow (the finished
 * survey) gets an id derived from the flow run, so the same last answer sent again after a
 * failure or a crash stores it once, not twice. Returns false when a flow's record could not be
 * stored.
 */
async function persist(p: Pipeline, effects: Effect[], inbound: Inbound, chatKey: string, before: Session | null, after: Session): Promise<boolean> {
  const endedRun = before?.flow && (after.flow?.flowId !== before.flow.flowId || after.flow.startedAt !== before.flow.startedAt) ? before.flow : undefined;
  let ok = true;
  let n = 0;
  for (const effect of effects) {
    if (effect.type === "metric") p.metrics?.answers.inc({ outcome: effect.name, channel: inbound.channel });
    if (effect.type !== "record") continue;
    const base = { ...effect.record, channel: inbound.channel };
    const record = p.enrichRecord ? p.enrichRecord(effect.stream, base, inbound) : base;
    const fromRun = endedRun && effect.record.flow === endedRun.flowId;
    const id = fromRun ? p.keys.hash(`record:${chatKey}:${endedRun.flowId}:${endedRun.startedAt}:${effect.stream}:${n++}`) : randomUUID();
    try {
      await p.store.append(effect.stream, { ...record, id, at: inbound.at });
    } catch (err) {
      // The store spools during outages; reaching here means even that failed (a full disk).
      p.metrics?.storeErrors.inc({ op: "append" });
      p.logger.error({ err: errorSummary(err), stream: effect.stream }, "dispatcher: could not store a record");
      if (fromRun) ok = false;
    }
  }
  return ok;
}
