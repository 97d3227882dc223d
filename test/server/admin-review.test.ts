import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { createLiveCore } from "../../src/runtime/live-core.js";
import { loadConfig } from "../../src/config.js";
import { silentLogger } from "../../src/log.js";
import { registerAdmin } from "../../src/server/admin.js";
import { createEmbeddedStore } from "../../src/store/embedded.js";
import { tempDir } from "../helpers/temp.js";

// The dashboard shows staff the same review list as `dvc-bot check`, on a small fixture folder.
const dir = tempDir("admin-review");
const TOKEN = "adm_review_token_0123456789";

describe("dashboard: Dữ liệu cần rà soát", () => {
  it("lists an entry not reviewed for a year with its file and line, in HTML and JSON", async () => {
    mkdirSync(join(dir, "k"));
    mkdirSync(join(dir, "flows"));
    writeFileSync(join(dir, "k", "cu.yaml"), ["id: muc-cu", "kind: faq", "title: Mục cũ", "body: Nội dung.", "source: Luật A", "reviewed: 2024-01-01", ""].join("\n"));
    const store = await createEmbeddedStore({ dataDir: join(dir, "data") });
    const config = loadConfig({ DATA_DIR: join(dir, "data"), ADMIN_TOKEN: TOKEN, DVC_TODAY: "2026-12-02" });
    const { live } = createLiveCore({ knowledgeDir: join(dir, "k"), flowsDir: join(dir, "flows") });
    const app = Fastify();
    await registerAdmin(app, { store, config, live, logger: silentLogger() });
    try {
      const auth = { authorization: `Bearer ${TOKEN}` };
      const html = (await app.inject({ url: "/admin", headers: auth })).body;
      expect(html).toContain("Dữ liệu cần rà soát");
      expect(html).toMatch(/cu\.yaml:6<\/code>[^<]*01\/01\/2024/);
      const json = (await app.inject({ url: "/admin/report.json", headers: auth })).json() as { knowledge: { review: Array<{ file: string; line: number }> } };
      expect(json.knowledge.review).toEqual([expect.objectContaining({ line: 6, file: expect.stringContaining("cu.yaml") })]);
    } finally {
      await app.close();
      await store.close();
    }
  });
});
