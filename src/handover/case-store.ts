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
  firstReplyAt?: number | undefined;
  closedAt?: number | undefined;
  closedBy?: CloseReason | undefined;
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

/** The cases and their indexes in memory, changed only by applying ops (live or replayed). */
class CaseState {
  readonly cases = new Map<string, HandoverCase>();
  readonly byChat = new Map<string, string>();
  readonly posts = new Map<string, string>();
  readonly outbox = new Map<string, Reply[]>();
  seq = 0;

  /** The case an op opened or closed, else null. */
  apply(o: Op): HandoverCase | null {
    switch (o.op) {
      case "open":
        this.cases.set(o.c.id, o.c);
        this.byChat.set(o.c.chatKey, o.c.id);
        this.seq = Math.max(this.seq, Number(o.c.id) || 0);
        return o.c;
      case "msg":
        this.addMessage(o.id, o.m);
        return null;
      case "replied": {
        const c = this.cases.get(o.id);
        if (c && c.firstReplyAt === undefined) c.firstReplyAt = o.at;
        return null;
      }
      case "failed":
        this.cases.get(o.id)?.failed.push(o.mid);
        return null;
      case "post":
        this.posts.set(o.post, o.id);
        return null;
      case "close":
        return this.close(o.id, o.by, o.at);
      case "outbox":
        this.outbox.set(o.key, [...(this.outbox.get(o.key) ?? []), o.reply]);
        return null;
      case "take":
        this.outbox.delete(o.key);
        return null;
    }
  }

  isOpen(id: string): boolean {
    const c = this.cases.get(id);
    return c !== undefined && c.closedAt === undefined;
  }

  private addMessage(id: string, m: CaseMessage): void {
    const c = this.cases.get(id);
    if (!c) return;
    c.messages.push(m);
    c.lastActivityAt = Math.max(c.lastActivityAt, m.at);
  }

  private close(id: string, by: CloseReason, at: number): HandoverCase | null {
    const c = this.cases.get(id);
    if (!c || c.closedAt !== undefined) return null;
    c.closedAt = at;
    c.closedBy = by;
    if (this.byChat.get(c.chatKey) === c.id) this.byChat.delete(c.chatKey);
    return c;
  }
}

const copy = (c: HandoverCase | undefined): HandoverCase | null => (c ? structuredClone(c) : null);

/**
 * Cases in memory, every change appended to `<dataDir>/handover.jsonl` (fsync'd) and replayed at
 * start: nothing is lost on a crash. One process only — several instances use Redis.
 * Without `dataDir`, memory only (tests).
 */
export async function createEmbeddedCaseStore(options: { dataDir?: string } = {}): Promise<CaseStore> {
  const path = options.dataDir ? join(options.dataDir, "handover.jsonl") : undefined;
  const state = new CaseState();
  if (path) for (const value of parseJsonLines(await readTextIfExists(path))) state.apply(value as Op);
  return new EmbeddedCaseStore(state, path);
}

class EmbeddedCaseStore implements CaseStore {
  /** The last durable write: ops reach the file in the order they were applied. */
  private tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly state: CaseState,
    private readonly path: string | undefined,
  ) {}

  async open(input: NewCase): Promise<HandoverCase> {
    const c: HandoverCase = { ...input, id: String(this.state.seq + 1), lastActivityAt: input.openedAt, messages: [], failed: [] };
    this.state.seq++;
    await this.write({ op: "open", c });
    return copy(c)!;
  }

  async get(id: string): Promise<HandoverCase | null> {
    return copy(this.state.cases.get(id));
  }

  async openFor(chatKey: string): Promise<HandoverCase | null> {
    return copy(this.state.cases.get(this.state.byChat.get(chatKey) ?? ""));
  }

  async addMessage(id: string, m: CaseMessage): Promise<void> {
    await this.write({ op: "msg", id, m });
  }

  async markReplied(id: string, at: number): Promise<void> {
    await this.write({ op: "replied", id, at });
  }

  async markFailed(id: string, mid: string): Promise<void> {
    await this.write({ op: "failed", id, mid });
  }

  async linkPost(id: string, post: string): Promise<void> {
    await this.write({ op: "post", id, post });
  }

  async caseOfPost(post: string): Promise<string | null> {
    return this.state.posts.get(post) ?? null;
  }

  async closeCase(id: string, by: CloseReason, at: number): Promise<HandoverCase | null> {
    if (!this.state.isOpen(id)) return null;
    return copy((await this.write({ op: "close", id, by, at })) ?? undefined);
  }

  async listOpen(): Promise<HandoverCase[]> {
    return this.select((c) => c.closedAt === undefined);
  }

  async list(range?: { since?: number; until?: number }): Promise<HandoverCase[]> {
    return this.select((c) => (range?.since === undefined || c.openedAt >= range.since) && (range?.until === undefined || c.openedAt < range.until));
  }

  async pushOutbox(key: string, reply: Reply): Promise<void> {
    await this.write({ op: "outbox", key, reply });
  }

  async takeOutbox(key: string): Promise<Reply[]> {
    const waiting = this.state.outbox.get(key) ?? [];
    if (waiting.length) await this.write({ op: "take", key });
    return waiting;
  }

  async close(): Promise<void> {
    await this.tail;
  }

  private select(keep: (c: HandoverCase) => boolean): HandoverCase[] {
    return [...this.state.cases.values()].filter(keep).map((c) => copy(c)!);
  }

  /** Applies a change, then makes it durable before the caller goes on. */
  private async write(o: Op): Promise<HandoverCase | null> {
    const result = this.state.apply(o);
    if (this.path) {
      const path = this.path;
      const done = this.tail.then(() => appendDurably(path, `${JSON.stringify(o)}\n`));
      this.tail = done.catch(() => undefined);
      await done;
    }
    return result;
  }
}
