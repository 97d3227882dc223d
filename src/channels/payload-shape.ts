/**
 * A payload's shape for logs: keys and types kept, every value replaced, so a rejected webhook
 * body can be logged without the citizen's words, ids or phone numbers in it.
 * `{message: {text: "CCCD 0123…", chat: {id: 42}}}` → `{message: {text: "<string 10>", chat: {id: "<number>"}}}`.
 */
export function payloadShape(value: unknown, depth = 0): unknown {
  if (value === null) return null;
  if (typeof value === "string") return `<string ${value.length}>`;
  if (typeof value === "number" || typeof value === "bigint") return "<number>";
  if (typeof value === "boolean") return value;
  if (depth >= 6) return "<…>";
  if (Array.isArray(value)) return value.slice(0, 5).map((v) => payloadShape(v, depth + 1)).concat(value.length > 5 ? [`<${value.length - 5} more>`] : []);
  if (typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>).slice(0, 30)) out[k.slice(0, 40)] = payloadShape(v, depth + 1);
    return out;
  }
  return `<${typeof value}>`;
}
