import { describe, expect, it } from "vitest";
import { M } from "../../src/engine/messages.js";
import { TurnBuilder } from "../../src/engine/turn-builder.js";
import { newSession, type Block } from "../../src/engine/types.js";

const say = (text: string): Block[] => [{ type: "text", text }];
const a = { id: "a", label: "A" };
const b = { id: "b", label: "B" };
const c = { id: "c", label: "C" };

describe("TurnBuilder", () => {
  it("puts every choice of the turn, once, on the last reply that has any, and remembers them", () => {
    const out = new TurnBuilder(newSession());
    out.reply(say("one"), [a, b]);
    out.reply(say("two"), [b, c]);
    out.reply(say("three"));
    const turn = out.done();
    expect(turn.replies.map((r) => r.choices)).toEqual([undefined, [a, b, c], undefined]);
    expect(turn.session.choices).toEqual([a, b, c]);
  });

  it("a turn without choices forgets the ones of the turn before", () => {
    const session = { ...newSession(), choices: [a] };
    const turn = new TurnBuilder(session).done();
    expect(turn.session.choices).toBeUndefined();
  });

  it("adds choices to the last reply, or to a menu prompt when there is none", () => {
    const out = new TurnBuilder(newSession());
    out.addChoices([a]);
    expect(out.replies).toEqual([{ blocks: say(M.menuPrompt), choices: [a] }]);
    out.reply(say("x"), [b], "row");
    out.addChoices([c]);
    expect(out.replies[1]).toEqual({ blocks: say("x"), choices: [b, c], choiceLayout: "row" });
    expect(out.lastChoicesOffered("c")).toBe(true);
    expect(out.lastChoicesOffered("z")).toBe(false);
  });

  it("collects records, metrics and other effects in order", () => {
    const out = new TurnBuilder(newSession());
    out.record("helpful", { entryId: "x" });
    out.metric("answered", { kind: "faq" });
    out.metric("unanswered");
    out.effect({ type: "handover", question: "q", lastAnswer: "l" });
    expect(out.done().effects).toEqual([
      { type: "record", stream: "helpful", record: { entryId: "x" } },
      { type: "metric", name: "answered", labels: { kind: "faq" } },
      { type: "metric", name: "unanswered" },
      { type: "handover", question: "q", lastAnswer: "l" },
    ]);
  });
});
