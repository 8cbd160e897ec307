import {
  decryptMessage,
  decryptMessageCiphertext,
  type EncryptedEnvelope,
  type EncryptedMessage,
  encryptMessage,
  type MessageCryptoError,
  type MessageCryptoKeys,
  SignatureMismatch,
  verifyMessageSignature,
} from "@tixi/adapter-kit"
import { Result } from "effect"

/**
 * The id WeCom appends to every plaintext (its receiveid): the corpId for internal apps, the
 * suiteId for third-party suites. A bare string is read as a corpId.
 */
export type WeComReceiveId = string | { readonly kind: "corpId" | "suiteId"; readonly value: string }

/** The keys of a WeCom callback. */
export interface WeComCallbackKeys {
  readonly token: string
  readonly encodingAesKey: string
  readonly receiveId: WeComReceiveId
  /** The app's other ids, so a mismatch says which of them WeCom used ("found the suiteId"). */
  readonly otherIds?: ReadonlyArray<{ readonly kind: "corpId" | "suiteId"; readonly value: string }>
}

function kitKeys(keys: WeComCallbackKeys): MessageCryptoKeys {
  const owner =
    typeof keys.receiveId === "string" ? { kind: "corpId", value: keys.receiveId } : keys.receiveId
  return {
    token: keys.token,
    aesKey: keys.encodingAesKey,
    owner,
    ...(keys.otherIds === undefined ? {} : { otherOwners: keys.otherIds }),
  }
}

/**
 * Verifies and decrypts a WeCom callback (query `msg_signature`, `timestamp`, `nonce`; the
 * `Encrypt` of the XML or JSON body): the plaintext (XML, or JSON in the JSON mode), or a typed
 * reason — `SignatureMismatch`, `OwnerMismatch` (receiveid: expected vs found), `InvalidCiphertext`,
 * `BadPadding`, `MalformedPlaintext`, `InvalidAesKey`.
 */
export function decryptWeComMessage(
  keys: WeComCallbackKeys,
  envelope: EncryptedEnvelope,
): Result.Result<string, MessageCryptoError> {
  return decryptMessage(kitKeys(keys), envelope)
}

/**
 * WeCom's URL verification (the GET it sends when the callback URL is saved): checks the
 * signature over `echostr`, decrypts it, and returns the plaintext to echo back within 1 s.
 * `echostr` arrives URL-encoded in the query; pass it decoded (`URLSearchParams` does that).
 */
export function verifyWeComUrl(
  keys: WeComCallbackKeys,
  query: {
    readonly msg_signature: string
    readonly timestamp: string
    readonly nonce: string
    readonly echostr: string
  },
): Result.Result<string, MessageCryptoError> {
  const envelope = {
    signature: query.msg_signature,
    timestamp: query.timestamp,
    nonce: query.nonce,
    encrypt: query.echostr,
  }
  if (!verifyMessageSignature(keys.token, envelope))
    return Result.fail(new SignatureMismatch({ received: query.msg_signature }))
  return decryptMessageCiphertext(kitKeys(keys), query.echostr)
}

/** Encrypts a message as WeCom does (a passive reply, or what a fake pushes in tests). */
export function encryptWeComMessage(
  keys: WeComCallbackKeys,
  message: string,
  options: { readonly timestamp: string; readonly nonce?: string; readonly random?: Uint8Array },
): EncryptedMessage {
  return encryptMessage(kitKeys(keys), message, options)
}
