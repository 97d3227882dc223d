import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bareStrictWarnings, gapStopWarnings, ignoreWarnings, slashSplitWarnings, unusedListWarnings, vetoedPhraseWarnings } from "../../src/engine/intents-check.js";
import { loadSources } from "../../src/runtime/core.js";
import { formatProblem } from "../../src/source/yaml-source.js";
import { tempCopy } from "../helpers/temp.js";

// `dvc-bot check` on intents.yaml: a "/" written between two two-word names ("lý lịch/tạm vắng") chooses one word,
// so the line matches neither name. On the fixture knowledge of test/fixtures/knowledge-search/.
const FIXTURE = join(import.meta.dirname, "../fixtures/knowledge-search");

function withIntents(yaml: string): string {
  const dir = tempCopy(FIXTURE, "intents-check");
  writeFileSync(join(dir, "intents.yaml"), yaml);
  return dir;
}
const sourcesIn = (dir: string) => loadSources({ knowledgeDir: dir, flowsDir: join(dir, "no-flows") });
const warningsFor = (dir: string) => {
  const { intentsSource, knowledge } = sourcesIn(dir);
  return slashSplitWarnings(intentsSource, knowledge.entries, knowledge.synonyms.groups).map(formatProblem);
};

describe("a '/' that splits two names (dvc-bot check)", () => {
  it("warns at the line, naming the two names the staff most likely meant", () => {
    const dir = withIntents(
      ["intents:", "  personal-data:", "    contains:", "      - tra lý lịch/tạm vắng của hàng xóm", "      - khai sinh/tử của ai", ""].join("\n"),
    );
    const lines = readFileSync(join(dir, "intents.yaml"), "utf8").split("\n");
    const line = lines.findIndex((l) => l.includes("lý lịch/tạm vắng")) + 1;
    const [warning, ...rest] = warningsFor(dir);
    expect(rest).toEqual([]);
    expect(warning).toMatch(new RegExp(`intents\\.yaml:${line}: cảnh báo: "tra lý lịch/tạm vắng của hàng xóm"`));
    expect(warning).toContain('"lý lịch"');
    expect(warning).toContain('"tạm vắng"');
  });

  it("warns when the choice joins two spellings of one synonym-group name, either way round (knowledge/synonyms.yaml)", () => {
    const dir = withIntents(
      [
        "intents:",
        "  not-covered:",
        "    over:",
        "      - gia hạn passport/hộ chiếu mỹ",
        "      - gia hạn hộ chiếu/passport úc",
        "      - đổi giấy phép lái xe/gplx mới",
        "      - gia hạn hộ chiếu mỹ/úc",
        "      - gplx/passport giả",
        "",
      ].join("\n"),
    );
    const warnings = warningsFor(dir);
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(/intents\.yaml:4: cảnh báo: "gia hạn passport\/hộ chiếu mỹ": .*"passport" và "hộ chiếu"/);
    expect(warnings[1]).toMatch(/intents\.yaml:5: cảnh báo: "gia hạn hộ chiếu\/passport úc": .*"hộ chiếu" và "passport"/);
    expect(warnings[2]).toMatch(/intents\.yaml:6: cảnh báo: "đổi giấy phép lái xe\/gplx mới": .*"giấy phép lái xe" và "gplx"/);
    // Without the synonym groups these lines read as loose words: no warning.
    const { intentsSource, knowledge } = sourcesIn(dir);
    expect(slashSplitWarnings(intentsSource, knowledge.entries, []).map(formatProblem)).toEqual([]);
  });

  it("single-word choices, in a group or in an 'all' list, are what '/' is for: no warning", () => {
    const dir = withIntents(
      ["intents:", "  forgery:", "    all:", "      - [làm/nộp hồ sơ, khai sinh/tử]", "      - [giả!]", "    unless: [bị làm giả]", ""].join("\n"),
    );
    expect(warningsFor(dir)).toEqual([]);
  });

  it("no intents.yaml, no warning", () => {
    expect(warningsFor(FIXTURE)).toEqual([]);
  });

  it("content: the shipped intents.yaml has no '/' between two names", () => {
    expect(warningsFor(join(import.meta.dirname, "../../knowledge"))).toEqual([]);
  });
});

// A phrase every instance of which holds one of its own intent's vetoes never answers: "là đúng hay sai" under an intent
// whose `unless` lists "sai" (session 33 added one such line, and the file held another).
const vetoedFor = (dir: string) => intentWarnings(vetoedPhraseWarnings, dir);

/** One of intents-check's warnings on the intents.yaml of `dir`, as `dvc-bot check` prints them. */
function intentWarnings(warn: typeof vetoedPhraseWarnings, dir: string): string[] {
  const { intentsSource, intents, knowledge } = sourcesIn(dir);
  return warn(intentsSource, intents.data, knowledge.synonyms.abbreviations).map(formatProblem);
}

describe("a phrase its own intent's veto always blocks (dvc-bot check)", () => {
  it("warns at the line of a `contains` or `over` phrase that holds an `unless` phrase, whatever '/' choice or '…' word", () => {
    const dir = withIntents(
      [
        "intents:",
        "  general-knowledge:",
        "    contains:",
        "      - ai đúng ai sai",
        "      - nghĩ sao",
        "    over:",
        "      - là đúng/phải hay sai",
        "      - thấy hợp lý không",
        "    unless: [sai]",
        "",
      ].join("\n"),
    );
    const lines = readFileSync(join(dir, "intents.yaml"), "utf8").split("\n");
    const lineOf = (text: string) => lines.findIndex((l) => l.includes(text)) + 1;
    const warnings = vetoedFor(dir);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(new RegExp(`intents\\.yaml:${lineOf("ai đúng ai sai")}: cảnh báo: "ai đúng ai sai" không bao giờ`));
    expect(warnings[1]).toMatch(new RegExp(`intents\\.yaml:${lineOf("là đúng/phải hay sai")}: cảnh báo: .*"unless"`));
  });

  it("not when some way of writing it escapes the veto, nor for `over` checked against `over_unless` that lacks it", () => {
    const dir = withIntents(
      [
        "intents:",
        "  out-of-domain:",
        "    contains:",
        "      - giá vàng/đô hôm nay",
        "      - giá … hôm nay",
        "    over:",
        "      - giá vàng",
        "    over_unless: [lệ phí]",
        "    unless: [vàng, giá hôm]",
        "",
      ].join("\n"),
    );
    // "giá đô hôm nay" escapes "vàng"; "giá … hôm nay" puts a word between "giá" and "hôm"; `over` answers to over_unless.
    expect(vetoedFor(dir)).toEqual([]);
  });

  it("a phrase with a named list is judged item by item: each item its veto always blocks is named at the phrase's line", () => {
    const yaml = (items: string) =>
      ["lists:", `  tỉnh cũ: [${items}]`, "intents:", "  renamed-places:", "    contains:", "      - <tỉnh cũ> cũ", "    unless: [hà giang cũ]", ""].join("\n");
    expect(vetoedFor(withIntents(yaml("hà giang, bắc kạn")))).toEqual([expect.stringMatching(/intents\.yaml:6: cảnh báo: "hà giang cũ"/)]);
    expect(vetoedFor(withIntents(yaml("bắc kạn, yên bái")))).toEqual([]);
  });

  it("a '/' inside a list item is read where a phrase uses it, at the phrase's line", () => {
    const dir = withIntents(
      ["lists:", "  tên: [tra lý lịch/tạm vắng]", "intents:", "  personal-data:", "    contains:", "      - <tên> của hàng xóm", ""].join("\n"),
    );
    expect(warningsFor(dir)).toEqual([expect.stringMatching(/intents\.yaml:6: cảnh báo: "tra lý lịch\/tạm vắng của hàng xóm"/)]);
  });

  it("content: the shipped intents.yaml has no phrase its own veto always blocks", () => {
    expect(vetoedFor(join(import.meta.dirname, "../../knowledge"))).toEqual([]);
  });
});

describe("a named list no phrase uses (dvc-bot check)", () => {
  it("is named at its line; a list some phrase uses, whatever its case, is not", () => {
    const dir = withIntents(
      ["lists:", "  Tỉnh cũ: [hà giang]", "  tỉnh bỏ: [bắc kạn]", "intents:", "  renamed-places:", "    contains:", "      - <tỉnh cũ> cũ", ""].join("\n"),
    );
    const { intentsSource } = sourcesIn(dir);
    expect(unusedListWarnings(intentsSource).map(formatProblem)).toEqual([expect.stringMatching(/intents\.yaml:3: cảnh báo: danh sách "tỉnh bỏ" không được cụm nào dùng/)]);
  });

  it("content: every list of the shipped intents.yaml is used", () => {
    expect(unusedListWarnings(sourcesIn(join(import.meta.dirname, "../../knowledge")).intentsSource)).toEqual([]);
  });
});

describe("gap_stops that do nothing (dvc-bot check)", () => {
  const stopsFor = (dir: string) => intentWarnings(gapStopWarnings, dir);

  it("names a stop written as a short form (read in full before matching) and stops on an intent with no '…' phrase", () => {
    const dir = withIntents(
      [
        "intents:",
        "  account-access:",
        "    all:",
        "      - [vneid … của vợ]",
        "      - [dùng]",
        "    gap_stops: [sim, ko]",
        "  sim-owner:",
        "    contains: [sim không chính chủ]",
        "    gap_stops: [số]",
        "",
      ].join("\n"),
    );
    expect(stopsFor(dir)).toEqual([
      expect.stringMatching(/intents\.yaml:6: cảnh báo: "ko" trong gap_stops là chữ viết tắt .* "không"/),
      expect.stringMatching(/intents\.yaml:9: cảnh báo: "gap_stops" của "sim-owner" không có tác dụng/),
    ]);
  });

  it("content: every stop of the shipped intents.yaml can stop a gap", () => {
    expect(stopsFor(join(import.meta.dirname, "../../knowledge"))).toEqual([]);
  });
});

describe("an `ignore` phrase that leaves nothing out (dvc-bot check)", () => {
  const ignoreWarningsFor = (dir: string) => intentWarnings(ignoreWarnings, dir);

  it("warns at the line of a phrase holding no word of the intent's other phrases, not at one that does", () => {
    const dir = withIntents(
      [
        "intents:",
        "  account-access:",
        "    all:",
        "      - [tài khoản … của mẹ]",
        "      - [vào, lén]",
        "    ignore: [thêm con vào, lên mức, đổi tên con]",
        "",
      ].join("\n"),
    );
    const lines = readFileSync(join(dir, "intents.yaml"), "utf8").split("\n");
    const line = lines.findIndex((l) => l.includes("ignore:")) + 1;
    // "thêm con vào" holds "vào"; "lên mức" typed bare is "len", which is "lén"; "đổi tên con" holds nothing.
    expect(ignoreWarningsFor(dir)).toEqual([expect.stringMatching(new RegExp(`intents\\.yaml:${line}: cảnh báo: "đổi tên con" trong "ignore"`))]);
  });
});

describe("a '!' after a word written without accents (dvc-bot check)", () => {
  it("names the phrase and the bare word at its line — also a '/' choice and a list item; a '!' on an accented word is fine", () => {
    const dir = withIntents(
      [
        "lists:",
        "  bằng: [bằng cao đẳng, mua! bằng tiến sĩ]",
        "intents:",
        "  forgery:",
        "    contains:",
        "      - mua! bằng thạc sĩ",
        "      - làm giả! chị!/anh! ơi",
        "      - có ai bán <bằng>",
        "      - giấy tờ … giả!",
        "",
      ].join("\n"),
    );
    const { intentsSource } = sourcesIn(dir);
    expect(bareStrictWarnings(intentsSource).map(formatProblem)).toEqual([
      expect.stringMatching(/intents\.yaml:6: cảnh báo: "mua! bằng thạc sĩ": dấu "!" sau "mua" /),
      expect.stringMatching(/intents\.yaml:7: cảnh báo: "làm giả! chị!\/anh! ơi": dấu "!" sau "anh" /),
      expect.stringMatching(/intents\.yaml:8: cảnh báo: "có ai bán <bằng>": dấu "!" sau "mua" /),
    ]);
  });

  it("content: no phrase of the shipped intents.yaml has a '!' that can never match", () => {
    expect(bareStrictWarnings(sourcesIn(join(import.meta.dirname, "../../knowledge")).intentsSource)).toEqual([]);
  });
});
