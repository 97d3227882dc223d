import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildCore } from "../../src/app/core.js";
import { repliesToPlainText } from "../../src/app/plain-text.js";
import type { Engine } from "../../src/engine/engine.js";
import type { Inbound, Session, Turn } from "../../src/engine/types.js";
import { fold } from "../../src/text/normalize.js";

const ROOT = join(import.meta.dirname, "../..");
let engine: Engine;
beforeAll(() => {
  const { core, problems } = buildCore({ knowledgeDir: join(ROOT, "knowledge"), flowsDir: join(ROOT, "flows") });
  expect(problems).toEqual([]);
  engine = core!.engine;
});

/** A citizen on a channel without buttons: each turn's session feeds the next. */
function conversation(channel: Inbound["channel"] = "zalo") {
  let session: Session | null = null;
  let clock = Date.UTC(2026, 10, 23, 8);
  const turns: Turn[] = [];
  type Content = { type: "text"; text: string } | { type: "choice"; choiceId: string };
  const send = (inbound: Content): Turn => {
    clock += 60_000;
    const turn = engine.handle({ ...inbound, channel, chatId: "c1", userId: "u1", at: clock } as Inbound, session);
    session = turn.session;
    turns.push(turn);
    return turn;
  };
  return {
    say: (text: string) => send({ type: "text", text }),
    press: (choiceId: string) => send({ type: "choice", choiceId }),
    text: (turn: Turn) => fold(repliesToPlainText(turn.replies)),
    get session() {
      return session;
    },
    turns,
  };
}

describe("engine conversations", () => {
  it("greets with a menu of guided topics", () => {
    const c = conversation();
    const t = c.say("xin chào");
    expect(c.text(t)).toContain("xin chao");
    const labels = t.replies.flatMap((r) => r.choices ?? []).map((x) => fold(x.label));
    expect(labels.some((l) => l.includes("vneid"))).toBe(true);
    expect(labels.some((l) => l.includes("thanh toan"))).toBe(true);
  });

  it("answers a procedure with its level, the facet asked and the official link", () => {
    const c = conversation();
    const t = c.say("le phi dang ky thuong tru bao nhieu");
    const text = c.text(t);
    expect(text).toContain("dang ky thuong tru");
    expect(text).toContain("toan trinh");
    expect(text).toContain("20.000 dong");
    expect(text).toContain("10.000 dong");
    expect(text).toContain("https://dichvucong.gov.vn");
    expect(t.effects).toContainEqual({ type: "metric", name: "answered", labels: { kind: "procedure" } });
  });

  it("answers follow-ups about the last procedure in context", () => {
    const c = conversation();
    c.say("đăng ký tạm trú");
    const fee = c.text(c.say("còn lệ phí?"));
    expect(fee).toContain("dang ky tam tru");
    expect(fee).toContain("le phi");
    const where = c.text(c.say("nộp ở đâu"));
    expect(where).toContain("dang ky tam tru");
    expect(where).toContain("noi nop");
  });

  it("maps a typed number to the choice on screen (no buttons on Zalo)", () => {
    const c = conversation();
    const first = c.say("đăng ký tạm trú");
    const choices = first.replies.at(-1)!.choices!;
    const docIndex = choices.findIndex((x) => x.id.startsWith("q:d:"));
    expect(docIndex).toBeGreaterThanOrEqual(0);
    const t = c.say(String(docIndex + 1));
    expect(c.text(t)).toContain("giay to can chuan bi");
  });

  it("a button press picks the same choice as the number", () => {
    const c = conversation("telegram");
    const first = c.say("đăng ký tạm trú");
    const feeChoice = first.replies.at(-1)!.choices!.find((x) => x.id.startsWith("q:f:"))!;
    expect(Buffer.byteLength(feeChoice.id)).toBeLessThanOrEqual(64);
    expect(c.text(c.press(feeChoice.id))).toContain("le phi");
  });

  it("asks which one when two entries are nearly tied", () => {
    const c = conversation();
    const t = c.say("xe");
    const result = engine.search("xe");
    if (result.ambiguous) {
      expect(c.text(t)).toContain("thu tuc nao");
      expect(t.replies.at(-1)!.choices!.length).toBeGreaterThanOrEqual(2);
    } else {
      expect(result.confident).toBe(false);
    }
  });

  it("says it does not know, offers a way forward and records the gap without personal data", () => {
    const c = conversation();
    const t = c.say("thủ tục cấp giấy phép bay flycam, sđt tôi 0912345678");
    const text = c.text(t);
    expect(text).toContain("xin loi");
    expect(text).toContain("1800 1096");
    expect(text).toContain("https://dichvucong.gov.vn");
    const gap = t.effects.find((e) => e.type === "record" && e.stream === "unanswered");
    expect(gap).toBeDefined();
    const query = gap?.type === "record" ? String(gap.record.query) : "";
    expect(query).toContain("flycam");
    expect(query).not.toContain("0912345678");
  });

  it("answers a sticker or photo politely", () => {
    const c = conversation();
    const t = engine.handle({ type: "unsupported", what: "sticker", channel: "zalo", chatId: "c", userId: "u", at: 1 }, null);
    expect(c.text(t)).toContain("chi doc duoc tin nhan chu");
  });

  it("never pretends to know a dossier's status", () => {
    const c = conversation();
    const text = c.text(c.say("hồ sơ của tôi đến đâu rồi, mã G22.99-231120-0001"));
    expect(text).toContain("khong xem duoc tinh trang ho so");
    expect(text).toContain("tra cuu");
  });

  it("records a one-tap 'helpful' with the entry", () => {
    const c = conversation();
    const t = c.say("đăng ký khai sinh");
    const yes = t.replies.at(-1)!.choices!.find((x) => x.id.startsWith("h:1:"))!;
    const after = c.press(yes.id);
    expect(after.effects).toContainEqual({ type: "record", stream: "helpful", record: { entryId: "dang-ky-khai-sinh", helpful: true, channel: "zalo" } });
  });

  it("counts a helpful vote only for an answer shown in this session, once", () => {
    const helpfulRecords = (t: Turn) => t.effects.filter((e) => e.type === "record" && e.stream === "helpful");
    const c = conversation();
    // Forged: an entry that does not exist, and a real one this session was never shown.
    expect(helpfulRecords(c.press("h:0:not-a-real-entry"))).toEqual([]);
    expect(helpfulRecords(c.press("h:0:dang-ky-khai-sinh"))).toEqual([]);
    c.say("đăng ký khai sinh");
    expect(helpfulRecords(c.press("h:0:dang-ky-khai-sinh"))).toHaveLength(1);
    // The same button pressed again (or replayed) is thanked, not counted twice.
    expect(helpfulRecords(c.press("h:0:dang-ky-khai-sinh"))).toEqual([]);
    expect(fold(c.text(c.press("h:1:dang-ky-khai-sinh")))).toContain("cam on");
  });

  it("offers the survey after helpful answers, but not again soon after", () => {
    const c = conversation();
    c.say("đăng ký khai sinh");
    const second = c.say("đăng ký kết hôn");
    const offered = (t: Turn) => t.replies.some((r) => r.choices?.some((x) => x.id === "g:survey"));
    expect(offered(second)).toBe(true);
    expect(offered(c.say("đăng ký tạm trú"))).toBe(false);
    expect(offered(c.say("làm hộ chiếu"))).toBe(false);
  });

  it("keeps the session versioned and replaces an unknown version", () => {
    const t = engine.handle({ type: "text", text: "chào", channel: "web", chatId: "c", userId: "u", at: 1 }, { v: 99 } as unknown as Session);
    expect(t.session.v).toBe(1);
  });

  it("'menu' and 'hủy' leave a flow cleanly", () => {
    const c = conversation();
    c.say("đánh giá");
    expect(c.session?.flow?.flowId).toBe("survey");
    c.say("hủy");
    expect(c.session?.flow).toBeUndefined();
    expect(c.text(c.say("lệ phí làm hộ chiếu"))).toContain("ho chieu");
  });
});
