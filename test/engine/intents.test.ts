import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createIntentTable, intentsSchema, loadIntents, messageForms } from "../../src/engine/intents.js";
import { formatProblem } from "../../src/source/yaml-source.js";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function folderWith(intentsYaml: string): string {
  const dir = mkdtempSync(join(tmpdir(), "dvc-intents-"));
  dirs.push(dir);
  writeFileSync(join(dir, "intents.yaml"), intentsYaml);
  return dir;
}

const table = createIntentTable(
  intentsSchema.parse({
    particles: ["ạ", "bạn"],
    intents: {
      greeting: { exact: ["chào"] },
      thanks: { starts: ["cảm ơn"] },
      person: { contains: ["gặp cán bộ"] },
      forgery: { contains: ["làm giả"], all: [["mua", "bán"], ["không cần thi"]], unless: ["bị làm giả"] },
      "dossier-status": { patterns: ["\\b[A-Z0-9]{2,}(?:[.-][A-Z0-9]+){2,}\\b"] },
    },
  }),
);
const says = (name: Parameters<typeof table.matches>[0], text: string) => table.matches(name, messageForms(text));

describe("intent words", () => {
  it("exact: the whole message, particles at the ends ignored, with or without diacritics", () => {
    expect(says("greeting", "chào")).toBe(true);
    expect(says("greeting", "Chào bạn ạ!")).toBe(true);
    expect(says("greeting", "chao ban")).toBe(true);
    expect(says("greeting", "chào, cho hỏi thủ tục khai sinh")).toBe(false);
  });

  it("a typed accent must agree: 'cháo' is not 'chào'", () => {
    expect(says("greeting", "cháo")).toBe(false);
  });

  it("starts: a short message that begins with the phrase, not a long question", () => {
    expect(says("thanks", "cảm ơn bạn nhiều nhé")).toBe(true);
    expect(says("thanks", "cảm ơn, cho tôi hỏi lệ phí làm hộ chiếu")).toBe(false);
  });

  it("contains, all (every group) and patterns", () => {
    expect(says("person", "cho tôi gặp cán bộ với")).toBe(true);
    expect(says("forgery", "mua bằng lái không cần thi")).toBe(true);
    expect(says("forgery", "đổi bằng lái có cần thi lại không")).toBe(false);
    expect(says("dossier-status", "mã G22.99-231120-0001 đâu rồi")).toBe(true);
    expect(says("dossier-status", "lệ phí 1.004222")).toBe(false);
  });

  it("unless: a listed phrase vetoes the intent", () => {
    expect(says("forgery", "làm giả giấy tờ")).toBe(true);
    expect(says("forgery", "tôi bị làm giả giấy tờ thì báo ở đâu")).toBe(false);
  });

  it("whole-message only (inside a guided flow): contains, starts and all do not count", () => {
    expect(table.matches("greeting", messageForms("chào bạn"), true)).toBe(true);
    expect(table.matches("person", messageForms("cho tôi gặp cán bộ"), true)).toBe(false);
    expect(table.matches("thanks", messageForms("cảm ơn nhiều"), true)).toBe(false);
  });

  it("an intent with no words in the file never matches", () => {
    expect(says("menu", "menu")).toBe(false);
  });
});

describe("phrases with a gap and short forms", () => {
  const gaps = createIntentTable(
    intentsSchema.parse({
      intents: {
        forgery: { contains: ["bằng … giả"], all: [["ai làm"], ["không cần thi"]], unless: ["giá bao nhiêu"] },
        "out-of-domain": { contains: ["có mưa không"] },
      },
    }),
    { ko: "không", k: "không" },
  );

  it.each([
    // "…" stands for up to three words between two words of a phrase, and for none.
    ["forgery", "có chỗ nào làm bằng đại học giả không", true],
    ["forgery", "lam bang dai hoc gia de nop xin viec", true],
    ["forgery", "bằng giả", true],
    ["forgery", "bằng tốt nghiệp đại học chính quy giả", false],
    // With accents typed, "giá" (price) is not "giả"; without them, the unless phrase tells.
    ["forgery", "bằng đại học giá bao nhiêu", false],
    ["forgery", "doi bang lai gia bao nhieu", false],
    // The knowledge's abbreviations read in full: "ko cần thi" is "không cần thi".
    ["forgery", "ai lam bang lai ko can thi ib e", true],
    ["forgery", "ai làm bằng lái k cần thi", true],
    ["out-of-domain", "mai ha noi co mua ko", true],
  ] as const)("%s: %s → %s", (name, message, expected) => {
    expect(gaps.matches(name, messageForms(message))).toBe(expected);
  });

  it("without the abbreviations a short form is just another word", () => {
    const plain = createIntentTable(intentsSchema.parse({ intents: { forgery: { all: [["ai làm"], ["không cần thi"]] } } }));
    expect(plain.matches("forgery", messageForms("ai lam bang lai ko can thi"))).toBe(false);
    expect(plain.matches("forgery", messageForms("ai lam bang lai khong can thi"))).toBe(true);
  });

  it("a phrase may not begin or end with '…'", () => {
    expect(intentsSchema.safeParse({ intents: { forgery: { contains: ["… giả"] } } }).success).toBe(false);
    expect(intentsSchema.safeParse({ intents: { forgery: { contains: ["bằng …"] } } }).success).toBe(false);
  });
});

describe("loadIntents", () => {
  it("a missing file means no intent words and no problem", () => {
    const dir = mkdtempSync(join(tmpdir(), "dvc-intents-"));
    dirs.push(dir);
    expect(loadIntents(dir).problems).toEqual([]);
  });

  it("reports every mistake as path:line: message", () => {
    const dir = folderWith(
      [
        "popular: [dang-ky-khai-sinh, khong-co-that]", // line 1
        "intents:", // 2
        "  greeting:", // 3
        "    exact: [chào]", // 4
        "  chit-chat:", // 5
        "    contains: [giá vàng]", // 6
        "  dossier-status:", // 7
        "    patterns: ['([A-Z']", // 8
      ].join("\n"),
    );
    const lines = loadIntents(dir, new Set(["dang-ky-khai-sinh"])).problems.map(formatProblem);
    expect(lines).toContainEqual(expect.stringMatching(/intents\.yaml:5: intents: intents: trường "chit-chat" không có trong mẫu/));
    expect(lines).toContainEqual(expect.stringMatching(/intents\.yaml:8: intents: intents\.dossier-status\.patterns\.0: not a valid pattern/));
  });

  it("checks the entry ids it offers against the knowledge", () => {
    const dir = folderWith(["popular:", "  - dang-ky-khai-sinh", "  - khong-co-that", "intents:", "  person:", "    offer: [tong-dai]"].join("\n"));
    const lines = loadIntents(dir, new Set(["dang-ky-khai-sinh"])).problems.map(formatProblem);
    expect(lines).toEqual([
      expect.stringMatching(/intents\.yaml:3: intents: unknown entry id "khong-co-that"$/),
      expect.stringMatching(/intents\.yaml:6: intents: unknown entry id "tong-dai"$/),
    ]);
  });
});
