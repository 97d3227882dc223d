import { randomBytes } from "node:crypto";
import { appendFile, mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "redis";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildCore, type Core } from "../../src/runtime/core.js";
import { createDispatcher } from "../../src/runtime/dispatcher.js";
import { repliesToPlainText } from "../../src/runtime/plain-text.js";
import { createStoreKeys } from "../../src/runtime/store-keys.js";
import type { Session } from "../../src/engine/types.js";
import { createRecordEnricher, createRespondentHasher } from "../../src/feedback/respondent.js";
import { silentLogger } from "../../src/log.js";
import { createEmbeddedStore } from "../../src/store/embedded.js";
import type { WriteText } from "../../src/store/jsonl.js";
import type { Store } from "../../src/store/port.js";
import { createRedisStore } from "../../src/store/redis.js";
import { fold } from "../../src/text/normalize.js";
import { canConnect, testRedis } from "../store/redis-server.js";

/** The one update path against stores that fail: a full disk, a session write lost after the record, Redis dying mid-survey (the stages one by one: dispatcher.test.ts). */

const ROOT = join(import.meta.dirname, "../..");
const CHAT = "zchat-99887766";
let core: Core;
beforeAll(() => {
  core = buildCore({ knowledgeDir: join(ROOT, "knowledge"), flowsDir: join(ROOT, "flows"), now: 0 }).core!;
});

const dirs: string[] = [];
const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close().catch(() => undefined);
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), "dvc-dispatch-"));
  dirs.push(d);
  return d;
}

async function embedded(dataDir: string, write?: WriteText): Promise<Store> {
  const s = await createEmbeddedStore({ dataDir, logger: silentLogger(), ...(write ? { write } : {}) });
  stores.push(s);
  return s;
}

/** A citizen on Zalo talking to `store` through the dispatcher, as `serve` wires it. */
function citizen(store: Store, chatId = CHAT) {
  const dispatcher = createDispatcher({
    core: () => core,
    store,
    logger: silentLogger(),
    rateLimitPerMinute: 1000,
    keys: createStoreKeys("dispatcher-test-salt"),
    enrichRecord: createRecordEnricher(createRespondentHasher("dispatcher-test-salt")),
  });
  let n = 0;
  return async (text: string): Promise<string> => {
    const r = await dispatcher.process({ type: "text", text, channel: "zalo", chatId, userId: chatId, privateChat: true, messageId: `m-${randomBytes(4).toString("hex")}-${n++}`, at: Date.UTC(2026, 10, 2) + n });
    return repliesToPlainText(r ?? []);
  };
}

const NOT_SAVED = "chua luu duoc";

/**
 * The survey as a citizen takes it: "đánh giá", then "5" (or "bỏ qua" where offered) until the
 * thanks; told the answer was not saved, the citizen sends the same answer again (`beforeRetry`
 * runs first). Returns every reply.
 */
async function takeSurvey(say: (text: string) => Promise<string>, beforeRetry: () => void = () => undefined): Promise<string[]> {
  const replies = [await say("đánh giá")];
  let answer = "";
  for (let i = 0; i < 40; i++) {
    const last = fold(replies[replies.length - 1]!);
    if (i > 0 && last.includes("cam on")) return replies;
    if (last.includes(NOT_SAVED)) beforeRetry();
    else answer = last.includes("bo qua") ? "bỏ qua" : "5";
    replies.push(await say(answer));
  }
  throw new Error(`test: the survey did not end: ${replies.slice(-2).join(" | ")}`);
}

describe("dispatcher: the finished survey is stored before the session says so", () => {
  it("keeps the record when the session cannot be saved after it, and the same last answer again stores it once", async () => {
    const store = await embedded(await tempDir());
    let failDone = true;
    const flaky: Store = {
      ...store,
      async setSession(key: string, session: Session, ttl: number) {
        // A crash (or a write error) right after the record: the "survey done" session is lost.
        if (failDone && session.surveyDoneAt !== undefined && !session.flow) throw new Error("test: session write lost");
        return store.setSession(key, session, ttl);
      },
    };
    const say = citizen(flaky);
    const replies = await takeSurvey(say);
    expect(fold(replies[replies.length - 1]!)).toContain("cam on");
    expect(await store.read("survey")).toHaveLength(1);

    // The session still holds the survey at its last step: the citizen sends the last answer again.
    failDone = false;
    const again = await say("bỏ qua");
    expect(fold(again)).toContain("cam on");
    const records = await store.read("survey");
    expect(records).toHaveLength(1);
    expect(records[0]!.ratings).toMatchObject({ overall: 5 });
  });

  it("a survey record that cannot be stored leaves the survey at its last answer; the retry stores it once", async () => {
    const store = await embedded(await tempDir());
    let failures = 0;
    let broken = true;
    const flaky: Store = {
      ...store,
      async append(stream, record) {
        if (broken && stream === "survey") {
          failures += 1;
          throw new Error("test: disk full");
        }
        return store.append(stream, record);
      },
    };
    const replies = await takeSurvey(citizen(flaky), () => (broken = false));
    expect(failures).toBe(1);
    expect(replies.some((r) => fold(r).includes(NOT_SAVED))).toBe(true);
    expect(fold(replies[replies.length - 1]!)).toContain("cam on");
    expect(await store.read("survey")).toHaveLength(1);
  });
});

describe("dispatcher: a full DATA_DIR", () => {
  it("still answers questions, reports the store failing, keeps the finished survey, and the next start loads cleanly", async () => {
    const dataDir = await tempDir();
    let full = true;
    // ENOSPC the way a disk fills: part of the text lands, then the write fails.
    const write: WriteText = async (handle, text) => {
      if (!full) return void (await handle.write(text));
      await handle.write(text.slice(0, Math.floor(text.length / 2)));
      throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    };
    const store = await embedded(dataDir, write);
    const say = citizen(store);

    const answer = fold(await say("làm lại căn cước bị mất"));
    expect(answer).toContain("can cuoc");
    expect(answer).not.toContain("su co");
    expect(await store.health()).toMatchObject({ status: "degraded", detail: expect.stringContaining("ENOSPC") as unknown });
    // The conversation goes on in memory: a follow-up still knows the entry.
    expect(fold(await say("lệ phí bao nhiêu"))).toContain("le phi");

    // The finished survey is not lost: the citizen is asked to send the last answer again, and it
    // is stored once the disk has room.
    const replies = await takeSurvey(say, () => (full = false));
    expect(replies.some((r) => fold(r).includes(NOT_SAVED))).toBe(true);
    expect(fold(replies[replies.length - 1]!)).toContain("cam on");
    expect(await store.health()).toEqual({ status: "ok" });
    await say("đăng ký tạm trú");
    await store.close();

    // Torn half-lines are in the files now; the next start skips them and has everything written since.
    expect(await readFile(join(dataDir, "sessions.jsonl"), "utf8")).toMatch(/[^\n]\n?$/);
    await appendFile(join(dataDir, "sessions.jsonl"), '{"k":"zalo:torn","s":{"v":1');
    const next = await embedded(dataDir);
    expect(await next.read("survey")).toHaveLength(1);
    expect(fold(await citizen(next)("còn lệ phí?"))).toContain("tam tru");
    expect(await next.health()).toEqual({ status: "ok" });
  });
});

describe("dispatcher: store keys", () => {
  it("no file names the chat, and every file is readable by its owner only", async () => {
    const dataDir = await tempDir();
    const say = citizen(await embedded(dataDir));
    await say("làm lại căn cước bị mất");
    await takeSurvey(say);
    for (const s of stores.splice(0)) await s.close();

    const names = await readdir(dataDir, { recursive: true });
    expect(names).toContain("sessions.jsonl");
    expect(names).toContain("survey.jsonl");
    expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
    for (const name of names) {
      const path = join(dataDir, name);
      const info = await stat(path);
      if (info.isDirectory()) continue;
      expect({ name, mode: (info.mode & 0o777).toString(8) }).toEqual({ name, mode: "600" });
      expect(await readFile(path, "utf8")).not.toContain("99887766");
    }
  });

  it("no Redis key names the chat", async (ctx) => {
    if (!(await canConnect(6379))) return ctx.skip();
    const prefix = `dvctest:${randomBytes(4).toString("hex")}:`;
    const spoolDir = await tempDir();
    const store = await createRedisStore({ url: "redis://127.0.0.1:6379", prefix, spoolDir, logger: silentLogger() });
    stores.push(store);
    const say = citizen(store);
    await say("làm lại căn cước bị mất");
    await takeSurvey(say);
    const raw = createClient({ url: "redis://127.0.0.1:6379" });
    await raw.connect();
    try {
      const keys = await raw.keys(`${prefix}*`);
      expect(keys.some((k) => k.startsWith(`${prefix}session:zalo:`))).toBe(true);
      expect(keys.filter((k) => k.includes("99887766"))).toEqual([]);
      if (keys.length) await raw.del(keys);
    } finally {
      await raw.close();
    }
  });
});

describe("dispatcher: Redis dies in the middle of a survey", () => {
  it("the survey goes on from where it was, and its record reaches Redis once when Redis is back", async () => {
    const redis = await testRedis();
    await redis.start();
    try {
      const prefix = `dvctest:${randomBytes(4).toString("hex")}:`;
      const store = await createRedisStore({ url: redis.url, prefix, spoolDir: await tempDir(), logger: silentLogger(), maxReconnectDelayMs: 200 });
      stores.push(store);
      const say = citizen(store);
      expect(fold(await say("đánh giá"))).toContain("bo qua");
      await say("bỏ qua");
      expect(fold(await say("bỏ qua"))).toContain("(1/7)");
      expect(fold(await say("4"))).toContain("(2/7)");

      await redis.kill();
      // The next answer is question 3 of the same survey, not a fresh start or a search for "5".
      expect(fold(await say("5"))).toContain("(3/7)");
      let last = "";
      for (let i = 0; i < 20 && !fold(last).includes("cam on"); i++) last = await say(fold(last).includes("bo qua") ? "bỏ qua" : "5");
      expect(fold(last)).toContain("cam on");
      expect(store.spoolSize()).toBe(1);

      await redis.start();
      const deadline = Date.now() + 10_000;
      while ((await store.health()).status !== "ok" && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(store.spoolSize()).toBe(0);
      const records = await store.read("survey");
      expect(records).toHaveLength(1);
      // The answer given before the outage is in it.
      expect(Object.values(records[0]!.ratings as Record<string, number>)).toContain(4);
    } finally {
      await redis.kill();
    }
  });
});
