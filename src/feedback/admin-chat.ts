import type { Interceptor } from "../app/dispatcher.js";
import type { Config } from "../config.js";
import type { Store } from "../store/port.js";
import { fold } from "../text/normalize.js";
import { renderShortText } from "./render.js";
import { computeReport, vnDate } from "./report.js";

/** Days the chat summary covers. */
const SUMMARY_DAYS = 30;
const DAY_MS = 24 * 3600 * 1000;

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

export async function summaryText(store: Store, now: number): Promise<string> {
  const since = vnDate(now - (SUMMARY_DAYS - 1) * DAY_MS);
  const until = vnDate(now);
  const [survey, helpful, unanswered] = await Promise.all([store.read("survey"), store.read("helpful"), store.read("unanswered")]);
  const report = computeReport({ survey, helpful, unanswered }, { since, until, now });
  return renderShortText(report, `${SUMMARY_DAYS} ngày qua (${since} → ${until})`);
}
