import { createInterface } from "node:readline";
import type { Dispatcher } from "../../runtime/dispatcher.js";
import { sendTerminalReplies } from "./send.js";
import { terminalToInbound } from "./to-inbound.js";

/** Printed once at the start: how to use the chat. */
const GREETING = "dvc-bot — gõ câu hỏi rồi Enter; gõ số để chọn; Ctrl+D để thoát.";
/** What the chat opens with, as if the person had said it: the engine greets and shows the menu. */
const OPENING = "xin chào";
const PROMPT = "bạn> ";

export interface TerminalChatOptions {
  dispatcher: Dispatcher;
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream;
  now?: () => number;
}

/**
 * The terminal channel's entry (what routes are to the HTTP channels): reads lines from `input`
 * until it ends, each one through the dispatcher, the replies printed to `output`.
 */
export async function runTerminalChat(options: TerminalChatOptions): Promise<void> {
  const { dispatcher, input, output } = options;
  const now = options.now ?? Date.now;
  const rl = createInterface({ input, output, terminal: input.isTTY === true });
  let seq = 0;
  const say = async (line: string) => sendTerminalReplies(output, (await dispatcher.process(terminalToInbound(line, seq++, now()))) ?? []);
  // Start reading before the first await: piped lines that arrive during start-up are kept.
  const lines = rl[Symbol.asyncIterator]();
  output.write(`${GREETING}\n`);
  await say(OPENING);
  rl.setPrompt(PROMPT);
  rl.prompt();
  try {
    // Iterating (not question()) keeps piped input lines that arrive before the prompt.
    for (let next = await lines.next(); !next.done; next = await lines.next()) {
      if (next.value.trim()) await say(next.value);
      rl.prompt();
    }
  } finally {
    rl.close();
  }
}
