import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto"
import { Result, Schema } from "effect"
import { constantTimeEqual } from "./constant-time-equal.ts"

/**
 * Whose messages these are: the id the vendor appends to every plaintext (DingTalk's ownerKey,
 * WeCom's receiveid). Tagged with its kind, because the same app has several ids (a DingTalk app
 * has an appKey and a corpId, a suite a suiteKey) and the vendor picks one by how the callback was
 * registered; a bare string lets the wrong one slip through until the first event fails.
 */
export interface MessageOwner {
  /** Which id this is, in the vendor's words, e.g. `appKey`, `corpId`, `suiteKey`, `suiteId`. */
  readonly kind: string
  readonly value: string
}

/** The secrets of one callback subscription (WXBizMsgCrypt family: DingTalk and WeCom). */
export interface MessageCryptoKeys {
  /** The signing token (3–32 letters and digits). */
  readonly token: string
  /** The 43-character EncodingAESKey; the AES key is its base64 decoding with `=` appended. */
  readonly aesKey: string
  /** The id the vendor must have appended; a different one fails `OwnerMismatch`. */
  readonly owner: MessageOwner
  /**
   * The app's other ids, so that a mismatch can say which of them the vendor used instead
   * ("found the corpId, expected the appKey"): the most common misconfiguration of both vendors.
   */
  readonly otherOwners?: ReadonlyArray<MessageOwner>
}

/** What arrives with an encrypted callback: the query's signature, timestamp and nonce, and the body's ciphertext. */
export interface EncryptedEnvelope {
  readonly signature: string
  readonly timestamp: string
  readonly nonce: string
  readonly encrypt: string
}

/** The signature did not match: the message was not signed with this token, or it was altered. */
export class SignatureMismatch extends Schema.TaggedError<SignatureMismatch>()("SignatureMismatch", {
  received: Schema.String,
}) {
  override get message(): string {
    return `callback signature ${this.received} does not match the token: wrong token, or the message was altered`
  }
}

/** The plaintext ends with a different id than the one configured. */
export class OwnerMismatch extends Schema.TaggedError<OwnerMismatch>()("OwnerMismatch", {
  expectedKind: Schema.String,
  expected: Schema.String,
  found: Schema.String,
  /** The kind of the id found, when it is one of the app's other configured ids. */
  foundKind: Schema.optional(Schema.String),
}) {
  override get message(): string {
    const found = this.foundKind === undefined ? `"${this.found}"` : `the ${this.foundKind} "${this.found}"`
    const hint =
      this.foundKind === undefined
        ? ""
        : `: the callback was registered for the ${this.foundKind}; configure the owner as { kind: "${this.foundKind}" }`
    return `message is addressed to ${found}, expected the ${this.expectedKind} "${this.expected}"${hint}`
  }
}

/** The ciphertext is not base64, is empty, or is not a whole number of AES blocks (e.g. truncated). */
export class InvalidCiphertext extends Schema.TaggedError<InvalidCiphertext>()("InvalidCiphertext", {
  reason: Schema.String,
}) {
  override get message(): string {
    return `invalid ciphertext: ${this.reason}`
  }
}

/** The decrypted bytes do not end in valid PKCS#7 padding (1–32 bytes): wrong key or altered ciphertext. */
export class BadPadding extends Schema.TaggedError<BadPadding>()("BadPadding", {
  padByte: Schema.Number,
}) {
  override get message(): string {
    return `bad PKCS#7 padding (last byte ${this.padByte}): wrong AES key or altered ciphertext`
  }
}

/** The plaintext's length field does not fit the plaintext: the message is malformed. */
export class MalformedPlaintext extends Schema.TaggedError<MalformedPlaintext>()("MalformedPlaintext", {
  declaredLength: Schema.Number,
  availableLength: Schema.Number,
}) {
  override get message(): string {
    return `plaintext declares a ${this.declaredLength}-byte message but only ${this.availableLength} bytes follow`
  }
}

/** The configured AES key is not a 43-character base64 string: a configuration error, not an attack. */
export class InvalidAesKey extends Schema.TaggedError<InvalidAesKey>()("InvalidAesKey", {
  reason: Schema.String,
}) {
  override get message(): string {
    return `invalid EncodingAESKey: ${this.reason}`
  }
}

/** Every way decrypting a callback can fail, each its own type. */
export type MessageCryptoError =
  | SignatureMismatch
  | OwnerMismatch
  | InvalidCiphertext
  | BadPadding
  | MalformedPlaintext
  | InvalidAesKey

const blockSize = 32
const base64Pattern = /^[A-Za-z0-9+/]*={0,2}$/

/** The 32-byte AES key of an EncodingAESKey, or why it is unusable. */
export function aesKeyBytes(aesKey: string): Result.Result<Buffer, InvalidAesKey> {
  if (aesKey.length !== 43) {
    return Result.fail(new InvalidAesKey({ reason: `must be 43 characters, got ${aesKey.length}` }))
  }
  if (!/^[A-Za-z0-9+/]{43}$/.test(aesKey)) {
    return Result.fail(new InvalidAesKey({ reason: "must contain only base64 characters" }))
  }
  const key = Buffer.from(`${aesKey}=`, "base64")
  if (key.length !== 32) {
    return Result.fail(new InvalidAesKey({ reason: `decodes to ${key.length} bytes, not 32` }))
  }
  return Result.succeed(key)
}

/**
 * The callback signature: hex SHA-1 of `[token, timestamp, nonce, encrypt]` sorted and joined
 * (both vendors sort the four strings lexicographically before hashing).
 */
export function messageSignature(token: string, timestamp: string, nonce: string, encrypt: string): string {
  const parts = [token, timestamp, nonce, encrypt].sort()
  return createHash("sha1").update(parts.join(""), "utf8").digest("hex")
}

/** Whether a signature matches, compared in constant time. */
export function verifyMessageSignature(token: string, envelope: EncryptedEnvelope): boolean {
  const expected = messageSignature(token, envelope.timestamp, envelope.nonce, envelope.encrypt)
  return constantTimeEqual(expected, envelope.signature.toLowerCase())
}

/**
 * Decrypts a ciphertext without checking a signature (WeCom's URL verification signs `echostr`
 * the same way, so callers verify first): `random16 ‖ uint32BE length ‖ message ‖ owner`.
 */
export function decryptMessageCiphertext(
  keys: Omit<MessageCryptoKeys, "token">,
  encrypt: string,
): Result.Result<string, MessageCryptoError> {
  const key = aesKeyBytes(keys.aesKey)
  if (Result.isFailure(key)) return Result.fail(key.failure)
  const compact = encrypt.replace(/\s+/g, "")
  if (compact.length === 0) return Result.fail(new InvalidCiphertext({ reason: "empty" }))
  if (!base64Pattern.test(compact) || compact.length % 4 !== 0) {
    return Result.fail(new InvalidCiphertext({ reason: "not base64 (truncated or altered in transit?)" }))
  }
  const bytes = Buffer.from(compact, "base64")
  if (bytes.length === 0 || bytes.length % 16 !== 0) {
    return Result.fail(
      new InvalidCiphertext({
        reason: `${bytes.length} bytes is not a whole number of AES blocks (truncated?)`,
      }),
    )
  }
  const decipher = createDecipheriv("aes-256-cbc", key.success, key.success.subarray(0, 16))
  decipher.setAutoPadding(false)
  const plain = Buffer.concat([decipher.update(bytes), decipher.final()])
  const pad = plain[plain.length - 1]!
  if (pad < 1 || pad > blockSize || pad > plain.length) return Result.fail(new BadPadding({ padByte: pad }))
  for (let index = plain.length - pad; index < plain.length; index++) {
    if (plain[index] !== pad) return Result.fail(new BadPadding({ padByte: pad }))
  }
  const content = plain.subarray(0, plain.length - pad)
  if (content.length < 20) {
    return Result.fail(
      new MalformedPlaintext({ declaredLength: 0, availableLength: Math.max(0, content.length - 20) }),
    )
  }
  const declared = content.readUInt32BE(16)
  const available = content.length - 20
  if (declared > available) {
    return Result.fail(new MalformedPlaintext({ declaredLength: declared, availableLength: available }))
  }
  const message = content.subarray(20, 20 + declared).toString("utf8")
  const found = content.subarray(20 + declared).toString("utf8")
  if (found !== keys.owner.value) {
    const other = keys.otherOwners?.find((owner) => owner.value === found)
    return Result.fail(
      new OwnerMismatch({
        expectedKind: keys.owner.kind,
        expected: keys.owner.value,
        found,
        ...(other === undefined ? {} : { foundKind: other.kind }),
      }),
    )
  }
  return Result.succeed(message)
}

/** Verifies the signature, then decrypts and checks the owner: the plaintext or the typed reason it was refused. */
export function decryptMessage(
  keys: MessageCryptoKeys,
  envelope: EncryptedEnvelope,
): Result.Result<string, MessageCryptoError> {
  const key = aesKeyBytes(keys.aesKey)
  if (Result.isFailure(key)) return Result.fail(key.failure)
  if (!verifyMessageSignature(keys.token, envelope)) {
    return Result.fail(new SignatureMismatch({ received: envelope.signature }))
  }
  return decryptMessageCiphertext(keys, envelope.encrypt)
}

/** Options for encrypting a reply; tests pass fixed values, production leaves them random and current. */
export interface EncryptOptions {
  /** Seconds since the epoch, as the vendors write it. */
  readonly timestamp: string
  readonly nonce?: string
  /** The 16 random leading bytes (default: cryptographically random). */
  readonly random?: Uint8Array
}

/** An encrypted, signed message (a DingTalk reply, a WeCom passive reply, or a fake's push). */
export interface EncryptedMessage {
  readonly encrypt: string
  readonly signature: string
  readonly timestamp: string
  readonly nonce: string
}

/**
 * Encrypts and signs a message for the owner (the `success` reply DingTalk waits for, a WeCom
 * passive reply, or what a vendor fake pushes in tests). Throws only on a malformed AES key,
 * which is a configuration error caught at start-up by `aesKeyBytes`.
 */
export function encryptMessage(
  keys: MessageCryptoKeys,
  message: string,
  options: EncryptOptions,
): EncryptedMessage {
  const key = aesKeyBytes(keys.aesKey)
  if (Result.isFailure(key)) throw key.failure
  const random = options.random === undefined ? randomBytes(16) : Buffer.from(options.random)
  if (random.length !== 16) throw new RangeError("the random prefix must be 16 bytes")
  const body = Buffer.from(message, "utf8")
  const length = Buffer.alloc(4)
  length.writeUInt32BE(body.length, 0)
  const unpadded = Buffer.concat([random, length, body, Buffer.from(keys.owner.value, "utf8")])
  const pad = blockSize - (unpadded.length % blockSize)
  const padded = Buffer.concat([unpadded, Buffer.alloc(pad, pad)])
  const cipher = createCipheriv("aes-256-cbc", key.success, key.success.subarray(0, 16))
  cipher.setAutoPadding(false)
  const encrypt = Buffer.concat([cipher.update(padded), cipher.final()]).toString("base64")
  const nonce = options.nonce ?? randomBytes(8).toString("hex")
  return {
    encrypt,
    signature: messageSignature(keys.token, options.timestamp, nonce, encrypt),
    timestamp: options.timestamp,
    nonce,
  }
}
