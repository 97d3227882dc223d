import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../../src/log.js";
import { WriteFailures } from "../../../src/store/embedded/write-failures.js";

describe("write failures", () => {
  it("say which writes fail and why (the errno, no path), log each outage once, and clear on success", () => {
    const logged: string[] = [];
    const logger = createLogger(
      "info",
      new Writable({
        write(chunk: Buffer, _enc, done) {
          logged.push(chunk.toString());
          done();
        },
      }),
    );
    const failures = new WriteFailures("/data", logger);
    const enospc = Object.assign(new Error("ENOSPC: no space left on device, write '/data/survey.jsonl'"), { code: "ENOSPC" });
    failures.failed("records", enospc);
    failures.failed("records", enospc);
    failures.failed("sessions", Object.assign(new Error("read-only"), { code: "EROFS" }));
    expect(failures.health()).toEqual({ status: "degraded", detail: "cannot write sessions (EROFS), records (ENOSPC) to DATA_DIR" });
    expect(logged.filter((l) => l.includes("store: cannot write records to DATA_DIR"))).toHaveLength(1);
    expect(logged.join("")).not.toContain("survey.jsonl");

    failures.succeeded("records");
    expect(failures.health()).toEqual({ status: "degraded", detail: "cannot write sessions (EROFS) to DATA_DIR" });
    failures.succeeded("sessions");
    expect(failures.health()).toEqual({ status: "ok" });
    failures.failed("records", enospc);
    expect(logged.filter((l) => l.includes("store: cannot write records to DATA_DIR"))).toHaveLength(2);
  });
});
