import { setTimeout as delay } from "node:timers/promises";
import { ErrorReply } from "redis";
import type { Logger } from "../../log.js";
import type { Clock } from "../memory.js";

/** A deadline around one Redis call: `p`, or a `RedisDeadlineError` naming `what`. */
export type Timed = <T>(what: string, p: Promise<T>) => Promise<T>;

/** Redis accepted the command (or the socket looks open) but did not answer in time. */
export class RedisDeadlineError extends Error {
  constructor(what: string, ms: number) {
    super(`redis ${what} did not answer within ${ms} ms`);
    this.name = "RedisDeadlineError";
  }
}

/** Replies that mean "the server cannot serve right now" rather than "the command is wrong". */
const TRANSIENT_REPLY = /^(LOADING|READONLY|MASTERDOWN|BUSY|TRYAGAIN|CLUSTERDOWN|NOREPLICAS)\b/;

/** Connection trouble (fall back) versus a real error (throw): a bug must not pass for an outage. */
export function isUnavailable(err: unknown): boolean {
  if (err instanceof ErrorReply) return TRANSIENT_REPLY.test(err.message);
  if (err instanceof TypeError || err instanceof RangeError || err instanceof ReferenceError) return false;
  return !(err instanceof Error && err.message.startsWith("store:"));
}

/** What the outage left behind locally (spooled records, sessions written meanwhile). */
export interface Backlog {
  pending(): boolean;
  /** Writes the backlog to Redis; the number of records replayed. */
  flush(): Promise<number>;
}

export interface AvailabilityOptions {
  /** The server, without credentials, for logs. */
  target: string;
  logger: Logger;
  now: Clock;
  /** Error messages with secrets masked. */
  safe: (err: unknown) => string;
  timed: Timed;
  client: { readonly isReady: boolean; ping(): Promise<unknown> };
}

/**
 * Whether the store may use Redis: down (degraded, answering from fallbacks) until a recovery pass
 * has written the backlog to Redis, then up until a call fails for want of a connection. Only
 * after recovery does `up` turn true, so data written during an outage is never shadowed by older
 * data in Redis.
 */
export class Availability {
  private isUp = false;
  private isClosed = false;
  private recovering: Promise<void> | null = null;
  /** Set during the last recovery pass: calls wait (milliseconds) so no write slips past it. */
  private gate: Promise<void> | null = null;
  private downSince: number | null;
  private error = "not connected yet";
  private timer: NodeJS.Timeout | undefined;
  private backlog: Backlog | null = null;

  constructor(private readonly o: AvailabilityOptions) {
    this.downSince = o.now();
  }

  get up(): boolean {
    return this.isUp;
  }

  get closed(): boolean {
    return this.isClosed;
  }

  /** Why Redis was last found unavailable (secrets masked). */
  get lastError(): string {
    return this.error;
  }

  markDown(err: unknown): void {
    this.error = this.o.safe(err);
    if (this.isClosed) return;
    if (this.isUp || this.downSince === null) {
      this.o.logger.warn({ redis: this.o.target, err: this.error }, "store: redis unavailable, answering from local fallbacks");
      this.downSince = this.o.now();
    } else {
      this.o.logger.debug({ redis: this.o.target, err: this.error }, "store: redis still unavailable");
    }
    this.isUp = false;
  }

  /** A failed Redis call: marks Redis down when the connection is to blame, else throws. */
  absorb(what: string, err: unknown): void {
    if (!isUnavailable(err)) throw new Error(`store: redis ${what} failed: ${this.o.safe(err)}`);
    this.markDown(err);
  }

  /** Waits while the last recovery pass runs, so no write slips past it. */
  async passGate(): Promise<void> {
    if (this.gate) await this.gate;
  }

  /**
   * Runs `op` on Redis when it is up, within the deadline (`perCommand`: `op` times its own
   * commands); on a connection failure or a deadline marks Redis down and uses `fallback`.
   */
  async call<T>(what: string, op: () => Promise<T>, fallback: () => T | Promise<T>, perCommand = false): Promise<T> {
    await this.passGate();
    if (this.isUp) {
      try {
        return await (perCommand ? op() : this.o.timed(what, op()));
      } catch (err) {
        this.absorb(what, err);
      }
    }
    return fallback();
  }

  /** One recovery attempt at a time; nothing to do before `watch`, or while up, closed or disconnected. */
  tryRecover(): Promise<void> {
    const backlog = this.backlog;
    if (!backlog || this.isClosed || this.isUp || !this.o.client.isReady) return Promise.resolve();
    this.recovering ??= this.recover(backlog).finally(() => {
      this.recovering = null;
    });
    return this.recovering;
  }

  /**
   * Lets recovery begin, with what a pass must write back to Redis, and retries it every
   * `everyMs`: the client's 'ready' event starts a pass, this catches a pass that failed and a
   * command that timed out while the socket stayed open.
   */
  watch(backlog: Backlog, everyMs = 500): void {
    this.backlog = backlog;
    this.timer ??= setInterval(() => void this.tryRecover(), everyMs);
    this.timer.unref();
  }

  /** Waits up to `ms` for Redis to be up (startup); whether it is. */
  async waitUntilUp(ms: number): Promise<boolean> {
    const deadline = Date.now() + ms;
    while (!this.isUp && Date.now() < deadline) {
      await (this.recovering ?? delay(20));
    }
    return this.isUp;
  }

  async health(spooled: number): Promise<{ status: "ok" | "degraded"; detail?: string }> {
    if (this.isClosed) return { status: "degraded", detail: "closed" };
    if (this.isUp) {
      try {
        await this.o.timed("ping", this.o.client.ping());
        return { status: "ok" };
      } catch (err) {
        this.absorb("ping", err);
      }
    }
    return { status: "degraded", detail: `redis unavailable (${this.error}); ${spooled} record(s) spooled` };
  }

  /** Stops recovering (waiting for a pass in flight); every later call uses the fallbacks. */
  async close(): Promise<void> {
    this.isClosed = true;
    this.isUp = false;
    clearInterval(this.timer);
    await this.recovering?.catch(() => undefined);
  }

  private async recover(backlog: Backlog): Promise<void> {
    const { logger } = this.o;
    try {
      await this.o.timed("ping", this.o.client.ping());
      // Bulk passes while traffic keeps flowing to the fallbacks; under steady load they never
      // empty on their own, so a last short pass runs behind the gate (new calls wait for it),
      // and `up` flips before the gate opens: nothing written during the outage is left behind.
      let replayed = 0;
      for (let pass = 0; pass < 3 && backlog.pending(); pass++) replayed += await backlog.flush();
      let open!: () => void;
      this.gate = new Promise<void>((resolve) => (open = resolve));
      try {
        replayed += await backlog.flush();
        this.isUp = true;
      } finally {
        this.gate = null;
        open();
      }
      logger.info({ redis: this.o.target, replayed, downMs: this.downSince === null ? 0 : this.o.now() - this.downSince }, "store: redis available");
      this.downSince = null;
    } catch (err) {
      if (!isUnavailable(err)) logger.error({ err: this.o.safe(err) }, "store: recovery after redis outage failed");
      this.markDown(err);
    }
  }
}
