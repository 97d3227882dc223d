import { errorSummary, type Logger } from "../log.js";
import type { Readiness } from "../runtime/readiness.js";

export interface WebhookRegistrationOptions {
  channel: "telegram" | "zalo";
  /** The platform's setWebhook call. */
  register: () => Promise<unknown>;
  /** The settings an operator should check when it fails, for the log. */
  settings: string;
  log: Logger;
  /** Told "not ready" while the webhook is not registered, and ready again once it is. */
  readiness?: Readiness | undefined;
  /** Wait after the first failure; doubled after each further one, up to 10 minutes. Default 30 s. */
  firstRetryMs?: number | undefined;
}

const MAX_RETRY_MS = 600_000;

/**
 * Registers a channel's webhook, and again and again after failures (in the background) until it
 * succeeds or `stop()`: updates do not arrive until the platform knows where to send them.
 */
export class WebhookRegistration {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly options: WebhookRegistrationOptions) {}

  /** The first attempt (awaited); later ones are scheduled. Never throws. */
  start(): Promise<void> {
    return this.attempt(this.options.firstRetryMs ?? 30_000);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private async attempt(retryMs: number): Promise<void> {
    const { channel, log, readiness } = this.options;
    const key = `${channel}-webhook`;
    try {
      await this.options.register();
      readiness?.set(key, null);
      log.info(`${channel}: webhook registered`);
    } catch (err) {
      readiness?.set(key, { level: "not-ready", detail: `${channel}: setWebhook failed; updates will not arrive until it succeeds (retrying)` });
      log.error({ err: errorSummary(err), retryInMs: retryMs }, `${channel}: setWebhook failed; updates will not arrive (check ${this.options.settings}); retrying`);
      if (this.stopped) return;
      this.timer = setTimeout(() => void this.attempt(Math.min(retryMs * 2, MAX_RETRY_MS)), retryMs);
      this.timer.unref();
    }
  }
}
