import { createHash } from "node:crypto"

/**
 * An id for a vendor message that carries none of its own: the SHA-256 of its content (hex, the
 * first 32 digits). The vendor's retry of a message sends the same content and keeps the id;
 * two different messages in the same second (three address-book changes, say) differ in content
 * and so in id, where a key made of sender, time and type would merge them.
 */
export function contentId(content: string): string {
  return createHash("sha256").update(content, "utf8").digest("hex").slice(0, 32)
}
