/**
 * "/" between words of one slot of an intent phrase ("làm/nộp/đổi … từ tháng/hôm") and "<name>" for a named list of
 * phrases (`lists` in intents.yaml: "ghi … <tỉnh cũ>"): checked and written out.
 */

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

/** A named list in a phrase: "<tỉnh cũ>" (`lists` in intents.yaml). */
export const SLOT = /<([^<>]+)>/gu;

/** The names of the lists a phrase uses ("ghi … <tỉnh cũ>" → ["tỉnh cũ"]). */
export function slotNames(p: string): string[] {
  return [...p.matchAll(SLOT)].map((m) => m[1]!.trim());
}

/**
 * The phrases a line with named lists stands for: each "<name>" replaced by each phrase of that list ("<tỉnh cũ> cũ" →
 * "hà giang cũ", "yên bái cũ", …). A name with no list is left as written (the schema reports it).
 */
export function fillSlots(p: string, lists: Readonly<Record<string, readonly string[]>>): string[] {
  let out = [p];
  for (const name of new Set(slotNames(p))) {
    const items = lists[name];
    if (!items) continue;
    out = out.flatMap((head) => items.map((item) => head.replace(SLOT, (whole, n: string) => (n.trim() === name ? item : whole))));
  }
  return out;
}
