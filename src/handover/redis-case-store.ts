import { setTimeout as delay } from "node:timers/promises";
import { ErrorReply } from "redis";
import type { Reply } from "../engine/types.js";
import { closeRedisClient, createRedisClient, withDeadline, type RedisClient } from "../store/redis/connection.js";
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
  const timeoutMs = options.timeoutMs ?? 2000;
  const client = createRedisClient({ url: options.url, timeoutMs, maxReconnectDelayMs: 2000 });
  // Connection errors surface on the calls that need Redis; the client keeps reconnecting.
  client.on("error", () => undefined);
  // Like the chat store, start even when Redis is unreachable: wait a little for a first
  // connection, then go on while the client keeps reconnecting in the background.
  const connecting = client.connect().catch(() => undefined);
  await Promise.race([connecting, delay(timeoutMs, undefined, { ref: false })]);
  return guardCalls(new RedisCases(client, `${options.prefix ?? "dvc:"}handover:`, timeoutMs), createCallGuard(client, timeoutMs));
}

/** Runs one call on Redis, or fails it. */
type CallGuard = <R>(what: string, op: () => Promise<R>) => Promise<R>;

/**
 * Every call within a deadline: node-redis stops timing a command once it is written, so a
 * server that accepts and never answers (hung, SIGSTOP) would hold the citizen's message for
 * ever. After a failure, calls fail at once for a moment instead of each waiting out the deadline.
 */
function createCallGuard(client: RedisClient, timeoutMs: number): CallGuard {
  let downUntil = 0;
  return async (what, op) => {
    if (Date.now() < downUntil || !client.isReady) throw new Error(`handover: redis unavailable (${what})`);
    try {
      return await withDeadline(op(), timeoutMs, () => new Error(`handover: redis ${what} took longer than ${timeoutMs} ms`));
    } catch (err) {
      if (!(err instanceof ErrorReply)) downUntil = Date.now() + RETRY_AFTER_FAILURE_MS;
      throw err;
    }
  };
}

function guardCalls(store: CaseStore, guard: CallGuard): CaseStore {
  return {
    open: (input) => guard("open", () => store.open(input)),
    get: (id) => guard("get", () => store.get(id)),
    openFor: (chatKey) => guard("openFor", () => store.openFor(chatKey)),
    addMessage: (id, message) => guard("addMessage", () => store.addMessage(id, message)),
    markReplied: (id, at) => guard("markReplied", () => store.markReplied(id, at)),
    markFailed: (id, messageId) => guard("markFailed", () => store.markFailed(id, messageId)),
    linkPost: (id, postId) => guard("linkPost", () => store.linkPost(id, postId)),
    caseOfPost: (postId) => guard("caseOfPost", () => store.caseOfPost(postId)),
    closeCase: (id, by, at) => guard("closeCase", () => store.closeCase(id, by, at)),
    listOpen: () => guard("listOpen", () => store.listOpen()),
    list: (range) => guard("list", () => store.list(range)),
    pushOutbox: (chatKey, reply) => guard("pushOutbox", () => store.pushOutbox(chatKey, reply)),
    takeOutbox: (chatKey) => guard("takeOutbox", () => store.takeOutbox(chatKey)),
    close: () => store.close(),
  };
}

/** The keys of the case store under `p` (`<prefix>handover:`). */
function caseKeys(p: string) {
  return {
    seq: `${p}seq`,
    open: `${p}open`,
    all: `${p}all`,
    case: (id: string) => `${p}case:${id}`,
    msgs: (id: string) => `${p}case:${id}:msgs`,
    chat: (chatKey: string) => `${p}chat:${chatKey}`,
    post: (post: string) => `${p}post:${post}`,
    outbox: (chatKey: string) => `${p}outbox:${chatKey}`,
  };
}

/** The case store's commands, unguarded. */
class RedisCases implements CaseStore {
  private readonly key: ReturnType<typeof caseKeys>;

  constructor(
    private readonly client: RedisClient,
    prefix: string,
    private readonly timeoutMs: number,
  ) {
    this.key = caseKeys(prefix);
  }

  async open(input: NewCase): Promise<HandoverCase> {
    const id = String(await this.client.incr(this.key.seq));
    await this.client
      .multi()
      .hSet(this.key.case(id), { doc: JSON.stringify({ ...input, id }), activity: String(input.openedAt) })
      .sAdd(this.key.open, id)
      .zAdd(this.key.all, { score: input.openedAt, value: id })
      .set(this.key.chat(input.chatKey), id)
      .exec();
    return { ...input, id, lastActivityAt: input.openedAt, messages: [], failed: [] };
  }

  async get(id: string): Promise<HandoverCase | null> {
    const [hash, msgs] = await Promise.all([this.client.hGetAll(this.key.case(id)), this.client.lRange(this.key.msgs(id), 0, -1)]);
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

  async openFor(chatKey: string): Promise<HandoverCase | null> {
    const id = await this.client.get(this.key.chat(chatKey));
    return id ? this.get(id) : null;
  }

  async addMessage(id: string, message: CaseMessage): Promise<void> {
    await this.client.multi().rPush(this.key.msgs(id), JSON.stringify(message)).hSet(this.key.case(id), "activity", String(message.at)).exec();
  }

  async markReplied(id: string, at: number): Promise<void> {
    await this.client.hSetNX(this.key.case(id), "replied", String(at));
  }

  async markFailed(id: string, messageId: string): Promise<void> {
    await this.client.hSet(this.key.case(id), `failed:${messageId}`, "1");
  }

  async linkPost(id: string, post: string): Promise<void> {
    await this.client.set(this.key.post(post), id, { EX: POST_TTL_S });
  }

  caseOfPost(post: string): Promise<string | null> {
    return this.client.get(this.key.post(post));
  }

  async closeCase(id: string, by: CloseReason, at: number): Promise<HandoverCase | null> {
    const c = await this.get(id);
    if (!c) return null;
    const claimed = await this.client.eval(CLOSE_SCRIPT, { keys: [this.key.open, this.key.case(id), this.key.chat(c.chatKey)], arguments: [id, String(at), by] });
    return Number(claimed) === 1 ? { ...c, closedAt: at, closedBy: by } : null;
  }

  async listOpen(): Promise<HandoverCase[]> {
    return this.many(await this.client.sMembers(this.key.open));
  }

  async list(range?: { since?: number; until?: number }): Promise<HandoverCase[]> {
    return this.many(await this.client.zRangeByScore(this.key.all, range?.since ?? "-inf", range?.until !== undefined ? `(${range.until}` : "+inf"));
  }

  async pushOutbox(chatKey: string, reply: Reply): Promise<void> {
    await this.client.multi().rPush(this.key.outbox(chatKey), JSON.stringify(reply)).expire(this.key.outbox(chatKey), OUTBOX_TTL_S).exec();
  }

  async takeOutbox(chatKey: string): Promise<Reply[]> {
    const items = (await this.client.eval(TAKE_SCRIPT, { keys: [this.key.outbox(chatKey)] })) as string[];
    return items.map((i) => JSON.parse(i) as Reply);
  }

  async close(): Promise<void> {
    await closeRedisClient(this.client, this.timeoutMs);
  }

  private async many(ids: string[]): Promise<HandoverCase[]> {
    return (await Promise.all(ids.map((id) => this.get(id)))).filter((c): c is HandoverCase => c !== null);
  }
}
