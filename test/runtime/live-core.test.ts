import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createLiveCore } from "../../src/runtime/live-core.js";
import { formatProblem } from "../../src/source/yaml-source.js";
import { windows1258Entry } from "../helpers/windows-1258.js";
import { copyOfFixture, FIXTURE_FLOWS } from "../staff/helpers.js";

const NEW_ENTRY = `id: nuoi-chim-yen
kind: faq
title: Nuôi chim yến trong nhà
body: Liên hệ UBND cấp xã.
source: Thử nghiệm
reviewed: 2026-01-01
`;

describe("live core", () => {
  it("starts with what is valid even when a file is broken, and shows the problems", () => {
    const dir = copyOfFixture();
    writeFileSync(join(dir, "zz-broken.yaml"), "id: [broken\n");
    const { live, problems } = createLiveCore({ knowledgeDir: dir, flowsDir: FIXTURE_FLOWS });
    expect(problems.map(formatProblem)).toEqual([expect.stringMatching(/zz-broken\.yaml:\d+: lỗi cú pháp YAML/)]);
    expect(live.status()).toMatchObject({ lastAttemptOk: false, problems });
    expect(live.current().engine.knowledge.byId.has("dang-ky-khai-sinh")).toBe(true);
  });

  it("swaps in a valid edit with a new version, and says so", () => {
    const dir = copyOfFixture();
    const { live } = createLiveCore({ knowledgeDir: dir, flowsDir: FIXTURE_FLOWS });
    const before = live.status().live;
    writeFileSync(join(dir, "zz-yen.yaml"), NEW_ENTRY);
    expect(live.reload()).toEqual({ ok: true, problems: [] });
    const after = live.status();
    expect(after).toMatchObject({ lastAttemptOk: true, problems: [] });
    expect(after.live.id).not.toBe(before.id);
    expect(after.live.entries).toBe(before.entries + 1);
    expect(live.current().engine.knowledge.byId.has("nuoi-chim-yen")).toBe(true);
  });

  it("keeps the live version when a file saved as Windows-1258 appears, and says why", () => {
    const dir = copyOfFixture();
    const { live } = createLiveCore({ knowledgeDir: dir, flowsDir: FIXTURE_FLOWS });
    const before = live.status().live.id;
    writeFileSync(join(dir, "zz-ansi.yaml"), windows1258Entry("zz-ansi"));
    const result = live.reload();
    expect(result.ok).toBe(false);
    expect(result.problems.map(formatProblem)).toEqual([expect.stringMatching(/zz-ansi\.yaml:3: not UTF-8 text.*UTF-8/)]);
    expect(live.status()).toMatchObject({ lastAttemptOk: false, problems: result.problems });
    expect(live.status().live.id).toBe(before);
    expect(live.current().engine.knowledge.byId.has("zz-ansi")).toBe(false);
  });
});
