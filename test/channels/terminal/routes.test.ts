import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runTerminalChat } from "../../../src/channels/terminal/routes.js";
import { renderTerminal } from "../../../src/channels/terminal/render.js";
import { terminalToInbound } from "../../../src/channels/terminal/to-inbound.js";
import { silentLogger } from "../../../src/log.js";
import { createDispatcher, type Dispatcher } from "../../../src/runtime/dispatcher.js";
import { createLiveCore } from "../../../src/runtime/live-core.js";
import { createEmbeddedStore } from "../../../src/store/embedded.js";
import type { Store } from "../../../src/store/port.js";
import { fold } from "../../helpers/bot-server.js";

const FIXTURES = join(import.meta.dirname, "../../fixtures");
let dataDir: string;
let store: Store;
let dispatcher: Dispatcher;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "dvc-terminal-"));
  store = await createEmbeddedStore({ dataDir });
  const { live } = createLiveCore({ knowledgeDir: join(FIXTURES, "knowledge"), flowsDir: join(FIXTURES, "flows") });
  dispatcher = createDispatcher({ core: () => live.current(), store, logger: silentLogger(), rateLimitPerMinute: 1000 });
});
afterAll(async () => {
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** Pipes `lines` into a chat, as `echo … | dvc-bot chat` does, and returns all it printed. */
async function chat(lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = "";
  output.on("data", (chunk: Buffer) => (printed += chunk.toString("utf8")));
  input.end(lines.map((l) => `${l}\n`).join(""));
  await runTerminalChat({ dispatcher, input, output });
  return printed;
}

describe("terminal channel", () => {
  it("greets, shows the menu, answers every piped line and ends with the input", async () => {
    const printed = await chat(["lam ho chieu", "", "giay phep lai xe bi mat"]);
    expect(printed.startsWith("dvc-bot — gõ câu hỏi rồi Enter; gõ số để chọn; Ctrl+D để thoát.\n")).toBe(true);
    const text = fold(printed);
    expect(text).toContain("xin chao");
    expect(text).toMatch(/\n1\. /);
    expect(text).toContain("cap ho chieu pho thong");
    expect(text).toContain("cap lai giay phep lai xe bi mat");
    // A prompt after the greeting and after each line, the blank one included.
    expect(printed.match(/bạn> /g)).toHaveLength(4);
  });

  it("maps a number to the choice it stands for (the choices are remembered in the session)", async () => {
    const [, card, picked] = (await chat(["dang ky khai sinh", "2"])).split("bạn> ");
    const second = /^2\. (.+)$/m.exec(card!)?.[1];
    expect(fold(second!)).toContain("le phi");
    // "2" opened the fee part of the same card, not a search for "2".
    expect(fold(picked!)).toContain("dang ky khai sinh");
    expect(fold(picked!)).toContain("le phi:\n• mien phi");
    expect(fold(picked!)).not.toContain("giay chung sinh");
  });

  it("to-inbound: each line a new text message of the one terminal chat", () => {
    expect(terminalToInbound("hộ chiếu", 3, 1000)).toEqual({ type: "text", text: "hộ chiếu", channel: "terminal", chatId: "terminal", userId: "terminal", messageId: "t1000-3", at: 1000 });
    expect(terminalToInbound("x", 4, 1000).messageId).not.toBe(terminalToInbound("x", 3, 1000).messageId);
  });

  it("render: plain text between blank lines, choices numbered", () => {
    expect(renderTerminal({ blocks: [{ type: "heading", text: "Khai sinh" }, { type: "text", text: "Tại UBND xã." }], choices: [{ id: "a", label: "Hồ sơ" }, { id: "b", label: "Lệ phí" }] })).toMatch(
      /^\n.*Khai sinh.*\n\nTại UBND xã\.\n\n1\. Hồ sơ\n2\. Lệ phí\n$/s,
    );
  });
});
