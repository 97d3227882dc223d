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
  seed: { refreshToken: string; accessToken?: string };
  logger: Logger;
  metrics?: Metrics;
  readiness?: Readiness;
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
  const { api, vault, seed } = options;
  const now = options.now ?? Date.now;
  const ahead = options.refreshAheadMs ?? 3_600_000;
  const log = options.logger.child({ channel: "zalo-oa" });
  let cached: OaTokenPair | undefined;
  let unsaved: OaTokenPair | undefined;
  let inflight: Promise<string> | undefined;
  let seedTried = false;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const seedPair = (): OaTokenPair => ({ accessToken: seed.accessToken ?? null, refreshToken: seed.refreshToken, expiresAt: null, updatedAt: 0 });
  /** Unknown expiry (an access token from the environment) counts as usable until the API refuses it. */
  const usable = (p: OaTokenPair | null | undefined): p is OaTokenPair & { accessToken: string } =>
    !!p?.accessToken && (p.expiresAt === null || p.expiresAt - ahead > now());

  async function load(): Promise<OaTokenPair> {
    if (unsaved) {
      await save(unsaved);
      // Still not stored: the store holds a pair whose refresh token is already spent; ours is the newest.
      if (unsaved) return unsaved;
    }
    return (await vault.read()) ?? seedPair();
  }

  async function save(pair: OaTokenPair): Promise<void> {
    try {
      await vault.write(pair);
      unsaved = undefined;
    } catch (err) {
      // The old refresh token is already spent: keep the new pair in memory and keep trying to store it.
      unsaved = pair;
      log.error({ err: errorSummary(err) }, "zalo-oa: could not store the rotated token pair; it is kept in memory and stored again on the next use");
    }
  }

  async function refreshWith(refreshToken: string): Promise<OaTokenPair> {
    const grant = await api.refreshToken(refreshToken);
    const t = now();
    return { accessToken: grant.accessToken, refreshToken: grant.refreshToken, expiresAt: t + grant.expiresIn * 1000, updatedAt: t };
  }

  function refresh(stale: string | null): Promise<string> {
    inflight ??= vault
      .withLock(async () => {
        const stored = await load();
        // Another instance (or an earlier call) refreshed while we waited for the lock.
        if (usable(stored) && stored.accessToken !== stale) {
          cached = stored;
          return stored.accessToken;
        }
        let pair: OaTokenPair;
        try {
          pair = await refreshWith(stored.refreshToken);
        } catch (err) {
          const refused = err instanceof ZaloOaApiError;
          if (!refused || seedTried || stored.refreshToken === seed.refreshToken) throw err;
          seedTried = true;
          log.warn({ err: errorSummary(err) }, "zalo-oa: the stored refresh token was refused; trying ZALO_OA_REFRESH_TOKEN from the environment");
          pair = await refreshWith(seed.refreshToken);
        }
        await save(pair);
        cached = pair;
        options.metrics?.tokenRefreshes.inc({ outcome: "ok" });
        options.readiness?.set(READY_KEY, null);
        log.info({ expiresAt: new Date(pair.expiresAt ?? 0).toISOString() }, "zalo-oa: access token refreshed");
        return pair.accessToken as string;
      })
      .catch((err: unknown) => {
        options.metrics?.tokenRefreshes.inc({ outcome: "failed" });
        const refused = err instanceof ZaloOaApiError;
        options.readiness?.set(READY_KEY, {
          level: "degraded",
          detail: refused
            ? "zalo-oa: the refresh token was refused; OA replies cannot be sent until ZALO_OA_REFRESH_TOKEN is renewed"
            : "zalo-oa: the access token could not be refreshed (network or store); retrying on the next message",
        });
        log.error(
          { err: errorSummary(err) },
          refused
            ? "zalo-oa: refreshing the access token failed: the refresh token was refused (expired, or already used). Get a new one in the Zalo for Developers console (your app > Official Account > get an access token for the OA), set ZALO_OA_REFRESH_TOKEN to it and restart; it replaces the stored pair."
            : "zalo-oa: refreshing the access token failed (network or store); it is retried on the next message and at the next scheduled check",
        );
        throw err;
      })
      .finally(() => (inflight = undefined));
    return inflight;
  }

  async function current(): Promise<string> {
    if (usable(cached)) return cached.accessToken;
    const stored = await load();
    if (usable(stored)) {
      cached = stored;
      return stored.accessToken;
    }
    return refresh(stored.accessToken);
  }

  function schedule(): void {
    if (stopped) return;
    const expiresAt = cached?.expiresAt;
    // Check again shortly before expiry; at least every 6 h (another instance may have refreshed), at most every minute.
    const wait = expiresAt ? Math.min(6 * 3_600_000, Math.max(60_000, expiresAt - ahead - now())) : 6 * 3_600_000;
    timer = setTimeout(() => void check(), wait);
    timer.unref();
  }

  async function check(): Promise<void> {
    try {
      await current();
    } catch {
      // Logged and shown on /readyz by refresh(); the next check or message tries again.
    }
    schedule();
  }

  return {
    current,
    async renew(rejected) {
      if (usable(cached) && cached.accessToken !== rejected) return cached.accessToken;
      cached = undefined;
      return refresh(rejected);
    },
    start() {
      stopped = false;
      void check();
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
