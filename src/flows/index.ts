import type { FlowContext, FlowRunner } from "../engine/flow-port.js";
import { FLOW_M } from "./messages.js";
import type { Flow } from "./schema.js";
import { textKey } from "../text/normalize.js";
import { step, TYPED_KEY, type StepEnv } from "./step.js";

export type { Flow } from "./schema.js";
export { step, parseRating, type StepEnv, type StepEvent } from "./step.js";

/** The engine's FlowRunner over loaded flows: a thin adapter around the pure `step`. */
export function createFlowRunner(flows: ReadonlyMap<string, Flow>): FlowRunner {
  const triggers = new Map<string, string>();
  const keyOf = (text: string) => textKey(text, TYPED_KEY);
  for (const flow of flows.values()) for (const t of flow.triggers) triggers.set(keyOf(t), flow.id);

  const env = (ctx: FlowContext): StepEnv => ({
    now: ctx.now,
    channel: ctx.inbound.channel,
    search: ctx.search,
    entry: ctx.entry,
    lastEntryId: ctx.session.lastEntryId,
  });

  return {
    has: (id) => flows.has(id),
    title: (id) => flows.get(id)?.title,
    triggered: (text) => triggers.get(keyOf(text)) ?? null,
    start(flowId, ctx) {
      const flow = flows.get(flowId);
      if (!flow) return { replies: [], state: null, effects: [] };
      return step(flow, null, { type: "start" }, env(ctx));
    },
    handle(input, state, ctx) {
      const flow = flows.get(state.flowId);
      // The flow vanished in a reload: end it and say so.
      if (!flow) return { replies: [{ blocks: [{ type: "text", text: FLOW_M.flowGone }] }], state: null, effects: [] };
      if (input.type === "text") {
        // Another flow's trigger ("đánh giá" in the middle of the VNeID guide) switches flows.
        const other = triggers.get(keyOf(input.text));
        if (other && other !== flow.id) {
          const next = flows.get(other)!;
          return step(next, null, { type: "start" }, env(ctx));
        }
      }
      return step(flow, state, input, env(ctx));
    },
  };
}
