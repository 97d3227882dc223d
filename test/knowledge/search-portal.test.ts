import { beforeAll, describe, expect, it } from "vitest";
import { createSearchIndex, DEFAULT_WEIGHTS, type SearchIndex } from "../../src/knowledge/search.js";
import type { Entry, Synonyms } from "../../src/knowledge/schema.js";
import { loadFixtureSearch } from "../helpers/fixture-search.js";

// Portal words ("trên dịch vụ công", "cổng dịch vụ công", "nộp online") said of a procedure the message names are
// where it is done, its online facet (search/portal-facet.ts), on test/fixtures/knowledge-portal/.
let entries: Entry[];
let synonyms: Synonyms;
let index: SearchIndex;
beforeAll(() => {
  ({ entries, synonyms, index } = loadFixtureSearch("knowledge-portal"));
});

const top = (q: string, i: SearchIndex = index) => i.search(q).hits[0]?.entry.id;
const answered = (q: string) => {
  const d = index.search(q).decision;
  return d.kind === "answer" ? d.hit.entry.id : undefined;
};
/** The same knowledge with the rule off: no pair names a procedure. */
const withoutRule = () => createSearchIndex(entries, synonyms, { ...DEFAULT_WEIGHTS, portal: { ...DEFAULT_WEIGHTS.portal, names: 0 } });

describe("a named procedure asked 'on the portal' is that procedure, not the portal guide", () => {
  it.each([
    ["làm hộ chiếu online trên dịch vụ công thì ảnh chụp thế nào", "cap-ho-chieu"],
    ["lam can cuoc online tren cong dich vu cong dc ko", "cap-the-can-cuoc"],
  ])("%s → %s first, and the online facet is asked", (q, id) => {
    expect(top(q)).toBe(id);
    expect(index.search(q).facets.has("online")).toBe(true);
  });

  it.each([
    ["nộp online hộ chiếu trên cổng dịch vụ công quốc gia được không", "cap-ho-chieu"],
    ["làm thẻ căn cước trên cổng dịch vụ công quốc gia", "cap-the-can-cuoc"],
    ["lam can cuoc tren cong dich vu cong quoc gia duoc ko hay phai len cong an", "cap-the-can-cuoc"],
  ])("%s → answers %s; without the rule the portal guide's name words put it first", (q, id) => {
    expect(answered(q)).toBe(id);
    expect(top(q, withoutRule())).toBe("nop-ho-so-truc-tuyen");
  });
});

describe("a message about the portal itself keeps its guide", () => {
  it.each([
    ["nộp hồ sơ trên dịch vụ công thế nào", "nop-ho-so-truc-tuyen"],
    ["nộp hồ sơ trên cổng dvc", "nop-ho-so-truc-tuyen"],
    ["đăng nhập cổng dịch vụ công bằng vneid", "dang-nhap-cong-dich-vu-cong"],
    ["tài khoản dịch vụ công", "dang-nhap-cong-dich-vu-cong"],
  ])("%s → %s", (q, id) => {
    expect(answered(q)).toBe(id);
  });
});
