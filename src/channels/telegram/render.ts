import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import type { Block, Reply } from "../../engine/types.js";
import { escapeHtml as escapeAttribute, escapeHtmlText } from "../../text/html.js";
import { packParagraphs, splitLine } from "../split-text.js";

/** Telegram's limit for one message text. */
export const TELEGRAM_TEXT_LIMIT = 4096;
const CALLBACK_DATA_BYTES = 64;

/** One Telegram message: HTML text (parse_mode "HTML") and, on the last part, the keyboard. */
export interface TelegramMessage {
  text: string;
  reply_markup?: InlineKeyboardMarkup;
}

/**
 * A reply → Telegram messages. Headings bold, lists as lines, links as <a href>, choices as an
 * inline keyboard (callback_data = choice id). Text longer than the limit is split at paragraph
 * boundaries; every part is valid HTML on its own and the keyboard rides on the last part.
 */
export function renderTelegram(reply: Reply, limit = TELEGRAM_TEXT_LIMIT): TelegramMessage[] {
  const paragraphs = reply.blocks.flatMap((b) => blockParagraphs(b, limit));
  const parts = packParagraphs(paragraphs, limit);
  const keyboard = renderKeyboard(reply);
  if (parts.length === 0 && keyboard) parts.push("👇");
  const messages: TelegramMessage[] = parts.map((text) => ({ text }));
  const last = messages[messages.length - 1];
  if (last && keyboard) last.reply_markup = keyboard;
  return messages;
}

export function renderKeyboard(reply: Reply): InlineKeyboardMarkup | undefined {
  const buttons: InlineKeyboardButton[] = (reply.choices ?? [])
    .filter((c) => Buffer.byteLength(c.id, "utf8") <= CALLBACK_DATA_BYTES)
    .map((c) => ({ text: c.label, callback_data: c.id }));
  if (buttons.length === 0) return undefined;
  return { inline_keyboard: reply.choiceLayout === "row" ? [buttons] : buttons.map((b) => [b]) };
}

/** The three characters Telegram's HTML mode requires escaped in text (links escape quotes too: escapeAttribute). */
export { escapeHtmlText as escapeHtml };

/** Paragraphs (lists of HTML lines, each at most `limit` long) of one block. */
function blockParagraphs(block: Block, limit: number): string[][] {
  switch (block.type) {
    case "heading":
      return [fitLine(oneLine(block.text), limit, "<b>", "</b>")];
    case "badge":
    case "text":
      return block.text
        .split(/\n{2,}/)
        .map((p) => p.split("\n").flatMap((line) => fitLine(line, limit)))
        .filter((lines) => lines.some(Boolean));
    case "list": {
      const lines: string[] = [];
      if (block.title) lines.push(...fitLine(oneLine(block.title), limit, "<b>", "</b>"));
      block.items.forEach((item, i) => lines.push(...fitLine(`${block.ordered ? `${i + 1}.` : "•"} ${oneLine(item)}`, limit)));
      return [lines];
    }
    case "link": {
      const label = oneLine(block.label);
      const html = `🔗 <a href="${escapeAttribute(block.url)}">${escapeHtmlText(label)}</a>`;
      if (/^https?:\/\//i.test(block.url) && html.length <= limit) return [[html]];
      return [fitLine(`🔗 ${label}: ${block.url}`, limit)];
    }
  }
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}

/** Escaped and wrapped text as one line, or several when it is longer than `limit`. */
function fitLine(raw: string, limit: number, open = "", close = ""): string[] {
  const html = `${open}${escapeHtmlText(raw)}${close}`;
  if (html.length <= limit || raw.length <= 1) return [html];
  const room = limit - open.length - close.length;
  // Escaping can lengthen the text (& → &amp;): halve until every piece fits.
  return splitLine(raw, Math.max(1, Math.min(room, Math.ceil(raw.length / 2)))).flatMap((piece) => fitLine(piece, limit, open, close));
}
