import { IntakeRejected, type IntakeRequest } from "@tixi/adapter-kit"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import {
  encryptWeComMessage,
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
        receivedAt: 0,
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
