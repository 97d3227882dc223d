import { beforeAll, describe, expect, it } from "vitest";
import { createAnalyzer } from "../../src/knowledge/analyze.js";
import { createMeaningPart, type MeaningPart } from "../../src/knowledge/search/meaning-part.js";
import { loadFixtureSearch } from "../helpers/fixture-search.js";

// Which part of a message asks what facet words mean (search/meaning-part.ts), on the fixture synonyms: the part read on
// its own, the rest the search still reads, and when the message is left whole.
let meaningPart: (text: string) => MeaningPart | null;
beforeAll(() => {
  meaningPart = createMeaningPart(createAnalyzer(loadFixtureSearch("knowledge-search").synonyms));
});

describe("meaning part", () => {
  it.each([
    ["thủ tục ghi là “một phần” là sao, vậy vẫn phải lên phường à", "thủ tục ghi là một phần là sao", ", vậy vẫn phải lên phường à"],
    ["toàn trình với một phần trên cổng dvc nghĩa là gì vậy ad", "toàn trình với một phần nghĩa là gì", "vậy ad"],
    ["Trên cổng ghi thủ tục này làm toàn trình là sao?", "ghi thủ tục này làm toàn trình là sao", ""],
    ["toàn trình là sao, làm hộ chiếu được không", "toàn trình là sao", ", làm hộ chiếu được không"],
  ])("%s → the part %s, the rest %s", (q, part, rest) => {
    expect(meaningPart(q)).toEqual({ part, rest });
  });

  it.each([
    "toàn trình là sao", // the whole message already
    "Toàn Trình Là Sao", // in any case
    "là sao", // no words asked about
    "sổ đỏ là gì", // a topic is asked about
    "hộ chiếu toàn trình là sao, lệ phí bao nhiêu", // a topic in the same clause
    "độc toàn trình là sao", // "độc" typed with accents is a topic, not "đọc"
    "toàn trình hay một phần", // no meaning phrase
    "trên cổng là sao", // only where it was read
  ])("%s is read whole: null", (q) => {
    expect(meaningPart(q)).toBeNull();
  });
});
