import type { Block } from "./types.js";

/** Plain-text rendering of blocks (terminal, Zalo, `ask`). Channels with markup render their own. */
export function blocksToText(blocks: readonly Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.type) {
      case "heading":
        out.push(b.text.toUpperCase() === b.text ? b.text : `【${b.text}】`);
        break;
      case "badge":
      case "text":
        out.push(b.text);
        break;
      case "list": {
        const lines = b.items.map((item, i) => (b.ordered ? `${i + 1}. ${item}` : `• ${item}`));
        out.push(b.title ? `${b.title}:\n${lines.join("\n")}` : lines.join("\n"));
        break;
      }
      case "link":
        out.push(`🔗 ${b.label}: ${b.url}`);
        break;
    }
  }
  return out.join("\n\n");
}
