import type { Api } from "grammy";
import type { Reply } from "../../engine/types.js";
import { omitUndefined } from "../../omit-undefined.js";
import { renderTelegram } from "./render.js";

/** Sends the replies to one chat, in order. The only Telegram I/O of the channel besides the bot's own calls. */
export async function sendTelegramReplies(api: Api, chatId: string | number, replies: readonly Reply[]): Promise<void> {
  for (const reply of replies) {
    for (const message of renderTelegram(reply)) {
      await api.sendMessage(
        chatId,
        message.text,
        omitUndefined({ parse_mode: "HTML" as const, link_preview_options: { is_disabled: true }, reply_markup: message.reply_markup }),
      );
    }
  }
}
