import { describe, expect, it } from "vitest";
import { createIntentTable, intentsSchema, loadIntents, messageForms } from "../../src/engine/intents.js";
import { formatProblem } from "../../src/source/yaml-source.js";
import { tempDir, tempFolder } from "../helpers/temp.js";

const folderWith = (intentsYaml: string) => tempFolder("intents", { "intents.yaml": intentsYaml });

const table = createIntentTable(
  intentsSchema.parse({
    particles: ["ạ", "bạn"],
    intents: {
      greeting: { exact: ["chào"] },
      thanks: { starts: ["cảm ơn"] },
      person: { contains: ["gặp cán bộ"] },
      forgery: { contains: ["làm giả", "căn cước … giả!"], all: [["mua", "bán"], ["không cần thi"]], unless: ["bị làm giả"] },
      "dossier-status": { patterns: ["\\b[A-Z0-9]{2,}(?:[.-][A-Z0-9]+){2,}\\b"] },
    },
  }),
);
const says = (name: Parameters<typeof table.matches>[0], text: string) => table.matches(name, messageForms(text));

type Case = [rule: string, intent: Parameters<typeof says>[0], message: string, matches: boolean];
const CASES: Case[] = [
  ["exact: the whole message, particles at the ends ignored, with or without diacritics", "greeting", "chào", true],
  ["exact", "greeting", "Chào bạn ạ!", true],
  ["exact", "greeting", "chao ban", true],
  ["exact: not inside a question", "greeting", "chào, cho hỏi thủ tục khai sinh", false],
  ["a typed accent must agree: 'cháo' is not 'chào'", "greeting", "cháo", false],
  ["starts: a short message that begins with the phrase", "thanks", "cảm ơn bạn nhiều nhé", true],
  ["starts: not a long question", "thanks", "cảm ơn, cho tôi hỏi lệ phí làm hộ chiếu", false],
  ["contains", "person", "cho tôi gặp cán bộ với", true],
  ["all: every group", "forgery", "mua bằng lái không cần thi", true],
  ["all: a group missing", "forgery", "đổi bằng lái có cần thi lại không", false],
  ["patterns", "dossier-status", "mã G22.99-231120-0001 đâu rồi", true],
  ["patterns: not a number", "dossier-status", "lệ phí 1.004222", false],
  ["contains, without the veto", "forgery", "làm giả giấy tờ", true],
  ["unless: a listed phrase vetoes the intent", "forgery", "tôi bị làm giả giấy tờ thì báo ở đâu", false],
  ["an intent with no words in the file never matches", "menu", "menu", false],
  ["'!': the word must be typed with its accents", "forgery", "làm căn cước giả", true],
  ["'!': typed bare it may be another word ('già')", "forgery", "lam can cuoc cho nguoi gia", false],
  ["'!': typed with other accents it is another word", "forgery", "căn cước người già", false],
];

describe("intent words", () => {
  it.each(CASES)("%s — %s in %j: %s", (_rule, intent, message, matches) => {
    expect(says(intent, message)).toBe(matches);
  });

  it("whole-message only (inside a guided flow): contains, starts and all do not count", () => {
    expect(table.matches("greeting", messageForms("chào bạn"), true)).toBe(true);
    expect(table.matches("person", messageForms("cho tôi gặp cán bộ"), true)).toBe(false);
    expect(table.matches("thanks", messageForms("cảm ơn nhiều"), true)).toBe(false);
  });
});

describe("'over' phrases of an intent tried after the search", () => {
  const over = createIntentTable(
    intentsSchema.parse({
      intents: { "not-covered": { contains: ["nhận con nuôi"], over: ["xin thẻ tạm trú"], unless: ["thai sản"] }, "out-of-domain": { contains: ["giá vàng"] } },
    }),
  );
  it("count as `contains`, and alone say the intent over a firm answer; `unless` still vetoes", () => {
    expect(over.matches("not-covered", messageForms("xin thẻ tạm trú cho chồng"))).toBe(true);
    expect(over.overrides("not-covered", messageForms("xin thẻ tạm trú cho chồng"))).toBe(true);
    expect(over.overrides("not-covered", messageForms("thủ tục nhận con nuôi"))).toBe(false);
    expect(over.overrides("not-covered", messageForms("xin thẻ tạm trú có được hưởng thai sản không"))).toBe(false);
    // An intent with `contains` and no `over` says itself, but not over a firm answer.
    expect(over.matches("out-of-domain", messageForms("giá vàng hôm nay"))).toBe(true);
    expect(over.overrides("out-of-domain", messageForms("giá vàng hôm nay"))).toBe(false);
  });
});

describe("phrases with a gap and short forms", () => {
  const gaps = createIntentTable(
    intentsSchema.parse({
      intents: {
        forgery: { contains: ["bằng … giả", "dịch vụ làm … không cần giấy tờ"], all: [["ai làm"], ["không cần thi"]], unless: ["giá bao nhiêu"] },
        "out-of-domain": { contains: ["có mưa không"] },
      },
    }),
    { ko: "không", k: "không", "sổ đỏ": "giấy chứng nhận quyền sử dụng đất" },
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
    // A "…" counts the words as typed: "sổ đỏ" written out to seven words is still two.
    ["forgery", "có dịch vụ làm sổ đỏ không cần giấy tờ không", true],
    ["forgery", "dịch vụ làm so do ko cần giấy tờ", true],
    ["forgery", "dịch vụ làm nhà ở xã có sổ đỏ không cần giấy tờ", false],
    // Words written next to each other are not read across a clause mark; a "…" may cross one.
    ["out-of-domain", "trời có, mưa không", false],
    ["out-of-domain", "mai có mưa không", true],
    ["forgery", "mua bằng, đại học giả", true],
  ] as const)("%s: %s → %s", (name, message, expected) => {
    expect(gaps.matches(name, messageForms(message))).toBe(expected);
  });

  describe("gap_stops: words a '…' never stands for", () => {
    const access = (stops: string[]) =>
      createIntentTable(
        intentsSchema.parse({
          intents: {
            "account-access": {
              contains: ["mật khẩu … của chồng", "mật khẩu … là số của chồng", "mật khẩu … số của chồng"],
              all: [["vneid … của vợ"], ["dùng", "lên mức"]],
              unless: ["sim … của tôi"],
              gap_stops: stops,
            },
          },
        }),
        { sdt: "số điện thoại" },
      );
    const stopped = access(["sim", "số"]);
    const open = access([]);
    it.each([
      // The SIM or the number is the wife's, not the account: no refusal — the stop first in the gap, last, or inside a
      // short form written out ("sdt" is read "số điện thoại").
      ["sdt dang ky vneid la sim cua vo, gio len muc 2 dc ko", false, true],
      ["vneid sim của vợ, em dùng được không", false, true],
      ["vneid bằng số của vợ, em dùng được không", false, true],
      ["vneid sdt của vợ dùng chung được không", false, true],
      // `contains` phrases stop too; a phrase's own word ("là số của chồng") is not a skipped word.
      ["mật khẩu vneid là sim của chồng", false, true],
      ["đoán mật khẩu vneid là số của chồng", true, true],
      ["lấy mật khẩu vneid số của chồng", true, true],
      // The account is the wife's: still refused, with or without the stop words elsewhere in the message.
      ["muốn dùng vneid của vợ mà ko có mật khẩu", true, true],
      ["sim của em, muốn dùng vneid cũ của vợ", true, true],
      // A stop word typed with other accents is another word ("sổ"): the gap stands for it.
      ["dùng vneid sổ của vợ", true, true],
      // `unless` phrases read their gaps whole: "sim số này của tôi" still vetoes, a stop word in its gap.
      ["dùng vneid của vợ, sim số này của tôi", false, false],
    ] as const)("%s → stopped %s, without stops %s", (message, withStops, withoutStops) => {
      expect(stopped.matches("account-access", messageForms(message))).toBe(withStops);
      expect(open.matches("account-access", messageForms(message))).toBe(withoutStops);
    });

    it("two stops spelled alike both stop ('số' and 'sổ'), whichever is written first", () => {
      for (const stops of [["số", "sổ"], ["sổ", "số"]]) {
        const t = access(stops);
        expect(t.matches("account-access", messageForms("dùng vneid số của vợ"))).toBe(false);
        expect(t.matches("account-access", messageForms("dùng vneid sổ của vợ"))).toBe(false);
        expect(t.matches("account-access", messageForms("dùng vneid sợ của vợ"))).toBe(true);
      }
    });

    it("a stop is one word of letters or digits, written once", () => {
      const parse = (stops: string[]) => intentsSchema.safeParse({ intents: { "account-access": { gap_stops: stops } } }).success;
      expect(parse(["sim", "số"])).toBe(true);
      expect(parse(["e-sim"])).toBe(false);
      expect(parse(["sim/số"])).toBe(false);
      expect(parse(["số!"])).toBe(false);
      expect(parse(["số điện"])).toBe(false);
      expect(parse(["sim", "SIM"])).toBe(false);
    });
  });

  it("'!' in an unless phrase: only the word typed with its accents vetoes ('giá' is a price, bare 'gia' may be 'giả')", () => {
    const strictVeto = createIntentTable(
      intentsSchema.parse({ intents: { forgery: { contains: ["làm căn cước giả"], all: [["chỗ nào làm"], ["không cần thi"]], unless: ["giá! bao nhiêu"] } } }),
      { ko: "không" },
    );
    const forgery = (text: string) => strictVeto.matches("forgery", messageForms(text));
    expect(forgery("co cho nao lam bang lai ko can thi ko, gia bao nhieu cung dc")).toBe(true);
    expect(forgery("lam can cuoc gia bao nhieu tien")).toBe(true);
    expect(forgery("chỗ nào làm bằng lái không cần thi, giá bao nhiêu")).toBe(false);
    expect(forgery("làm căn cước giá bao nhiêu")).toBe(false);
  });

  it("readings: bare words spelling out a reading take its accents, so a price question is not 'giả' and a purchase stays one", () => {
    const read = createIntentTable(
      intentsSchema.parse({
        readings: ["giá bao nhiêu", "tham gia"],
        intents: { forgery: { contains: ["làm căn cước giả", "mua bằng lái", "giả để"] } },
      }),
      { bn: "bao nhiêu" },
    );
    const forgery = (text: string) => read.matches("forgery", messageForms(text));
    // Bare "gia" before "bao nhiêu" is the price: no forgery.
    expect(forgery("lam can cuoc gia bao nhieu tien")).toBe(false);
    expect(forgery("lam can cuoc gia bn")).toBe(false);
    // The reading only gives accents: "mua bằng lái" is still a purchase, whatever it costs.
    expect(forgery("mua bang lai gia bao nhieu")).toBe(true);
    expect(forgery("mua bằng lái giá bao nhiêu")).toBe(true);
    // A word typed with other accents keeps them: "giả bao nhiêu" is a fake one's price.
    expect(forgery("làm căn cước giả bao nhiêu tiền")).toBe(true);
    // Only the whole reading counts: bare "gia" elsewhere may still be "giả".
    expect(forgery("lam can cuoc gia de vay tien")).toBe(true);
    expect(forgery("tham gia de duoc huong bhxh")).toBe(false);
  });

  it("a short form typed with other accents is not written out ('hồ sơ do' is not 'sổ đỏ')", () => {
    const t = createIntentTable(intentsSchema.parse({ intents: { forgery: { contains: ["giấy chứng nhận … giả!"] } } }), { "sổ đỏ": "giấy chứng nhận quyền sử dụng đất" });
    expect(t.matches("forgery", messageForms("làm sổ đỏ giả"))).toBe(true);
    expect(t.matches("forgery", messageForms("hồ sơ do tôi làm giả"))).toBe(false);
  });

  it("over_unless: when given, it alone vetoes an `over` phrase; `unless` still vetoes the other phrases", () => {
    const words = { contains: ["người yêu ở xa"], over: ["rét đậm"], unless: ["kết hôn", "hộ chiếu"] };
    const own = createIntentTable(intentsSchema.parse({ intents: { "out-of-domain": { ...words, over_unless: ["lệ phí"] } } }));
    const shared = createIntentTable(intentsSchema.parse({ intents: { "out-of-domain": words } }));
    const weather = messageForms("tuần sau có rét đậm không, định đi làm hộ chiếu");
    expect(own.overrides("out-of-domain", weather)).toBe(true);
    expect(own.matches("out-of-domain", weather)).toBe(true);
    expect(shared.overrides("out-of-domain", weather)).toBe(false);
    expect(shared.matches("out-of-domain", weather)).toBe(false);
    // Its own veto, and `unless` for a `contains` phrase.
    expect(own.overrides("out-of-domain", messageForms("rét đậm có được hoãn nộp lệ phí không"))).toBe(false);
    expect(own.matches("out-of-domain", messageForms("người yêu ở xa muốn đăng ký kết hôn"))).toBe(false);
  });

  it("ignore: its words do not count for the intent's other phrases; other words still do", () => {
    const words = { all: [["tài khoản … của mẹ"], ["vào", "hack"]], ignore: ["thêm con vào"] };
    const t = createIntentTable(intentsSchema.parse({ intents: { "account-access": words } }));
    const access = (text: string) => t.matches("account-access", messageForms(text));
    expect(access("vào tài khoản vneid của mẹ")).toBe(true);
    // A parent adding a child: "vào" is only the one inside "thêm con vào".
    expect(access("thêm con vào tài khoản vneid của mẹ được không")).toBe(false);
    // Another way in, beside it: still the intent.
    expect(access("hack tài khoản vneid của mẹ để thêm con vào")).toBe(true);
    expect(access("thêm con vào rồi vào tài khoản vneid của mẹ xem")).toBe(true);
    // Without `ignore` the parent is taken for someone getting in.
    const plain = createIntentTable(intentsSchema.parse({ intents: { "account-access": { all: words.all } } }));
    expect(plain.matches("account-access", messageForms("thêm con vào tài khoản vneid của mẹ được không"))).toBe(true);
  });

  it("over_unless is a mistake on an intent tried before the search", () => {
    expect(intentsSchema.safeParse({ intents: { forgery: { contains: ["làm giả"], over_unless: ["bị"] } } }).success).toBe(false);
  });

  it("readings: a '…' inside one is a mistake staff see", () => {
    expect(intentsSchema.safeParse({ readings: ["giá … bao nhiêu"] }).success).toBe(false);
  });

  it("a phrase without a gap needs adjacent words, even inside a written-out short form", () => {
    const adjacent = createIntentTable(
      intentsSchema.parse({ intents: { forgery: { contains: ["giấy đất", "ủy dân"] }, person: { contains: ["giấy chứng nhận", "ủy ban nhân dân"] } } }),
      { "sổ đỏ": "giấy chứng nhận quyền sử dụng đất", ubnd: "ủy ban nhân dân" },
    );
    expect(adjacent.matches("forgery", messageForms("cho hỏi về sổ đỏ"))).toBe(false);
    expect(adjacent.matches("forgery", messageForms("lên ubnd hỏi"))).toBe(false);
    expect(adjacent.matches("person", messageForms("cho hỏi về sổ đỏ"))).toBe(true);
    expect(adjacent.matches("person", messageForms("lên ubnd hỏi"))).toBe(true);
  });

  it("without the abbreviations a short form is just another word", () => {
    const plain = createIntentTable(intentsSchema.parse({ intents: { forgery: { all: [["ai làm"], ["không cần thi"]] } } }));
    expect(plain.matches("forgery", messageForms("ai lam bang lai ko can thi"))).toBe(false);
    expect(plain.matches("forgery", messageForms("ai lam bang lai khong can thi"))).toBe(true);
  });

  it("'/' between words of one slot: any one of them stands there", () => {
    const choices = createIntentTable(
      intentsSchema.parse({ intents: { "dossier-status": { contains: ["làm/nộp/đổi … từ tháng/hôm"] }, person: { exact: ["/canbo"] } } }),
    );
    const status = (text: string) => choices.matches("dossier-status", messageForms(text));
    expect(status("nộp hồ sơ từ tháng 3")).toBe(true);
    expect(status("doi bang lai tu hom thu hai")).toBe(true);
    expect(status("làm căn cước từ hôm qua")).toBe(true);
    // The slots keep their order.
    expect(status("từ tháng 3 tôi làm căn cước")).toBe(false);
    // A leading "/" is a command ("/canbo"): the schema takes it, though it is no choice slot.
    expect(choices.matches("person", messageForms("/canbo"))).toBe(true);
  });

  it("a '/' slot with an empty choice, a gap mark or a number pair is a mistake staff see, not a silently different phrase", () => {
    const ok = (phrase: string) => intentsSchema.safeParse({ intents: { complaint: { contains: [phrase] } } }).success;
    expect(ok("thái độ … tệ/kém")).toBe(true);
    expect(ok("tới/ đến đâu rồi")).toBe(false);
    expect(ok("tệ/kém...quá")).toBe(false);
    expect(ok("tổng đài 24/7")).toBe(false);
  });

  it("'<name>' stands for each phrase of a named list (lists), with '/' and '…' around it as anywhere", () => {
    const data = intentsSchema.parse({
      lists: { "tỉnh cũ": ["hà giang", "bắc kạn", "bắc cạn"] },
      intents: { "renamed-places": { contains: ["ghi … <tỉnh cũ>", "<tỉnh cũ> nhập/gộp"] } },
    });
    const places = createIntentTable(data);
    const said = (text: string) => places.matches("renamed-places", messageForms(text));
    expect(said("cccd ghi ha giang thi co phai doi")).toBe(true);
    expect(said("Bắc Cạn gộp vào Thái Nguyên rồi")).toBe(true);
    expect(said("bắc kạn nhập với thái nguyên")).toBe(true);
    // A name outside the list, and a listed name in no phrase's place, are not said.
    expect(said("cccd ghi hà nội thì có phải đổi")).toBe(false);
    expect(said("em ở hà giang, cccd bị mờ")).toBe(false);
    // Editing the list edits every phrase that uses it.
    const fewer = createIntentTable(intentsSchema.parse({ ...data, lists: { "tỉnh cũ": ["hà giang"] } }));
    expect(fewer.matches("renamed-places", messageForms("bắc kạn nhập với thái nguyên"))).toBe(false);
  });

  it("a '<name>' with no list, or a list item that uses another list, is a mistake staff see", () => {
    const unknown = intentsSchema.safeParse({ intents: { "renamed-places": { all: [["ghi … <tỉnh cũ>"]] } } });
    expect(unknown.success).toBe(false);
    expect(unknown.error?.issues[0]?.message).toContain('chưa có danh sách "tỉnh cũ"');
    expect(unknown.error?.issues[0]?.path).toEqual(["intents", "renamed-places", "all", 0, 0]);
    // A name typed without its accents is pointed at the list it most likely means.
    const typo = intentsSchema.safeParse({ lists: { "tỉnh cũ": ["hà giang"] }, intents: { "renamed-places": { contains: ["ghi … <tinh cu>"] } } });
    expect(typo.error?.issues[0]?.message).toContain('có phải "<tỉnh cũ>"?');
    expect(intentsSchema.safeParse({ lists: { a: ["<b>"], b: ["x"] } }).success).toBe(false);
    expect(intentsSchema.safeParse({ lists: { a: [] } }).success).toBe(false);
    expect(intentsSchema.safeParse({ lists: { "<a>": ["x"] } }).success).toBe(false);
  });

  it("a '<name>' stands as whole words, and a '<' or '>' without its pair is a mistake", () => {
    const ok = (p: string) => intentsSchema.safeParse({ lists: { "tỉnh cũ": ["hà giang"] }, intents: { "renamed-places": { contains: [p] } } }).success;
    expect(ok("ghi … <tỉnh cũ>")).toBe(true);
    expect(ok("<tỉnh cũ> nhập/gộp")).toBe(true);
    expect(ok("tỉnh/<tỉnh cũ> cũ")).toBe(false);
    expect(ok("<tỉnh cũ>/hà nội cũ")).toBe(false);
    expect(ok("<tỉnh cũ>cũ")).toBe(false);
    expect(ok("ghi … <tỉnh cũ")).toBe(false);
    expect(intentsSchema.safeParse({ readings: ["<tỉnh cũ>"], lists: { "tỉnh cũ": ["hà giang"] } }).success).toBe(false);
  });

  it("list names read whatever the case and spacing, and two '<name>' in one phrase are filled each on its own", () => {
    const data = intentsSchema.parse({
      lists: { "Tỉnh  cũ": ["hà giang", "bắc kạn"] },
      intents: { "renamed-places": { contains: ["<tỉnh cũ> hay <TỈNH CŨ>"] } },
    });
    const said = (text: string) => createIntentTable(data).matches("renamed-places", messageForms(text));
    expect(said("hà giang hay bắc kạn")).toBe(true);
    expect(said("bắc kạn hay bắc kạn")).toBe(true);
    expect(said("hà giang hay yên bái")).toBe(false);
  });

  it("a phrase may not begin or end with '…'", () => {
    expect(intentsSchema.safeParse({ intents: { forgery: { contains: ["… giả"] } } }).success).toBe(false);
    expect(intentsSchema.safeParse({ intents: { forgery: { contains: ["bằng …"] } } }).success).toBe(false);
  });
});

describe("loadIntents", () => {
  it("a missing file means no intent words and no problem", () => {
    expect(loadIntents(tempDir("intents")).problems).toEqual([]);
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

  it("a '<name>' with no list is a mistake at the phrase's line", () => {
    const dir = folderWith(["lists:", "  tỉnh cũ: [hà giang]", "intents:", "  renamed-places:", "    contains:", "      - ghi … <tỉnh cu>", ""].join("\n"));
    const lines = loadIntents(dir).problems.map(formatProblem);
    expect(lines).toContainEqual(expect.stringMatching(/intents\.yaml:6: .*chưa có danh sách "tỉnh cu"/));
  });

  it("a key the intent's reply never reads is a mistake at its line, in Vietnamese", () => {
    const dir = folderWith(
      [
        "intents:", // 1
        "  forgery:", // 2
        "    over: [bằng … giả]", // 3
        "    answered_by: [dang-ky-khai-sinh]", // 4
        "  penalty:", // 5
        "    contains: [mức phạt]", // 6
        "    offer: [dang-ky-khai-sinh]", // 7
        "  not-covered:", // 8
        "    over: [nhận con nuôi]", // 9
        "    offer: [dang-ky-khai-sinh]", // 10
      ].join("\n"),
    );
    const lines = loadIntents(dir, new Set(["dang-ky-khai-sinh"])).problems.map(formatProblem);
    expect(lines).toEqual([
      expect.stringMatching(/intents\.yaml:3: .*"over" chỉ dùng cho ý định xét sau khi tìm kiếm .*"forgery" được xét trước/),
      expect.stringMatching(/intents\.yaml:4: .*"answered_by" chỉ dùng cho "penalty"/),
      expect.stringMatching(/intents\.yaml:10: .*câu trả lời của "not-covered" không gợi ý bài theo "offer"/),
      expect.stringMatching(/intents\.yaml:7: .*câu trả lời của "penalty" không gợi ý bài theo "offer".*"answered_by"/),
    ]);
    expect(intentsSchema.safeParse({ intents: { penalty: { contains: ["mức phạt"], answered_by: ["x"] }, complaint: { over: ["quát"], offer: ["y"] } } }).success).toBe(true);
  });

  it("a '…' at either end is reported in Vietnamese", () => {
    const lines = loadIntents(folderWith(["intents:", "  forgery:", "    contains: ['… giả']"].join("\n"))).problems.map(formatProblem);
    expect(lines).toEqual([expect.stringMatching(/intents\.yaml:3: .*"…" phải đứng giữa hai chữ/)]);
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
