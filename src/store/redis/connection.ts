import { createClient } from "redis";

/**
 * What every Redis adapter (the chat store, the hand-over case store, the token vault) shares:
 * a client that never queues commands while disconnected and reconnects with a bounded backoff,
 * a deadline on each call, and error messages that never show the URL's password.
 */

export interface RedisClientOptions {
  /** redis:// or rediss:// URL; credentials in it are never logged. */
  url: string;
  /** Connect timeout and node-redis's own command timeout. */
  timeoutMs: number;
  /** Upper bound of the reconnect backoff. */
  maxReconnectDelayMs: number;
  /** Random extra delay per reconnect (up to this many ms), so instances do not reconnect in step. Default 0. */
  reconnectJitterMs?: number;
}

export function createRedisClient(options: RedisClientOptions) {
  const jitter = options.reconnectJitterMs ?? 0;
  return createClient({
    url: options.url,
    // Without this, commands issued during an outage wait in memory until Redis returns: the bot
    // would hang instead of failing over (or failing visibly).
    disableOfflineQueue: true,
    commandOptions: { timeout: options.timeoutMs },
    socket: {
      connectTimeout: options.timeoutMs,
      reconnectStrategy: (retries: number) =>
        Math.min(50 * 2 ** Math.min(retries, 10), options.maxReconnectDelayMs) + (jitter > 0 ? Math.floor(Math.random() * jitter) : 0),
    },
  });
}

export type RedisClient = ReturnType<typeof createRedisClient>;

/**
 * `p`, or the error `onTimeout` makes after `ms`. node-redis's own command timeout stops counting
 * once a command is written, so a server that reads and never answers (hung, SIGSTOP, a half-open
 * connection) would otherwise hold the caller for ever.
 */
export function withDeadline<T>(p: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  return Promise.race([p, deadline]).finally(() => clearTimeout(timer));
}

/**
 * Closes a client without ever hanging: gracefully (commands in flight finish) when connected,
 * within `timeoutMs`; otherwise, or past the deadline, the socket is dropped. A client that is
 * reconnecting to an unreachable server would wait for ever on a graceful close.
 */
export async function closeRedisClient(client: RedisClient, timeoutMs: number): Promise<void> {
  try {
    if (client.isReady) await withDeadline(client.close(), timeoutMs, () => new Error(`redis close did not finish within ${timeoutMs} ms`));
    else if (client.isOpen) client.destroy();
  } catch {
    if (client.isOpen) client.destroy();
  }
}

/** `redis://host:port/db` without credentials, for logs. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname === "/" ? "" : u.pathname}`;
  } catch {
    return "(unparsable url)";
  }
}

/** The password of a URL, as written and decoded: what `safeMessage` masks. */
export function urlSecrets(url: string): string[] {
  try {
    const u = new URL(url);
    return [u.password, decodeURIComponent(u.password)].filter((s) => s.length > 0);
  } catch {
    return [];
  }
}

/** An error's message with any URL credentials and the password itself masked. */
export function safeMessage(err: unknown, secrets: readonly string[] = []): string {
  let message = err instanceof Error ? err.message || err.name : String(err);
  message = message.replace(/(\w+:\/\/)[^@/\s]*@/g, "$1***@");
  for (const s of secrets) message = message.split(s).join("***");
  return message;
}
