import type { Inbound, Reply } from "../engine/types.js";
import { errorSummary, type Logger } from "../log.js";
import type { Dispatcher } from "../runtime/dispatcher.js";
import type { Metrics } from "../runtime/metrics.js";
import type { PlatformHealth } from "../runtime/platform-health.js";

export interface AnswerDeps {
  /** The channel's name: its logs' prefix and its label on the send-failure counter. */
  channel: "telegram" | "zalo" | "zalo-oa";
  dispatcher: Dispatcher;
  log: Logger;
  metrics?: Metrics | undefined;
}

/**
 * What a push channel does with one inbound: the dispatcher's replies, sent with `send`. Never
 * throws: a failed turn is logged, and replies that could not be delivered (after the sender's own
 * retries) are logged with `context` and counted, so an alert can see a citizen left unanswered.
 */
export async function answerInbound(
  deps: AnswerDeps,
  inbound: Inbound,
  send: (replies: readonly Reply[]) => Promise<void>,
  context: Record<string, unknown> = {},
): Promise<void> {
  const { channel, log } = deps;
  let replies: Reply[] | null;
  try {
    replies = await deps.dispatcher.process(inbound);
  } catch (err) {
    log.error({ err: errorSummary(err), ...context }, `${channel}: event failed`);
    return;
  }
  if (!replies) return;
  try {
    await send(replies);
  } catch (err) {
    deps.metrics?.sendFailures.inc({ channel });
    log.error({ err: errorSummary(err), ...context }, `${channel}: reply not delivered after retries`);
  }
}

/**
 * Wraps platform calls so their outcome tells `health` whether the platform answers: a failure
 * that `isDown` (the network, a 5xx) marks it unreachable; success or a refusal, reachable.
 */
export function observePlatform(health: PlatformHealth | undefined, platform: string, isDown: (err: unknown) => boolean) {
  return async <T>(call: Promise<T>): Promise<T> => {
    try {
      const result = await call;
      health?.reachable(platform);
      return result;
    } catch (err) {
      if (isDown(err)) health?.unreachable(platform);
      else health?.reachable(platform);
      throw err;
    }
  };
}
