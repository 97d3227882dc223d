import { describe, expect, it } from "vitest";
import { CHOICE_ID_MAX_BYTES, decodeChoice, encodeChoice, entryChoiceIds, fitting, type ChoiceId } from "../../src/engine/choice-id.js";

/**
 * The wire format is a contract with every chat that still shows old buttons (Telegram keeps
 * callback data for ever): these literals are the format, byte for byte.
 */
const WIRE: Array<[ChoiceId, string]> = [
  [{ kind: "menu" }, "m"],
  [{ kind: "staff" }, "p"],
  [{ kind: "entry", entry: "dang-ky-tam-tru" }, "e:dang-ky-tam-tru"],
  [{ kind: "facets", entry: "dang-ky-tam-tru", facets: ["documents"] }, "q:d:dang-ky-tam-tru"],
  [{ kind: "facets", entry: "cap-ho-chieu", facets: ["fee", "time", "where", "online", "steps"] }, "q:ftwos:cap-ho-chieu"],
  [{ kind: "flow", flow: "survey" }, "g:survey"],
  [{ kind: "helpful", entry: "dang-ky-tam-tru", helpful: true }, "h:1:dang-ky-tam-tru"],
  [{ kind: "helpful", entry: "dang-ky-tam-tru", helpful: false }, "h:0:dang-ky-tam-tru"],
  [{ kind: "step", step: "r_access", answer: { kind: "rating", value: 5 } }, "f:r_access:r5"],
  [{ kind: "step", step: "r_feedback", answer: { kind: "not-applicable" } }, "f:r_feedback:na"],
  [{ kind: "step", step: "comment", answer: { kind: "skip" } }, "f:comment:s"],
  [{ kind: "step", step: "age", answer: { kind: "option", index: 12 } }, "f:age:c12"],
  [{ kind: "step", step: "procedure", answer: { kind: "hit", index: 0 } }, "f:procedure:h0"],
  [{ kind: "step", step: "procedure", answer: { kind: "last" } }, "f:procedure:l"],
  [{ kind: "step", step: "procedure", answer: { kind: "none" } }, "f:procedure:n"],
];

describe("choice ids", () => {
  it.each(WIRE)("%o is %j on the wire, and back", (choice, wire) => {
    expect(encodeChoice(choice)).toBe(wire);
    expect(decodeChoice(wire)).toEqual(choice);
  });

  it("every rating 1..5 round-trips", () => {
    for (const value of [1, 2, 3, 4, 5] as const) {
      const choice: ChoiceId = { kind: "step", step: "overall", answer: { kind: "rating", value } };
      expect(decodeChoice(encodeChoice(choice))).toEqual(choice);
    }
  });

  it.each([
    "",
    "x",
    "mm",
    "m:",
    "e:",
    "e:a:b",
    "q::dang-ky-tam-tru",
    "q:dx:dang-ky-tam-tru",
    "q:D:dang-ky-tam-tru",
    "q:d:",
    "g:",
    "h:2:dang-ky-tam-tru",
    "h:1",
    "h:1:",
    "f:rate",
    "f::r1",
    "f:rate:",
    "f:rate:r0",
    "f:rate:r6",
    "f:rate:r",
    "f:rate:c",
    "f:rate:c01",
    "f:rate:x1",
    "f:rate:na:extra",
    "E:dang-ky-tam-tru",
    " m",
  ])("%j is not an id this bot builds: null", (id) => {
    expect(decodeChoice(id)).toBeNull();
  });

  it("every id around an entry id fits Telegram for a 60-character id, not for a 61-character one", () => {
    const longest = (id: string) => Math.max(...entryChoiceIds(id).map((x) => Buffer.byteLength(x)));
    expect(longest("a".repeat(60))).toBe(CHOICE_ID_MAX_BYTES);
    expect(longest("a".repeat(61))).toBe(CHOICE_ID_MAX_BYTES + 1);
    expect(entryChoiceIds("x").map(decodeChoice).every((c) => c !== null)).toBe(true);
  });

  it("leaves out choices whose id would not fit Telegram's callback data", () => {
    const ok = { id: encodeChoice({ kind: "entry", entry: "a".repeat(62) }), label: "ok" };
    const long = { id: encodeChoice({ kind: "facets", entry: "a".repeat(62), facets: ["fee"] }), label: "too long" };
    expect(fitting([ok, long])).toEqual([ok]);
  });
});
