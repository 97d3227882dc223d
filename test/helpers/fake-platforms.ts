import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One call the bot made to a platform API. */
export interface PlatformCall {
  platform: "telegram" | "zalo";
  method: string;
  payload: Record<string, unknown>;
  token: string;
  at: number;
  /** sendMessage: the message id the fake answered with (staff replies quote it). */
  messageId?: number | string;
}

export interface FakePlatforms {
  /** Base URL: use as TELEGRAM_API_ROOT and ZALO_API_URL. */
  url: string;
  calls: PlatformCall[];
  /** Texts sent (sendMessage) to one chat, in order. */
  sent(chatId: string | number): PlatformCall[];
  /** Waits until `chatId` has received at least `count` messages and no more arrive for `quietMs`. */
  waitForSent(chatId: string | number, count: number, timeoutMs?: number, quietMs?: number): Promise<PlatformCall[]>;
  /** The next `times` calls of `method` fail with this status and body. */
  failNext(method: string, times: number, status: number, body: Record<string, unknown>): void;
  /** Updates the next getUpdates of that platform returns (polling mode). */
  queueUpdates(platform: "telegram" | "zalo", updates: unknown[]): void;
  close(): Promise<void>;
}

const TELEGRAM_ME = { id: 4242, is_bot: true, first_name: "DVC", username: "dvc_test_bot", can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false };

/**
 * A loopback stand-in for the Telegram Bot API and the Zalo Bot API (tokens containing "zalo"
 * are Zalo's), recording every call like the acceptance scripts' fake-platforms.mjs.
 */
export async function startFakePlatforms(): Promise<FakePlatforms> {
  const calls: PlatformCall[] = [];
  const failures = new Map<string, { times: number; status: number; body: Record<string, unknown> }>();
  let seq = 100;
  const queued: Record<"telegram" | "zalo", unknown[]> = { telegram: [], zalo: [] };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const answer = (body: unknown, status = 200) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      const url = new URL(req.url ?? "/", "http://x");
      const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
      if (!m) return answer({ ok: false, error_code: 404, description: "Not Found" }, 404);
      const [, token = "", method = ""] = m;
      const platform = token.includes("zalo") ? "zalo" : "telegram";
      const raw = Buffer.concat(chunks).toString("utf8");
      let payload: Record<string, unknown> = {};
      try {
        payload = raw ? (JSON.parse(raw) as Record<string, unknown>) : Object.fromEntries(url.searchParams);
      } catch {
        payload = { raw };
      }
      calls.push({ platform, method, payload, token, at: Date.now() });
      const failure = failures.get(method);
      if (failure && failure.times > 0) {
        failure.times--;
        return answer(failure.body, failure.status);
      }
      const now = Math.floor(Date.now() / 1000);
      switch (method) {
        case "getMe":
          return answer({ ok: true, result: platform === "zalo" ? { id: "zalo-bot", account_name: "dvc" } : TELEGRAM_ME });
        case "getUpdates":
          if (queued[platform].length > 0) {
            // Telegram returns a list; the Zalo Bot API returns one event per call.
            const next = platform === "zalo" ? queued.zalo.shift() : queued.telegram.splice(0);
            return answer({ ok: true, result: next });
          }
          return void setTimeout(
            () => answer(platform === "zalo" ? { ok: false, error_code: 408, description: "Request timeout" } : { ok: true, result: [] }),
            200,
          );
        case "sendMessage":
          seq++;
          calls[calls.length - 1]!.messageId = platform === "zalo" ? `zm${seq}` : seq;
          return answer({
            ok: true,
            result: platform === "zalo" ? { message_id: `zm${seq}`, date: Date.now() } : { message_id: seq, date: now, chat: { id: payload.chat_id, type: "private" }, text: payload.text },
          });
        default:
          return answer({ ok: true, result: true });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const sent = (chatId: string | number) => calls.filter((c) => c.method === "sendMessage" && String(c.payload.chat_id) === String(chatId));
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
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
