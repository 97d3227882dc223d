import { createHmac, randomBytes } from "node:crypto";
import type { Inbound } from "../engine/types.js";

/** Hex characters kept of each HMAC: 128 bits, no collisions in practice, nothing to reverse. */
const KEY_HEX = 32;

/**
 * Store keys for one update: sessions, locks, rate limits and dedup are keyed by a salted hash of
 * channel + platform id, never the raw id, so a session log or a Redis key listing does not name
 * who talked to the bot. The id needed to reply stays on the inbound, which is never stored.
 */
export interface StoreKeys {
  /** Session and chat-lock key of the conversation. */
  chat(inbound: Pick<Inbound, "channel" | "chatId">): string;
  /** Rate-limit key of the sender. */
  user(inbound: Pick<Inbound, "channel" | "userId">): string;
  /** Dedup key of the platform update. */
  update(inbound: Pick<Inbound, "channel">, messageId: string): string;
  /** A salted hash of `text` (for ids derived from the keys above). */
  hash(text: string): string;
}

/**
 * `salt` must be the same on every instance sharing a store (RESPONDENT_SALT with Redis) and stay
 * the same across restarts, or conversations start over. Without one, a random salt for this
 * process only (tests, one-shot commands).
 */
export function createStoreKeys(salt: string = randomBytes(32).toString("hex")): StoreKeys {
  if (!salt) throw new Error("store-keys: salt must not be empty");
  // A domain of its own: a chat key never equals the respondent hash made from the same salt.
  const hash = (text: string) => createHmac("sha256", salt).update(`store-key\0${text}`).digest("hex").slice(0, KEY_HEX);
  return {
    chat: (i) => `${i.channel}:${hash(`chat:${i.channel}:${i.chatId}`)}`,
    user: (i) => `rate:${i.channel}:${hash(`user:${i.channel}:${i.userId}`)}`,
    update: (i, messageId) => `dedup:${i.channel}:${hash(`update:${i.channel}:${messageId}`)}`,
    hash,
  };
}
