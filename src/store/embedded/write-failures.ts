import type { Logger } from "../../log.js";

/** What the embedded store writes to DATA_DIR, each failing (and recovering) on its own. */
export type WriteConcern = "sessions" | "records";

/**
 * The last write failure of each kind (a full or read-only disk), until a write succeeds again:
 * chats go on in memory meanwhile, and /readyz says the store is failing. Logged once per outage.
 */
export class WriteFailures {
  private readonly last: Record<WriteConcern, string | null> = { sessions: null, records: null };

  constructor(
    private readonly dir: string,
    private readonly logger?: Logger,
  ) {}

  failed(what: WriteConcern, err: unknown): void {
    const reason = errorCode(err);
    if (this.last[what] === null) this.logger?.error({ err: reason, dir: this.dir }, `store: cannot write ${what} to DATA_DIR`);
    this.last[what] = reason;
  }

  succeeded(what: WriteConcern): void {
    this.last[what] = null;
  }

  health(): { status: "ok" | "degraded"; detail?: string } {
    const failing = (["sessions", "records"] as const).filter((w) => this.last[w] !== null);
    if (failing.length === 0) return { status: "ok" };
    return { status: "degraded", detail: `cannot write ${failing.map((w) => `${w} (${this.last[w]})`).join(", ")} to DATA_DIR` };
  }
}

/** The errno code (ENOSPC, EROFS…) of a file error: enough to act on, and no path in it. */
export function errorCode(err: unknown): string {
  const code = (err as { code?: unknown }).code;
  return typeof code === "string" ? code : err instanceof Error ? err.message : String(err);
}
