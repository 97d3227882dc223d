import { describe, expect, it } from "vitest";
import { renderZaloOa, ZALO_OA_TEXT_LIMIT } from "../../../src/channels/zalo-oa/render.js";
import { zaloOaSignature, zaloOaSignatureMatches } from "../../../src/channels/zalo-oa/routes.js";
import { checkZaloOaEvent, zaloOaToInbound } from "../../../src/channels/zalo-oa/to-inbound.js";

const NOW = 1_700_000_000_000;
const parse = (body: unknown) => {
  const r = checkZaloOaEvent(body);
  if (!r.ok) throw new Error(r.issues.join("; "));
  return r.event;
};
const userEvent = (event_name: string, message: Record<string, unknown> = { msg_id: "m1" }) => ({
  app_id: "360846524940903967",
  sender: { id: "246845883529197922" },
  recipient: { id: "388613280878808645" },
  event_name,
  message,
  timestamp: "1543908534740",
});

describe("zaloOaToInbound", () => {
  it("maps user_send_text, ids as strings and msg_id as the dedup key", () => {
    expect(zaloOaToInbound(parse(userEvent("user_send_text", { msg_id: "96d3cdf3af150460909", text: "tam tru" })), NOW)).toEqual({
      channel: "zalo-oa",
      chatId: "246845883529197922",
      userId: "246845883529197922",
      privateChat: true,
      messageId: "96d3cdf3af150460909",
      at: NOW,
      type: "text",
      text: "tam tru",
    });
  });

  it("maps what the bot cannot read to unsupported", () => {
    const what = (name: string) => zaloOaToInbound(parse(userEvent(name)), NOW);
    expect(what("user_send_image")).toMatchObject({ type: "unsupported", what: "image" });
    expect(what("user_send_sticker")).toMatchObject({ type: "unsupported", what: "sticker" });
    expect(what("user_send_file")).toMatchObject({ type: "unsupported", what: "file" });
    expect(what("user_send_location")).toMatchObject({ type: "unsupported", what: "location" });
    expect(what("user_send_business_card")).toMatchObject({ type: "unsupported", what: "other" });
  });

  it("greets a new follower, keyed by follower and time", () => {
    const follow = parse({ app_id: "1", oa_id: "2", event_name: "follow", follower: { id: "u9" }, timestamp: "1543908534740", source: "oa_profile" });
    expect(zaloOaToInbound(follow, NOW)).toEqual({ channel: "zalo-oa", chatId: "u9", userId: "u9", privateChat: true, messageId: "follow:u9:1543908534740", at: NOW, type: "text", text: "/start" });
  });

  it("ignores the OA's own messages, receipts, unfollows and empty text", () => {
    for (const name of ["oa_send_text", "user_seen_message", "user_received_message", "unfollow"]) expect(zaloOaToInbound(parse(userEvent(name)), NOW)).toBeNull();
    expect(zaloOaToInbound(parse(userEvent("user_send_text", { msg_id: "m", text: "  " })), NOW)).toBeNull();
  });

  it("refuses bodies that are not events, naming the path but no value", () => {
    const r = checkZaloOaEvent({ sender: { id: "0987654321" } });
    expect(r).toEqual({ ok: false, issues: [expect.stringMatching(/^event_name: /)] });
  });
});

describe("renderZaloOa", () => {
  it("packs a turn's replies into one text with a numbered list", () => {
    const parts = renderZaloOa([
      { blocks: [{ type: "text", text: "Cảm ơn bạn." }] },
      { blocks: [{ type: "text", text: "Bạn chọn:" }], choices: [{ id: "a", label: "Lệ phí" }, { id: "b", label: "Giấy tờ" }] },
    ]);
    expect(parts).toEqual(["Cảm ơn bạn.\n\nBạn chọn:\n\n1. Lệ phí\n2. Giấy tờ"]);
  });

  it("splits at the OA limit of 2000 characters", () => {
    const para = "Đoạn văn dài. ".repeat(60).trim();
    const parts = renderZaloOa([{ blocks: Array.from({ length: 6 }, () => ({ type: "text" as const, text: para })) }]);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(ZALO_OA_TEXT_LIMIT);
  });
});

describe("X-ZEvent-Signature", () => {
  it("is mac= and the hex sha256 of app id, raw body, timestamp and OA secret key", () => {
    const raw = Buffer.from('{"event_name":"user_send_text","timestamp":"1543908534740"}');
    // sha256("app1" + raw + "1543908534740" + "key"), computed independently with sha256sum.
    expect(zaloOaSignature("app1", raw, "1543908534740", "key")).toBe("mac=" + EXPECTED);
    expect(zaloOaSignatureMatches(`mac=${EXPECTED}`, `mac=${EXPECTED.toUpperCase()}`)).toBe(true);
    expect(zaloOaSignatureMatches(`mac=${EXPECTED}`, EXPECTED)).toBe(false);
  });
});

const EXPECTED = "9848d28f340a37c454467cef833dcb48bfad96f86f82ee0a222ccccefd95c137";
