import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createZaloClient, ZaloApiError, ZaloHttpError } from "../../../src/channels/zalo/client.js";
import { startFakePlatforms, type FakePlatforms } from "../../helpers/fake-platforms.js";

const TOKEN = "1234:zalosecrettoken";
let fake: FakePlatforms;
beforeAll(async () => {
  fake = await startFakePlatforms();
});
afterAll(() => fake.close());

describe("createZaloClient", () => {
  it("posts JSON to /bot<token>/<method> and returns the result", async () => {
    const client = createZaloClient({ token: TOKEN, apiUrl: fake.url });
    await client.sendMessage({ chat_id: "c1", text: "xin chào" });
    expect(fake.calls.at(-1)).toMatchObject({ platform: "zalo", method: "sendMessage", token: TOKEN, payload: { chat_id: "c1", text: "xin chào" } });
    expect(await client.getMe()).toMatchObject({ id: "zalo-bot" });
  });

  it("treats 408 from getUpdates as no update", async () => {
    const client = createZaloClient({ token: TOKEN, apiUrl: fake.url });
    expect(await client.getUpdates({ timeout: 1 })).toEqual([]);
  });

  it("turns ok:false into a ZaloApiError without the token", async () => {
    fake.failNext("sendMessage", 1, 400, { ok: false, error_code: 400, description: `bad chat for bot${TOKEN}` });
    const client = createZaloClient({ token: TOKEN, apiUrl: fake.url });
    const err = await client.sendMessage({ chat_id: "x", text: "y" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ZaloApiError);
    expect((err as ZaloApiError).errorCode).toBe(400);
    expect(String((err as Error).message)).not.toContain("zalosecrettoken");
    expect(JSON.stringify(err)).not.toContain("zalosecrettoken");
  });

  it("wraps network failures in a ZaloHttpError that hides the URL", async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const client = createZaloClient({ token: TOKEN, apiUrl: `http://127.0.0.1:${port}` });
    const err = await client.sendMessage({ chat_id: "x", text: "y" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ZaloHttpError);
    expect(String((err as Error).message)).not.toContain("zalosecrettoken");
    expect(String((err as Error).stack)).not.toContain("zalosecrettoken");
    expect((err as Error).cause).toBeUndefined();
  });
});
