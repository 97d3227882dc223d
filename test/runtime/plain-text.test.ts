import { describe, expect, it } from "vitest";
import { replyToPlainText } from "../../src/runtime/plain-text.js";

describe("plain-text replies (terminal, Zalo)", () => {
  it("numbers a rating scale once: '1. Rất không hài lòng', not '1. 1 - Rất không hài lòng'", () => {
    const labels = ["1 - Rất không hài lòng", "2 - Không hài lòng", "3 - Bình thường", "4 - Hài lòng", "5 - Rất hài lòng", "Không áp dụng"];
    const text = replyToPlainText({ blocks: [{ type: "text", text: "Bạn hài lòng ở mức nào?" }], choices: labels.map((label, i) => ({ id: `r${i}`, label })) });
    expect(text.split("\n").slice(2)).toEqual(["1. Rất không hài lòng", "2. Không hài lòng", "3. Bình thường", "4. Hài lòng", "5. Rất hài lòng", "6. Không áp dụng"]);
  });

  it("keeps a number that is part of the words", () => {
    const text = replyToPlainText({ blocks: [], choices: [{ id: "a", label: "Menu ☰" }, { id: "b", label: "25–39" }, { id: "c", label: "5 - số khác" }] });
    expect(text).toBe("1. Menu ☰\n2. 25–39\n3. 5 - số khác");
  });
});
