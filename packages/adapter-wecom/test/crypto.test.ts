import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { makeWeComCallbackHandler } from "../src/events/http-callback.ts"
import { parseXml } from "../src/events/parse-xml.ts"
import { decryptWeComMessage, encryptWeComMessage, verifyWeComUrl } from "../src/events/wecom-crypto.ts"
import { isApprovalEvent, parseWeComMessage } from "../src/events/wecom-event.ts"
import { keys, verifyQuery } from "./tencent-samples.ts"

const message = {
  signature: "477715d11cdb4164915debcba66cb864d751f3e6",
  timestamp: "1409659813",
  nonce: "1372623149",
  encrypt:
    "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==",
}

describe("WeCom callback crypto", () => {
  it("URL verification: Tencent's sample echoes 1616140317555161061", () => {
    expect(Result.getOrThrow(verifyWeComUrl(keys, verifyQuery))).toBe("1616140317555161061")
  })

  it("message: Tencent's sample decrypts to the text message", () => {
    const plain = Result.getOrThrow(decryptWeComMessage(keys, message))
    expect(parseXml(plain)).toMatchObject({
      ToUserName: "wx5823bf96d3bd56c7",
      Content: "hello",
      MsgType: "text",
      AgentID: "218",
    })
  })

  it("a suite's receiveid configured as the corp id fails OwnerMismatch naming both", () => {
    const result = decryptWeComMessage(
      {
        ...keys,
        receiveId: { kind: "suiteId", value: "ww-suite-1" },
        otherIds: [{ kind: "corpId", value: "wx5823bf96d3bd56c7" }],
      },
      message,
    )
    const failure = Result.isFailure(result) ? result.failure : undefined
    expect(failure?._tag).toBe("OwnerMismatch")
    expect(failure?.message).toContain('expected the suiteId "ww-suite-1"')
    expect(failure?.message).toContain('the corpId "wx5823bf96d3bd56c7"')
  })

  it("tampering gives distinct typed errors", () => {
    const tag = (result: Result.Result<string, { _tag: string }>) =>
      Result.isFailure(result) ? result.failure._tag : "ok"
    expect(tag(verifyWeComUrl(keys, { ...verifyQuery, msg_signature: "0".repeat(40) }))).toBe(
      "SignatureMismatch",
    )
    expect(tag(decryptWeComMessage({ ...keys, token: "other" }, message))).toBe("SignatureMismatch")
    expect(tag(decryptWeComMessage({ ...keys, receiveId: "ww-other" }, message))).toBe("OwnerMismatch")
  })

  it("round-trips a message for a suite", () => {
    const suite = { ...keys, receiveId: { kind: "suiteId" as const, value: "ww-suite-1" } }
    const sealed = encryptWeComMessage(suite, "<xml><Content><![CDATA[审批]]></Content></xml>", {
      timestamp: "1700000000",
    })
    const back = decryptWeComMessage(suite, {
      signature: sealed.signature,
      timestamp: sealed.timestamp,
      nonce: sealed.nonce,
      encrypt: sealed.encrypt,
    })
    expect(Result.getOrThrow(back)).toContain("审批")
  })
})

describe("WeCom callback handler", () => {
  // The clock at the sample message's timestamp (the URL check's is 224 s earlier).
  const sampleNow = 1_409_659_813_000
  const handler = () => makeWeComCallbackHandler({ keys, now: () => sampleNow })

  it("answers the URL verification GET with the echo", () => {
    const outcome = handler()({ method: "GET", query: new URLSearchParams(verifyQuery), body: "" })
    expect(outcome.accepted && outcome.reply).toEqual({
      status: 200,
      contentType: "text/plain; charset=utf-8",
      body: "1616140317555161061",
    })
  })

  it("accepts the sample's XML body and drops the same message delivered again", () => {
    const receive = handler()
    const body = `<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><Encrypt><![CDATA[${message.encrypt}]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>`
    const query = { msg_signature: message.signature, timestamp: message.timestamp, nonce: message.nonce }
    const first = receive({ method: "POST", query, body })
    expect(first.accepted && first.events.map((event) => event.event)).toEqual(["text"])
    const again = receive({ method: "POST", query, body })
    expect(again.accepted && again).toMatchObject({
      events: [],
      duplicates: 1,
      reply: { status: 200, body: "success" },
    })
  })

  it("accepts the JSON body variant", () => {
    const outcome = handler()({
      method: "POST",
      query: { msg_signature: message.signature, timestamp: message.timestamp, nonce: message.nonce },
      body: JSON.stringify({ tousername: "wx5823bf96d3bd56c7", encrypt: message.encrypt, agentid: 218 }),
    })
    expect(outcome.accepted).toBe(true)
  })

  it("refuses a genuine request whose signed timestamp is outside the tolerance as StaleCallback (401)", () => {
    const late = makeWeComCallbackHandler({ keys, now: () => sampleNow + 5 * 60_000 + 1_000 })
    const body = `<xml><Encrypt><![CDATA[${message.encrypt}]]></Encrypt></xml>`
    const query = { msg_signature: message.signature, timestamp: message.timestamp, nonce: message.nonce }
    const replayed = late({ method: "POST", query, body })
    expect(!replayed.accepted && [replayed.reason._tag, replayed.reply.status]).toEqual([
      "StaleCallback",
      401,
    ])
    expect(!replayed.accepted && replayed.reason.message).toMatch(/301 s old, outside the 300 s tolerance/)
    const early = makeWeComCallbackHandler({ keys, now: () => sampleNow - 10 * 60_000 })
    expect(early({ method: "POST", query, body })).toMatchObject({
      accepted: false,
      reason: { _tag: "StaleCallback" },
    })
    const url = late({ method: "GET", query: new URLSearchParams(verifyQuery), body: "" })
    expect(url).toMatchObject({ accepted: false, reason: { _tag: "StaleCallback" } })
    const patient = makeWeComCallbackHandler({
      keys,
      now: () => sampleNow + 3_600_000,
      toleranceMillis: 3_600_000,
    })
    expect(patient({ method: "POST", query, body }).accepted).toBe(true)
  })

  it("refuses a bad signature with 401 and a malformed body with 400, before decrypting", () => {
    const receive = handler()
    const bad = receive({
      method: "POST",
      query: { msg_signature: "x", timestamp: "1", nonce: "2" },
      body: `<xml><Encrypt>${message.encrypt}</Encrypt></xml>`,
    })
    expect(!bad.accepted && [bad.reason._tag, bad.reply.status]).toEqual(["SignatureMismatch", 401])
    const malformed = receive({
      method: "POST",
      query: { msg_signature: "x", timestamp: "1", nonce: "2" },
      body: "<xml><Encrypt>",
    })
    expect(!malformed.accepted && malformed.reply.status).toBe(400)
    const dtd = receive({
      method: "POST",
      query: { msg_signature: "x", timestamp: "1", nonce: "2" },
      body: '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><xml><Encrypt>&e;</Encrypt></xml>',
    })
    expect(!dtd.accepted && dtd.reason._tag).toBe("MalformedCallback")
  })
})

describe("sys_approval_change", () => {
  it("reads the approval, its records and the change (WeCom's documented example shape)", () => {
    const xml = `<xml><ToUserName><![CDATA[ww1cSD21f1e9c0caaa]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>1571732272</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[sys_approval_change]]></Event><AgentID>3010040</AgentID><ApprovalInfo><SpNo>201910220003</SpNo><SpName><![CDATA[示例模板]]></SpName><SpStatus>2</SpStatus><TemplateId><![CDATA[Bs5KJ2NT4ncf4ZygaE8MB3779yUW8nsMaJd3mmE9v]]></TemplateId><ApplyTime>1571728713</ApplyTime><Applyer><UserId><![CDATA[WuJunJie]]></UserId><Party><![CDATA[1]]></Party></Applyer><SpRecord><SpStatus>2</SpStatus><ApproverAttr>1</ApproverAttr><Details><Approver><UserId><![CDATA[WuJunJie]]></UserId></Approver><Speech><![CDATA[同意]]></Speech><SpStatus>2</SpStatus><SpTime>1571732272</SpTime></Details></SpRecord><SpRecord><SpStatus>2</SpStatus><ApproverAttr>2</ApproverAttr><Details><Approver><UserId><![CDATA[LiuXiaoGang]]></UserId></Approver><Speech><![CDATA[]]></Speech><SpStatus>2</SpStatus><SpTime>1571732200</SpTime></Details><Details><Approver><UserId><![CDATA[ChenLi]]></UserId></Approver><Speech><![CDATA[]]></Speech><SpStatus>2</SpStatus><SpTime>1571732100</SpTime></Details></SpRecord><StatuChangeEvent>2</StatuChangeEvent></ApprovalInfo></xml>`
    const event = parseWeComMessage(parseXml(xml))
    expect(isApprovalEvent(event)).toBe(true)
    if (!isApprovalEvent(event)) return
    expect(event).toMatchObject({
      spNo: "201910220003",
      spStatus: 2,
      statusChangeEvent: 2,
      applicant: "WuJunJie",
      createTime: 1571732272,
    })
    expect(
      event.records.map((record) => [record.approverAttr, record.details.map((detail) => detail.approver)]),
    ).toEqual([
      [1, ["WuJunJie"]],
      [2, ["LiuXiaoGang", "ChenLi"]],
    ])
    expect(event.dedupeKey).toBe("sys:1571732272:201910220003:2:2:3")
    // The same second, the same kind of change, one decision fewer: another change, another key.
    const earlier = parseWeComMessage(
      parseXml(
        xml
          .replace("<SpStatus>2</SpStatus><TemplateId>", "<SpStatus>1</SpStatus><TemplateId>")
          .replace(
            "<SpStatus>2</SpStatus><SpTime>1571732100</SpTime>",
            "<SpStatus>1</SpStatus><SpTime>0</SpTime>",
          ),
      ),
    )
    expect(earlier.dedupeKey).toBe("sys:1571732272:201910220003:2:1:2")
    expect(parseWeComMessage(parseXml(xml)).dedupeKey).toBe(event.dedupeKey)
  })
})
