import type { Reply } from "../../engine/types.js";
import { renderTerminal } from "./render.js";

/** Prints the replies, in order: the terminal channel's only output. */
export function sendTerminalReplies(output: NodeJS.WritableStream, replies: readonly Reply[]): void {
  for (const reply of replies) output.write(`${renderTerminal(reply)}\n`);
}
