import type { Update, UserFromGetMe } from "grammy/types";
import type { Core } from "../src/runtime/core.js";
import { createDispatcher } from "../src/runtime/dispatcher.js";
import { createMetrics } from "../src/runtime/metrics.js";
import { createTelegramChannel } from "../src/channels/telegram/channel.js";
import { silentLogger } from "../src/log.js";
import type { Store } from "../src/store/port.js";
import { createRandom } from "./synthetic-corpus.js";
import { percentile } from "./stats.js";

/**
 * Updates per second through the whole Telegram path: grammY `handleUpdate` → the real channel
 * middleware (sequentialize, to-inbound, sendChatAction, dispatcher, render, sendMessage) →
 * dispatcher (dedup, rate limit, chat lock, session load/save, engine, record appends) → store.
 * The Bot API is stubbed by a transformer that answers every call with a fake ok result, so no
 * network is involved and what is measured is our process.
 */

export interface ThroughputOptions {
  core: Core;
  store: Store;
  updates: number;
  concurrency: number;
  chats: number;
  /** Questions citizens ask (in scope, out of scope, typos…). */
  questions: string[];
  seed?: number;
}

export interface ThroughputResult {
  updates: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  apiCalls: number;
  errors: number;
}

const BOT_INFO: UserFromGetMe = {
  id: 1,
  is_bot: true,
  first_name: "dvc-bot bench",
  username: "dvc_bench_bot",
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
} as UserFromGetMe;

/** The mix a busy day looks like: mostly questions, some follow-ups, greetings, menu taps. */
function makeTexts(questions: string[], count: number, seed: number): string[] {
  const rand = createRandom(seed);
  const followUps = ["lệ phí bao nhiêu", "cần giấy tờ gì", "mất bao lâu", "nộp ở đâu", "còn thời gian thì sao", "làm online được không"];
  const small = ["/start", "xin chào", "menu", "cảm ơn", "1", "2"];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = rand();
    if (r < 0.7) out.push(questions[Math.floor(rand() * questions.length)]!);
    else if (r < 0.88) out.push(followUps[Math.floor(rand() * followUps.length)]!);
    else out.push(small[Math.floor(rand() * small.length)]!);
  }
  return out;
}

export async function measureThroughput(options: ThroughputOptions): Promise<ThroughputResult> {
  const { store, concurrency } = options;
  const dispatcher = createDispatcher({ core: () => options.core, store, logger: silentLogger(), metrics: createMetrics() });
  const channel = createTelegramChannel({
    config: { token: "123456:bench-token-not-real", apiRoot: "http://127.0.0.1:9", mode: { kind: "webhook", url: "https://bench.invalid/webhooks/telegram" } },
    dispatcher,
    logger: silentLogger(),
    botInfo: BOT_INFO,
  });
  let apiCalls = 0;
  let messageId = 1;
  // The stub transport: every Bot API call succeeds at once with a plausible result.
  channel.bot.api.config.use(async (_prev, method, payload) => {
    apiCalls++;
    const p = payload as { chat_id?: number | string; text?: string };
    const result =
      method === "sendMessage"
        ? { message_id: messageId++, date: 0, chat: { id: Number(p.chat_id), type: "private", first_name: "Dân" }, text: p.text ?? "" }
        : true;
    return { ok: true, result } as never;
  });

  const texts = makeTexts(options.questions, options.updates, options.seed ?? 11);
  const rand = createRandom((options.seed ?? 11) + 1);
  const updates: Update[] = texts.map((text, i) => {
    const chat = 1_000_000 + Math.floor(rand() * options.chats);
    return {
      update_id: 500_000_000 + i,
      message: { message_id: i + 1, date: 1_760_000_000, chat: { id: chat, type: "private", first_name: "Dân" }, from: { id: chat, is_bot: false, first_name: "Dân" }, text },
    } as Update;
  });

  const latencies = new Float64Array(updates.length);
  let next = 0;
  let errors = 0;
  const started = performance.now();
  async function worker() {
    while (next < updates.length) {
      const i = next++;
      const t0 = performance.now();
      try {
        await channel.handleUpdate(updates[i]!);
      } catch {
        errors++;
      }
      latencies[i] = performance.now() - t0;
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  const sorted = Array.from(latencies).sort((a, b) => a - b);
  return {
    updates: updates.length,
    seconds,
    perSecond: updates.length / seconds,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    apiCalls,
    errors,
  };
}
