/** "/" between words of one slot of an intent phrase ("làm/nộp/đổi … từ tháng/hôm"): checked and written out. */

/**
 * Written between words of one slot ("làm/nộp/đổi … từ tháng/hôm"): any one of them stands there,
 * so one line says what would otherwise take a phrase per combination. A leading "/" ("/start")
 * is a command, not a choice.
 */
export const CHOICE = /^[^/\s]+(?:\/[^/\s]+)+$/u;

/** A word with "/" choices has one word on each side of every "/": not empty, no gap mark, not a number pair ("24/7"). */
export function choicesOk(word: string): boolean {
  const options = word.split("/");
  if (options.some((o) => o === "" || o.includes("…") || o.includes("..."))) return false;
  return !options.every((o) => /^\d+$/u.test(o));
}

/** The phrases a line with "/" choices stands for: "làm/nộp … từ tháng/hôm" → four phrases. */
export function phraseVariants(p: string): string[] {
  let out = [""];
  for (const word of p.trim().split(/\s+/u)) {
    const options = CHOICE.test(word) ? word.split("/") : [word];
    out = out.flatMap((head) => options.map((o) => (head ? `${head} ${o}` : o)));
  }
  return out;
}
