import { Effect } from "effect"
import type { MessageCryptoError } from "../crypto/message-crypto.ts"
import { IntakeRejected } from "./intake-source.ts"

/**
 * Why an intake refuses a callback whose decryption failed (DingTalk, WeCom). A wrong signature or
 * a message addressed to another app is a forgery; a ciphertext that does not decrypt into a
 * well-formed message is malformed. A bad AES key in tixi's own settings is neither: it fails as
 * a defect, so the vendor gets a 500 and retries while an administrator fixes the setting.
 */
export function rejectUndecryptable(error: MessageCryptoError): Effect.Effect<never, IntakeRejected> {
  switch (error._tag) {
    case "SignatureMismatch":
    case "OwnerMismatch":
      return Effect.fail(new IntakeRejected({ reason: "forged", detail: error.message }))
    case "InvalidCiphertext":
    case "BadPadding":
    case "MalformedPlaintext":
      return Effect.fail(new IntakeRejected({ reason: "malformed", detail: error.message }))
    case "InvalidAesKey":
      return Effect.die(new Error(`tixi's callback settings are wrong: ${error.message}`))
  }
}
