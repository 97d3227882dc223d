import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { UserFromGetMe } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDispatcher, type Dispatcher } from "../../src/runtime/dispatcher.js";
import { createLiveCore } from "../../src/runtime/live-core.js";
import { createTelegramChannel } from "../../src/channels/telegram/channel.js";
import { createZaloChannel } from "../../src/channels/zalo/channel.js";
import { silentLogger } from "../../src/log.js";
import { createEmbeddedStore } from "../../src/store/embedded.js";
import type { Store } from "../../src/store/port.js";
import { startFakePlatforms, type FakePlatforms } from "../helpers/fake-platforms.js";
import { fold, telegramText, zaloEvent } from "../helpers/bot-server.js";

// Long polling, for servers without a public address: updates come from getUpdates, not a webhook.
const FIXTURES = join(import.meta.dirname, "../fixtures");
let fake: FakePlatforms;
let store: Store;
let dataDir: string;
let dispatcher: Dispatcher;

beforeAll(async () => {
  fake = await startFakePlatforms();
  dataDir = await mkdtemp(join(tmpdir(), "dvc-poll-"));
  store = await createEmbeddedStore({ dataDir });
  const { live } = createLiveCore({ knowledgeDir: join(FIXTURES, "knowledge"), flowsDir: join(FIXTURES, "flows") });
  dispatcher = createDispatcher({ core: () => live.current(), store, logger: silentLogger() });
});
afterAll(async () => {
  await store.close();
  await fake.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe("polling mode", () => {
  it("Telegram: deletes the webhook, polls, and answers the update", async () => {
    const botInfo = { id: 4242, is_bot: true, first_name: "DVC", username: "dvc_test_bot" } as UserFromGetMe;
    const channel = createTelegramChannel({
      config: { token: "123456:POLLTOKEN", apiRoot: fake.url, mode: { kind: "polling" } },
      dispatcher,
      logger: silentLogger(),
      botInfo,
    });
    fake.queueUpdates("telegram", [telegramText(760001, "lệ phí làm hộ chiếu", 5001)]);
    await channel.start();
    try {
      const sent = await fake.waitForSent(760001, 1);
      expect(fold(String(sent[0]!.payload.text))).toContain("ho chieu");
      expect(fake.calls.some((c) => c.platform === "telegram" && c.method === "deleteWebhook")).toBe(true);
    } finally {
      await channel.stop();
    }
  });

  it("Zalo: deletes the webhook, polls (408 = nothing new), and answers the event", async () => {
    const channel = createZaloChannel({
      config: { token: "99887766:zalopolltoken", apiUrl: fake.url, mode: { kind: "polling" } },
      dispatcher,
      logger: silentLogger(),
      pollTimeoutSeconds: 1,
    });
    await channel.start();
    try {
      fake.queueUpdates("zalo", [zaloEvent("zpoll1", "dang ky khai sinh online")]);
      const sent = await fake.waitForSent("zpoll1", 1);
      expect(fold(String(sent[0]!.payload.text))).toContain("khai sinh");
      expect(fake.calls.some((c) => c.platform === "zalo" && c.method === "deleteWebhook")).toBe(true);
    } finally {
      await channel.stop();
    }
  });
});
