/**
 * The longest message the bot reads, in characters. Search reads about 300 characters and survey
 * comments keep 500; a longer message is cut here, at each channel's boundary, and still answered
 * (with a note), so no later step ever works on 100 KB of text.
 */
export const MAX_MESSAGE_CHARS = 1000;

/** `text` cut to `max` UTF-16 units without splitting a surrogate pair; `clipped` says whether it was cut. */
export function clipText(text: string, max = MAX_MESSAGE_CHARS): { text: string; clipped: boolean } {
  if (text.length <= max) return { text, clipped: false };
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--; // a high surrogate whose pair lies beyond the cut
  return { text: text.slice(0, end), clipped: true };
}
