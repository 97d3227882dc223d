import { cpSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { PROCESS_TEST_TIMEOUT_MS, useServeFixture } from "../helpers/serve-fixture.js";
import { DEADLINE_MS } from "../helpers/serve-process.js";
import { tempDir } from "../helpers/temp.js";
import { waitUntil } from "../helpers/time.js";

// Staff add a knowledge file as soon as the bot is up: `dvc-bot serve` answers /healthz only once its file watcher has
// done its first scan, so the new file is seen as added (before, it could be taken for one already there and missed —
// the shared hot-reload check failed about one run in four).
const FIXTURES = fileURLToPath(new URL("../fixtures", import.meta.url));
// The fixture knowledge as many small files (the shipped knowledge has 130): the watcher's first scan takes the time a
// real folder's does. Only the files' number matters here, not their content.
const knowledge = tempDir("knowledge");
cpSync(join(FIXTURES, "knowledge"), knowledge, { recursive: true });
for (let i = 0; i < 150; i++) {
  writeFileSync(join(knowledge, `filler-${i}.yaml`), `- id: filler-${i}\n  kind: faq\n  title: Mục thử số ${i}\n  body: Nội dung thử.\n  source: Fixture for process tests\n  reviewed: 2026-12-06\n`);
}
const f = useServeFixture({ servers: 0, env: () => ({ KNOWLEDGE_DIR: knowledge, FLOWS_DIR: join(FIXTURES, "flows") }) });

it("a knowledge file added right after start-up goes live without a restart", async () => {
  const serve = await f.start();
  writeFileSync(
    join(knowledge, "zz-added.yaml"),
    "- id: nuoi-chim-yen\n  kind: guide\n  title: Cấp giấy phép nuôi chim yến\n  body: Nộp hồ sơ tại UBND cấp xã.\n  source: Fixture for process tests\n  reviewed: 2026-12-06\n",
  );
  await waitUntil("the added file is live", () => /knowledge: reloaded/.test(serve.output()), DEADLINE_MS);
  expect(serve.output()).not.toMatch(/knowledge watcher not ready/);
}, PROCESS_TEST_TIMEOUT_MS);
