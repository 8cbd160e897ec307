import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { decryptDingTalkEvent, encryptDingTalkReply } from "../src/events/dingtalk-crypto.ts"

// DingTalk's published sample (configure-stream-push troubleshooting page).
const sample = {
  signature: "9a95a004dd16f5c307e849b994173f76aa26e5eb",
  timestamp: "1614767836",
  nonce: "A7Co0cJLMzIDtMMI",
  encrypt: "YvkvaGe4hQxd3VxRmEty0dVlnCOAqwf56xwTRHDHoOURqhalbmBJQk5FNcRk42Gl5T0YQXZNwpwWSm1xAFJ5ZA==",
}
const keys = {
  token: "123456",
  aesKey: "1234567890123456789012345678901234567890123",
  ownerKey: { kind: "appKey" as const, value: "dingsnotzck6pm5veliw" },
}

describe("DingTalk callback crypto", () => {
  it("decrypts DingTalk's sample to success", () => {
    expect(Result.getOrThrow(decryptDingTalkEvent(keys, sample))).toBe("success")
  })

  it("configuring the corpId for an app-key subscription fails loudly, naming both ids", () => {
    const result = decryptDingTalkEvent(
      {
        ...keys,
        ownerKey: { kind: "corpId", value: "ding9f50b15bxxxx16741" },
        otherKeys: [{ kind: "appKey", value: "dingsnotzck6pm5veliw" }],
      },
      sample,
    )
    const failure = Result.isFailure(result) ? result.failure : undefined
    expect(failure?._tag).toBe("OwnerMismatch")
    expect(failure?.message).toContain('expected the corpId "ding9f50b15bxxxx16741"')
    expect(failure?.message).toContain('the appKey "dingsnotzck6pm5veliw"')
  })

  it("refuses an ownerKey that does not say which id it is", () => {
    expect(() =>
      decryptDingTalkEvent({ ...keys, ownerKey: "dingsnotzck6pm5veliw" as never }, sample),
    ).toThrow(/kind/)
  })

  it("the reply carries DingTalk's field names and decrypts to success", () => {
    const reply = encryptDingTalkReply(keys, { timestamp: "1700000000", nonce: "abc" })
    expect(Object.keys(reply).sort()).toEqual(["encrypt", "msg_signature", "nonce", "timeStamp"])
    const back = decryptDingTalkEvent(keys, {
      signature: reply.msg_signature,
      timestamp: reply.timeStamp,
      nonce: reply.nonce,
      encrypt: reply.encrypt,
    })
    expect(Result.getOrThrow(back)).toBe("success")
  })
})
