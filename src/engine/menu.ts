import type { Entry } from "../knowledge/schema.js";
import { encodeChoice } from "./choice-id.js";
import type { EngineContext } from "./context.js";
import { CHOICE_LABELS, M, MENU_LABELS } from "./messages.js";
import type { TurnBuilder } from "./turn-builder.js";
import type { Choice, Session, Turn } from "./types.js";

/** Menu items: a flow when it exists, else the guide entry with that id, else left out. */
const MENU: Array<{ flow?: string; entry?: string; label: string }> = [
  { flow: "online-level", entry: "muc-do-dich-vu-cong-truc-tuyen", label: MENU_LABELS.onlineLevel },
  { flow: "vneid", entry: "dang-nhap-cong-dich-vu-cong", label: MENU_LABELS.vneid },
  { flow: "payment", entry: "thanh-toan-truc-tuyen", label: MENU_LABELS.payment },
  { entry: "nop-ho-so-truc-tuyen", label: MENU_LABELS.submit },
  { entry: "tra-cuu-ho-so", label: MENU_LABELS.dossier },
  { flow: "survey", label: MENU_LABELS.survey },
];

/** The flow the survey is, offered at natural ends of a conversation. */
export const SURVEY_FLOW = "survey";

export function menuChoices(ctx: EngineContext): Choice[] {
  const out: Choice[] = [];
  for (const item of MENU) {
    if (item.flow && ctx.flows?.has(item.flow)) out.push({ id: encodeChoice({ kind: "flow", flow: item.flow }), label: item.label });
    else if (item.entry && ctx.knowledge.byId.has(item.entry)) out.push({ id: encodeChoice({ kind: "entry", entry: item.entry }), label: item.label });
  }
  return out;
}

/** The "Menu" button under a reply. */
export function menuButton(): Choice {
  return { id: encodeChoice({ kind: "menu" }), label: CHOICE_LABELS.menu };
}

/** The guide a menu item stands for when its flow is gone (its button pressed after the flows changed). */
export function menuGuide(ctx: EngineContext, flowId: string): Entry | undefined {
  return ctx.entry(MENU.find((m) => m.flow === flowId)?.entry);
}

export function showMenu(ctx: EngineContext, out: TurnBuilder): Turn {
  delete out.session.flow;
  out.reply([{ type: "text", text: M.menuPrompt }], menuChoices(ctx));
  return out.done();
}

/** The survey choice, if it may be offered now (at most once per N days, never during a flow). */
export function surveyOfferChoices(ctx: EngineContext, session: Session, now: number): Choice[] {
  if (!ctx.flows?.has(SURVEY_FLOW) || session.flow) return [];
  const last = Math.max(session.surveyOfferedAt ?? 0, session.surveyDoneAt ?? 0);
  if (last && now - last < ctx.surveyOfferMs) return [];
  return [{ id: encodeChoice({ kind: "flow", flow: SURVEY_FLOW }), label: CHOICE_LABELS.survey }];
}
