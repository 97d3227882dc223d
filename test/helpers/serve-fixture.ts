import { afterAll, beforeAll } from "vitest";
import { testRedis, type TestRedis } from "../store/redis-server.js";
import { TELEGRAM_SECRET, TELEGRAM_TOKEN, ZALO_SECRET, ZALO_TOKEN } from "./bot-server.js";
import { startFakePlatforms, type FakePlatforms } from "./fake-platforms.js";
import { reportJson, runCli, spawnServe, type ServeProcess } from "./serve-process.js";
import { tempDir } from "./temp.js";

/**
 * The setting-up and tearing-down every process-level test (test/production) shares: the fake
 * platforms, an optional private redis-server, `dvc-bot serve` processes each with its own
 * DATA_DIR, and the CLI run as an operator would (on the same Redis, an empty DATA_DIR).
 */

/** The Zalo bot and Telegram (webhook mode) settings, pointed at the fake platforms. */
export function botPlatformsEnv(fake: FakePlatforms): Record<string, string> {
  return {
    ZALO_BOT_TOKEN: ZALO_TOKEN,
    ZALO_API_URL: fake.url,
    ZALO_WEBHOOK_SECRET: ZALO_SECRET,
    TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN,
    TELEGRAM_API_ROOT: fake.url,
    TELEGRAM_WEBHOOK_URL: "https://bot.example.invalid/webhooks/telegram",
    TELEGRAM_WEBHOOK_SECRET: TELEGRAM_SECRET,
  };
}

/**
 * Time each process test and the fixture's set-up get: starting a serve process takes seconds on
 * a 2-core machine shared with other work. A bound on liveness only, never on speed.
 */
export const PROCESS_TEST_TIMEOUT_MS = 120_000;

export interface ServeFixtureOptions {
  /** A private redis-server (no persistence) for the file; every process gets its REDIS_URL. */
  redis?: boolean | { password: string };
  /** Settings of every serve process of the file; DATA_DIR and REDIS_URL are added. */
  env?: (fake: FakePlatforms) => Record<string, string>;
  /** How many serve processes to start, one after the other, before the tests. Default 1. */
  servers?: number;
}

export interface ServeFixture {
  fake(): FakePlatforms;
  /** The private redis-server (only with the `redis` option). */
  redis(): TestRedis;
  /** Every serve process started so far, in order; stopped and crashed ones stay listed. */
  readonly servers: readonly ServeProcess[];
  /** The serve process started last. */
  serve(): ServeProcess;
  /** Starts one more serve: on `dataDir` (a restart) or a fresh one, with `env` added. */
  start(options?: { dataDir?: string; env?: Record<string, string> }): Promise<ServeProcess>;
  /** `dvc-bot ARGS` as an operator runs it: the file's REDIS_URL and an empty DATA_DIR of its own. */
  cli(args: readonly string[]): ReturnType<typeof runCli>;
  /** `dvc-bot report --json` the same way, parsed; throws if it fails. */
  report(): ReturnType<typeof reportJson>;
  /** What every serve process of the file printed, the stopped ones included. */
  output(): string;
}

/** Registers the file's beforeAll (start everything) and afterAll (stop everything, remove the folders). */
export function useServeFixture(options: ServeFixtureOptions = {}): ServeFixture {
  let fake: FakePlatforms | undefined;
  let redis: TestRedis | undefined;
  let cliDir: string | undefined;
  const servers: ServeProcess[] = [];
  const redisEnv = (): Record<string, string> => (redis ? { REDIS_URL: redis.url } : {});
  // A loaded test machine must not tip the store into its outage mode: a generous deadline for
  // each Redis call, unless the test sets its own (the hang test does).
  const redisDefaults = (): Record<string, string> => (redis ? { REDIS_TIMEOUT_MS: "10000" } : {});
  const cliEnv = () => ({ ...redisEnv(), DATA_DIR: (cliDir ??= tempDir("cli")) });

  const fixture: ServeFixture = {
    fake: () => fake!,
    redis: () => {
      if (!redis) throw new Error("test: this file's serve fixture has no Redis");
      return redis;
    },
    servers,
    serve: () => servers.at(-1)!,
    async start(more = {}) {
      const env = { ...redisDefaults(), ...options.env?.(fake!), ...more.env, ...redisEnv(), DATA_DIR: more.dataDir ?? tempDir("serve") };
      const serve = await spawnServe(env);
      servers.push(serve);
      return serve;
    },
    cli: (args) => runCli(args, cliEnv()),
    report: () => reportJson(cliEnv()),
    output: () => servers.map((s) => s.output()).join(""),
  };

  beforeAll(async () => {
    if (options.redis) {
      redis = await testRedis(undefined, options.redis === true ? {} : { password: options.redis.password });
      await redis.start();
    }
    fake = await startFakePlatforms();
    // One after the other: each registers the same webhook, as in a rolling deploy.
    for (let i = 0; i < (options.servers ?? 1); i++) await fixture.start();
  }, PROCESS_TEST_TIMEOUT_MS);

  afterAll(async () => {
    await Promise.allSettled(servers.map((s) => s.stop()));
    await redis?.kill();
    await fake?.close();
  }, PROCESS_TEST_TIMEOUT_MS);

  return fixture;
}
