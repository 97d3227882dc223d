import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fold, postJson } from "../helpers/bot-server.js";
import { PROCESS_TEST_TIMEOUT_MS, useServeFixture } from "../helpers/serve-fixture.js";
import { sleep } from "../helpers/time.js";

/**
 * What an attack run found against a real `dvc-bot serve` (embedded store), replayed: hostile
 * messages must not stall the process, and fresh session ids must not escape the limits.
 */

const PER_ADDRESS = 20;
const fx = useServeFixture({ env: () => ({ RATE_LIMIT_PER_IP_PER_MINUTE: String(PER_ADDRESS) }) });

describe("a running serve under hostile messages", { timeout: PROCESS_TEST_TIMEOUT_MS }, () => {
  it("cuts 100 KB pathological messages at the door, answers them, and keeps /healthz answering meanwhile", async () => {
    const url = fx.serve().url;
    const hostile = ["a.".repeat(50_000), "a@".repeat(50_000), "0 ".repeat(50_000), "@a.".repeat(33_000)];
    const answers = Promise.all(hostile.map((text) => postJson(`${url}/api/chat`, { text })));
    // Let the server take the messages in first: /healthz must not queue behind them.
    await sleep(300);
    // Before the fix one such message held the event loop for 6–17 s: the four of them would
    // outlast the test's own time limit. No bound on speed here (a shared machine is noisy);
    // the bounded work itself is asserted step by step in test/text/mask.test.ts.
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    for (const a of await answers) {
      expect(a.status).toBe(200);
      // Each was cut to the bound before any later step read it, and the citizen is told.
      expect(fold(JSON.stringify(a.body))).toContain("chi doc phan dau");
    }
  });

  it("does not let fresh client-chosen session ids escape the per-address limit", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < PER_ADDRESS + 5; i++) {
      const r = await postJson(`${fx.serve().url}/api/chat`, { sessionId: randomBytes(16).toString("base64url"), text: "ho chieu" });
      statuses.push(r.status);
    }
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(PER_ADDRESS);
    expect(statuses.at(-1)).toBe(429);
  });
});
