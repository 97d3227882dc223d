import { createHash, timingSafeEqual } from "node:crypto";

/** SHA-256 of the parts fed in order (strings as UTF-8): the one hash behind secrets, signatures and ETags. */
export function sha256(...parts: ReadonlyArray<string | Uint8Array>): Buffer {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  return hash.digest();
}

/**
 * Constant-time secret check. Both sides are hashed first so the buffers compared always have
 * the same length and the comparison leaks neither content nor length. An absent or empty
 * `given` never matches.
 */
export function secretMatches(expected: string, given: unknown): boolean {
  if (typeof given !== "string" || given.length === 0) return false;
  return timingSafeEqual(sha256(expected), sha256(given));
}

/** SHA-256 of a UTF-8 string as lowercase hex: cache keys and content versions (not secrets). */
export function sha256Hex(text: string): string {
  return sha256(text).toString("hex");
}
