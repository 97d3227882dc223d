import { describe, expect, it } from "vitest";
import { decide, DEFAULT_WEIGHTS, type SearchHit } from "../../src/knowledge/search.js";
import { createAgeFit } from "../../src/knowledge/search/age-reading.js";
import type { Entry } from "../../src/knowledge/schema.js";

// What a stated child's age does beyond the fixture searches of search-ages.test.ts: it rules out, as a rival for the
// margin, a variant that names no age (decide), and lets a children's card the question names nearly whole pass an
// entry on another thing that only story words reach (createAgeFit). Hits are built by hand: the scores are the
// situation of real messages ("con 5 tuổi có cần làm căn cước ko", "con 8 tuổi … đưa cháu đến tận nơi").
const entry = (id: string, title: string) => ({ id, title }) as Entry;
const child = entry("can-cuoc-tre-em", "Cấp thẻ căn cước cho trẻ em dưới 14 tuổi");
const ageless = entry("cap-doi-can-cuoc", "Cấp đổi, cấp lại thẻ căn cước");
const other = entry("giam-ho", "Đăng ký giám hộ");
const hit = (e: Entry, score: number, why: Partial<SearchHit["why"]> = {}): SearchHit => ({
  entry: e,
  score,
  why: { coverage: 0.5, nameCoverage: 0.5, namePrecision: 0.88, phrase: 1, missing: 0.5, foreignPairs: 0, heldPairs: 1, ...why },
});
const question = { strongWords: 3, unknownWords: 0, pairs: 1, facets: new Set<never>() };
/** The question's folded words as the age fit reads them ("con tuoi …"). */
const words = (s: string) => s.split(" ").map((t) => ({ t, weak: false, brk: false }));
// The two cards are variants of one thing ("căn cước"); the guardianship card is not.
const checks = { related: () => true, variants: (a: SearchHit, b: SearchHit) => a.entry.title.includes("căn cước") && b.entry.title.includes("căn cước") };

describe("decide: a variant that names no age is no rival of the card for the stated age", () => {
  it("answers the children's card though the ageless card is close behind", () => {
    const hits = [hit(child, 0.684, { ageFits: true }), hit(ageless, 0.654)];
    expect(decide(hits, question, DEFAULT_WEIGHTS, checks)).toMatchObject({ kind: "answer", hit: { entry: { id: child.id } } });
  });
  it("not without an age that fits it, nor against an entry on another thing", () => {
    expect(decide([hit(child, 0.684), hit(ageless, 0.654)], question, DEFAULT_WEIGHTS, checks).kind).not.toBe("answer");
    expect(decide([hit(child, 0.684, { ageFits: true }), hit(other, 0.654, { namePrecision: 0.88 })], question, DEFAULT_WEIGHTS, checks).kind).not.toBe("answer");
  });
});

describe("decide: the card for the stated age clearly ahead answers at a lower score (weights.answer.ageFitScore)", () => {
  // "Tui muốn làm căn cước cho thằng út 8 tuổi, có cần dẫn nó lên công an không hay tui đi một mình được" (set EH): the
  // story's words keep the children's card at 0.49, below 'clearly ahead''s aheadScore; the next entry on another thing far
  // behind, and the ageless variant ruled out by the age.
  const story = { strongWords: 9, unknownWords: 0, pairs: 2, facets: new Set<never>() };
  const lowered = (fits: boolean) => [hit(child, 0.49, { coverage: 0.43, nameCoverage: 0.45, namePrecision: 0.8, phrase: 0.25, ageFits: fits }), hit(ageless, 0.426), hit(other, 0.389, { namePrecision: 0.14 })];
  it("answers the children's card the stated age fits", () => {
    expect(decide(lowered(true), story, DEFAULT_WEIGHTS, checks)).toMatchObject({ kind: "answer", hit: { entry: { id: child.id } } });
  });
  it("not without the age, nor below ageFitScore, nor when the next entry it names is close", () => {
    expect(decide(lowered(false), story, DEFAULT_WEIGHTS, checks).kind).not.toBe("answer");
    const higher = { ...DEFAULT_WEIGHTS, answer: { ...DEFAULT_WEIGHTS.answer, ageFitScore: 0.5 } };
    expect(decide(lowered(true), story, higher, checks).kind).not.toBe("answer");
    const close = [hit(child, 0.49, { coverage: 0.43, nameCoverage: 0.45, namePrecision: 0.8, phrase: 0.25, ageFits: true }), hit(other, 0.47, { namePrecision: 0.8 })];
    expect(decide(close, story, DEFAULT_WEIGHTS, checks).kind).not.toBe("answer");
  });
});

describe("createAgeFit: the children's card the question names nearly whole passes an entry on another thing", () => {
  const fit = createAgeFit([child, ageless, other], DEFAULT_WEIGHTS);
  const typed = words("con tuoi bat buoc lam can cuoc chau");
  it("trades places with an entry whose name the question holds clearly less", () => {
    const hits = [hit(other, 0.357, { namePrecision: 0.567, heldPairs: 0 }), hit(child, 0.326, { namePrecision: 1 })];
    fit({ at: 1, years: 8 }, hits, typed);
    expect(hits.find((h) => h.entry.id === child.id)!.score).toBe(0.357);
    expect(hits.find((h) => h.entry.id === child.id)!.why.ageFits).toBe(true);
  });
  it("not when the question names that entry about as much, or states an age the card is not for", () => {
    const close = [hit(other, 0.357, { namePrecision: 0.8, heldPairs: 0 }), hit(child, 0.326, { namePrecision: 1 })];
    fit({ at: 1, years: 8 }, close, typed);
    expect(close.find((h) => h.entry.id === child.id)!.score).toBe(0.326);
    const older = [hit(other, 0.357, { namePrecision: 0.567, heldPairs: 0 }), hit(child, 0.326, { namePrecision: 1 })];
    fit({ at: 1, years: 16 }, older, typed);
    expect(older.find((h) => h.entry.id === other.id)!.score).toBe(0.357);
  });
});

describe("createAgeFit: how far behind the ageless card the children's card may be (weights.childEntry.reach)", () => {
  const typed = words("con tuoi co can lam can cuoc chua");
  // "con tôi 4 tuổi có cần làm căn cước chưa …": the children's card at 0.78 of the ageless card's score (session 32,
  // after a new entry moved it from just above 0.8 to just below) still takes its place; at half, it does not.
  const round3 = (x: number) => Math.round(x * 1000) / 1000;
  const at = (ratio: number) => [hit(ageless, 0.46, { namePrecision: 0.79, heldPairs: 1 }), hit(child, round3(0.46 * ratio), { namePrecision: 0.88, heldPairs: 1 })];
  it("takes the ageless card's place within reach (0.78 of its score)", () => {
    const hits = at(0.78);
    createAgeFit([child, ageless, other], DEFAULT_WEIGHTS)({ at: 1, years: 4 }, hits, typed);
    expect(hits.find((h) => h.entry.id === child.id)!.score).toBe(0.46);
  });
  it("not with the former reach of 0.8, nor when it is far behind", () => {
    const before = at(0.78);
    createAgeFit([child, ageless, other], { ...DEFAULT_WEIGHTS, childEntry: { ...DEFAULT_WEIGHTS.childEntry, reach: 0.8 } })({ at: 1, years: 4 }, before, typed);
    expect(before.find((h) => h.entry.id === ageless.id)!.score).toBe(0.46);
    const far = at(0.5);
    createAgeFit([child, ageless, other], DEFAULT_WEIGHTS)({ at: 1, years: 4 }, far, typed);
    expect(far.find((h) => h.entry.id === ageless.id)!.score).toBe(0.46);
  });
});

describe("createAgeFit: 'đăng ký', 'cấp' typed name no ageless card more than the children's card", () => {
  // "Đăng ký tài khoản định danh cho con 5 tuổi làm ở đâu" (session 33): the ageless card's title starts with "Đăng ký",
  // the children's does not; that word is in nearly every title and must not keep the ageless card first. A word
  // that says which variant ("mức 2") still does.
  const childAccount = entry("vneid-tre-em", "Tài khoản định danh điện tử cho trẻ em dưới 14 tuổi");
  const level = entry("vneid-muc-2", "Đăng ký tài khoản định danh điện tử mức 2");
  const hits = () => [hit(level, 0.99, { namePrecision: 1, heldPairs: 2 }), hit(childAccount, 0.956, { namePrecision: 0.88, heldPairs: 2 })];
  const fit = createAgeFit([childAccount, level], DEFAULT_WEIGHTS);
  it("the children's card takes the place of the ageless card when only 'đăng ký' tells them apart", () => {
    const h = hits();
    fit({ at: 6, years: 5 }, h, words("dang ki tai khoan dinh danh cho con tuoi lam o dau"));
    expect(h.find((x) => x.entry.id === childAccount.id)!.score).toBe(0.99);
  });
  it("not when the question types the level the ageless card is for", () => {
    const h = hits();
    fit({ at: 8, years: 12 }, h, words("dang ki vneid muc 2 cho con tuoi tren dien thoai"));
    expect(h.find((x) => x.entry.id === level.id)!.score).toBe(0.99);
  });
});

describe("createAgeFit: a title word the question types only in its story keeps no ageless card first", () => {
  // "Con tôi 4 tuổi có làm căn cước cho nó được ko, nhà ở Kỳ Anh" (session 50): "nhà" is where the family lives, not the
  // home-visit guide's "tại nhà"; the children's card takes the guide's place. Typed as the guide says it ("làm căn cước
  // tại nhà cho con 4 tuổi"), the guide keeps its place.
  const home = { ...entry("can-cuoc-tai-nha", "Làm căn cước tại nhà cho người già yếu, ốm nặng"), aliases: ["làm căn cước tại nhà"] } as Entry;
  const childCard = { ...child, aliases: ["làm căn cước cho con"] } as Entry;
  const hits = () => [hit(home, 0.68, { namePrecision: 0.89, heldPairs: 1 }), hit(childCard, 0.636, { namePrecision: 1, heldPairs: 1 })];
  const fit = createAgeFit([childCard, home], DEFAULT_WEIGHTS);
  const first = (h: SearchHit[]) => [...h].sort((a, b) => b.score - a.score)[0]!.entry.id;
  it("the children's card comes first when 'nhà' only tells where the family lives", () => {
    const h = hits();
    fit({ at: 2, years: 4 }, h, words("con toi 4 tuoi co lam can cuoc cho no duoc khong nha o ky anh"));
    expect(first(h)).toBe(childCard.id);
  });
  it("not when the question says the guide's own pair", () => {
    const h = hits();
    fit({ at: 9, years: 4 }, h, words("lam can cuoc tai nha cho con 4 tuoi duoc khong"));
    expect(first(h)).toBe(home.id);
  });
  // How near the shared words ("căn cước") the guide's title word must be typed to count (NEAR = 2), within a clause.
  const tokens = (s: string) => s.split(" ").map((t) => ({ t: t.replace("|", ""), weak: false, brk: t.startsWith("|") }));
  it.each([
    ["con 4 tuoi lam can cuoc cho nha", home.id], // two words after "cuoc": it says which card
    ["lam can cuoc cho con nha o ky anh", childCard.id], // three words after: the family's house
    ["con 4 tuoi lam can cuoc cho be tai nha", home.id], // far, but in the guide's own pair "tại nhà"
    ["con 4 tuoi lam can cuoc |nha o ky anh", childCard.id], // next to it, but after a comma
  ])("%s: %s first", (q, id) => {
    const h = hits();
    fit({ at: 1, years: 4 }, h, tokens(q));
    expect(first(h)).toBe(id);
  });
  it("not when the children's card is one the question rules out (its not_when)", () => {
    const h = [hit(home, 0.68, { namePrecision: 0.89, heldPairs: 1 }), hit(childCard, 0.636, { namePrecision: 1, heldPairs: 1, excluded: true })];
    fit({ at: 2, years: 4 }, h, words("con toi 4 tuoi co lam can cuoc cho no duoc khong nha o ky anh"));
    expect(first(h)).toBe(home.id);
  });
});
