/**
 * Whether the messaging platforms answer, from the outcome of the calls the channels make anyway
 * (sends, polls). A platform whose last call failed (network error or 5xx, after the bounded
 * retries) within the window is "unreachable" until a call succeeds: /readyz shows it, so an
 * outage of Telegram or Zalo is visible, not only a pile of updates in the logs.
 */
export interface PlatformHealth {
  /** The platform answered (any reply that is not a 5xx, a refusal included). */
  reachable(platform: string): void;
  /** The platform could not be reached or answered 5xx. */
  unreachable(platform: string): void;
  /** "<platform> unreachable" for each platform in that state; empty when all is well. */
  problems(): string[];
}

export interface PlatformHealthOptions {
  now?: () => number;
  /** How long a failure counts without further calls. Default 5 minutes. */
  windowMs?: number;
}

export function createPlatformHealth(options: PlatformHealthOptions = {}): PlatformHealth {
  const now = options.now ?? Date.now;
  const windowMs = options.windowMs ?? 5 * 60_000;
  /** Time of the last failure, for platforms whose last call failed. */
  const failing = new Map<string, number>();
  return {
    reachable(platform) {
      failing.delete(platform);
    },
    unreachable(platform) {
      failing.set(platform, now());
    },
    problems() {
      const t = now();
      return [...failing]
        .filter(([, at]) => t - at < windowMs)
        .map(([platform]) => `${platform} unreachable`)
        .sort();
    },
  };
}
