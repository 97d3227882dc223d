import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStoreKeys } from "../../src/runtime/store-keys.js";
import { createEmbeddedCaseStore, type CaseStore } from "../../src/handover/case-store.js";
import { createHandover } from "../../src/handover/handover.js";
import { createRedisCaseStore } from "../../src/handover/redis-case-store.js";
import { silentLogger } from "../../src/log.js";
import { createEmbeddedStore } from "../../src/store/embedded.js";
import { canConnect, freePort, testRedis, type TestRedis } from "../store/redis-server.js";
import { tempDir } from "../helpers/temp.js";

const T0 = Date.UTC(2026, 11, 2, 2);
const newCase = (chat: string, at = T0) => ({ channel: "zalo" as const, chatId: chat, chatKey: `zalo:${chat}`, question: "hỏi về sổ đỏ", lastAnswer: "—", openedAt: at });

/** The same behaviour from both adapters. */
function contract(name: string, open: () => Promise<CaseStore>) {
  describe(`case store contract: ${name}`, () => {
    it("numbers cases, finds the open case of a chat and of a staff post, closes once", async () => {
      const s = await open();
      try {
        const a = await s.open(newCase("c1"));
        const b = await s.open(newCase("c2"));
        expect(Number(b.id)).toBe(Number(a.id) + 1);
        expect((await s.openFor("zalo:c1"))?.id).toBe(a.id);
        await s.linkPost(a.id, "501");
        expect(await s.caseOfPost("501")).toBe(a.id);
        await s.addMessage(a.id, { id: "m1", from: "staff", text: "chào anh", at: T0 + 60_000 });
        await s.markReplied(a.id, T0 + 60_000);
        await s.markReplied(a.id, T0 + 120_000);
        await s.markFailed(a.id, "m1");
        const got = (await s.get(a.id))!;
        expect(got).toMatchObject({ firstReplyAt: T0 + 60_000, lastActivityAt: T0 + 60_000, failed: ["m1"] });
        expect(got.messages.map((m) => m.text)).toEqual(["chào anh"]);
        expect((await s.closeCase(a.id, "staff", T0 + 180_000))?.closedBy).toBe("staff");
        expect(await s.closeCase(a.id, "idle", T0 + 190_000)).toBeNull();
        expect(await s.openFor("zalo:c1")).toBeNull();
        expect((await s.listOpen()).map((c) => c.id)).toEqual([b.id]);
        expect((await s.list({ since: T0, until: T0 + 1 })).length).toBe(2);
        await s.pushOutbox("web:x", { blocks: [{ type: "text", text: "một" }] });
        await s.pushOutbox("web:x", { blocks: [{ type: "text", text: "hai" }] });
        expect((await s.takeOutbox("web:x")).map((r) => r.blocks[0])).toEqual([{ type: "text", text: "một" }, { type: "text", text: "hai" }]);
        expect(await s.takeOutbox("web:x")).toEqual([]);
      } finally {
        await s.close();
      }
    });
  });
}

contract("embedded", async () => createEmbeddedCaseStore({ dataDir: tempDir("cases") }));

describe("embedded case store", () => {
  it("keeps every case across a restart (replays its file)", async () => {
    const d = tempDir("cases");
    const first = await createEmbeddedCaseStore({ dataDir: d });
    const c = await first.open(newCase("c9"));
    await first.addMessage(c.id, { id: "m", from: "citizen", text: "thêm", at: T0 + 1 });
    await first.linkPost(c.id, "77");
    await first.close();
    const again = await createEmbeddedCaseStore({ dataDir: d });
    expect((await again.openFor("zalo:c9"))?.messages.map((m) => m.text)).toEqual(["thêm"]);
    expect(await again.caseOfPost("77")).toBe(c.id);
    expect((await again.open(newCase("c10"))).id).toBe(String(Number(c.id) + 1));
    await again.close();
  });
});

let server: TestRedis | null = null;
let url = "redis://127.0.0.1:6379";
const prefix = `dvctest:${randomBytes(6).toString("hex")}:`;
beforeAll(async () => {
  if (!(await canConnect(6379))) {
    server = await testRedis();
    await server.start();
    url = server.url;
  }
});
afterAll(async () => {
  const c = createClient({ url });
  await c.connect();
  const keys: string[] = [];
  for await (const batch of c.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) keys.push(...batch);
  if (keys.length) await c.del(keys);
  await c.close();
  await server?.kill();
});
contract("redis", () => createRedisCaseStore({ url, prefix: `${prefix}${randomBytes(3).toString("hex")}:` }));

describe("idle cases", () => {
  it("close after the configured time, once even when two instances sweep; the citizen is told", async () => {
    const d = tempDir("cases");
    const cases = await createRedisCaseStore({ url, prefix: `${prefix}idle:` });
    const store = await createEmbeddedStore({ dataDir: d, logger: silentLogger() });
    let clock = T0;
    const told: string[] = [];
    const make = () =>
      createHandover({
        cases,
        store,
        logger: silentLogger(),
        hours: { days: [1, 2, 3, 4, 5, 6, 7], periods: [[0, 1440]] },
        idleMs: 30 * 60_000,
        sessionTtlSeconds: 3600,
        keys: createStoreKeys("idle-test-salt"),
        deliverers: { zalo: async (chat, replies) => void told.push(`${chat}: ${replies.map((r) => r.blocks.map((b) => ("text" in b ? b.text : "")).join(" ")).join(" ")}`) },
        now: () => clock,
      });
    const [one, two] = [make(), make()];
    const c = await cases.open(newCase("idle-1"));
    clock += 29 * 60_000;
    expect(await one.sweep()).toBe(0);
    clock += 2 * 60_000;
    expect((await Promise.all([one.sweep(), two.sweep()])).reduce((a, b) => a + b)).toBe(1);
    expect((await cases.get(c.id))?.closedBy).toBe("idle");
    expect(told).toHaveLength(1);
    expect(told[0]).toContain(`#${c.id}`);
    await cases.close();
    await store.close();
  });
});

describe("redis case store without a working Redis", () => {
  it("starts anyway, fails each call at once and visibly while Redis is unreachable, and closes without waiting for it", async () => {
    const started = Date.now();
    const cases = await createRedisCaseStore({ url: `redis://127.0.0.1:${await freePort()}`, prefix: `${prefix}down:`, timeoutMs: 200 });
    expect(Date.now() - started).toBeLessThan(2000);
    const call = Date.now();
    await expect(cases.open(newCase("c1"))).rejects.toThrow("handover: redis unavailable (open)");
    await expect(cases.openFor("zalo:c1")).rejects.toThrow("handover: redis unavailable (openFor)");
    expect(Date.now() - call).toBeLessThan(100);
    const closing = Date.now();
    await cases.close();
    expect(Date.now() - closing).toBeLessThan(1000);
  });

  it("a hung Redis: the call fails at its deadline, the next ones at once, and all is well once it answers again", async () => {
    const hung = await testRedis();
    await hung.start();
    const cases = await createRedisCaseStore({ url: hung.url, prefix: `${prefix}hung:`, timeoutMs: 200 });
    try {
      const c = await cases.open(newCase("h1"));
      hung.pause();
      try {
        const call = Date.now();
        await expect(cases.get(c.id)).rejects.toThrow("handover: redis get took longer than 200 ms");
        expect(Date.now() - call).toBeLessThan(1000);
        await expect(cases.listOpen()).rejects.toThrow("handover: redis unavailable (listOpen)");
      } finally {
        hung.resume();
      }
      await new Promise((r) => setTimeout(r, 3100)); // the fail-fast pause after a failure
      expect((await cases.get(c.id))?.chatKey).toBe("zalo:h1");
    } finally {
      await cases.close();
      await hung.kill();
    }
  });
});
