import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerInbound, observePlatform } from "../../src/channels/answer.js";
import type { Inbound, Reply } from "../../src/engine/types.js";
import { createLogger } from "../../src/log.js";
import { createDispatcher, type Dispatcher } from "../../src/runtime/dispatcher.js";
import { createLiveCore } from "../../src/runtime/live-core.js";
import { createMetrics, type Metrics } from "../../src/runtime/metrics.js";
import { createPlatformHealth } from "../../src/runtime/platform-health.js";
import { createEmbeddedStore } from "../../src/store/embedded.js";
import type { Store } from "../../src/store/port.js";
import { fold } from "../helpers/bot-server.js";

const FIXTURES = join(import.meta.dirname, "../fixtures");
let dataDir: string;
let store: Store;
let dispatcher: Dispatcher;
let metrics: Metrics;
let logs = "";
const sink = new PassThrough().on("data", (chunk: Buffer) => (logs += chunk.toString("utf8")));
const log = createLogger("debug", sink);

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "dvc-answer-"));
  store = await createEmbeddedStore({ dataDir });
  metrics = createMetrics();
  const { live } = createLiveCore({ knowledgeDir: join(FIXTURES, "knowledge"), flowsDir: join(FIXTURES, "flows") });
  dispatcher = createDispatcher({ core: () => live.current(), store, logger: log, rateLimitPerMinute: 1000 });
});
afterAll(async () => {
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

const text = (chatId: string, words: string, messageId: string): Inbound => ({ type: "text", text: words, channel: "zalo", chatId, userId: chatId, messageId, at: Date.now() });
const failures = async () => (await metrics.sendFailures.get()).values.find((v) => v.labels.channel === "zalo")?.value ?? 0;

describe("answerInbound (handle, then send)", () => {
  it("sends the dispatcher's replies, once per message even when the platform delivers it again", async () => {
    const sent: Reply[][] = [];
    const deps = { channel: "zalo" as const, dispatcher, log, metrics };
    await answerInbound(deps, text("a1", "lam ho chieu", "m1"), async (r) => void sent.push([...r]));
    await answerInbound(deps, text("a1", "lam ho chieu", "m1"), async (r) => void sent.push([...r]));
    expect(sent).toHaveLength(1);
    expect(fold(JSON.stringify(sent[0]))).toContain("cap ho chieu pho thong");
  });

  it("never throws: a reply that could not be delivered is counted and logged with its context", async () => {
    const before = await failures();
    await answerInbound({ channel: "zalo", dispatcher, log, metrics }, text("a2", "khai tu", "m2"), () => Promise.reject(new Error("zalo: network down")), { messageId: "m2" });
    expect(await failures()).toBe(before + 1);
    const line = logs.split("\n").find((l) => l.includes("zalo: reply not delivered after retries"));
    expect(line).toContain('"messageId":"m2"');
    expect(line).toContain("network down");
  });
});

describe("observePlatform", () => {
  it("marks the platform unreachable only for failures that mean it is down, and reachable again on the next answer", async () => {
    const health = createPlatformHealth();
    const observed = observePlatform(health, "zalo", (err) => err instanceof Error && err.message === "down");
    await expect(observed(Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(health.problems()).toEqual(["zalo unreachable"]);
    await expect(observed(Promise.reject(new Error("refused")))).rejects.toThrow("refused");
    expect(health.problems()).toEqual([]);
    await observed(Promise.reject(new Error("down"))).catch(() => undefined);
    expect(await observed(Promise.resolve(7))).toBe(7);
    expect(health.problems()).toEqual([]);
  });
});
