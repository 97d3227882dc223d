import { describe, expect, it } from "vitest";
import { loadKnowledge } from "../../src/knowledge/loader.js";
import { bodyTexts } from "../../src/knowledge/search.js";
import { FIXTURE_ENV, run } from "./run-cli.js";

describe("dvc-bot export", () => {
  it("--json lists every entry with the fields search uses, and a procedure's level, tier, field, agency and code", () => {
    const r = run(["export", "--json"], undefined, FIXTURE_ENV);
    expect(r.code).toBe(0);
    const entries = JSON.parse(r.out) as Array<Record<string, unknown>>;
    const { knowledge } = loadKnowledge(FIXTURE_ENV.KNOWLEDGE_DIR);
    expect(entries.map((e) => e.id)).toEqual(knowledge.entries.map((e) => e.id));
    expect(entries.find((e) => e.id === "dang-ky-tam-tru")).toEqual({
      id: "dang-ky-tam-tru",
      kind: "procedure",
      title: "Đăng ký tạm trú",
      aliases: ["tạm trú"],
      keywords: [],
      text: bodyTexts(knowledge.byId.get("dang-ky-tam-tru")!).join("\n"),
      level: "toan-trinh",
      tier: "xa",
      field: "Đăng ký, quản lý cư trú",
      agency: "Công an cấp xã",
    });
    expect(Object.keys(entries.find((e) => e.id === "tra-cuu-ho-so")!).sort()).toEqual(["aliases", "id", "keywords", "kind", "text", "title"]);
  });

  it("--csv writes the report shape with a BOM", () => {
    const r = run(["export", "--csv"], undefined, FIXTURE_ENV);
    expect(r.code).toBe(0);
    expect(r.out.startsWith("\uFEFFSTT,Lĩnh vực/DVCTT,Mức độ 2,Mức độ 3,Mức độ 4,Ghi chú\r\n")).toBe(true);
    expect(r.out).toContain("\r\nTổng,7,0,2,5,\r\n");
  });
});
