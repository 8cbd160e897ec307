import { createHash, timingSafeEqual } from "node:crypto"

/**
 * Compares two signatures in time independent of where they differ, so an attacker cannot learn
 * a valid signature byte by byte. Both sides are hashed first, which also hides their lengths.
 */
export function constantTimeEqual(expected: string, received: string): boolean {
  const left = createHash("sha256").update(expected, "utf8").digest()
  const right = createHash("sha256").update(received, "utf8").digest()
  return timingSafeEqual(left, right) && expected.length === received.length
}
