import type { Config } from "../config.js";
import { summaryText } from "../feedback/admin-chat.js";
import { fold } from "../text/normalize.js";
import type { Interceptor } from "./dispatcher.js";

/**
 * `/baocao` in chat, for the administrators listed in ADMIN_TELEGRAM_IDS / ADMIN_ZALO_IDS: a short
 * summary of the last 30 days. Anyone else (and any other message) gets the normal bot: null.
 * The reply goes to `chatId`, so the sender being an admin is not enough: the chat must be the
 * admin's own private chat (a forged update with an admin's `from` and another `chat` must not
 * carry the report there, nor may an admin's command in a group show it to the group).
 */
export function createAdminChatInterceptor(config: Pick<Config, "adminIds">, now: () => number = Date.now): Interceptor {
  const admins: Record<string, ReadonlySet<string>> = {
    telegram: new Set(config.adminIds.telegram),
    zalo: new Set(config.adminIds.zalo),
  };
  return async (inbound, { store }) => {
    if (inbound.type !== "text") return null;
    const command = fold(inbound.text).trim().split(/[\s@]/)[0];
    if (command !== "/baocao" && command !== "/report") return null;
    if (!admins[inbound.channel]?.has(inbound.userId)) return null;
    if (inbound.privateChat !== true || inbound.chatId !== inbound.userId) return null;
    return [{ blocks: [{ type: "text", text: await summaryText(store, now()) }] }];
  };
}
