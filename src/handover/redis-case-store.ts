import { createClient, ErrorReply } from "redis";
import type { Reply } from "../engine/types.js";
import type { CaseMessage, CaseStore, HandoverCase, NewCase } from "./case-store.js";
import type { CloseReason } from "./messages.js";

export interface RedisCaseStoreOptions {
  url: string;
  /** Prefix of every key. Default "dvc:". */
  prefix?: string;
  /** Connect and per-command deadline: no call waits on a dead server. Default 2000 ms. */
  timeoutMs?: number;
}

/** After a failed or timed-out call, calls fail at once for this long (then Redis is tried again). */
const RETRY_AFTER_FAILURE_MS = 3000;
/** How long the link from a staff-group message to its case is kept. */
const POST_TTL_S = 90 * 24 * 3600;
/** Web replies nobody fetched are dropped after this long (the web session has ended). */
const OUTBOX_TTL_S = 7 * 24 * 3600;

// Closing is claimed by removing the case from the open set: of two instances closing one case
// (staff /xong and the idle sweep), exactly one gets 1 and tells the citizen.
const CLOSE_SCRIPT = `
if redis.call('SREM', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('HSET', KEYS[2], 'closedAt', ARGV[2], 'closedBy', ARGV[3])
if redis.call('GET', KEYS[3]) == ARGV[1] then redis.call('DEL', KEYS[3]) end
return 1`;

const TAKE_SCRIPT = `
local items = redis.call('LRANGE', KEYS[1], 0, -1)
redis.call('DEL', KEYS[1])
return items`;

/**
 * Cases in Redis, shared by every instance. A case is a hash (its fixed fields as JSON, and
 * fields changed one at a time), its messages a list; indexes: the open set, all cases by
 * opening time, chat → open case, staff post → case. Unlike the chat store there is no outage
 * fallback: a hand-over that cannot be stored fails visibly (the citizen is told) rather than
 * live in one instance's memory where the other cannot see it.
 */
export async function createRedisCaseStore(options: RedisCaseStoreOptions): Promise<CaseStore> {
  const p = `${options.prefix ?? "dvc:"}handover:`;
  const timeoutMs = options.timeoutMs ?? 2000;
  const client = createClient({
    url: options.url,
    disableOfflineQueue: true,
    commandOptions: { timeout: timeoutMs },
    socket: { connectTimeout: timeoutMs, reconnectStrategy: (retries: number) => Math.min(50 * 2 ** Math.min(retries, 10), 2000) },
  });
  // Connection errors surface on the calls that need Redis; the client keeps reconnecting.
  client.on("error", () => undefined);
  // Like the chat store, start even when Redis is unreachable: wait a little for a first
  // connection, then go on while the client keeps reconnecting in the background.
  const connecting = client.connect().catch(() => undefined);
  await Promise.race([connecting, new Promise((r) => setTimeout(r, timeoutMs).unref())]);

  const key = {
    seq: `${p}seq`,
    open: `${p}open`,
    all: `${p}all`,
    case: (id: string) => `${p}case:${id}`,
    msgs: (id: string) => `${p}case:${id}:msgs`,
    chat: (chatKey: string) => `${p}chat:${chatKey}`,
    post: (post: string) => `${p}post:${post}`,
    outbox: (chatKey: string) => `${p}outbox:${chatKey}`,
  };

  async function get(id: string): Promise<HandoverCase | null> {
    const [hash, msgs] = await Promise.all([client.hGetAll(key.case(id)), client.lRange(key.msgs(id), 0, -1)]);
    if (!hash.doc) return null;
    const doc = JSON.parse(hash.doc) as NewCase & { id: string };
    const c: HandoverCase = {
      ...doc,
      lastActivityAt: Number(hash.activity ?? doc.openedAt),
      messages: msgs.map((m) => JSON.parse(m) as CaseMessage),
      failed: Object.keys(hash).filter((f) => f.startsWith("failed:")).map((f) => f.slice("failed:".length)),
    };
    if (hash.replied) c.firstReplyAt = Number(hash.replied);
    if (hash.closedAt) {
      c.closedAt = Number(hash.closedAt);
      c.closedBy = hash.closedBy as CloseReason;
    }
    return c;
  }

  const many = async (ids: string[]) => (await Promise.all(ids.map(get))).filter((c): c is HandoverCase => c !== null);

  const store: CaseStore = {
    async open(input) {
      const id = String(await client.incr(key.seq));
      await client
        .multi()
        .hSet(key.case(id), { doc: JSON.stringify({ ...input, id }), activity: String(input.openedAt) })
        .sAdd(key.open, id)
        .zAdd(key.all, { score: input.openedAt, value: id })
        .set(key.chat(input.chatKey), id)
        .exec();
      return { ...input, id, lastActivityAt: input.openedAt, messages: [], failed: [] };
    },
    get,
    async openFor(chatKey) {
      const id = await client.get(key.chat(chatKey));
      return id ? get(id) : null;
    },
    async addMessage(id, message) {
      await client.multi().rPush(key.msgs(id), JSON.stringify(message)).hSet(key.case(id), "activity", String(message.at)).exec();
    },
    async markReplied(id, at) {
      await client.hSetNX(key.case(id), "replied", String(at));
    },
    async markFailed(id, messageId) {
      await client.hSet(key.case(id), `failed:${messageId}`, "1");
    },
    async linkPost(id, post) {
      await client.set(key.post(post), id, { EX: POST_TTL_S });
    },
    caseOfPost: (post) => client.get(key.post(post)),
    async closeCase(id, by, at) {
      const c = await get(id);
      if (!c) return null;
      const claimed = await client.eval(CLOSE_SCRIPT, { keys: [key.open, key.case(id), key.chat(c.chatKey)], arguments: [id, String(at), by] });
      return Number(claimed) === 1 ? { ...c, closedAt: at, closedBy: by } : null;
    },
    listOpen: async () => many(await client.sMembers(key.open)),
    async list(range) {
      const ids = await client.zRangeByScore(key.all, range?.since ?? "-inf", range?.until !== undefined ? `(${range.until}` : "+inf");
      return many(ids);
    },
    async pushOutbox(chatKey, reply: Reply) {
      await client.multi().rPush(key.outbox(chatKey), JSON.stringify(reply)).expire(key.outbox(chatKey), OUTBOX_TTL_S).exec();
    },
    async takeOutbox(chatKey) {
      const items = (await client.eval(TAKE_SCRIPT, { keys: [key.outbox(chatKey)] })) as string[];
      return items.map((i) => JSON.parse(i) as Reply);
    },
    async close() {
      await client.quit().catch(() => client.destroy());
    },
  };

  // Every call within a deadline: node-redis stops timing a command once it is written, so a
  // server that accepts and never answers (hung, SIGSTOP) would hold the citizen's message for
  // ever. After a failure, calls fail at once for a moment instead of each waiting out the deadline.
  let downUntil = 0;
  const guarded = <A extends unknown[], R>(what: string, op: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (Date.now() < downUntil || !client.isReady) throw new Error(`handover: redis unavailable (${what})`);
      let timer: NodeJS.Timeout | undefined;
      try {
        return await Promise.race([
          op(...args),
          new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`handover: redis ${what} took longer than ${timeoutMs} ms`)), timeoutMs))),
        ]);
      } catch (err) {
        if (!(err instanceof ErrorReply)) downUntil = Date.now() + RETRY_AFTER_FAILURE_MS;
        throw err;
      } finally {
        clearTimeout(timer);
      }
    };
  return {
    open: guarded("open", store.open),
    get: guarded("get", store.get),
    openFor: guarded("openFor", store.openFor),
    addMessage: guarded("addMessage", store.addMessage),
    markReplied: guarded("markReplied", store.markReplied),
    markFailed: guarded("markFailed", store.markFailed),
    linkPost: guarded("linkPost", store.linkPost),
    caseOfPost: guarded("caseOfPost", store.caseOfPost),
    closeCase: guarded("closeCase", store.closeCase),
    listOpen: guarded("listOpen", store.listOpen),
    list: guarded("list", store.list),
    pushOutbox: guarded("pushOutbox", store.pushOutbox),
    takeOutbox: guarded("takeOutbox", store.takeOutbox),
    close: store.close,
  };
}
