import { describe, expect, it } from "vitest";
import { secretMatches, sha256Hex } from "../../src/text/hash.js";

describe("sha256Hex", () => {
  it("is SHA-256 of the UTF-8 text in lowercase hex", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex("Đăng ký")).not.toBe(sha256Hex("Dang ky"));
  });
});

/** The check behind every webhook secret and the admin token. */
describe("secretMatches", () => {
  const secret = "tg_secret_TOKEN_1";

  it("accepts exactly the configured secret", () => {
    expect(secretMatches(secret, "tg_secret_TOKEN_1")).toBe(true);
    expect(secretMatches("mật-khẩu-quản-trị", "mật-khẩu-quản-trị")).toBe(true);
  });

  it.each([
    ["a different secret", "tg_secret_TOKEN_2"],
    ["a prefix", "tg_secret_TOKEN_"],
    ["a longer string", "tg_secret_TOKEN_12"],
    ["another case", "TG_SECRET_TOKEN_1"],
    ["padding", " tg_secret_TOKEN_1"],
    ["an empty header", ""],
  ])("refuses %s", (_what, given) => {
    expect(secretMatches(secret, given)).toBe(false);
  });

  it.each([
    ["no header", undefined],
    ["a repeated header (an array)", [secret, secret]],
    ["a number", 12345],
  ])("refuses %s", (_what, given) => {
    expect(secretMatches(secret, given)).toBe(false);
  });

  it("tells Vietnamese text apart from its other Unicode form", () => {
    // "ạ" precomposed (NFC) and as "a" + combining dot (NFD) look alike but are other bytes.
    expect(secretMatches("bí-mật", "bí-mật".normalize("NFD"))).toBe(false);
  });
});
