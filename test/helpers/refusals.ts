import { M } from "../../src/engine/messages.js";
import { fold } from "../../src/text/normalize.js";

/** The fixed replies that turn a message away (and "no fine amounts"), by intent: how a test tells them in what the bot said. */
export const REFUSAL_REPLIES = {
  forgery: M.forgery,
  bribe: M.bribe,
  "account-access": M.accountAccess,
  "identity-misuse": M.identityMisuse,
  "personal-data": M.personalData,
  "out-of-domain": M.outOfDomain,
  "not-covered": M.notCovered,
  penalty: M.penalty,
} as const;

export type RefusalName = keyof typeof REFUSAL_REPLIES;

/** Which of those replies the folded text of a turn (`fold(repliesToPlainText(…))`) holds, by their openings. */
export function refusalsSaid(said: string): RefusalName[] {
  return (Object.keys(REFUSAL_REPLIES) as RefusalName[]).filter((name) => said.includes(fold(REFUSAL_REPLIES[name]).slice(0, 60)));
}
