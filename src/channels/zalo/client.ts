import axios, { type AxiosInstance } from "axios";
import { omitUndefined } from "../../omit-undefined.js";

/** The Zalo Bot API said no: `{ ok: false, error_code, description }`. */
export class ZaloApiError extends Error {
  constructor(
    readonly method: string,
    readonly errorCode: number,
    readonly description: string,
  ) {
    super(`zalo: ${method} failed (${errorCode}: ${description})`);
    this.name = "ZaloApiError";
  }
}

/** The request itself failed (network, timeout, not JSON). The message never contains the URL (it holds the token). */
export class ZaloHttpError extends Error {
  constructor(
    readonly method: string,
    reason: string,
    readonly status?: number,
  ) {
    super(`zalo: network request for ${method} failed: ${reason}`);
    this.name = "ZaloHttpError";
  }
}

export interface ZaloBotInfo {
  id: string;
  account_name?: string;
  display_name?: string;
  [key: string]: unknown;
}

export interface ZaloClient {
  getMe(): Promise<ZaloBotInfo>;
  sendMessage(params: { chat_id: string; text: string }): Promise<unknown>;
  sendChatAction(params: { chat_id: string; action: "typing" }): Promise<unknown>;
  setWebhook(params: { url: string; secret_token: string }): Promise<unknown>;
  deleteWebhook(): Promise<unknown>;
  /** Long polling: the events received (none when Zalo answers 408 "no update"). */
  getUpdates(params: { timeout: number }, signal?: AbortSignal): Promise<unknown[]>;
}

export interface ZaloClientOptions {
  token: string;
  /** Default https://bot-api.zaloplatforms.com */
  apiUrl?: string;
  /** Per-request timeout in ms (long polls add their own timeout). Default 10 s. */
  timeoutMs?: number;
  http?: AxiosInstance;
}

/**
 * A small client for the Zalo Bot API: `POST ${apiUrl}/bot${token}/${method}` with a JSON body,
 * answering `{ ok, result }`. All network I/O of the Zalo channel passes through `call`.
 */
export function createZaloClient(options: ZaloClientOptions): ZaloClient {
  const apiUrl = (options.apiUrl ?? "https://bot-api.zaloplatforms.com").replace(/\/+$/, "");
  const timeout = options.timeoutMs ?? 10_000;
  const http = options.http ?? axios.create({ validateStatus: () => true, headers: { "content-type": "application/json" } });
  const redact = (text: string) => text.split(options.token).join("<token>");

  async function call<T>(method: string, body: object, extra: { timeoutMs?: number; signal?: AbortSignal | undefined } = {}): Promise<T> {
    let response;
    try {
      response = await http.post(`${apiUrl}/bot${options.token}/${method}`, body, omitUndefined({ timeout: extra.timeoutMs ?? timeout, signal: extra.signal, responseType: "json" as const }));
    } catch (err) {
      // Axios errors carry the request config, URL and token included: keep only a cleaned reason.
      const reason = err instanceof Error ? `${(err as { code?: string }).code ?? err.name}: ${err.message}` : String(err);
      throw new ZaloHttpError(method, redact(reason));
    }
    const data: unknown = response.data;
    if (isObject(data) && data.ok === true) return data.result as T;
    if (isObject(data) && data.ok === false) {
      const code = typeof data.error_code === "number" ? data.error_code : response.status;
      throw new ZaloApiError(method, code, redact(String(data.description ?? "unknown error")));
    }
    throw new ZaloHttpError(method, `unexpected response (HTTP ${response.status})`, response.status);
  }

  return {
    getMe: () => call<ZaloBotInfo>("getMe", {}),
    sendMessage: (params) => call("sendMessage", params),
    sendChatAction: (params) => call("sendChatAction", params),
    setWebhook: (params) => call("setWebhook", params),
    deleteWebhook: () => call("deleteWebhook", {}),
    async getUpdates(params, signal) {
      try {
        const result = await call<unknown>("getUpdates", { timeout: String(params.timeout) }, { timeoutMs: (params.timeout + 10) * 1000, signal });
        if (result === undefined || result === null) return [];
        return Array.isArray(result) ? result : [result];
      } catch (err) {
        if (err instanceof ZaloApiError && err.errorCode === 408) return [];
        if (err instanceof ZaloHttpError && err.status === 408) return [];
        throw err;
      }
    },
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
