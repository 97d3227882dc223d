import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { encodeChoice } from "../../src/engine/choice-id.js";
import type { Inbound, Reply } from "../../src/engine/types.js";
import { createRecordEnricher, createRespondentHasher } from "../../src/feedback/respondent.js";
import { silentLogger } from "../../src/log.js";
import { buildCore, type Core } from "../../src/runtime/core.js";
import { createDispatcher, type DispatcherOptions } from "../../src/runtime/dispatcher.js";
import { createMetrics } from "../../src/runtime/metrics.js";
import { repliesToPlainText } from "../../src/runtime/plain-text.js";
import { createStoreKeys } from "../../src/runtime/store-keys.js";
import { createEmbeddedStore } from "../../src/store/embedded.js";
import type { Store } from "../../src/store/port.js";
import { fold } from "../../src/text/normalize.js";
import { memoryHandover } from "../handover/memory-handover.js";
import { redisTestStores } from "../helpers/redis-stores.js";

/**
 * The one path every update takes, stage by stage: dedup → rate limit → chat lock → interceptors →
 * hand-over routing → session → engine → records → session saved → hand-over opened. Each test
 * would fail if its stage were skipped. Fixture knowledge (test/fixtures), real stores.
 */

const FIXTURES = join(import.meta.dirname, "../fixtures");
const SALT = "dispatcher-stages-salt";
const SURVEY = encodeChoice({ kind: "flow", flow: "survey" });
const T0 = Date.UTC(2026, 11, 2, 3);
let core: Core;
beforeAll(() => {
  core = buildCore({ knowledgeDir: join(FIXTURES, "knowledge"), flowsDir: join(FIXTURES, "flows"), handover: true }).core!;
});

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function embedded(): Promise<Store> {
  const dir = await mkdtemp(join(tmpdir(), "dvc-stages-"));
  const store = await createEmbeddedStore({ dataDir: dir, logger: silentLogger() });
  cleanups.push(() => rm(dir, { recursive: true, force: true }), () => store.close());
  return store;
}

type Content = { type: "text"; text: string } | { type: "choice"; choiceId: string };
let clock = T0;

/** A dispatcher as `serve` builds it, and a citizen (Zalo by default) talking to it. */
function bot(store: Store, options: Partial<DispatcherOptions> = {}) {
  const metrics = createMetrics();
  const dispatcher = createDispatcher({
    core: () => core,
    store,
    logger: silentLogger(),
    metrics,
    rateLimitPerMinute: 1000,
    keys: createStoreKeys(SALT),
    enrichRecord: createRecordEnricher(createRespondentHasher(SALT)),
    ...options,
  });
  const send = (content: Content | string, from: Partial<Inbound> = {}) =>
    dispatcher.process({
      ...(typeof content === "string" ? { type: "text" as const, text: content } : content),
      channel: "zalo",
      chatId: "z-1001",
      userId: "z-1001",
      privateChat: true,
      at: (clock += 1000),
      ...from,
    } as Inbound);
  return { dispatcher, metrics, send };
}

const plain = (replies: Reply[] | null) => fold(repliesToPlainText(replies ?? []));
type Countable = { get(): Promise<{ values: Array<{ value: number; labels: object }> }> };
const count = async (metric: Countable, labels: Record<string, string> = {}) =>
  (await metric.get()).values.filter((v) => Object.entries(labels).every(([k, l]) => (v.labels as Record<string, unknown>)[k] === l)).reduce((a, v) => a + v.value, 0);
const chatKey = (chatId = "z-1001") => createStoreKeys(SALT).chat({ channel: "zalo", chatId });

describe("dedup", () => {
  it("a re-delivered update gets no second answer and changes nothing; updates without an id always go through", async () => {
    const store = await embedded();
    const { send, metrics } = bot(store);
    expect(plain(await send("xin cấp phép nuôi rồng", { messageId: "m-1" }))).toContain("chua co thong tin");
    expect(await send("xin cấp phép nuôi rồng", { messageId: "m-1" })).toBeNull();
    expect(await store.read("unanswered")).toHaveLength(1);
    expect(await count(metrics.duplicates)).toBe(1);
    // The same id from another channel is another update.
    expect(await send("xin cấp phép nuôi rồng", { messageId: "m-1", channel: "telegram", chatId: "42", userId: "42" })).not.toBeNull();
    await send("xin cấp phép nuôi rồng");
    await send("xin cấp phép nuôi rồng");
    expect(await store.read("unanswered")).toHaveLength(4);
  });
});

describe("rate limit", () => {
  it("past the limit a sender is told to slow down and the engine does not run; other senders go on", async () => {
    const store = await embedded();
    const { send, metrics } = bot(store, { rateLimitPerMinute: 2 });
    await send("đăng ký khai sinh");
    await send("xin cấp phép nuôi rồng");
    expect(plain(await send("xin cấp phép nuôi chim yến"))).toContain("ban gui hoi nhanh");
    expect((await store.read("unanswered")).map((r) => r.query)).toEqual(["xin cấp phép nuôi rồng"]);
    expect(await count(metrics.rateLimited)).toBe(1);
    expect(plain(await send("đăng ký khai sinh", { chatId: "z-2002", userId: "z-2002" }))).toContain("dang ky khai sinh");
  });
});

/** A store whose session reads are slow, logging each session read and write of the chat. */
function traced(store: Store, events: string[], name: string): Store {
  return {
    ...store,
    getSession: async (key) => {
      events.push(`${name}:get`);
      await sleep(40);
      return store.getSession(key);
    },
    setSession: async (key, session, ttl) => {
      events.push(`${name}:set`);
      return store.setSession(key, session, ttl);
    },
  };
}

/** Two concurrent updates of one chat: read-modify-write pairs never interleave, and both count. */
async function expectSerialised(a: Store, b: Store): Promise<void> {
  const events: string[] = [];
  const one = bot(traced(a, events, "a"));
  const two = bot(traced(b, events, "b"));
  await one.send("đăng ký khai sinh");
  events.length = 0;
  // Two "5"s at once, the rating and then the comment of the survey: without the lock both read
  // the rating question's session, one answer is lost and the survey does not finish.
  await one.send({ type: "choice", choiceId: SURVEY });
  await Promise.all([one.send("5"), two.send("5")]);
  const order = events.slice(2).map((e) => e.split(":")[1]);
  expect(order).toEqual(["get", "set", "get", "set"]);
  expect(await a.read("survey")).toMatchObject([{ ratings: { overall: 5 }, comment: "5" }]);
}

describe("chat lock", () => {
  it("serialises two updates of one chat on one store", async () => {
    const store = await embedded();
    await expectSerialised(store, store);
  });

  it("serialises them across two instances sharing Redis", async (ctx) => {
    const stores = await redisTestStores(2, cleanups);
    if (!stores) return ctx.skip();
    await expectSerialised(stores[0]!, stores[1]!);
  });
});

describe("session", () => {
  it("is loaded before the engine and saved after it, with the TTL and the dispatcher's clock", async () => {
    const store = await embedded();
    const ttls: number[] = [];
    const spy: Store = { ...store, setSession: (k, s, ttl) => (ttls.push(ttl), store.setSession(k, s, ttl)) };
    const { send } = bot(spy, { sessionTtlSeconds: 1234, now: () => 42 });
    await send("đăng ký khai sinh");
    // A follow-up knows the entry only through the stored session.
    const followUp = plain(await send("lệ phí bao nhiêu"));
    expect(followUp).toContain("dang ky khai sinh");
    expect(followUp).toContain("mien phi");
    expect(plain(await send("lệ phí bao nhiêu", { chatId: "z-3003", userId: "z-3003" }))).toContain("ban hoi ve thu tuc nao");
    expect(ttls).toEqual([1234, 1234, 1234]);
    expect(await store.getSession(chatKey())).toMatchObject({ lastEntryId: "dang-ky-khai-sinh", updatedAt: 42 });
  });
});

describe("engine", () => {
  it("answers with the live core of the moment: a reload between updates takes effect", async () => {
    const store = await embedded();
    const withoutStaff = buildCore({ knowledgeDir: join(FIXTURES, "knowledge"), flowsDir: join(FIXTURES, "flows") }).core!;
    let live = core;
    const { send } = bot(store, { core: () => live });
    expect(plain(await send("cho tôi gặp nhân viên tư vấn"))).toContain("nhap cau hoi");
    await send("hủy");
    live = withoutStaff;
    expect(plain(await send("cho tôi gặp nhân viên tư vấn"))).not.toContain("nhap cau hoi");
  });
});

describe("records", () => {
  it("stores each record effect with the channel, the update's time and the respondent hash, never the chat id", async () => {
    const store = await embedded();
    const { send, metrics } = bot(store);
    const from = { chatId: "z-99887766", userId: "z-99887766" };
    await send("xin cấp phép nuôi rồng", from);
    await send({ type: "choice", choiceId: SURVEY }, from);
    await send("4", from);
    const last = clock + 1000;
    expect(plain(await send("bỏ qua", from))).toContain("cam on");
    const [unanswered] = await store.read("unanswered");
    expect(unanswered).toMatchObject({ query: "xin cấp phép nuôi rồng", channel: "zalo", at: last - 3000, id: expect.any(String) as unknown });
    const survey = await store.read("survey");
    expect(survey).toMatchObject([{ flow: "survey", ratings: { overall: 4 }, channel: "zalo", at: last, respondent: createRespondentHasher(SALT)("zalo", "z-99887766") }]);
    expect(JSON.stringify([unanswered, survey])).not.toContain("99887766");
    // The engine's metric effects are counted by outcome and channel.
    expect(await count(metrics.answers, { outcome: "unanswered", channel: "zalo" })).toBe(1);
  });
});

describe("interceptors", () => {
  it("run inside the chat lock before the engine; the first that answers ends the update", async () => {
    const store = await embedded();
    let locked = false;
    const lockSpy: Store = { ...store, withChatLock: (k, fn) => store.withChatLock(k, async () => ((locked = true), await fn().finally(() => (locked = false)))) };
    const seen: Array<{ text: string; locked: boolean; sameStore: boolean; sameCore: boolean }> = [];
    const { send } = bot(lockSpy, {
      interceptors: [
        async (inbound, ctx) => {
          if (inbound.type === "text") seen.push({ text: inbound.text, locked, sameStore: ctx.store === lockSpy, sameCore: ctx.core === core });
          return null;
        },
        async (inbound) => (inbound.type === "text" && inbound.text === "/ping" ? [{ blocks: [{ type: "text", text: "pong" }] }] : null),
        async () => [{ blocks: [{ type: "text", text: "never reached" }] }],
      ],
    });
    expect(plain(await send("/ping", { messageId: "p-1" }))).toBe("pong");
    expect(await send("/ping", { messageId: "p-1" })).toBeNull();
    expect(seen).toEqual([{ text: "/ping", locked: true, sameStore: true, sameCore: true }]);
    // The engine did not run: no session, no record.
    expect(await store.getSession(chatKey())).toBeNull();
    expect(await store.read("unanswered")).toEqual([]);
  });
});

describe("hand-over hooks", () => {
  it("the engine's hand-over effect opens a case and the citizen is told; then the chat's messages go to staff, not the bot", async () => {
    const store = await embedded();
    const { cases, handover } = await memoryHandover(store, { salt: SALT });
    const { send } = bot(store, { handover });
    expect(plain(await send("cho tôi gặp nhân viên tư vấn"))).toContain("nhap cau hoi");
    const opened = plain(await send("hồ sơ đất chưa có kết quả, gọi 0912345678"));
    expect(opened).toContain("da chuyen cau hoi cua ban cho can bo");
    const c = await cases.openFor(chatKey());
    expect(c).toMatchObject({ question: "hồ sơ đất chưa có kết quả, gọi [số điện thoại]", channel: "zalo" });

    // While the case is open the engine does not answer: nothing back, nothing recorded.
    expect(await send("xin cấp phép nuôi rồng")).toEqual([]);
    expect(await store.read("unanswered")).toEqual([]);
    expect((await cases.get(c!.id))!.messages.map((m) => m.text)).toEqual(["xin cấp phép nuôi rồng"]);
    // A button is a request of the bot: it answers.
    expect(plain(await send({ type: "choice", choiceId: SURVEY }))).toContain("hai long");
  });

  it("without hand-over hooks the effect is ignored and no case opens", async () => {
    const store = await embedded();
    const { send } = bot(store);
    await send("cho tôi gặp nhân viên tư vấn");
    const reply = plain(await send("hồ sơ đất chưa có kết quả"));
    expect(reply).not.toContain("da chuyen cau hoi");
    expect(plain(await send("xin cấp phép nuôi rồng"))).toContain("chua co thong tin");
  });
});

describe("failures", () => {
  it("a store that fails mid-update costs the citizen an apology, never an exception", async () => {
    const store = await embedded();
    const broken: Store = { ...store, getSession: async () => Promise.reject(new Error("test: store down")) };
    const { send, metrics } = bot(broken);
    expect(plain(await send("đăng ký khai sinh"))).toContain("he thong dang gap su co");
    expect(await count(metrics.storeErrors, { op: "process" })).toBe(1);
    expect(await count(metrics.updates, { channel: "zalo" })).toBe(1);
  });
});
