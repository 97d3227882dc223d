import { clipText } from "../text/clip.js";

/** The text part of a text Inbound, cut to the bound every channel applies at its boundary. */
export function clippedText(raw: string): { type: "text"; text: string; clipped?: true } {
  const { text, clipped } = clipText(raw);
  return clipped ? { type: "text", text, clipped: true } : { type: "text", text };
}
