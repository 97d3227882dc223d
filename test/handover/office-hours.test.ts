import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { formatOpening } from "../../src/handover/messages.js";
import { nextOpening, parseClosedDays, parseOfficeDays, parseOfficePeriods } from "../../src/handover/office-hours.js";

const hours = { days: parseOfficeDays("1-5"), periods: parseOfficePeriods("07:30-11:30,13:30-17:00") };
/** A moment given in Vietnam time (UTC+7). */
const vn = (y: number, mo: number, d: number, h: number, mi = 0) => Date.UTC(y, mo - 1, d, h - 7, mi);

describe("office hours (Vietnam time)", () => {
  it("open during a period, closed at lunch: staff answer from 13:30 the same day", () => {
    expect(nextOpening(hours, vn(2026, 12, 2, 9))).toEqual({ openNow: true, at: vn(2026, 12, 2, 9) });
    expect(nextOpening(hours, vn(2026, 12, 2, 12))).toEqual({ openNow: false, at: vn(2026, 12, 2, 13, 30) });
  });

  it("Friday evening and the weekend wait for Monday 7:30, named in Vietnamese", () => {
    const friday = nextOpening(hours, vn(2026, 12, 4, 18));
    expect(friday).toEqual({ openNow: false, at: vn(2026, 12, 7, 7, 30) });
    expect(nextOpening(hours, vn(2026, 12, 6, 10)).at).toBe(vn(2026, 12, 7, 7, 30));
    expect(formatOpening(friday.at)).toBe("7:30 sáng thứ Hai, ngày 07/12/2026");
    // Late at night in UTC is already the next morning in Vietnam.
    expect(nextOpening(hours, Date.UTC(2026, 11, 2, 23, 0)).openNow).toBe(false);
    expect(nextOpening(hours, Date.UTC(2026, 11, 3, 1, 0)).openNow).toBe(true);
  });

  it("days staff mark closed (New Year, Tết) are skipped: the citizen is told the real next opening", () => {
    const holidays = { ...hours, closed: parseClosedDays("2027-01-01, 2027-02-04..2027-02-12") };
    // Thursday 31/12/2026 evening: Friday 1/1 is closed, then the weekend.
    const newYear = nextOpening(holidays, vn(2026, 12, 31, 18));
    expect(newYear).toEqual({ openNow: false, at: vn(2027, 1, 4, 7, 30) });
    expect(formatOpening(newYear.at)).toBe("7:30 sáng thứ Hai, ngày 04/01/2027");
    // Inside a closed run at office time: closed now, open on the first working day after it.
    expect(nextOpening(holidays, vn(2027, 2, 5, 9))).toEqual({ openNow: false, at: vn(2027, 2, 15, 7, 30) });
    // Closed runs chained over three months: the next opening is after them, never "open now".
    const quarter = { ...hours, closed: parseClosedDays("2027-01-01..2027-01-31,2027-02-01..2027-02-28,2027-03-01..2027-03-31") };
    expect(nextOpening(quarter, vn(2027, 1, 5, 9))).toEqual({ openNow: false, at: vn(2027, 4, 1, 7, 30) });
    // Without the list the same moment is an open office.
    expect(nextOpening(hours, vn(2027, 2, 5, 9)).openNow).toBe(true);
  });

  it("a closed-day list staff got wrong is refused at start, naming the item", () => {
    expect([...parseClosedDays("2027-04-30..2027-05-01")]).toEqual(["2027-04-30", "2027-05-01"]);
    expect(() => parseClosedDays("2027-02-30")).toThrow('"2027-02-30" is not a date');
    expect(() => parseClosedDays("30/04/2027")).toThrow('"30/04/2027" is not a date');
    expect(() => parseClosedDays("2027-02-12..2027-02-04")).toThrow("runs backwards");
    expect(() => parseClosedDays("2027-01-01..2027-12-31")).toThrow("longer than 31 days");
    expect(() => loadConfig({ OFFICE_CLOSED_DAYS: "1/1" })).toThrow('OFFICE_CLOSED_DAYS: office closed days: "1/1"');
    expect(loadConfig({ OFFICE_CLOSED_DAYS: "2027-01-01" }).handover.hours.closed).toEqual(new Set(["2027-01-01"]));
  });

  it("settings are validated at start, every bad one named", () => {
    expect(loadConfig({}).handover).toMatchObject({ hours, idleMinutes: 240 });
    expect(loadConfig({ OFFICE_DAYS: "1-6", STAFF_TELEGRAM_CHAT_ID: "-1001234567890" }).handover).toMatchObject({ staffTelegramChatId: "-1001234567890", hours: { days: [1, 2, 3, 4, 5, 6] } });
    let message = "";
    try {
      loadConfig({ OFFICE_HOURS: "7h30-11h", OFFICE_DAYS: "5-1", STAFF_TELEGRAM_CHAT_ID: "@motcua", HANDOVER_IDLE_MINUTES: "0" });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain('OFFICE_HOURS: office hours: "7h30-11h" is not HH:MM-HH:MM');
    expect(message).toContain('OFFICE_DAYS: office days: "5-1" runs backwards');
    expect(message).toContain("STAFF_TELEGRAM_CHAT_ID: must be a Telegram chat id");
    expect(message).toContain("HANDOVER_IDLE_MINUTES:");
    expect(() => parseOfficePeriods("08:00-12:00,11:00-17:00")).toThrow("office hours: periods overlap");
  });
});
