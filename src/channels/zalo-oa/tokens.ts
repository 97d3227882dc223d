import { errorSummary } from "../../log.js";
import type { Metrics } from "../../runtime/metrics.js";
import type { Readiness } from "../../runtime/readiness.js";
import type { Logger } from "../../log.js";
import type { OaTokenPair, TokenVault } from "../../store/token-vault.js";
import { ZaloOaApiError, type ZaloOaApi } from "./send.js";

export interface OaTokensOptions {
  api: Pick<ZaloOaApi, "refreshToken">;
  vault: TokenVault;
  /** From the environment: the first refresh token and, optionally, a current access token. */
  seed: { refreshToken: string; accessToken?: string | undefined };
  logger: Logger;
  metrics?: Metrics | undefined;
  readiness?: Readiness | undefined;
  now?: () => number;
  /** Refresh this long before the access token expires. Default 1 h (tokens last about 25 h). */
  refreshAheadMs?: number;
}

export interface OaTokens {
  /** A usable access token, refreshed first when it is expired or about to be. */
  current(): Promise<string>;
  /** The API refused `rejected`: a new token (refreshed once, or the one another instance already got). */
  renew(rejected: string): Promise<string>;
  /** Checks the token now and then ahead of each expiry, so an idle bot keeps its refresh token alive. */
  start(): void;
  stop(): void;
}

const READY_KEY = "zalo-oa-token";

/**
 * The OA's token pair. Zalo's refresh token is single-use and rotates on every refresh, so the
 * newest pair lives in the store (shared by all instances) and every refresh happens under the
 * store's lock after re-reading it: an instance that waited finds the pair another one just got
 * instead of spending a refresh token that is already dead. The pair from the environment is only
 * the seed for an empty store — and the fallback when the stored refresh token is refused, so an
 * operator can re-authorise by setting a new ZALO_OA_REFRESH_TOKEN.
 */
export function createOaTokens(options: OaTokensOptions): OaTokens {
  return new StoredOaTokens(options);
}

class StoredOaTokens implements OaTokens {
  private readonly now: () => number;
  private readonly ahead: number;
  private readonly log: Logger;
  /** The pair last read or refreshed here. */
  private cached: OaTokenPair | undefined;
  /** A refreshed pair the store did not take yet (its refresh token is the only live one). */
  private unsaved: OaTokenPair | undefined;
  private inflight: Promise<string> | undefined;
  private seedTried = false;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly options: OaTokensOptions) {
    this.now = options.now ?? Date.now;
    this.ahead = options.refreshAheadMs ?? 3_600_000;
    this.log = options.logger.child({ channel: "zalo-oa" });
  }

  async current(): Promise<string> {
    if (this.usable(this.cached)) return this.cached.accessToken;
    const stored = await this.load();
    if (this.usable(stored)) {
      this.cached = stored;
      return stored.accessToken;
    }
    return this.refresh(stored.accessToken);
  }

  async renew(rejected: string): Promise<string> {
    if (this.usable(this.cached) && this.cached.accessToken !== rejected) return this.cached.accessToken;
    this.cached = undefined;
    return this.refresh(rejected);
  }

  start(): void {
    this.stopped = false;
    void this.check();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** Unknown expiry (an access token from the environment) counts as usable until the API refuses it. */
  private usable(p: OaTokenPair | null | undefined): p is OaTokenPair & { accessToken: string } {
    return !!p?.accessToken && (p.expiresAt === null || p.expiresAt - this.ahead > this.now());
  }

  private seedPair(): OaTokenPair {
    const { seed } = this.options;
    return { accessToken: seed.accessToken ?? null, refreshToken: seed.refreshToken, expiresAt: null, updatedAt: 0 };
  }

  private async load(): Promise<OaTokenPair> {
    if (this.unsaved) {
      await this.save(this.unsaved);
      // Still not stored: the store holds a pair whose refresh token is already spent; ours is the newest.
      if (this.unsaved) return this.unsaved;
    }
    return (await this.options.vault.read()) ?? this.seedPair();
  }

  private async save(pair: OaTokenPair): Promise<void> {
    try {
      await this.options.vault.write(pair);
      this.unsaved = undefined;
    } catch (err) {
      // The old refresh token is already spent: keep the new pair in memory and keep trying to store it.
      this.unsaved = pair;
      this.log.error({ err: errorSummary(err) }, "zalo-oa: could not store the rotated token pair; it is kept in memory and stored again on the next use");
    }
  }

  private async refreshWith(refreshToken: string): Promise<OaTokenPair> {
    const grant = await this.options.api.refreshToken(refreshToken);
    const t = this.now();
    return { accessToken: grant.accessToken, refreshToken: grant.refreshToken, expiresAt: t + grant.expiresIn * 1000, updatedAt: t };
  }

  /** One refresh at a time in this process, and under the store's lock across instances. */
  private refresh(stale: string | null): Promise<string> {
    this.inflight ??= this.options.vault
      .withLock(() => this.refreshLocked(stale))
      .catch((err: unknown) => this.refreshFailed(err))
      .finally(() => (this.inflight = undefined));
    return this.inflight;
  }

  private async refreshLocked(stale: string | null): Promise<string> {
    const { seed, metrics, readiness } = this.options;
    const stored = await this.load();
    // Another instance (or an earlier call) refreshed while we waited for the lock.
    if (this.usable(stored) && stored.accessToken !== stale) {
      this.cached = stored;
      return stored.accessToken;
    }
    let pair: OaTokenPair;
    try {
      pair = await this.refreshWith(stored.refreshToken);
    } catch (err) {
      const refused = err instanceof ZaloOaApiError;
      if (!refused || this.seedTried || stored.refreshToken === seed.refreshToken) throw err;
      this.seedTried = true;
      this.log.warn({ err: errorSummary(err) }, "zalo-oa: the stored refresh token was refused; trying ZALO_OA_REFRESH_TOKEN from the environment");
      pair = await this.refreshWith(seed.refreshToken);
    }
    await this.save(pair);
    this.cached = pair;
    metrics?.tokenRefreshes.inc({ outcome: "ok" });
    readiness?.set(READY_KEY, null);
    this.log.info({ expiresAt: new Date(pair.expiresAt ?? 0).toISOString() }, "zalo-oa: access token refreshed");
    return pair.accessToken as string;
  }

  private refreshFailed(err: unknown): never {
    this.options.metrics?.tokenRefreshes.inc({ outcome: "failed" });
    const refused = err instanceof ZaloOaApiError;
    this.options.readiness?.set(READY_KEY, {
      level: "degraded",
      detail: refused
        ? "zalo-oa: the refresh token was refused; OA replies cannot be sent until ZALO_OA_REFRESH_TOKEN is renewed"
        : "zalo-oa: the access token could not be refreshed (network or store); retrying on the next message",
    });
    this.log.error(
      { err: errorSummary(err) },
      refused
        ? "zalo-oa: refreshing the access token failed: the refresh token was refused (expired, or already used). Get a new one in the Zalo for Developers console (your app > Official Account > get an access token for the OA), set ZALO_OA_REFRESH_TOKEN to it and restart; it replaces the stored pair."
        : "zalo-oa: refreshing the access token failed (network or store); it is retried on the next message and at the next scheduled check",
    );
    throw err;
  }

  private schedule(): void {
    if (this.stopped) return;
    const expiresAt = this.cached?.expiresAt;
    // Check again shortly before expiry; at least every 6 h (another instance may have refreshed), at most every minute.
    const wait = expiresAt ? Math.min(6 * 3_600_000, Math.max(60_000, expiresAt - this.ahead - this.now())) : 6 * 3_600_000;
    this.timer = setTimeout(() => void this.check(), wait);
    this.timer.unref();
  }

  private async check(): Promise<void> {
    try {
      await this.current();
    } catch {
      // Logged and shown on /readyz by refresh(); the next check or message tries again.
    }
    this.schedule();
  }
}
