import { IntakeRejected, type IntakeRequest } from "@tixi/adapter-kit"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import {
  encryptWeComMessage,
  isWeComDirectoryChange,
  weComApprovalEventType,
  weComIntakeSource,
  weComOtherEventType,
} from "../src/index.ts"
import { keys, verifyQuery } from "./tencent-samples.ts"

const approvalXml = `<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>1571732272</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[sys_approval_change]]></Event><AgentID>3010040</AgentID><ApprovalInfo><SpNo>201910220003</SpNo><SpName><![CDATA[投诉补偿审批单]]></SpName><SpStatus>2</SpStatus><TemplateId><![CDATA[tpl-remedy]]></TemplateId><ApplyTime>1571728713</ApplyTime><Applyer><UserId><![CDATA[WuJunJie]]></UserId><Party><![CDATA[1]]></Party></Applyer><SpRecord><SpStatus>2</SpStatus><ApproverAttr>1</ApproverAttr><Details><Approver><UserId><![CDATA[LiuXiaoGang]]></UserId></Approver><Speech><![CDATA[同意]]></Speech><SpStatus>2</SpStatus><SpTime>1571732272</SpTime></Details></SpRecord><StatuChangeEvent>2</StatuChangeEvent></ApprovalInfo></xml>`

const url = (query: Record<string, string>) => {
  const address = new URL("https://tixi.example.com/hooks/wecom")
  for (const [name, value] of Object.entries(query)) address.searchParams.set(name, value)
  return address
}

/** A push as WeCom sends it: `<xml><Encrypt/>…` in the body, the signature in the query. */
function push(xml: string, signature?: string): IntakeRequest {
  const sealed = encryptWeComMessage(keys, xml, { timestamp: "1571732272" })
  return {
    method: "POST",
    url: url({
      msg_signature: signature ?? sealed.signature,
      timestamp: sealed.timestamp,
      nonce: sealed.nonce,
    }),
    headers: { "content-type": "text/xml" },
    body: new TextEncoder().encode(
      `<xml><ToUserName><![CDATA[${keys.receiveId}]]></ToUserName><Encrypt><![CDATA[${sealed.encrypt}]]></Encrypt></xml>`,
    ),
    receivedAt: 1_571_732_273_000,
  }
}

describe("weComIntakeSource", () => {
  const source = weComIntakeSource({ keys })

  it("answers the URL verification GET with Tencent's sample echo and stores nothing", async () => {
    expect(source).toMatchObject({ name: "wecom", path: "/hooks/wecom", acknowledgeWithinMillis: 5_000 })
    const verified = await Effect.runPromise(
      source.verify({
        method: "GET",
        url: url(verifyQuery),
        headers: {},
        body: new Uint8Array(),
        receivedAt: 1_409_659_589_000,
      }),
    )
    expect(verified.events).toEqual([])
    expect(verified.response).toMatchObject({ status: 200, body: "1616140317555161061" })
  })

  it("stores a sys_approval_change under WeCom's dedupe key and answers success", async () => {
    const delivery = await Effect.runPromise(source.verify(push(approvalXml)))
    expect(delivery.events).toEqual([
      {
        id: "sys:1571732272:201910220003:2:2:1",
        type: weComApprovalEventType,
        payload: expect.objectContaining({ spNo: "201910220003", spStatus: 2 }),
      },
    ])
    expect(delivery.response).toMatchObject({ status: 200, body: "success" })
    const text = `<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><FromUserName><![CDATA[mycreate]]></FromUserName><CreateTime>1409659813</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[hello]]></Content><MsgId>4561255354251345929</MsgId><AgentID>218</AgentID></xml>`
    const other = await Effect.runPromise(source.verify(push(text)))
    expect(other.events).toMatchObject([{ type: weComOtherEventType }])
  })

  it("three change_contact events in one second are three events; a retried one keeps its key", async () => {
    const change = (changeType: string, userId: string) =>
      `<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>1571732272</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_contact]]></Event><ChangeType>${changeType}</ChangeType><UserID><![CDATA[${userId}]]></UserID></xml>`
    const pushes = [
      change("create_user", "ZhangSan"),
      change("create_user", "LiSi"),
      change("update_user", "ZhangSan"),
    ]
    const ids = []
    for (const xml of pushes) {
      const delivery = await Effect.runPromise(source.verify(push(xml)))
      expect(delivery.events).toMatchObject([
        { type: weComOtherEventType, payload: { event: "change_contact" } },
      ])
      // An address-book change empties the runtime's person cache.
      expect(isWeComDirectoryChange(delivery.events[0]!)).toBe(true)
      ids.push(delivery.events[0]!.id)
    }
    expect(new Set(ids).size).toBe(3)
    // WeCom's retry re-encrypts the same message: a new ciphertext, the same content, the same key.
    const retried = await Effect.runPromise(source.verify(push(pushes[0]!)))
    expect(retried.events.map((event) => event.id)).toEqual([ids[0]])
    // A user message is known by its MsgId.
    const text = `<xml><FromUserName><![CDATA[mycreate]]></FromUserName><CreateTime>1409659813</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[hello]]></Content><MsgId>4561255354251345929</MsgId></xml>`
    const message = await Effect.runPromise(source.verify(push(text)))
    expect(message.events.map((event) => event.id)).toEqual(["msg:4561255354251345929"])
  })

  it("refuses a genuine push signed more than 5 minutes before it arrived as replayed", async () => {
    const late = { ...push(approvalXml), receivedAt: 1_571_732_272_000 + 5 * 60_000 + 1_000 }
    const rejected = await Effect.runPromise(Effect.flip(source.verify(late)))
    expect(rejected.reason).toBe("replayed")
    expect(rejected.detail).toMatch(/outside the 300 s tolerance/)
    const patient = weComIntakeSource({ keys, toleranceMillis: 3_600_000 })
    expect((await Effect.runPromise(patient.verify(late))).events).toHaveLength(1)
  })

  it("answers a 1 MiB unsigned hostile body (wide, deep, unclosed) as malformed in well under a second", async () => {
    const mebibyte = 1024 * 1024
    const fill = (unit: string) => unit.repeat(Math.floor(mebibyte / unit.length))
    const hostile = {
      wide: `<xml>${fill("<a/>")}</xml>`,
      repeated: `<xml>${fill("<a>1</a>")}</xml>`,
      deep: fill("<a>"),
      unclosed: `<xml><Encrypt>${fill("x")}`,
    }
    for (const [shape, body] of Object.entries(hostile)) {
      const started = performance.now()
      const rejected = await Effect.runPromise(
        Effect.flip(source.verify({ ...push(approvalXml), body: new TextEncoder().encode(body) })),
      )
      const elapsed = performance.now() - started
      expect(rejected.reason, shape).toBe("malformed")
      // Before the parser was linear and capped, 40k siblings took 6 s and 1 MiB several minutes.
      expect(elapsed, `${shape}: ${Math.round(elapsed)} ms`).toBeLessThan(1_000)
    }
  })

  it("refuses a forged signature as forged and a body without Encrypt as malformed", async () => {
    const forged = await Effect.runPromise(Effect.flip(source.verify(push(approvalXml, "0".repeat(40)))))
    expect(forged).toBeInstanceOf(IntakeRejected)
    expect(forged.reason).toBe("forged")
    const empty = await Effect.runPromise(
      Effect.flip(source.verify({ ...push(approvalXml), body: new TextEncoder().encode("<xml></xml>") })),
    )
    expect(empty.reason).toBe("malformed")
  })
})
