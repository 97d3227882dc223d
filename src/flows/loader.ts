import type { Problem } from "../knowledge/yaml-source.js";

// Placeholder until the flows module lands (issue 5): no flows are loaded yet.
export interface LoadedFlows {
  flows: Map<string, unknown>;
  problems: Problem[];
}

export function loadFlows(_dir: string, _options: { knowledgeIds?: ReadonlySet<string> } = {}): LoadedFlows {
  return { flows: new Map(), problems: [] };
}
