import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CHOICE_LABELS, FACET_LABELS, MENU_LABELS } from "../../src/engine/messages.js";
import { loadFlows } from "../../src/flows/loader.js";
import { FLOW_M } from "../../src/flows/messages.js";

/**
 * Where a phone's font lacks an emoji the button shows "□": the label must still start with its
 * words, so the emoji (if any) comes after them.
 */
const WORDS_FIRST = /^[\p{L}\p{N}]/u;

describe("button labels start with words", () => {
  it("in the engine's and the flow runner's own labels", () => {
    const labels = [
      ...Object.values(CHOICE_LABELS).map((l) => (typeof l === "function" ? l("Đăng ký tạm trú") : l)),
      ...Object.values(MENU_LABELS),
      ...Object.values(FACET_LABELS),
      FLOW_M.skipLabel,
      FLOW_M.noneLabel,
    ];
    for (const label of labels) expect(label, label).toMatch(WORDS_FIRST);
  });

  it("in every flow file", () => {
    const { flows } = loadFlows(join(import.meta.dirname, "../../flows"));
    const labels = [...flows.values()].flatMap((f) => [...(f.rating_labels ?? []), ...Object.values(f.steps).flatMap((s) => (s.choices ?? []).map((c) => c.label))]);
    expect(labels.length).toBeGreaterThan(20);
    for (const label of labels) expect(label, label).toMatch(WORDS_FIRST);
  });
});
