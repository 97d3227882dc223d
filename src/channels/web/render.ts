import type { Block, Reply } from "../../engine/types.js";

/**
 * A reply → what the web page receives. The page shows every block kind, so this mostly passes
 * replies through; it only refuses links that are not http(s) (the page puts them in href).
 */
export function renderWeb(reply: Reply): Reply {
  const out: Reply = { blocks: reply.blocks.map(safeBlock) };
  if (reply.choices?.length) out.choices = reply.choices.map((c) => ({ id: c.id, label: c.label }));
  if (reply.choiceLayout) out.choiceLayout = reply.choiceLayout;
  return out;
}

function safeBlock(block: Block): Block {
  if (block.type === "link" && !/^https?:\/\//i.test(block.url)) return { type: "text", text: `${block.label}: ${block.url}` };
  return block;
}
