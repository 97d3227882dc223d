import { describe, expect, it } from "vitest";
import { ageBandLabel, channelLabel, formatCount, formatDay, formatMean, formatPct, formatTimeVn } from "../../src/feedback/format.js";

/** How administrators read the report's numbers: Vietnamese conventions. */
describe("report formats", () => {
  it.each([
    [50, "50,0%"],
    [66.7, "66,7%"],
    [100, "100,0%"],
    [0, "0,0%"],
    [null, "—"],
  ])("percentage %j → %s (decimal comma)", (v, shown) => {
    expect(formatPct(v)).toBe(shown);
  });

  it.each([
    [4.25, "4,25"],
    [3.5, "3,50"],
    [null, "—"],
  ])("mean %j → %s", (v, shown) => {
    expect(formatMean(v)).toBe(shown);
  });

  it.each([
    [0, "0"],
    [999, "999"],
    [1000, "1.000"],
    [1234567, "1.234.567"],
  ])("count %j → %s (dots between thousands)", (n, shown) => {
    expect(formatCount(n)).toBe(shown);
  });

  it.each([
    ["2026-03-05", "05/03/2026"],
    ["2026-03", "03/2026"],
    ["không rõ", "không rõ"],
  ])("day %j → %s", (iso, shown) => {
    expect(formatDay(iso)).toBe(shown);
  });

  it("gives times in Vietnam (UTC+7), the day turning at 17:00 UTC", () => {
    expect(formatTimeVn(Date.UTC(2026, 2, 5, 7, 7))).toBe("05/03/2026 14:07");
    expect(formatTimeVn(Date.UTC(2026, 2, 5, 17, 0))).toBe("06/03/2026 00:00");
    expect(formatTimeVn(Date.UTC(2026, 11, 31, 20, 30))).toBe("01/01/2027 03:30");
  });

  it("names channels and age bands in words, and leaves an unknown key as it is", () => {
    expect(channelLabel("zalo-oa")).toBe("Zalo OA");
    expect(channelLabel("terminal")).toBe("Dòng lệnh");
    expect(channelLabel("?")).toBe("Không rõ");
    expect(channelLabel("viber")).toBe("viber");
    expect(ageBandLabel("<25")).toBe("Dưới 25 tuổi");
    expect(ageBandLabel("60+")).toBe("Từ 60 tuổi trở lên");
    expect(ageBandLabel("18-24")).toBe("18-24");
  });

  it("writes its Vietnamese labels in NFC", () => {
    for (const label of [channelLabel("terminal"), channelLabel("?"), ageBandLabel("<25"), ageBandLabel("60+")]) expect(label).toBe(label.normalize("NFC"));
  });
});
