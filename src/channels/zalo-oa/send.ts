import axios, { type AxiosInstance } from "axios";
import type { Reply } from "../../engine/types.js";
import { SEND_RETRY, withRetry, type RetryPolicy } from "../retry.js";
import { renderZaloOa } from "./render.js";

/** The OA API said no: `{ error: <negative code>, message }`. */
export class ZaloOaApiError extends Error {
  constructor(
    readonly operation: string,
    readonly errorCode: number,
    readonly description: string,
  ) {
    super(`zalo-oa: ${operation} failed (${errorCode}: ${description})`);
    this.name = "ZaloOaApiError";
  }

  /** The access token was refused (expired or revoked): refresh it and send again. */
  get tokenInvalid(): boolean {
    return this.errorCode === -216 || (/access.?token/i.test(this.description) && /invalid|expired/i.test(this.description));
  }
}

/** The request itself failed (network, timeout, 5xx, not JSON). Never carries a token. */
export class ZaloOaHttpError extends Error {
  constructor(
    readonly operation: string,
    reason: string,
    readonly status?: number,
  ) {
    super(`zalo-oa: network request for ${operation} failed: ${reason}`);
    this.name = "ZaloOaHttpError";
  }
}

export interface OaTokenGrant {
  accessToken: string;
  refreshToken: string;
  /** Seconds (Zalo sends a string). */
  expiresIn: number;
}

export interface ZaloOaApi {
  /** POST {apiUrl}/v3.0/oa/message/cs with header access_token. */
  sendText(accessToken: string, params: { userId: string; text: string; replyTo?: string | undefined }): Promise<void>;
  /** POST {oauthUrl}/v4/oa/access_token (header secret_key; form refresh_token, app_id, grant_type). */
  refreshToken(refreshToken: string): Promise<OaTokenGrant>;
}

export interface ZaloOaApiOptions {
  appId: string;
  appSecret: string;
  /** Default https://openapi.zalo.me */
  apiUrl?: string;
  /** Default https://oauth.zaloapp.com */
  oauthUrl?: string;
  /** Per-request timeout. Default 10 s. */
  timeoutMs?: number;
  http?: AxiosInstance;
}

/** The two OA calls the bot makes, over axios. All OA network I/O passes through here. */
export function createZaloOaApi(options: ZaloOaApiOptions): ZaloOaApi {
  const apiUrl = (options.apiUrl ?? "https://openapi.zalo.me").replace(/\/+$/, "");
  const oauthUrl = (options.oauthUrl ?? "https://oauth.zaloapp.com").replace(/\/+$/, "");
  const timeout = options.timeoutMs ?? 10_000;
  const http = options.http ?? axios.create({ validateStatus: () => true });

  async function post(operation: string, url: string, body: unknown, headers: Record<string, string>): Promise<Record<string, unknown>> {
    let response;
    try {
      response = await http.post(url, body, { headers, timeout, responseType: "json" });
    } catch (err) {
      // Axios errors carry the request config, headers (tokens) included: keep only a reason.
      const reason = err instanceof Error ? `${(err as { code?: string }).code ?? err.name}: ${err.message}` : String(err);
      throw new ZaloOaHttpError(operation, reason);
    }
    const data: unknown = response.data;
    if (response.status >= 500 || response.status === 429) throw new ZaloOaHttpError(operation, `HTTP ${response.status}`, response.status);
    if (typeof data !== "object" || data === null) throw new ZaloOaHttpError(operation, `unexpected response (HTTP ${response.status})`, response.status);
    return data as Record<string, unknown>;
  }

  return {
    async sendText(accessToken, params) {
      // `message_id` of the citizen's message makes this a reply (within Zalo's free-reply quota);
      // without it Zalo counts the message as a proactive one.
      const recipient = { user_id: params.userId, message_id: params.replyTo };
      const data = await post("message/cs", `${apiUrl}/v3.0/oa/message/cs`, { recipient, message: { text: params.text } }, {
        "content-type": "application/json",
        access_token: accessToken,
      });
      const code = Number(data.error ?? 0);
      if (code !== 0) throw new ZaloOaApiError("message/cs", code, String(data.message ?? "unknown error").split(accessToken).join("<token>"));
    },
    async refreshToken(refreshToken) {
      const form = new URLSearchParams({ refresh_token: refreshToken, app_id: options.appId, grant_type: "refresh_token" }).toString();
      const data = await post("access_token", `${oauthUrl}/v4/oa/access_token`, form, {
        "content-type": "application/x-www-form-urlencoded",
        secret_key: options.appSecret,
      });
      const expiresIn = Number(data.expires_in);
      if (typeof data.access_token === "string" && data.access_token && typeof data.refresh_token === "string" && data.refresh_token && Number.isFinite(expiresIn)) {
        return { accessToken: data.access_token, refreshToken: data.refresh_token, expiresIn };
      }
      const code = Number(data.error ?? data.error_code ?? -1);
      const reason = String(data.error_description ?? data.error_name ?? data.message ?? "no token in the answer");
      throw new ZaloOaApiError("access_token", Number.isFinite(code) ? code : -1, reason.split(refreshToken).join("<token>"));
    },
  };
}

/** Transient: the network, a 5xx or a 429. A refusal from the API is not retried. */
export function zaloOaRetryable(err: unknown): boolean {
  return err instanceof ZaloOaHttpError && (err.status === undefined || err.status >= 500 || err.status === 429);
}

/**
 * Sends one turn's replies to a citizen, in order. `token` gives the current access token;
 * `onInvalidToken` refreshes it once when the API refuses the token, and the message is sent again.
 */
export async function sendZaloOaReplies(
  api: ZaloOaApi,
  tokens: { current(): Promise<string>; renew(rejected: string): Promise<string> },
  target: { userId: string; replyTo?: string | undefined },
  replies: readonly Reply[],
  retry: RetryPolicy = SEND_RETRY,
): Promise<void> {
  for (const text of renderZaloOa(replies)) {
    const params = { userId: target.userId, text, replyTo: target.replyTo };
    let token = await tokens.current();
    try {
      await withRetry(() => api.sendText(token, params), zaloOaRetryable, retry);
    } catch (err) {
      if (!(err instanceof ZaloOaApiError && err.tokenInvalid)) throw err;
      token = await tokens.renew(token);
      await withRetry(() => api.sendText(token, params), zaloOaRetryable, retry);
    }
  }
}
