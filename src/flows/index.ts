import type { FlowRunner } from "../engine/flow-port.js";
import type { Problem } from "../knowledge/yaml-source.js";

// Placeholder until the flows module lands (issue 5): no flow runner yet.
export function buildFlowRunner(_dir: string, _knowledgeIds: ReadonlySet<string>): { runner?: FlowRunner; problems: Problem[] } {
  return { problems: [] };
}
