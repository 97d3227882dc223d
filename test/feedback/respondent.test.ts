import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Inbound } from "../../src/engine/types.js";
import { createRecordEnricher, createRespondentHasher, loadOrCreateSalt, resolveRespondentSalt } from "../../src/feedback/respondent.js";
import { tempDir } from "../helpers/temp.js";

const tmp = () => tempDir("salt");

describe("respondent hashing", () => {
  it("is stable per salt and channel+user, differs across salts, hides the id", () => {
    const a = createRespondentHasher("s1");
    expect(a("zalo", "123")).toMatch(/^[0-9a-f]{16}$/);
    expect(a("zalo", "123")).toBe(a("zalo", "123"));
    expect(a("zalo", "123")).not.toBe(a("telegram", "123"));
    expect(createRespondentHasher("s2")("zalo", "123")).not.toBe(a("zalo", "123"));
    expect(() => createRespondentHasher("")).toThrow(/feedback: respondent salt/);
  });

  it("creates the salt once in DATA_DIR and reuses it", () => {
    const dir = join(tmp(), "nested");
    const s = loadOrCreateSalt(dir);
    expect(s).toMatch(/^[0-9a-f]{64}$/);
    expect(loadOrCreateSalt(dir)).toBe(s);
    expect(readFileSync(join(dir, "salt"), "utf8").trim()).toBe(s);
    expect(statSync(join(dir, "salt")).mode & 0o077).toBe(0);
    expect(resolveRespondentSalt({ dataDir: dir })).toBe(s);
    expect(resolveRespondentSalt({ dataDir: dir, respondentSalt: "configured" })).toBe("configured");
  });

  it("replaces a salt file a full disk left empty or torn, instead of failing every start", () => {
    const dir = tmp();
    for (const torn of ["", "3fa9"]) {
      writeFileSync(join(dir, "salt"), torn);
      const s = loadOrCreateSalt(dir);
      expect(s).toMatch(/^[0-9a-f]{64}$/);
      expect(loadOrCreateSalt(dir)).toBe(s);
      expect(readdirSync(dir)).toEqual(["salt"]);
    }
  });

  it("enriches survey records only", () => {
    const enrich = createRecordEnricher(createRespondentHasher("x"));
    const inbound: Inbound = { type: "text", text: "5", channel: "zalo", chatId: "c", userId: "u", at: 1 };
    expect(enrich("survey", { a: 1 }, inbound)).toEqual({ a: 1, respondent: createRespondentHasher("x")("zalo", "u") });
    expect(enrich("helpful", { a: 1 }, inbound)).toEqual({ a: 1 });
  });
});
