import { describe, expect, it } from "vitest";
import { omitUndefined } from "../src/omit-undefined.js";

describe("omitUndefined", () => {
  it("drops the keys whose value is undefined and keeps every other value, falsy ones too, in order", () => {
    const out = omitUndefined({ a: 1, b: undefined, c: "", d: 0, e: null, f: false });
    expect(Object.keys(out)).toEqual(["a", "c", "d", "e", "f"]);
    expect(out).toStrictEqual({ a: 1, c: "", d: 0, e: null, f: false });
  });

  it("gives what a library option typed `key?: V` accepts", () => {
    const secret = undefined as string | undefined;
    const options: { secret_token?: string; allowed_updates: string[] } = omitUndefined({ secret_token: secret, allowed_updates: ["message"] });
    expect("secret_token" in options).toBe(false);
  });
});
