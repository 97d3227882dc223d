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

/** A named list in a phrase: "<tỉnh cũ>" (`lists` in intents.yaml); every one of a phrase (`matchAll`, `replace`). */
export const SLOT = /<([^<>]+)>/gu;
/** The first one (`exec` without the global flag's state). */
const FIRST_SLOT = new RegExp(SLOT.source, "u");

/** How a list is named, whatever the case and spacing typed ("<Tỉnh  cũ>" is the list "tỉnh cũ"). */
export function listKey(name: string): string {
  return name.normalize("NFC").trim().toLowerCase().replace(/\s+/gu, " ");
}

/** The names of the lists a phrase uses, as `listKey` reads them ("ghi … <tỉnh cũ>" → ["tỉnh cũ"]). */
export function slotNames(p: string): string[] {
  return [...p.matchAll(SLOT)].map((m) => listKey(m[1]!));
}

/**
 * What is wrong with the "<…>" of a phrase, or null: each "<name>" stands as whole words (a space, "…" or the phrase's
 * end on each side: "tỉnh/<tỉnh cũ>" or "<tỉnh cũ>cũ" would join a list item to another word), and no "<" or ">" stands
 * alone ("ghi … <tỉnh cũ" is a list never closed).
 */
export function slotMistake(p: string): string | null {
  for (const m of p.matchAll(SLOT)) {
    const before = p.slice(0, m.index);
    const after = p.slice(m.index + m[0].length);
    if (!/(?:^|[\s…])$/u.test(before) || !/^(?:$|[\s….])/u.test(after)) return `"${m[0]}" phải đứng riêng, cách các chữ khác bằng dấu cách`;
  }
  if (/[<>]/u.test(p.replace(SLOT, ""))) return 'dấu "<" hoặc ">" thiếu cặp: tên danh sách viết trong "<…>"';
  return null;
}

/**
 * The phrases a line with named lists stands for: each "<name>" replaced by each phrase of that list ("<tỉnh cũ> cũ" →
 * "hà giang cũ", "yên bái cũ", …); two "<name>" in one phrase are filled each on its own (every pair of items). A name
 * with no list is left as written (the schema reports it). `lists` is keyed by `listKey`.
 */
export function fillSlots(p: string, lists: Readonly<Record<string, readonly string[]>>): string[] {
  const m = FIRST_SLOT.exec(p);
  if (!m) return [p];
  const items = lists[listKey(m[1]!)];
  const head = p.slice(0, m.index);
  const rest = fillSlots(p.slice(m.index + m[0].length), lists);
  if (!items) return rest.map((r) => head + m[0] + r);
  return items.flatMap((item) => rest.map((r) => head + item + r));
}
