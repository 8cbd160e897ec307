import { Effect } from "effect"
import type { MessageCryptoError } from "../crypto/message-crypto.ts"
import type { StaleCallback } from "./callback-timestamp.ts"
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

/**
 * Why an intake refuses a DingTalk or WeCom callback its handler refused: an undecryptable one as
 * `rejectUndecryptable` says, a stale timestamp as a replay, a body that is not a callback as
 * malformed. One mapping, so both vendors' refusals mean the same to the intake.
 */
export function rejectCallback(
  reason:
    | MessageCryptoError
    | StaleCallback
    | { readonly _tag: "MalformedCallback"; readonly message: string },
): Effect.Effect<never, IntakeRejected> {
  switch (reason._tag) {
    case "MalformedCallback":
      return Effect.fail(new IntakeRejected({ reason: "malformed", detail: reason.message }))
    case "StaleCallback":
      return Effect.fail(new IntakeRejected({ reason: "replayed", detail: reason.message }))
    default:
      return rejectUndecryptable(reason)
  }
}
