import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadFlows } from "../../src/flows/loader.js";
import { loadKnowledge } from "../../src/knowledge/loader.js";
import { formatProblem } from "../../src/source/yaml-source.js";
import { CHECK, FLOW, SCHEMA } from "../../src/knowledge/staff-messages.js";
import { ASPECTS, OVERALL } from "../../src/feedback/report.js";

const FLOWS = join(import.meta.dirname, "../../flows");
const KNOWLEDGE = join(import.meta.dirname, "../../knowledge");
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function copyFlows(): string {
  const dir = mkdtempSync(join(tmpdir(), "flows-"));
  dirs.push(dir);
  cpSync(FLOWS, dir, { recursive: true });
  return dir;
}
const edit = (file: string, from: string | RegExp, to: string) => {
  const text = readFileSync(file, "utf8");
  const next = text.replace(from, to);
  expect(next, `edit did not apply in ${file}`).not.toBe(text);
  writeFileSync(file, next);
};
const knowledgeIds = () => new Set(loadKnowledge(KNOWLEDGE).knowledge.byId.keys());
const lineOf = (file: string, needle: string) => readFileSync(file, "utf8").split("\n").findIndex((l) => l.includes(needle)) + 1;

describe("loadFlows on the shipped flows", () => {
  it("loads every flow without problems, knowledge links included", () => {
    const { flows, problems } = loadFlows(FLOWS, { knowledgeIds: knowledgeIds() });
    expect(problems.map(formatProblem)).toEqual([]);
    expect([...flows.keys()].sort()).toEqual(["online-level", "payment", "survey", "vneid"]);
  });

  it("the survey rates exactly the aspects the report knows, with the labels in order 1..5", () => {
    const survey = loadFlows(FLOWS).flows.get("survey")!;
    const keys = Object.values(survey.steps).filter((s) => s.input === "rating").map((s) => s.save);
    expect(keys).toEqual([...ASPECTS.map((a) => a.key), OVERALL.key]);
    expect(survey.rating_labels).toEqual(["1 - Rất không hài lòng", "2 - Không hài lòng", "3 - Bình thường", "4 - Hài lòng", "5 - Rất hài lòng"]);
  });

  it("keeps every flow text in NFC", () => {
    for (const f of ["survey", "vneid", "payment", "online-level"]) {
      const text = readFileSync(join(FLOWS, `${f}.yaml`), "utf8");
      expect(text).toBe(text.normalize("NFC"));
    }
  });
});

describe("loadFlows problems come with path:line", () => {
  it("reports a schema error at its line", () => {
    const dir = copyFlows();
    const file = join(dir, "payment.yaml");
    edit(file, "    say: Bạn cần biết gì về thanh toán phí, lệ phí trực tuyến?", "    sai: Bạn cần biết gì?");
    const { problems, flows } = loadFlows(dir);
    const line = lineOf(file, "sai: Bạn cần biết gì?");
    expect(problems.map(formatProblem)).toContain(`${file}:${line}: flow: steps.start: ${SCHEMA.unknownField("sai")}`);
    expect(flows.has("payment")).toBe(false);
    expect(flows.has("survey")).toBe(true);
  });

  it("refuses a field that belongs to another kind of step, at its line", () => {
    const dir = copyFlows();
    const file = join(dir, "survey.yaml");
    edit(file, "    save: access\n", "    save: access\n    not_found: intro\n");
    edit(file, "    max_length: 120\n", "    max_length: 120\n    suggest_last: true\n");
    edit(file, "    save: overall\n", "    save: overall\n    say_if_low: Rất tiếc.\n");
    const { problems, flows } = loadFlows(dir);
    expect(problems.map(formatProblem)).toEqual([
      `${file}:${lineOf(file, "max_length: 120") + 1}: flow: steps.agency.suggest_last: ${FLOW.onlyOnInput("suggest_last", "procedure")}`,
      `${file}:${lineOf(file, "not_found: intro")}: flow: steps.r_access.not_found: ${FLOW.notFoundOnlyProcedure}`,
      `${file}:${lineOf(file, "say_if_low: Rất tiếc.")}: flow: steps.r_overall.say_if_low: ${FLOW.onlyAtEnd("say_if_low")}`,
    ]);
    expect(flows.has("survey")).toBe(false);
    expect(flows.has("payment")).toBe(true);
  });

  it("refuses buttons on an input step and an unknown kind of input, at their lines", () => {
    const dir = copyFlows();
    const file = join(dir, "online-level.yaml");
    edit(file, "    input: procedure\n", "    input: procedure\n    choices: [{ label: Menu, menu: true }]\n");
    edit(join(dir, "survey.yaml"), "    input: text\n    optional: true\n    save: agency", "    input: number\n    optional: true\n    save: agency");
    const problems = loadFlows(dir).problems.map(formatProblem);
    expect(problems).toContain(`${file}:${lineOf(file, "choices: [{ label: Menu")}: flow: steps.ask.choices: ${FLOW.inputWithChoices("procedure")}`);
    const survey = join(dir, "survey.yaml");
    expect(problems).toContain(`${survey}:${lineOf(survey, "input: number")}: flow: steps.agency.input: ${SCHEMA.oneOf(["rating", "text", "procedure"])}`);
  });

  it("reports YAML syntax errors", () => {
    const dir = copyFlows();
    writeFileSync(join(dir, "broken.yaml"), "id: x\nsteps: [\n");
    expect(loadFlows(dir).problems.some((p) => p.file.endsWith("broken.yaml") && /cú pháp YAML|thụt lề/.test(p.message))).toBe(true);
  });

  it("reports an unknown step at the line of the reference", () => {
    const dir = copyFlows();
    const file = join(dir, "vneid.yaml");
    edit(file, "next: has_chip }", "next: has_chipp }");
    const problems = loadFlows(dir).problems.map(formatProblem);
    expect(problems).toContain(`${file}:${lineOf(file, "has_chipp")}: flow vneid: ${FLOW.unknownStep("has_chipp")}`);
    // has_chip is now reachable from nowhere.
    expect(problems).toContain(`${file}:${lineOf(file, "  has_chip:")}: flow vneid: ${FLOW.unreachable("has_chip", "start")}`);
  });

  it("reports an unknown knowledge id", () => {
    const dir = copyFlows();
    const file = join(dir, "vneid.yaml");
    edit(file, "entry: cap-the-can-cuoc }", "entry: cap-the-can-cuoc-khong-co }");
    const problems = loadFlows(dir, { knowledgeIds: knowledgeIds() }).problems.map(formatProblem);
    expect(problems).toEqual([`${file}:${lineOf(file, "cap-the-can-cuoc-khong-co")}: flow vneid: ${FLOW.unknownKnowledge("cap-the-can-cuoc-khong-co")}`]);
  });

  it("reports a duplicate flow id in another file", () => {
    const dir = copyFlows();
    cpSync(join(dir, "payment.yaml"), join(dir, "z-payment-copy.yaml"));
    const problems = loadFlows(dir).problems.map(formatProblem);
    expect(problems).toEqual([`${join(dir, "z-payment-copy.yaml")}:${lineOf(join(dir, "payment.yaml"), "id: payment")}: flow: ${CHECK.duplicateFlowId("payment", `${join(dir, "payment.yaml")}:${lineOf(join(dir, "payment.yaml"), "id: payment")}`)}`]);
  });

  it("reports an unknown flow in a choice and survey wording the contract needs", () => {
    const dir = copyFlows();
    edit(join(dir, "online-level.yaml"), "flow: vneid }", "flow: vneid-old }");
    edit(join(dir, "survey.yaml"), 'gõ "bỏ qua" nếu không muốn trả lời.\n    next: agency', "gõ tên.\n    next: agency");
    edit(join(dir, "survey.yaml"), "(7/7) Nhìn chung,", "(7/7) Cảm ơn! Nhìn chung,");
    const problems = loadFlows(dir).problems.map((p) => p.message);
    expect(problems).toContain(`flow online-level: ${FLOW.unknownFlow("vneid-old")}`);
    expect(problems).toContain(`flow survey: ${FLOW.optionalMustSaySkip}`);
    expect(problems).toContain(`flow survey: ${FLOW.thanksOnlyAtEnd}`);
  });

  it("check prints the same problems (the CLI path)", async () => {
    const dir = copyFlows();
    edit(join(dir, "payment.yaml"), "start: start", "start: begin");
    const { problems } = loadFlows(dir);
    expect(problems.map((p) => p.message)).toContain(`flow payment: ${FLOW.unknownStep("begin")}`);
  });
});
