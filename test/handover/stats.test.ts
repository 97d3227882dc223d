import { describe, expect, it } from "vitest";
import type { HandoverCase } from "../../src/handover/case-store.js";
import { computeHandoverStats, UNANSWERED_AFTER_MS } from "../../src/handover/stats.js";

const T0 = Date.UTC(2026, 11, 2, 2);
const MIN = 60_000;
let seq = 0;
const kase = (opened: number, extra: Partial<HandoverCase> = {}): HandoverCase => ({
  id: String(++seq),
  channel: "zalo",
  chatId: `z${seq}`,
  chatKey: `zalo:z${seq}`,
  question: "hồ sơ đất",
  lastAnswer: "(chưa trả lời câu nào)",
  openedAt: opened,
  lastActivityAt: opened,
  messages: [{ id: "m1", from: "citizen", text: "hồ sơ đất", at: opened }],
  failed: [],
  ...extra,
});

describe("computeHandoverStats", () => {
  it("counts opened, answered and open cases, the median first reply, and cases left over an hour", () => {
    const now = T0 + 3 * 3600_000;
    const stats = computeHandoverStats(
      [
        kase(T0, { firstReplyAt: T0 + 4 * MIN, closedAt: T0 + 30 * MIN, closedBy: "staff" }),
        kase(T0, { firstReplyAt: T0 + 10 * MIN }),
        kase(T0, { firstReplyAt: T0 + 90 * MIN }), // answered, but late
        kase(T0), // three hours without an answer
        kase(now - 5 * MIN), // just opened: not late yet
      ],
      now,
    );
    expect(stats).toEqual({ opened: 5, answered: 3, open: 4, medianFirstReplyMinutes: 10, unansweredAfterHour: 2, skipped: 0 });
    expect(computeHandoverStats([kase(T0, { firstReplyAt: T0 + 4 * MIN }), kase(T0, { firstReplyAt: T0 + 7 * MIN })], now).medianFirstReplyMinutes).toBe(5.5);
    expect(computeHandoverStats([], now)).toEqual({ opened: 0, answered: 0, open: 0, medianFirstReplyMinutes: null, unansweredAfterHour: 0, skipped: 0 });
    expect(UNANSWERED_AFTER_MS).toBe(3600_000);
  });

  it("leaves out and counts a stored case that does not fit, instead of a NaN median", () => {
    const now = T0 + 3600_000;
    const broken = [
      { ...kase(T0, { firstReplyAt: T0 + 2 * MIN }), openedAt: "yesterday" },
      { ...kase(T0), messages: undefined },
      { ...kase(T0), closedBy: "lost" },
      "torn",
    ];
    const stats = computeHandoverStats([kase(T0, { firstReplyAt: T0 + 6 * MIN }), ...broken], now);
    expect(stats).toEqual({ opened: 1, answered: 1, open: 1, medianFirstReplyMinutes: 6, unansweredAfterHour: 0, skipped: 4 });
    // A channel added later still counts.
    expect(computeHandoverStats([{ ...kase(T0), channel: "viber" }], now).opened).toBe(1);
  });
});
