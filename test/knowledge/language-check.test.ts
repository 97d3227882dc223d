import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { languageWarnings } from "../../src/knowledge/language-check.js";
import { loadKnowledge } from "../../src/knowledge/loader.js";
import { formatProblem } from "../../src/source/yaml-source.js";
import { tempCopy } from "../helpers/temp.js";

const FIXTURE = join(import.meta.dirname, "../fixtures/knowledge-search");
const REAL = join(import.meta.dirname, "../../knowledge");

/** A copy of the fixture knowledge with `edit` applied to its synonyms.yaml. */
function withSynonyms(edit: (text: string) => string): string {
  const dir = tempCopy(FIXTURE, "lang");
  const file = join(dir, "synonyms.yaml");
  writeFileSync(file, edit(readFileSync(file, "utf8")));
  return dir;
}

const warningsFor = (dir: string) => languageWarnings(dir, loadKnowledge(dir).knowledge.entries).map(formatProblem);

describe("language warnings (dvc-bot check)", () => {
  it("none for the fixture as written", () => {
    expect(warningsFor(FIXTURE)).toEqual([]);
  });

  it("'từ' added as a stopword: warns at its line, naming the entries whose names hold it", () => {
    const dir = withSynonyms((t) => t.replace("stopwords:\n", "stopwords:\n  - từ\n"));
    const lines = readFileSync(join(dir, "synonyms.yaml"), "utf8").split("\n");
    const line = lines.findIndex((l) => l === "  - từ") + 1;
    const [warning, ...rest] = warningsFor(dir);
    expect(rest).toEqual([]);
    expect(warning).toMatch(new RegExp(`synonyms\\.yaml:${line}: cảnh báo: "từ" vốn là hư từ \\(function_words\\); đưa vào từ đệm \\(stopwords\\) đổi vai của nó`));
    expect(warning).toContain("Cấp phiếu lý lịch tư pháp");
    expect(warning).toContain("Đăng ký khai tử");
  });

  it("a new one-syllable filler word that names entries is flagged; one that names none is not", () => {
    const dir = withSynonyms((t) => t.replace("stopwords:\n", "stopwords:\n  - giấy\n  - nhé nha\n"));
    const warnings = warningsFor(dir);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/"giấy" trong từ đệm \(stopwords\) là một phần tên thủ tục/);
  });

  it("a built-in function word left out of a staff list is flagged", () => {
    const dir = withSynonyms((t) => `${t}function_words: [cho, với]\n`);
    const warnings = warningsFor(dir);
    expect(warnings.some((w) => /"bao nhiêu" có sẵn trong hư từ \(function_words\) nhưng không còn trong danh sách này/.test(w))).toBe(true);
  });

  it("a dialect word written without accents (never applies), or a word of names, keywords or synonym groups, is flagged at its line", () => {
    const dir = withSynonyms((t) => `${t.replace("groups:\n", "groups:\n  - [xe máy, xe mô tô]\n")}dialect:\n  hông: không\n  hổng: không\n  hong: không\n  lái: lại\n  mô: đâu\n`);
    const lines = readFileSync(join(dir, "synonyms.yaml"), "utf8").split("\n");
    const warnings = warningsFor(dir);
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toContain(`synonyms.yaml:${lines.indexOf("  hong: không") + 1}: cảnh báo: "hong" trong chữ địa phương (dialect) viết không dấu`);
    expect(warnings[1]).toContain(`synonyms.yaml:${lines.indexOf("  lái: lại") + 1}: cảnh báo: "lái" trong chữ địa phương (dialect) là chữ của`);
    expect(warnings[1]).toContain("giấy phép lái xe");
    // "mô" is in no title: only in the synonym group "xe mô tô" ("đâu" everywhere would break it).
    expect(warnings[2]).toContain(`synonyms.yaml:${lines.indexOf("  mô: đâu") + 1}: cảnh báo: "mô" trong chữ địa phương (dialect) là chữ của "xe mô tô"`);
  });

  it("a built-in dialect word left out of a staff list is flagged", () => {
    const dir = withSynonyms((t) => `${t}dialect:\n  chừ: giờ\n`);
    const warnings = warningsFor(dir);
    expect(warnings).toHaveLength(2);
    expect(warnings.every((w) => /"(hông|hổng)" có sẵn trong chữ địa phương \(dialect\) nhưng không còn trong danh sách này: gõ có dấu, nó sẽ không còn được hiểu/.test(w))).toBe(true);
  });

  it("a dialect entry of more than one word is an error at load, not a silent no-op", () => {
    const dir = withSynonyms((t) => `${t}dialect:\n  bây chừ: bây giờ\n`);
    const { problems } = loadKnowledge(dir);
    expect(problems.map(formatProblem).join("\n")).toMatch(/synonyms\.yaml.*chỉ ghi một chữ/);
  });

  it("the shipped word lists change no built-in role (check --strict stays green)", () => {
    const { knowledge } = loadKnowledge(REAL);
    expect(languageWarnings(REAL, knowledge.entries).map(formatProblem)).toEqual([]);
  });
});
