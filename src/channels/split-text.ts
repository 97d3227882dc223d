/**
 * Splitting long messages for platforms with a length limit (Telegram 4096, Zalo 2000).
 * Parts break at paragraph boundaries first, then at line boundaries, then between words, and
 * only as a last resort inside a word (never inside a surrogate pair). Lengths are UTF-16 code
 * units, which is what both platforms count (or stricter).
 */

/** Packs paragraphs (each a list of lines no longer than `limit`) into parts of at most `limit`. */
export function packParagraphs(paragraphs: readonly (readonly string[])[], limit: number): string[] {
  const parts: string[] = [];
  let current = "";
  const push = (piece: string, sep: string) => {
    if (!current) current = piece;
    else if (current.length + sep.length + piece.length <= limit) current += sep + piece;
    else {
      parts.push(current);
      current = piece;
    }
  };
  for (const lines of paragraphs) {
    const whole = lines.join("\n");
    if (!whole) continue;
    if (whole.length <= limit) {
      push(whole, "\n\n");
      continue;
    }
    // A paragraph too long for one part: start it on a fresh part, then fill line by line.
    let first = true;
    for (const line of lines) {
      for (const piece of line.length > limit ? splitLine(line, limit) : [line]) {
        push(piece, first ? "\n\n" : "\n");
        first = false;
      }
    }
  }
  if (current) parts.push(current);
  return parts;
}

/** Plain text → parts of at most `limit` characters. */
export function splitText(text: string, limit: number): string[] {
  const paragraphs = text
    .split(/\n{2,}/)
    .map((p) => p.split("\n").flatMap((line) => (line.length > limit ? splitLine(line, limit) : [line])));
  return packParagraphs(paragraphs, limit);
}

/** One line → pieces of at most `limit`, breaking after spaces where possible. */
export function splitLine(line: string, limit: number): string[] {
  const out: string[] = [];
  let rest = line;
  while (rest.length > limit) {
    let cut = rest.lastIndexOf(" ", limit);
    if (cut < limit / 2) cut = limit;
    // Never cut a surrogate pair (emoji) in half.
    const code = rest.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    out.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) out.push(rest);
  return out;
}
