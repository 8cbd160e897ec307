import {
  decryptMessage,
  type EncryptedEnvelope,
  encryptMessage,
  type MessageCryptoError,
  type MessageCryptoKeys,
  type MessageOwner,
} from "@tixi/adapter-kit"
import type { Result } from "effect"

/**
 * Which id DingTalk appends to callback plaintexts (its "ownerKey"): the app's appKey for events
 * subscribed in the developer console, the corpId for callbacks registered through the legacy
 * API, the suiteKey for ISV suites. Tagged, so the wrong one cannot be configured silently.
 */
export interface DingTalkOwnerKey {
  readonly kind: "appKey" | "corpId" | "suiteKey"
  readonly value: string
}

/** The keys of a DingTalk callback subscription. */
export interface DingTalkCallbackKeys {
  readonly token: string
  readonly aesKey: string
  readonly ownerKey: DingTalkOwnerKey
  /** The app's other ids, so an `OwnerMismatch` says which of them DingTalk used instead. */
  readonly otherKeys?: ReadonlyArray<DingTalkOwnerKey>
}

function kitKeys(keys: DingTalkCallbackKeys): MessageCryptoKeys {
  if (typeof (keys.ownerKey as unknown) === "string") {
    throw new TypeError(
      'ownerKey must say which id it is, e.g. { kind: "appKey", value: "dingxxxx" } (console subscriptions use the appKey, the legacy callback API the corpId, ISV suites the suiteKey)',
    )
  }
  const owner: MessageOwner = keys.ownerKey
  return {
    token: keys.token,
    aesKey: keys.aesKey,
    owner,
    ...(keys.otherKeys === undefined ? {} : { otherOwners: keys.otherKeys }),
  }
}

/**
 * Verifies and decrypts a DingTalk HTTP callback (query `msg_signature`/`signature`, `timestamp`,
 * `nonce`; body `{"encrypt"}`): the plaintext JSON, or a typed reason — `SignatureMismatch`,
 * `OwnerMismatch` (naming the expected and the found key, and its kind when it is one of
 * `otherKeys`), `InvalidCiphertext`, `BadPadding`, `MalformedPlaintext`, `InvalidAesKey`.
 */
export function decryptDingTalkEvent(
  keys: DingTalkCallbackKeys,
  envelope: EncryptedEnvelope,
): Result.Result<string, MessageCryptoError> {
  return decryptMessage(kitKeys(keys), envelope)
}

/** DingTalk's reply body: the encrypted "success" it waits for (within 1.5–2.5 s). */
export interface DingTalkEncryptedReply {
  readonly msg_signature: string
  readonly timeStamp: string
  readonly nonce: string
  readonly encrypt: string
}

/**
 * Encrypts the reply DingTalk expects to a callback (default plaintext `success`), with the field
 * names DingTalk reads (`msg_signature`, `timeStamp`, `nonce`, `encrypt`).
 */
export function encryptDingTalkReply(
  keys: DingTalkCallbackKeys,
  options: {
    readonly plaintext?: string
    readonly timestamp: string
    readonly nonce?: string
    readonly random?: Uint8Array
  },
): DingTalkEncryptedReply {
  const sealed = encryptMessage(kitKeys(keys), options.plaintext ?? "success", {
    timestamp: options.timestamp,
    ...(options.nonce === undefined ? {} : { nonce: options.nonce }),
    ...(options.random === undefined ? {} : { random: options.random }),
  })
  return {
    msg_signature: sealed.signature,
    timeStamp: sealed.timestamp,
    nonce: sealed.nonce,
    encrypt: sealed.encrypt,
  }
}
