import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Platform = "telegram" | "zalo" | "zalo-oa";

/** One call the bot made to a platform API. */
export interface PlatformCall {
  platform: Platform;
  /** Bot API method, or for the OA "oa.send" / "oa.token". */
  method: string;
  payload: Record<string, unknown>;
  /** The bot token, or the OA access token / refresh token used. */
  token: string;
  /** The text of a send that the platform accepted. */
  text?: string;
  /** Set when the platform refused the call (what it answered). */
  refused?: string;
  at: number;
  /** sendMessage: the message id the fake answered with (staff replies quote it). */
  messageId?: number | string;
}

export interface FakePlatformsOptions {
  /** The OA refresh token the fake accepts first. Default "oa_rt_0". */
  oaRefreshToken?: string;
  /** The app secret the token endpoint expects in `secret_key`. Default "oa_app_secret". */
  oaAppSecret?: string;
}

export interface FakePlatforms {
  /** Base URL: use as TELEGRAM_API_ROOT, ZALO_API_URL, ZALO_OA_API_URL and ZALO_OAUTH_URL. */
  url: string;
  calls: PlatformCall[];
  /** Messages the platform accepted for one chat (Telegram/Zalo chat id, or OA user id), in order. */
  sent(chatId: string | number): PlatformCall[];
  /** Waits until `chatId` has received at least `count` messages and no more arrive for `quietMs`. */
  waitForSent(chatId: string | number, count: number, timeoutMs?: number, quietMs?: number): Promise<PlatformCall[]>;
  /** The next `times` calls of `method` fail with this status and body. */
  failNext(method: string, times: number, status: number, body: Record<string, unknown>): void;
  /** Updates the next getUpdates of that platform returns (polling mode). */
  queueUpdates(platform: "telegram" | "zalo", updates: unknown[]): void;
  /** From now on sends to this chat are refused as the platform does for a chat it does not know. */
  forgetChat(chatId: string | number): void;
  /** A revoked bot token: every call with it gets 401 (Telegram) / an invalid-token error (Zalo). */
  revokeToken(token: string): void;
  /** Holds every sendChatAction answer until the returned function is called. */
  holdChatActions(): () => void;
  /** The OA access token stops working now (as after its ~25 hours). */
  expireOaToken(): void;
  /** The OA tokens the fake accepts now, and how many refreshes it granted. */
  oa(): { access: string | null; refresh: string; refreshes: number };
  close(): Promise<void>;
}

const TELEGRAM_ME = { id: 4242, is_bot: true, first_name: "DVC", username: "dvc_test_bot", can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false };
const TELEGRAM_SECRET = /^[A-Za-z0-9_-]{1,256}$/;
const LIMITS = { telegram: 4096, zalo: 2000, "zalo-oa": 2000 } as const;

/**
 * A loopback stand-in for the Telegram Bot API, the Zalo Bot API (tokens containing "zalo" are
 * Zalo's) and the Zalo Official Account API (v3 messages, v4 token refresh), recording every
 * call. It refuses what the real APIs refuse — empty or too long text, a chat it does not know,
 * a webhook secret or URL the platform would not take, a revoked or expired token, a refresh
 * token already used — so tests catch the bugs those refusals hide.
 */
export async function startFakePlatforms(options: FakePlatformsOptions = {}): Promise<FakePlatforms> {
  const calls: PlatformCall[] = [];
  const failures = new Map<string, { times: number; status: number; body: Record<string, unknown> }>();
  let seq = 100;
  const queued: Record<"telegram" | "zalo", unknown[]> = { telegram: [], zalo: [] };
  const forgotten = new Set<string>();
  const revoked = new Set<string>();
  let held: Array<() => void> | null = null;
  const oaSecret = options.oaAppSecret ?? "oa_app_secret";
  // One valid access token and one valid refresh token at a time: a refresh rotates both and the old refresh token dies.
  const oa = { access: null as string | null, refresh: options.oaRefreshToken ?? "oa_rt_0", refreshes: 0 };

  const answer = (res: ServerResponse, body: unknown, status = 200) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };

  function zaloOa(req: IncomingMessage, res: ServerResponse, url: URL, raw: string): void {
    const record = (method: string, payload: Record<string, unknown>, token: string, extra: Partial<PlatformCall> = {}) =>
      calls.push({ platform: "zalo-oa", method, payload, token, at: Date.now(), ...extra });
    if (url.pathname === "/v4/oa/access_token") {
      const form = Object.fromEntries(new URLSearchParams(raw));
      const token = form.refresh_token ?? "";
      const refusal =
        req.headers["secret_key"] !== oaSecret
          ? "invalid app secret"
          : form.grant_type !== "refresh_token" || !form.app_id
            ? "invalid parameters"
            : token !== oa.refresh
              ? "refresh token is invalid or already used"
              : undefined;
      record("oa.token", { app_id: form.app_id, grant_type: form.grant_type }, token, refusal ? { refused: refusal } : {});
      if (refusal) return answer(res, { error: -14014, error_name: "Invalid refresh token", error_description: refusal });
      oa.refreshes++;
      oa.access = `oa_at_${oa.refreshes}`;
      oa.refresh = `oa_rt_${oa.refreshes}`;
      return answer(res, { access_token: oa.access, refresh_token: oa.refresh, expires_in: "90000" });
    }
    if (url.pathname === "/v3.0/oa/message/cs") {
      let payload: Record<string, unknown> = {};
      try {
        payload = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        payload = { raw };
      }
      const token = String(req.headers["access_token"] ?? "");
      const failure = failures.get("oa.send");
      if (failure && failure.times > 0) {
        failure.times--;
        record("oa.send", payload, token, { refused: `HTTP ${failure.status}` });
        return answer(res, failure.body, failure.status);
      }
      const recipient = (payload.recipient ?? {}) as { user_id?: unknown };
      const text = ((payload.message ?? {}) as { text?: unknown }).text;
      const refusal: [number, string] | undefined =
        !token || token !== oa.access
          ? [-216, "Access token is invalid"]
          : typeof recipient.user_id !== "string" || !recipient.user_id
            ? [-201, "Parameters are invalid: recipient"]
            : typeof text !== "string" || text.length === 0 || text.length > LIMITS["zalo-oa"]
              ? [-201, "Parameters are invalid: text length must be 1-2000"]
              : forgotten.has(recipient.user_id)
                ? [-213, "User has not followed OA or has not interacted with it"]
                : undefined;
      if (refusal) {
        record("oa.send", payload, token, { refused: refusal[1] });
        return answer(res, { error: refusal[0], message: refusal[1] });
      }
      seq++;
      record("oa.send", payload, token, { text: text as string });
      return answer(res, { error: 0, message: "Success", data: { message_id: `oam${seq}`, user_id: recipient.user_id } });
    }
    return answer(res, { error: -404, message: "Not found" }, 404);
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://x");
      const raw = Buffer.concat(chunks).toString("utf8");
      if (url.pathname.startsWith("/v3.0/") || url.pathname.startsWith("/v4/")) return zaloOa(req, res, url, raw);
      const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
      if (!m) return answer(res, { ok: false, error_code: 404, description: "Not Found" }, 404);
      const [, token = "", method = ""] = m;
      const platform = token.includes("zalo") ? "zalo" : "telegram";
      let payload: Record<string, unknown> = {};
      try {
        payload = raw ? (JSON.parse(raw) as Record<string, unknown>) : Object.fromEntries(url.searchParams);
      } catch {
        payload = { raw };
      }
      const call: PlatformCall = { platform, method, payload, token, at: Date.now() };
      calls.push(call);
      const refuse = (description: string, status = 400) => {
        call.refused = description;
        return answer(res, { ok: false, error_code: status, description }, status);
      };
      if (revoked.has(token)) return refuse("Unauthorized", 401);
      const failure = failures.get(method);
      if (failure && failure.times > 0) {
        failure.times--;
        call.refused = `HTTP ${failure.status}`;
        return answer(res, failure.body, failure.status);
      }
      const now = Math.floor(Date.now() / 1000);
      switch (method) {
        case "getMe":
          return answer(res, { ok: true, result: platform === "zalo" ? { id: "zalo-bot", account_name: "dvc" } : TELEGRAM_ME });
        case "getUpdates":
          if (queued[platform].length > 0) {
            // Telegram returns a list; the Zalo Bot API returns one event per call.
            const next = platform === "zalo" ? queued.zalo.shift() : queued.telegram.splice(0);
            return answer(res, { ok: true, result: next });
          }
          return void setTimeout(
            () => answer(res, platform === "zalo" ? { ok: false, error_code: 408, description: "Request timeout" } : { ok: true, result: [] }),
            200,
          );
        case "setWebhook": {
          const secret = payload.secret_token;
          if (typeof payload.url !== "string" || !payload.url.startsWith("https://")) return refuse("Bad Request: bad webhook: An HTTPS URL must be provided for webhook");
          if (platform === "telegram" && secret !== undefined && !TELEGRAM_SECRET.test(String(secret))) return refuse("Bad Request: secret token contains unallowed characters");
          if (platform === "zalo" && (typeof secret !== "string" || secret.length < 8 || secret.length > 256)) return refuse("Bad Request: secret_token must be 8-256 characters");
          return answer(res, { ok: true, result: true });
        }
        case "sendChatAction":
          if (held) return void held.push(() => answer(res, { ok: true, result: true }));
          return answer(res, { ok: true, result: true });
        case "sendMessage": {
          const text = payload.text;
          if (typeof text !== "string" || text.trim().length === 0) return refuse("Bad Request: message text is empty");
          if (text.length > LIMITS[platform]) return refuse("Bad Request: message is too long");
          if (forgotten.has(String(payload.chat_id))) return refuse("Bad Request: chat not found");
          seq++;
          call.text = text;
          call.messageId = platform === "zalo" ? `zm${seq}` : seq;
          return answer(res, {
            ok: true,
            result: platform === "zalo" ? { message_id: `zm${seq}`, date: Date.now() } : { message_id: seq, date: now, chat: { id: payload.chat_id, type: "private" }, text },
          });
        }
        default:
          return answer(res, { ok: true, result: true });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const chatOf = (c: PlatformCall) => String(c.platform === "zalo-oa" ? (c.payload.recipient as { user_id?: unknown } | undefined)?.user_id : c.payload.chat_id);
  const sent = (chatId: string | number) => calls.filter((c) => (c.method === "sendMessage" || c.method === "oa.send") && c.text !== undefined && chatOf(c) === String(chatId));
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    sent,
    queueUpdates(platform, updates) {
      queued[platform].push(...updates);
    },
    async waitForSent(chatId, count, timeoutMs = 8000, quietMs = 150) {
      const deadline = Date.now() + timeoutMs;
      let seen = -1;
      let stableSince = Date.now();
      for (;;) {
        const now = sent(chatId);
        if (now.length !== seen) {
          seen = now.length;
          stableSince = Date.now();
        }
        if (now.length >= count && Date.now() - stableSince >= quietMs) return now;
        if (Date.now() > deadline) throw new Error(`fake: chat ${chatId} got ${now.length} messages, expected ${count}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    failNext(method, times, status, body) {
      failures.set(method, { times, status, body });
    },
    forgetChat(chatId) {
      forgotten.add(String(chatId));
    },
    revokeToken(token) {
      revoked.add(token);
    },
    holdChatActions() {
      const waiting: Array<() => void> = [];
      held = waiting;
      return () => {
        held = null;
        for (const release of waiting) release();
      };
    },
    expireOaToken() {
      oa.access = null;
    },
    oa: () => ({ ...oa }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
