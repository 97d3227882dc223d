import { z } from "zod";
import type { ChannelName } from "../engine/types.js";
import type { CaseMessage, HandoverCase } from "./case-store.js";
import { CLOSED_BY, type CloseReason } from "./messages.js";

/**
 * The stored shape of a hand-over case, for whatever reads cases back to count them: a case that
 * does not fit (a hand-edited or half-written entry) is left out of the numbers and counted,
 * instead of turning a median into NaN. Channel names are not listed here (a new channel must not
 * make its cases vanish from the numbers); close reasons are those CLOSED_BY words.
 */
export const caseMessageSchema = z.object({
  id: z.string(),
  from: z.enum(["citizen", "staff"]),
  text: z.string(),
  at: z.number().finite(),
}) satisfies z.ZodType<CaseMessage>;

export const handoverCaseSchema = z.object({
  id: z.string(),
  channel: z.custom<ChannelName>((v) => typeof v === "string" && v !== ""),
  chatId: z.string(),
  chatKey: z.string(),
  question: z.string(),
  lastAnswer: z.string(),
  openedAt: z.number().finite(),
  lastActivityAt: z.number().finite(),
  firstReplyAt: z.number().finite().optional(),
  closedAt: z.number().finite().optional(),
  closedBy: z.custom<CloseReason>((v) => typeof v === "string" && Object.hasOwn(CLOSED_BY, v)).optional(),
  messages: z.array(caseMessageSchema),
  failed: z.array(z.string()),
}) satisfies z.ZodType<HandoverCase>;
