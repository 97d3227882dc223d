import { describe, expect, it } from "vitest";
import { addDays, feesOn, inForce, linesOn, vietnamDay } from "../../src/knowledge/dated.js";
import { feeSchema, type Fee } from "../../src/knowledge/schema.js";

const fee = (f: Record<string, unknown>): Fee => feeSchema.parse(f);

// A card-exchange fee as the 2025–2026 rules shape it: a standard rate, a halving for a period,
// and a waiver for some citizens filing online for a shorter period.
const FEES = [
  fee({ channel: "truc-tuyen", case: "Cấp đổi", amount: 0, condition: "tài khoản định danh mức 2", from: "2026-08-15", until: "2027-02-28", basis: "Thông tư A" }),
  fee({ channel: "moi-kenh", case: "Cấp đổi", amount: 25000, from: "2025-07-01", until: "2026-12-31", basis: "Thông tư B" }),
  fee({ channel: "moi-kenh", case: "Cấp đổi", amount: 50000 }),
];

describe("dated facts", () => {
  it("reads the day in Vietnam, not UTC", () => {
    expect(vietnamDay(Date.parse("2026-12-31T18:00:00Z"))).toBe("2027-01-01");
    expect(vietnamDay(Date.parse("2026-12-31T16:59:59Z"))).toBe("2026-12-31");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
  });

  it("counts `until` as the last day in force", () => {
    expect(inForce({ from: "2025-07-01", until: "2026-12-31" }, "2026-12-31")).toBe(true);
    expect(inForce({ from: "2025-07-01", until: "2026-12-31" }, "2027-01-01")).toBe(false);
    expect(inForce({ from: "2025-07-01" }, "2025-06-30")).toBe(false);
    expect(linesOn(["always", { text: "old rule", until: "2025-12-31" }, { text: "new rule", from: "2026-01-01" }], "2026-03-01")).toEqual([
      "always",
      { text: "new rule", from: "2026-01-01" },
    ]);
  });

  it("shows the reduced fee with what follows while the reduction lasts", () => {
    const lines = feesOn(FEES, "2026-12-02");
    expect(lines.map((l) => [l.fee.amount, l.then?.amount])).toEqual([
      [0, undefined],
      [25000, 50000],
    ]);
  });

  it("drops the halving on 1/1/2027 and the waiver on 1/3/2027 by itself", () => {
    expect(feesOn(FEES, "2027-01-01").map((l) => l.fee.amount)).toEqual([0, 50000]);
    expect(feesOn(FEES, "2027-03-01").map((l) => l.fee.amount)).toEqual([50000]);
    // Before the halving began, the standard rate.
    expect(feesOn(FEES, "2025-06-30").map((l) => l.fee.amount)).toEqual([50000]);
  });

  it("rejects a period that ends before it begins", () => {
    expect(feeSchema.safeParse({ channel: "moi-kenh", amount: 1, from: "2027-01-01", until: "2026-01-01" }).success).toBe(false);
  });
});

describe("standard fee lines of several cases", () => {
  it("shows every standard line when no dated line is in force, and a dated line replaces them while it lasts", () => {
    const fees = [
      fee({ channel: "moi-kenh", amount: 50000, note: "Cấp đổi" }),
      fee({ channel: "moi-kenh", amount: 70000, note: "Cấp lại" }),
      fee({ channel: "moi-kenh", case: "Cấp đổi", amount: 25000, from: "2025-07-01", until: "2026-12-31" }),
      fee({ channel: "moi-kenh", case: "Cấp đổi", amount: 50000 }),
    ];
    expect(feesOn(fees, "2027-01-05").map((l) => l.fee.amount)).toEqual([50000, 70000, 50000]);
    expect(feesOn(fees, "2026-12-02").map((l) => [l.fee.amount, l.then?.amount])).toEqual([
      [50000, undefined],
      [70000, undefined],
      [25000, 50000],
    ]);
  });
});
