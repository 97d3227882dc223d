import { randomBytes } from "node:crypto";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createZaloOaApi } from "../../../src/channels/zalo-oa/send.js";
import { createOaTokens } from "../../../src/channels/zalo-oa/tokens.js";
import { silentLogger } from "../../../src/log.js";
import { createFileTokenVault, createRedisTokenVault, type TokenVault } from "../../../src/store/token-vault.js";
import { startFakePlatforms, type FakePlatforms } from "../../helpers/fake-platforms.js";
import { tempDir } from "../../helpers/temp.js";

const REDIS_URL = process.env.REDIS_TEST_URL ?? "redis://127.0.0.1:6379";

let fake: FakePlatforms;
beforeAll(async () => {
  fake = await startFakePlatforms();
});
afterAll(() => fake.close());

const api = () => createZaloOaApi({ appId: "app1", appSecret: "oa_app_secret", apiUrl: fake.url, oauthUrl: fake.url });
const instance = (vault: TokenVault, refreshToken = "oa_rt_0") => createOaTokens({ api: api(), vault, seed: { refreshToken }, logger: silentLogger() });

describe("OA tokens shared by two instances through Redis", () => {
  const key = `dvctest:${randomBytes(6).toString("hex")}:tokens:zalo-oa`;
  const vaults: TokenVault[] = [];
  afterAll(async () => {
    await Promise.all(vaults.map((v) => v.close()));
    const c = createClient({ url: REDIS_URL });
    await c.connect();
    await c.del([key, `${key}:lock`]);
    await c.close();
  });

  it("spend the single-use refresh token once when both need a token at the same moment", async () => {
    const [a, b] = [createRedisTokenVault({ url: REDIS_URL, key }), createRedisTokenVault({ url: REDIS_URL, key })];
    vaults.push(a, b);
    const one = instance(a);
    const two = instance(b);
    const before = fake.calls.filter((c) => c.method === "oa.token").length;
    const tokens = await Promise.all([one.current(), two.current(), one.current(), two.current()]);
    const refreshes = fake.calls.filter((c) => c.method === "oa.token").slice(before);
    expect(refreshes.map((c) => c.refused ?? "ok")).toEqual(["ok"]);
    expect(new Set(tokens)).toEqual(new Set([fake.oa().access]));

    // The token is refused (expired early): both renew at once, one refresh, both get the new token.
    fake.expireOaToken();
    const stale = tokens[0]!;
    const renewed = await Promise.all([one.renew(stale), two.renew(stale)]);
    const more = fake.calls.filter((c) => c.method === "oa.token").slice(before + 1);
    expect(more.map((c) => [c.token, c.refused ?? "ok"])).toEqual([["oa_rt_1", "ok"]]);
    expect(renewed).toEqual([fake.oa().access, fake.oa().access]);
  });
});

describe("OA tokens in the embedded store's file", () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir("oa-vault");
  });

  it("keeps the rotated pair in a file only its owner can read, and a new process uses it", async () => {
    const path = join(dir, "zalo-oa-token.json");
    const first = instance(createFileTokenVault(path), fake.oa().refresh);
    const token = await first.current();
    expect(token).toBe(fake.oa().access);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    // A restart: the environment still holds the first refresh token, already spent.
    const spentSeed = fake.calls.filter((c) => c.method === "oa.token").at(-1)!.token;
    fake.expireOaToken();
    const second = instance(createFileTokenVault(path), spentSeed);
    const before = fake.calls.filter((c) => c.method === "oa.token").length;
    expect(await second.renew(token)).toBe(fake.oa().access);
    const used = fake.calls.filter((c) => c.method === "oa.token").slice(before);
    expect(used.map((c) => c.refused ?? "ok")).toEqual(["ok"]);
    expect(used[0]!.token).not.toBe(spentSeed);
  });
});

describe("OA tokens when the store cannot take the rotated pair", () => {
  it("keep the new pair in memory and never spend the dead refresh token again", async () => {
    let stored: import("../../../src/store/token-vault.js").OaTokenPair | null = null;
    let writable = false;
    const vault: TokenVault = {
      read: async () => stored,
      write: async (pair) => {
        if (!writable) throw new Error("store: disk full");
        stored = pair;
      },
      withLock: (fn) => fn(),
      close: async () => undefined,
    };
    const tokens = instance(vault, fake.oa().refresh);
    const first = await tokens.current();
    expect(stored).toBeNull();
    fake.expireOaToken();
    const before = fake.calls.filter((c) => c.method === "oa.token").length;
    const second = await tokens.renew(first);
    const used = fake.calls.filter((c) => c.method === "oa.token").slice(before);
    expect(used.map((c) => c.refused ?? "ok")).toEqual(["ok"]);
    expect(second).toBe(fake.oa().access);
    // Once the store works again the newest pair lands there.
    writable = true;
    fake.expireOaToken();
    await tokens.renew(second);
    expect(stored!.refreshToken).toBe(fake.oa().refresh);
  });
});
