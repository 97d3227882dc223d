import { describe, expect, it } from "vitest";
import { payloadShape } from "../../src/channels/payload-shape.js";

describe("payloadShape", () => {
  it("keeps keys and types and drops every value a citizen or platform put there", () => {
    expect(payloadShape({ event_name: "message.text.received", message: { text: "CCCD 012345678901", chat: { id: 912345678 }, ok: true, n: null }, list: [1, "a"] })).toEqual({
      event_name: "<string 21>",
      message: { text: "<string 17>", chat: { id: "<number>" }, ok: true, n: null },
      list: ["<number>", "<string 1>"],
    });
  });
});
