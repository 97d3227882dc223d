import { join } from "node:path";
import type { ChannelName, Reply } from "../engine/types.js";
import { appendDurably, parseJsonLines, readTextIfExists } from "../store/jsonl.js";
import type { CloseReason } from "./messages.js";

/** One message of a case. Texts are stored with personal numbers masked. */
export interface CaseMessage {
  id: string;
  from: "citizen" | "staff";
  text: string;
  at: number;
}

/** A hand-over case: one citizen's conversation with office staff. */
export interface HandoverCase {
  /** The short case number staff and citizen see ("12" → #12). */
  id: string;
  channel: ChannelName;
  /** The citizen's chat on their channel: where staff replies are delivered. */
  chatId: string;
  /** `${channel}:${chatId}`, the dispatcher's chat key. */
  chatKey: string;
  question: string;
  /** What the bot last answered, in a few words. */
  lastAnswer: string;
  openedAt: number;
  lastActivityAt: number;
  firstReplyAt?: number;
  closedAt?: number;
  closedBy?: CloseReason;
  messages: CaseMessage[];
  /** Ids of staff messages that could not be delivered. */
  failed: string[];
}

export type NewCase = Pick<HandoverCase, "channel" | "chatId" | "chatKey" | "question" | "lastAnswer" | "openedAt">;

/**
 * The storage port of hand-over cases, kept apart from the chat Store: cases have their own
 * lifetime (months, for the numbers) and their own indexes (open cases, staff posts, outboxes).
 * Every write is a small atomic step, so two instances updating one case never lose a write.
 */
export interface CaseStore {
  /** Opens a case with the next case number. */
  open(input: NewCase): Promise<HandoverCase>;
  get(id: string): Promise<HandoverCase | null>;
  /** The open case of a chat, if any. */
  openFor(chatKey: string): Promise<HandoverCase | null>;
  addMessage(id: string, message: CaseMessage): Promise<void>;
  /** Records the first staff reply (later ones do not move it). */
  markReplied(id: string, at: number): Promise<void>;
  markFailed(id: string, messageId: string): Promise<void>;
  /** Remembers that a message in the staff group belongs to the case (staff reply to it). */
  linkPost(id: string, postId: string): Promise<void>;
  caseOfPost(postId: string): Promise<string | null>;
  /** Closes an open case; the closed case, or null when it was not open (closed elsewhere first). */
  closeCase(id: string, by: CloseReason, at: number): Promise<HandoverCase | null>;
  listOpen(): Promise<HandoverCase[]>;
  /** Cases opened within [since, until). */
  list(range?: { since?: number; until?: number }): Promise<HandoverCase[]>;
  /** Replies waiting for a channel that fetches them (the web page polls). */
  pushOutbox(chatKey: string, reply: Reply): Promise<void>;
  takeOutbox(chatKey: string): Promise<Reply[]>;
  close(): Promise<void>;
}

type Op =
  | { op: "open"; c: HandoverCase }
  | { op: "msg"; id: string; m: CaseMessage }
  | { op: "replied"; id: string; at: number }
  | { op: "failed"; id: string; mid: string }
  | { op: "post"; id: string; post: string }
  | { op: "close"; id: string; by: CloseReason; at: number }
  | { op: "outbox"; key: string; reply: Reply }
  | { op: "take"; key: string };

/**
 * Cases in memory, every change appended to `<dataDir>/handover.jsonl` (fsync'd) and replayed at
 * start: nothing is lost on a crash. One process only — several instances use Redis.
 * Without `dataDir`, memory only (tests).
 */
export async function createEmbeddedCaseStore(options: { dataDir?: string } = {}): Promise<CaseStore> {
  const path = options.dataDir ? join(options.dataDir, "handover.jsonl") : undefined;
  const cases = new Map<string, HandoverCase>();
  const byChat = new Map<string, string>();
  const posts = new Map<string, string>();
  const outbox = new Map<string, Reply[]>();
  let seq = 0;
  let tail: Promise<void> = Promise.resolve();

  function apply(o: Op): HandoverCase | null {
    switch (o.op) {
      case "open":
        cases.set(o.c.id, o.c);
        byChat.set(o.c.chatKey, o.c.id);
        seq = Math.max(seq, Number(o.c.id) || 0);
        return o.c;
      case "msg": {
        const c = cases.get(o.id);
        if (c) {
          c.messages.push(o.m);
          c.lastActivityAt = Math.max(c.lastActivityAt, o.m.at);
        }
        return null;
      }
      case "replied": {
        const c = cases.get(o.id);
        if (c && c.firstReplyAt === undefined) c.firstReplyAt = o.at;
        return null;
      }
      case "failed":
        cases.get(o.id)?.failed.push(o.mid);
        return null;
      case "post":
        posts.set(o.post, o.id);
        return null;
      case "close": {
        const c = cases.get(o.id);
        if (!c || c.closedAt !== undefined) return null;
        c.closedAt = o.at;
        c.closedBy = o.by;
        if (byChat.get(c.chatKey) === c.id) byChat.delete(c.chatKey);
        return c;
      }
      case "outbox":
        outbox.set(o.key, [...(outbox.get(o.key) ?? []), o.reply]);
        return null;
      case "take":
        outbox.delete(o.key);
        return null;
    }
  }

  if (path) for (const value of parseJsonLines(await readTextIfExists(path))) apply(value as Op);

  /** Applies a change, then makes it durable before the caller goes on. */
  async function write(o: Op): Promise<HandoverCase | null> {
    const result = apply(o);
    if (path) {
      const line = `${JSON.stringify(o)}\n`;
      const done = tail.then(() => appendDurably(path, line));
      tail = done.catch(() => undefined);
      await done;
    }
    return result;
  }

  const copy = (c: HandoverCase | undefined): HandoverCase | null => (c ? structuredClone(c) : null);

  return {
    async open(input) {
      const c: HandoverCase = { ...input, id: String(seq + 1), lastActivityAt: input.openedAt, messages: [], failed: [] };
      seq++;
      await write({ op: "open", c });
      return copy(c)!;
    },
    get: async (id) => copy(cases.get(id)),
    openFor: async (chatKey) => copy(cases.get(byChat.get(chatKey) ?? "")),
    addMessage: async (id, m) => void (await write({ op: "msg", id, m })),
    markReplied: async (id, at) => void (await write({ op: "replied", id, at })),
    markFailed: async (id, mid) => void (await write({ op: "failed", id, mid })),
    linkPost: async (id, post) => void (await write({ op: "post", id, post })),
    caseOfPost: async (post) => posts.get(post) ?? null,
    async closeCase(id, by, at) {
      const c = cases.get(id);
      if (!c || c.closedAt !== undefined) return null;
      return copy((await write({ op: "close", id, by, at })) ?? undefined);
    },
    listOpen: async () => [...cases.values()].filter((c) => c.closedAt === undefined).map((c) => copy(c)!),
    list: async (range) =>
      [...cases.values()].filter((c) => (range?.since === undefined || c.openedAt >= range.since) && (range?.until === undefined || c.openedAt < range.until)).map((c) => copy(c)!),
    pushOutbox: async (key, reply) => void (await write({ op: "outbox", key, reply })),
    async takeOutbox(key) {
      const waiting = outbox.get(key) ?? [];
      if (waiting.length) await write({ op: "take", key });
      return waiting;
    },
    close: async () => {
      await tail;
    },
  };
}
