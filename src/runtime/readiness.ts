/**
 * Conditions that channels report about themselves for /readyz: a webhook that could not be
 * registered (updates will not arrive: not ready), an OA token that cannot be refreshed (replies
 * cannot be sent: degraded). A condition stays until its owner clears it.
 */
export interface Readiness {
  /** Sets (or, with null, clears) the condition `key`. */
  set(key: string, condition: ReadinessCondition | null): void;
  conditions(): Array<ReadinessCondition & { key: string }>;
}

export interface ReadinessCondition {
  /** "not-ready": /readyz answers 503; "degraded": 200 with status "degraded". */
  level: "not-ready" | "degraded";
  /** What is wrong and what to do, for operators (no secrets). */
  detail: string;
}

export function createReadiness(): Readiness {
  const current = new Map<string, ReadinessCondition>();
  return {
    set(key, condition) {
      if (condition) current.set(key, condition);
      else current.delete(key);
    },
    conditions() {
      return [...current].map(([key, c]) => ({ key, ...c })).sort((a, b) => a.key.localeCompare(b.key));
    },
  };
}
