import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { postJson } from "../helpers/bot-server.js";
import { useServeFixture } from "../helpers/serve-fixture.js";
import { sleep } from "../helpers/time.js";

/**
 * What an attack run found against a real `dvc-bot serve` (embedded store), replayed: hostile
 * messages must not stall the process, and fresh session ids must not escape the limits.
 */

const PER_ADDRESS = 20;
const fx = useServeFixture({ env: () => ({ RATE_LIMIT_PER_IP_PER_MINUTE: String(PER_ADDRESS) }) });

describe("a running serve under hostile messages", () => {
  it("keeps /healthz responsive while 100 KB pathological messages are answered", async () => {
    const url = fx.serve().url;
    const hostile = ["a.".repeat(50_000), "a@".repeat(50_000), "0 ".repeat(50_000), "@a.".repeat(33_000)];
    const answers = Promise.all(hostile.map((text) => postJson(`${url}/api/chat`, { text })));
    // Let the server take the messages in first: /healthz must not queue behind them.
    await sleep(300);
    // Before the fix one such message held the event loop for 6–17 s. A generous bound, far
    // above a loaded machine's scheduling noise and far below the old stall.
    const started = Date.now();
    const health = await fetch(`${url}/healthz`);
    const waited = Date.now() - started;
    expect(health.status).toBe(200);
    expect(waited).toBeLessThan(3_000);
    for (const a of await answers) expect(a.status).toBe(200);
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
