import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Constant-time secret check. Both sides are hashed first so the buffers compared always have
 * the same length and the comparison leaks neither content nor length.
 */
export function secretMatches(expected: string, given: unknown): boolean {
  if (typeof given !== "string" || given.length === 0) return false;
  const a = createHash("sha256").update(expected, "utf8").digest();
  const b = createHash("sha256").update(given, "utf8").digest();
  return timingSafeEqual(a, b);
}
