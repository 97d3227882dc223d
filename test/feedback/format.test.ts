import { describe, expect, it } from "vitest";
import { ageBandLabel, channelLabel, formatCount, formatDay, formatMean, formatPct, formatTimeVn } from "../../src/feedback/format.js";

/** How administrators read the report's numbers and words: Vietnamese conventions. */
describe("report formats", () => {
  it.each([
    // Percentages and means with a decimal comma; "—" where there is nothing to show.
    ["formatPct(50)", formatPct(50), "50,0%"],
    ["formatPct(66.7)", formatPct(66.7), "66,7%"],
    ["formatPct(100)", formatPct(100), "100,0%"],
    ["formatPct(null)", formatPct(null), "—"],
    ["formatMean(4.25)", formatMean(4.25), "4,25"],
    ["formatMean(3.5)", formatMean(3.5), "3,50"],
    ["formatMean(null)", formatMean(null), "—"],
    // Dots between thousands.
    ["formatCount(999)", formatCount(999), "999"],
    ["formatCount(1000)", formatCount(1000), "1.000"],
    ["formatCount(1234567)", formatCount(1234567), "1.234.567"],
    // Days and months as dd/mm/yyyy; anything else as it is.
    ["formatDay('2026-03-05')", formatDay("2026-03-05"), "05/03/2026"],
    ["formatDay('2026-03')", formatDay("2026-03"), "03/2026"],
    ["formatDay('không rõ')", formatDay("không rõ"), "không rõ"],
    // Times in Vietnam (UTC+7): the day turns at 17:00 UTC.
    ["formatTimeVn(05/03 07:07 UTC)", formatTimeVn(Date.UTC(2026, 2, 5, 7, 7)), "05/03/2026 14:07"],
    ["formatTimeVn(05/03 17:00 UTC)", formatTimeVn(Date.UTC(2026, 2, 5, 17, 0)), "06/03/2026 00:00"],
    ["formatTimeVn(31/12 20:30 UTC)", formatTimeVn(Date.UTC(2026, 11, 31, 20, 30)), "01/01/2027 03:30"],
    // Channels and age bands in words; an unknown key as it is.
    ["channelLabel('zalo-oa')", channelLabel("zalo-oa"), "Zalo OA"],
    ["channelLabel('terminal')", channelLabel("terminal"), "Dòng lệnh"],
    ["channelLabel('?')", channelLabel("?"), "Không rõ"],
    ["channelLabel('viber')", channelLabel("viber"), "viber"],
    ["ageBandLabel('<25')", ageBandLabel("<25"), "Dưới 25 tuổi"],
    ["ageBandLabel('60+')", ageBandLabel("60+"), "Từ 60 tuổi trở lên"],
    ["ageBandLabel('18-24')", ageBandLabel("18-24"), "18-24"],
  ])("%s → %j", (_call, shown, expected) => {
    expect(shown).toBe(expected);
    expect(shown).toBe(shown.normalize("NFC"));
  });
});
