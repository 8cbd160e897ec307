import { createCipheriv } from "node:crypto"
import {
  aesKeyBytes,
  decryptMessage,
  decryptMessageCiphertext,
  encryptMessage,
  type MessageCryptoKeys,
  messageSignature,
} from "@tixi/adapter-kit"
import { Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"

// DingTalk's published vector (open.dingtalk.com, configure-stream-push troubleshooting page).
const dingTalk: MessageCryptoKeys = {
  token: "123456",
  aesKey: "1234567890123456789012345678901234567890123",
  owner: { kind: "appKey", value: "dingsnotzck6pm5veliw" },
}
const dingTalkEnvelope = {
  signature: "9a95a004dd16f5c307e849b994173f76aa26e5eb",
  timestamp: "1614767836",
  nonce: "A7Co0cJLMzIDtMMI",
  encrypt: "YvkvaGe4hQxd3VxRmEty0dVlnCOAqwf56xwTRHDHoOURqhalbmBJQk5FNcRk42Gl5T0YQXZNwpwWSm1xAFJ5ZA==",
}

// Tencent's WXBizMsgCrypt samples (sbzhu/weworkapi_php callback/Sample.php).
const weCom: MessageCryptoKeys = {
  token: "QDG6eK",
  aesKey: "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C",
  owner: { kind: "corpId", value: "wx5823bf96d3bd56c7" },
}

const failureTag = <A, E extends { readonly _tag: string }>(result: Result.Result<A, E>) =>
  Result.isFailure(result) ? result.failure._tag : "Success"

/** Encrypts raw bytes with the key and no padding, to build ciphertexts the vendors never send. */
function rawCiphertext(aesKey: string, plain: Buffer): string {
  const key = Result.getOrThrow(aesKeyBytes(aesKey))
  const cipher = createCipheriv("aes-256-cbc", key, key.subarray(0, 16))
  cipher.setAutoPadding(false)
  return Buffer.concat([cipher.update(plain), cipher.final()]).toString("base64")
}

const signed = (keys: MessageCryptoKeys, encrypt: string) => ({
  encrypt,
  timestamp: "1700000000",
  nonce: "nonce1",
  signature: messageSignature(keys.token, "1700000000", "nonce1", encrypt),
})

describe("message crypto (WXBizMsgCrypt family)", () => {
  it("DingTalk's sample: signature and plaintext", () => {
    expect(
      messageSignature(
        dingTalk.token,
        dingTalkEnvelope.timestamp,
        dingTalkEnvelope.nonce,
        dingTalkEnvelope.encrypt,
      ),
    ).toBe(dingTalkEnvelope.signature)
    expect(Result.getOrThrow(decryptMessage(dingTalk, dingTalkEnvelope))).toBe("success")
  })

  it("WeCom's sample: URL verification echostr", () => {
    const plain = decryptMessage(weCom, {
      signature: "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3",
      timestamp: "1409659589",
      nonce: "263014780",
      encrypt: "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==",
    })
    expect(Result.getOrThrow(plain)).toBe("1616140317555161061")
  })

  it("WeCom's sample: a message body", () => {
    const plain = decryptMessage(weCom, {
      signature: "477715d11cdb4164915debcba66cb864d751f3e6",
      timestamp: "1409659813",
      nonce: "1372623149",
      encrypt:
        "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==",
    })
    const text = Result.getOrThrow(plain)
    expect(text).toContain("<Content><![CDATA[hello]]></Content>")
    expect(text).toContain("<ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>")
  })

  it("round-trips any message, including Chinese and empty text", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 400 }),
        fc.uint8Array({ minLength: 16, maxLength: 16 }),
        (message, random) => {
          const sealed = encryptMessage(dingTalk, message, { timestamp: "1700000000", nonce: "n", random })
          expect(Result.getOrThrow(decryptMessage(dingTalk, sealed))).toBe(message)
        },
      ),
    )
    const sealed = encryptMessage(weCom, "审批已通过", { timestamp: "1700000000" })
    expect(Result.getOrThrow(decryptMessage(weCom, sealed))).toBe("审批已通过")
  })

  it("pads to 32-byte blocks, as both vendors do", () => {
    const sealed = encryptMessage(dingTalk, "success", { timestamp: "1", nonce: "n" })
    // 16 random + 4 length + 7 "success" + 20 owner = 47 bytes → 64 after padding.
    expect(Buffer.from(sealed.encrypt, "base64").length).toBe(64)
  })

  it("a wrong signature fails SignatureMismatch before anything is decrypted", () => {
    const result = decryptMessage(dingTalk, { ...dingTalkEnvelope, signature: "0".repeat(40) })
    expect(failureTag(result)).toBe("SignatureMismatch")
    const wrongToken = decryptMessage({ ...dingTalk, token: "654321" }, dingTalkEnvelope)
    expect(failureTag(wrongToken)).toBe("SignatureMismatch")
    const altered = decryptMessage(dingTalk, { ...dingTalkEnvelope, nonce: "A7Co0cJLMzIDtMMJ" })
    expect(failureTag(altered)).toBe("SignatureMismatch")
  })

  it("a wrong owner fails OwnerMismatch naming expected and found, and the kind that was found", () => {
    const configured: MessageCryptoKeys = {
      ...dingTalk,
      owner: { kind: "corpId", value: "ding9f50b15bxxxx16741" },
      otherOwners: [{ kind: "appKey", value: "dingsnotzck6pm5veliw" }],
    }
    const result = decryptMessage(configured, dingTalkEnvelope)
    expect(Result.isFailure(result)).toBe(true)
    const failure = Result.isFailure(result) ? result.failure : undefined
    expect(failure?._tag).toBe("OwnerMismatch")
    if (failure?._tag !== "OwnerMismatch") return
    expect(failure.expected).toBe("ding9f50b15bxxxx16741")
    expect(failure.expectedKind).toBe("corpId")
    expect(failure.found).toBe("dingsnotzck6pm5veliw")
    expect(failure.foundKind).toBe("appKey")
    expect(failure.message).toContain('configure the owner as { kind: "appKey" }')
    const unknown = decryptMessage(
      { ...weCom, owner: { kind: "suiteId", value: "suite123" } },
      {
        signature: "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3",
        timestamp: "1409659589",
        nonce: "263014780",
        encrypt: "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==",
      },
    )
    expect(failureTag(unknown)).toBe("OwnerMismatch")
  })

  it("a truncated ciphertext fails InvalidCiphertext", () => {
    const truncated = dingTalkEnvelope.encrypt.slice(0, 40)
    expect(failureTag(decryptMessage(dingTalk, signed(dingTalk, truncated)))).toBe("InvalidCiphertext")
    expect(failureTag(decryptMessage(dingTalk, signed(dingTalk, "not base64!")))).toBe("InvalidCiphertext")
    expect(failureTag(decryptMessage(dingTalk, signed(dingTalk, "")))).toBe("InvalidCiphertext")
    // Whole blocks but not the vendor's 32-byte padding: 16 bytes cut off the end.
    const cut = Buffer.from(dingTalkEnvelope.encrypt, "base64").subarray(0, 48).toString("base64")
    expect(["BadPadding", "MalformedPlaintext"]).toContain(
      failureTag(decryptMessage(dingTalk, signed(dingTalk, cut))),
    )
  })

  it("bad padding fails BadPadding", () => {
    const plain = Buffer.alloc(64, 7)
    plain[63] = 0
    const zeroPad = rawCiphertext(dingTalk.aesKey, plain)
    expect(failureTag(decryptMessage(dingTalk, signed(dingTalk, zeroPad)))).toBe("BadPadding")
    const inconsistent = Buffer.alloc(64, 1)
    inconsistent[63] = 4
    inconsistent[62] = 4
    const mixed = rawCiphertext(dingTalk.aesKey, inconsistent)
    expect(failureTag(decryptMessage(dingTalk, signed(dingTalk, mixed)))).toBe("BadPadding")
    const tooLong = Buffer.alloc(64, 33)
    expect(
      failureTag(decryptMessage(dingTalk, signed(dingTalk, rawCiphertext(dingTalk.aesKey, tooLong)))),
    ).toBe("BadPadding")
  })

  it("a length field longer than the plaintext fails MalformedPlaintext", () => {
    const plain = Buffer.alloc(64, 0)
    plain.writeUInt32BE(1000, 16)
    plain.fill(4, 60)
    const result = decryptMessage(dingTalk, signed(dingTalk, rawCiphertext(dingTalk.aesKey, plain)))
    expect(failureTag(result)).toBe("MalformedPlaintext")
    const short = Buffer.alloc(32, 16)
    expect(failureTag(decryptMessageCiphertext(dingTalk, rawCiphertext(dingTalk.aesKey, short)))).toBe(
      "MalformedPlaintext",
    )
  })

  it("a malformed AES key fails InvalidAesKey, whatever the message", () => {
    expect(failureTag(decryptMessage({ ...dingTalk, aesKey: "short" }, dingTalkEnvelope))).toBe(
      "InvalidAesKey",
    )
    expect(failureTag(aesKeyBytes(`${"!".repeat(43)}`))).toBe("InvalidAesKey")
  })

  it("every kind of tampering gives a distinct error", () => {
    const tags = new Set([
      failureTag(decryptMessage(dingTalk, { ...dingTalkEnvelope, signature: "x" })),
      failureTag(
        decryptMessage({ ...dingTalk, owner: { kind: "corpId", value: "other" } }, dingTalkEnvelope),
      ),
      failureTag(decryptMessage(dingTalk, signed(dingTalk, "abc"))),
      failureTag(
        decryptMessage(dingTalk, signed(dingTalk, rawCiphertext(dingTalk.aesKey, Buffer.alloc(32, 0)))),
      ),
      failureTag(
        decryptMessage(
          dingTalk,
          signed(
            dingTalk,
            rawCiphertext(
              dingTalk.aesKey,
              Buffer.concat([Buffer.alloc(16), Buffer.from([0, 0, 1, 0]), Buffer.alloc(12, 12)]),
            ),
          ),
        ),
      ),
    ])
    expect(tags).toEqual(
      new Set([
        "SignatureMismatch",
        "OwnerMismatch",
        "InvalidCiphertext",
        "BadPadding",
        "MalformedPlaintext",
      ]),
    )
  })
})
