import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildCore, type Core } from "../../src/runtime/core.js";
import { createDispatcher } from "../../src/runtime/dispatcher.js";
import { createStoreKeys } from "../../src/runtime/store-keys.js";
import { repliesToPlainText } from "../../src/runtime/plain-text.js";
import { encodeChoice } from "../../src/engine/choice-id.js";
import type { Effect, Inbound, Reply, Session, Turn } from "../../src/engine/types.js";
import { createRecordEnricher, createRespondentHasher } from "../../src/feedback/respondent.js";
import { silentLogger } from "../../src/log.js";
import { createEmbeddedStore } from "../../src/store/embedded.js";
import { fold } from "../../src/text/normalize.js";

const ROOT = join(import.meta.dirname, "../..");
let core: Core;
beforeAll(() => {
  const built = buildCore({ knowledgeDir: join(ROOT, "knowledge"), flowsDir: join(ROOT, "flows"), now: 0 });
  core = built.core!;
});

/** The button that starts a flow. */
const flowId = (flow: string) => encodeChoice({ kind: "flow", flow });

/** A chat through the real engine: each `say` threads the session like the dispatcher does. */
function chat(channel: Inbound["channel"] = "zalo") {
  let session: Session | null = null;
  let at = Date.UTC(2026, 2, 10, 3);
  const effects: Effect[] = [];
  let last: Turn | undefined;
  return {
    say(text: string): string {
      last = core.engine.handle({ type: "text", text, channel, chatId: "c1", userId: "u1", at: at++ }, session);
      session = JSON.parse(JSON.stringify(last.session)) as Session; // as the store would keep it
      effects.push(...last.effects);
      return repliesToPlainText(last.replies);
    },
    press(choiceId: string): string {
      last = core.engine.handle({ type: "choice", choiceId, channel, chatId: "c1", userId: "u1", at: at++ }, session);
      session = JSON.parse(JSON.stringify(last.session)) as Session;
      effects.push(...last.effects);
      return repliesToPlainText(last.replies);
    },
    get session() {
      return session;
    },
    get replies(): Reply[] {
      return last?.replies ?? [];
    },
    records: (stream: string) => effects.filter((e): e is Extract<Effect, { type: "record" }> => e.type === "record" && e.stream === stream).map((e) => e.record),
  };
}

/** The acceptance script's rule: "bỏ qua" where the bot says it may be skipped, else "5", until "cảm ơn". */
function takeSurvey(c: ReturnType<typeof chat>, first = "đánh giá"): string[] {
  const seen: string[] = [];
  let last = c.say(first);
  seen.push(last);
  for (let i = 0; i < 30 && !/cam on/.test(fold(last)); i++) {
    last = c.say(/bo qua/.test(fold(last)) ? "bỏ qua" : "5");
    seen.push(last);
  }
  return seen;
}

describe("survey through the engine", () => {
  it("completes with 5s and 'bỏ qua': one record, every rating 5, thank-you at the end", () => {
    const c = chat();
    const seen = takeSurvey(c);
    expect(fold(seen.at(-1)!)).toMatch(/^cam on/);
    seen.slice(0, -1).forEach((m) => expect(fold(m)).not.toMatch(/cam on/));
    const records = c.records("survey");
    expect(records).toHaveLength(1);
    expect(records[0]!.ratings).toEqual({ access: 5, procedure: 5, staff: 5, result: 5, feedback: 5, online: 5, overall: 5 });
    expect(records[0]!.channel).toBe("zalo");
    expect(c.session?.flow).toBeUndefined();
    expect(c.session?.surveyDoneAt).toBeGreaterThan(0);
    // 1 intro+procedure, agency, 7 ratings, comment, age, thanks
    expect(seen).toHaveLength(12);
  });

  it.each(["danh gia", "/danhgia", "Đánh giá"])("starts on %j", (t) => {
    const c = chat("telegram");
    expect(fold(c.say(t))).toMatch(/thu tuc nao/);
    expect(c.session?.flow?.flowId).toBe("survey");
  });

  it("rating prompts never mention 'bỏ qua', optional steps always do", () => {
    const c = chat();
    const seen = takeSurvey(c);
    const ratingPrompts = seen.filter((m) => /Rất không hài lòng/.test(m));
    expect(ratingPrompts).toHaveLength(7);
    ratingPrompts.forEach((m) => expect(fold(m)).not.toMatch(/bo qua/));
    expect(seen.filter((m) => /bo qua/.test(fold(m)))).toHaveLength(4);
  });

  it("re-asks on invalid input, accepts words, and resumes after a question", () => {
    const c = chat();
    c.say("đánh giá");
    c.say("bỏ qua");
    c.say("bỏ qua");
    const invalid = c.say("cho hỏi làm hộ chiếu cần gì");
    expect(invalid).toMatch(/từ 1 đến 5/);
    expect(invalid).toMatch(/hủy/);
    expect(invalid).toMatch(/\(1\/7\)/);
    expect(c.session?.flow?.stepId).toBe("r_access");
    expect(c.say("rất hài lòng")).toMatch(/\(2\/7\)/);
    expect(c.say("hai long")).toMatch(/\(3\/7\)/);
    // "đánh giá" again in the middle resumes where it was
    const resumed = c.say("đánh giá");
    expect(resumed).toMatch(/tiếp tục/);
    expect(resumed).toMatch(/\(3\/7\)/);
    expect(c.session?.flow?.data).toEqual({ ratings: { access: 5, procedure: 4 } });
  });

  it("digits pick the n-th choice on screen (rating 2 → 2, age band 3 → 40–59)", () => {
    const c = chat();
    c.say("đánh giá");
    c.say("bỏ qua");
    c.say("UBND phường Hòa Khánh");
    for (const d of ["2", "2", "2", "2", "2", "2", "2"]) c.say(d);
    c.say("Thủ tục quá lâu, gọi 0912345678");
    const end = c.say("3");
    expect(end).toMatch(/^Cảm ơn/);
    expect(end).toMatch(/1800 1096/);
    expect(end).toMatch(/phananhkiennghi|Phản ánh|phản ánh/);
    const [r] = c.records("survey");
    expect(r).toMatchObject({ agency: "UBND phường Hòa Khánh", ageBand: "40-59", comment: "Thủ tục quá lâu, gọi [số điện thoại]" });
    expect(Object.values(r!.ratings as object)).toEqual([2, 2, 2, 2, 2, 2, 2]);
  });

  it("offers the procedure just asked about, and 'hủy' abandons without a record", () => {
    const c = chat();
    c.say("đăng ký khai sinh cần giấy tờ gì");
    const first = c.say("đánh giá");
    expect(first).toMatch(/1\. Đăng ký khai sinh/);
    c.say("1");
    expect(c.session?.flow?.data).toMatchObject({ procedureId: "dang-ky-khai-sinh" });
    c.say("bỏ qua");
    c.say("5");
    c.say("hủy");
    expect(c.session?.flow).toBeUndefined();
    expect(c.records("survey")).toEqual([]);
  });

  it("a typed procedure is matched in the knowledge base", () => {
    const c = chat();
    c.say("đánh giá");
    c.say("dang ky tam tru");
    const data = c.session?.flow?.data;
    expect(data?.procedureId).toBe("dang-ky-tam-tru");
  });
});

describe("guide flows through the engine", () => {
  it("menu reaches every flow", () => {
    const c = chat();
    c.say("menu");
    const ids = c.session?.choices?.map((x) => x.id) ?? [];
    expect(ids).toEqual(expect.arrayContaining(["online-level", "vneid", "payment", "survey"].map(flowId)));
  });

  it("vneid: registering level 2 by digits", () => {
    const c = chat();
    c.press(flowId("vneid"));
    expect(c.say("1")).toMatch(/thẻ căn cước/);
    expect(c.say("1")).toMatch(/Mức 1/);
    const l2 = c.say("2");
    expect(l2).toMatch(/vân tay/);
    expect(l2).toMatch(/3 ngày làm việc/);
    expect(l2).toMatch(/Bạn cần hỗ trợ thêm gì\?/);
  });

  it("vneid: SIM not in own name → TTTB to 1414; a link to knowledge shows the card", () => {
    const c = chat();
    c.press(flowId("vneid"));
    c.say("3");
    expect(c.say("Số điện thoại không đứng tên mình")).toMatch(/TTTB gửi 1414/);
    c.say("menu");
    c.press(flowId("vneid"));
    c.say("1");
    c.say("2");
    const card = c.say("1");
    expect(card).toMatch(/căn cước/i);
    expect(c.session?.flow).toBeUndefined();
    expect(c.session?.lastEntryId).toBe("cap-the-can-cuoc");
  });

  it("payment: charged twice → do not pay again, hotline", () => {
    const c = chat();
    c.press(flowId("payment"));
    const t = c.say("2");
    expect(t).toMatch(/Đừng thanh toán lại/);
    expect(t).toMatch(/1800 1096/);
  });

  it("a question typed inside a guide flow is answered", () => {
    const c = chat();
    c.press(flowId("payment"));
    const t = c.say("đăng ký kết hôn cần giấy tờ gì");
    expect(c.session?.flow).toBeUndefined();
    expect(t).toMatch(/kết hôn/i);
  });

  it("online-level: typed procedure → level, link, next step; then the full card", () => {
    const c = chat();
    c.press(flowId("online-level"));
    const t = c.say("đăng ký khai sinh");
    expect(t).toMatch(/toàn trình/);
    expect(t).toMatch(/Bước tiếp theo/);
    const card = c.say("1");
    expect(card).toMatch(/Đăng ký khai sinh/);
    expect(c.session?.flow).toBeUndefined();
  });

  it("online-level: unknown procedure → the portal and hotline", () => {
    const c = chat();
    c.press(flowId("online-level"));
    const t = c.say("xin giấy phép nuôi rồng");
    expect(t).toMatch(/Cổng Dịch vụ công quốc gia|Có phải bạn muốn/);
  });
});

describe("survey through the dispatcher and the embedded store", () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it("survives a restart midway and stores one record with a hashed respondent", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "survey-"));
    dirs.push(dataDir);
    const enrichRecord = createRecordEnricher(createRespondentHasher("test-salt"));
    const keys = createStoreKeys("test-salt");
    let n = 0;
    const send = async (store: Awaited<ReturnType<typeof createEmbeddedStore>>, text: string) => {
      const d = createDispatcher({ core: () => core, store, logger: silentLogger(), enrichRecord, keys, rateLimitPerMinute: 1000 });
      const r = await d.process({ type: "text", text, channel: "zalo", chatId: "zchat42", userId: "zuser42", messageId: `m${n++}`, at: Date.UTC(2026, 2, 1) + n });
      return repliesToPlainText(r ?? []);
    };
    let store = await createEmbeddedStore({ dataDir, logger: silentLogger() });
    await send(store, "đánh giá");
    await send(store, "bỏ qua");
    await send(store, "bỏ qua");
    await send(store, "5");
    await store.close();
    store = await createEmbeddedStore({ dataDir, logger: silentLogger() });
    let last = await send(store, "4");
    expect(last).toMatch(/\(3\/7\)/);
    for (let i = 0; i < 5; i++) last = await send(store, "5");
    last = await send(store, "bỏ qua");
    last = await send(store, "bỏ qua");
    expect(last).toMatch(/^Cảm ơn/);
    const records = await store.read("survey");
    expect(records).toHaveLength(1);
    expect(records[0]!.ratings).toEqual({ access: 5, procedure: 4, staff: 5, result: 5, feedback: 5, online: 5, overall: 5 });
    expect(records[0]!.respondent).toMatch(/^[0-9a-f]{16}$/);
    expect(JSON.stringify(records)).not.toMatch(/zchat42|zuser42/);
    await store.close();
  });
});
