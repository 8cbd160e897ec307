import { callbackRefusalStatus, expectWholeDeliveryOrRejection } from "@tixi/testing"
import { Effect } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { makeWeComCallbackHandler } from "../../src/events/http-callback.ts"
import {
  weComApprovalEventType,
  weComIntakeSource,
  weComOtherEventType,
} from "../../src/events/intake-source.ts"
import { parseXml, XmlSyntaxError } from "../../src/events/parse-xml.ts"
import { encryptWeComMessage } from "../../src/events/wecom-crypto.ts"
import { parseWeComMessage } from "../../src/events/wecom-event.ts"
import { keys } from "../tencent-samples.ts"

// Cases run per property; the note on issue 12 reports their sum.
const runs = { numRuns: 300 }
const now = 1_700_000_000_000
const timestamp = String(now / 1000)

/** Element names as WeCom's and as an attacker's: real fields, prototype keys, odd but legal names. */
const name = fc.constantFrom(
  "xml",
  "Encrypt",
  "ApprovalInfo",
  "SpRecord",
  "Details",
  "Approver",
  "UserId",
  "SpStatus",
  "MsgId",
  "__proto__",
  "constructor",
  "toString",
  "a.b-c_d",
)
const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom("&lt;", "&amp;", "&#x4E2D;", "&#99999999;", "&bogus;", "]]>", "<", "&"),
)
/** XML that is mostly well formed: elements, text, CDATA, comments, and now and then a broken piece. */
const xml: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    text,
    fc.string({ maxLength: 20 }).map((inside) => `<![CDATA[${inside}]]>`),
    name.map((tag) => `<${tag}/>`),
    fc
      .tuple(
        name,
        fc.array(tie("node"), { maxLength: 5 }),
        fc.nat(9).map((roll) => roll > 0),
      )
      .map(([tag, children, close]) => `<${tag}>${children.join("")}${close ? `</${tag}>` : ""}`),
    fc.constantFrom("<!-- c -->", "<?pi x?>", "<!DOCTYPE x>", "</wrong>", "<", "<>"),
  ),
})).node

/** A push as WeCom would sign it, around any plaintext. */
const signed = (plaintext: string) => {
  const sealed = encryptWeComMessage(keys, plaintext, { timestamp })
  return {
    query: { msg_signature: sealed.signature, timestamp, nonce: sealed.nonce },
    body: `<xml><Encrypt><![CDATA[${sealed.encrypt}]]></Encrypt></xml>`,
  }
}

describe("WeCom parsers under fuzzing", () => {
  it("JSON-mode approval changes with null, scalar or nested nonsense where elements belong are read, not thrown on", () => {
    const change = (approvalInfo: unknown) => ({ Event: "sys_approval_change", ApprovalInfo: approvalInfo })
    expect(parseWeComMessage(change(null))).toMatchObject({ event: "sys_approval_change", payload: {} })
    const odd = parseWeComMessage(
      change({
        SpNo: { nested: 1 },
        SpRecord: [null, 3, { Details: [null, { Approver: null }] }],
        Applyer: 7,
      }),
    )
    expect(odd).toMatchObject({ spNo: "", applicant: undefined })
    expect(
      parseWeComMessage(
        parseXml(
          "<xml><Event>sys_approval_change</Event><ApprovalInfo><SpNo><a/></SpNo></ApprovalInfo></xml>",
        ),
      ),
    ).toMatchObject({ spNo: "" })
  })

  it("parseXml: arbitrary text and near-XML give a document or an XmlSyntaxError, nothing else", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 2_000, unit: "binary" }),
          xml,
          xml.map((doc) => `<xml>${doc}</xml>`),
        ),
        (source) => {
          try {
            const parsed = parseXml(source)
            expect(typeof parsed).toBe("object")
          } catch (error) {
            expect(error).toBeInstanceOf(XmlSyntaxError)
          }
        },
      ),
      runs,
    )
  })

  it("the handler: any body and query give a typed refusal with its status, never a throw", () => {
    const handle = makeWeComCallbackHandler({ keys, now: () => now })
    fc.assert(
      fc.property(
        fc.constantFrom("GET", "POST", "PUT"),
        fc.dictionary(
          fc.constantFrom("msg_signature", "timestamp", "nonce", "echostr", "x"),
          fc.string({ maxLength: 60 }),
        ),
        fc.oneof(
          fc.string({ maxLength: 4_000, unit: "binary" }),
          xml,
          fc.json().map((json) => json),
        ),
        (method, query, body) => {
          const outcome = handle({ method, query, body })
          if (outcome.accepted) return
          expect(callbackRefusalStatus[outcome.reason._tag], outcome.reason._tag).toBe(outcome.reply.status)
        },
      ),
      runs,
    )
  })

  it("signed nonsense (XML, JSON, bytes): accepted with whole events or refused as malformed; the intake stores nothing half-read", async () => {
    const source = weComIntakeSource({ keys })
    const plaintext = fc.oneof(
      xml.map((doc) => `<xml>${doc}</xml>`),
      xml.map(
        (doc) =>
          `<xml><MsgType>event</MsgType><Event>sys_approval_change</Event><ApprovalInfo>${doc}</ApprovalInfo></xml>`,
      ),
      fc.jsonValue().map((value) => JSON.stringify({ Event: "sys_approval_change", ApprovalInfo: value })),
      fc.jsonValue().map((value) => JSON.stringify(value)),
      fc.object().map((value) => JSON.stringify(value)),
      fc.string({ maxLength: 500, unit: "binary" }),
    )
    await fc.assert(
      fc.asyncProperty(plaintext, async (message) => {
        const { query, body } = signed(message)
        const exit = await Effect.runPromiseExit(
          source.verify({
            method: "POST",
            url: new URL(`https://tixi.example.com/hooks/wecom?${new URLSearchParams(query)}`),
            headers: {},
            body: new TextEncoder().encode(body),
            receivedAt: now,
          }),
        )
        expectWholeDeliveryOrRejection(exit, {
          types: [weComApprovalEventType, weComOtherEventType],
          rejection: "malformed",
        })
      }),
      runs,
    )
  })
})
