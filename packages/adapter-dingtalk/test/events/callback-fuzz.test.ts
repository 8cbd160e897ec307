import { encryptMessage } from "@tixi/adapter-kit"
import { callbackRefusalStatus, expectWholeDeliveryOrRejection } from "@tixi/testing"
import { Effect } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { parseDingTalkEvent } from "../../src/events/dingtalk-event.ts"
import { makeDingTalkCallbackHandler } from "../../src/events/http-callback.ts"
import {
  dingTalkApprovalEventType,
  dingTalkIntakeSource,
  dingTalkOtherEventType,
} from "../../src/events/intake-source.ts"
import { intakeKeys as keys, intakeSealing as sealing } from "../support.ts"

// Cases run per property; the note on issue 12 reports their sum.
const runs = { numRuns: 300 }
const now = 1_700_000_000_000
const timestamp = String(now / 1000)

/** DingTalk's field names with any JSON in them: structurally valid nonsense. */
const fieldNames = [
  "EventType",
  "eventType",
  "eventId",
  "processInstanceId",
  "processCode",
  "type",
  "result",
  "staffId",
  "taskId",
  "createTime",
  "finishTime",
  "EventTime",
  "eventBornTime",
  "__proto__",
  "constructor",
] as const
const eventTypes = fc.constantFrom("bpms_instance_change", "bpms_task_change", "check_url", "user_add_org")
const nonsense = fc.oneof(
  fc.jsonValue(),
  fc.dictionary(fc.constantFrom(...fieldNames), fc.jsonValue()),
  fc
    .tuple(eventTypes, fc.dictionary(fc.constantFrom(...fieldNames), fc.jsonValue()))
    .map(([eventType, fields]) => ({ ...fields, EventType: eventType })),
)

describe("DingTalk parsers under fuzzing", () => {
  it("parseDingTalkEvent: any JSON gives undefined or a whole event with an id, never a throw", () => {
    fc.assert(
      fc.property(nonsense, fc.option(eventTypes, { nil: undefined }), (payload, envelopeType) => {
        const event = parseDingTalkEvent(
          payload,
          envelopeType === undefined ? {} : { eventType: envelopeType },
        )
        if (typeof payload !== "object" || payload === null) expect(event).toBeUndefined()
        else {
          expect(event?.eventId).toEqual(expect.any(String))
          expect(event?.eventType).toEqual(expect.any(String))
        }
      }),
      runs,
    )
  })

  it("the handler: any body and query give a typed refusal with its status, never a throw", () => {
    const handle = makeDingTalkCallbackHandler({ keys, now: () => now })
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom("msg_signature", "signature", "timestamp", "timeStamp", "nonce", "x"),
          fc.string({ maxLength: 60 }),
        ),
        fc.oneof(
          fc.string({ maxLength: 1_000, unit: "binary" }),
          fc.json(),
          fc.string({ maxLength: 200 }).map((encrypt) => JSON.stringify({ encrypt })),
        ),
        (query, body) => {
          const outcome = handle({ query, body })
          if (outcome.accepted) return
          expect(callbackRefusalStatus[outcome.reason._tag], outcome.reason._tag).toBe(outcome.reply.status)
        },
      ),
      runs,
    )
  })

  it("signed nonsense (JSON, bytes): accepted with whole events or refused as malformed; the intake stores nothing half-read", async () => {
    const source = dingTalkIntakeSource({ keys })
    const plaintext = fc.oneof(
      nonsense.map((value) => JSON.stringify(value)),
      fc.string({ maxLength: 500, unit: "binary" }),
    )
    await fc.assert(
      fc.asyncProperty(plaintext, async (message) => {
        const sealed = encryptMessage(sealing, message, { timestamp })
        const url = new URL("https://tixi.example.com/hooks/dingtalk")
        url.searchParams.set("msg_signature", sealed.signature)
        url.searchParams.set("timestamp", sealed.timestamp)
        url.searchParams.set("nonce", sealed.nonce)
        const exit = await Effect.runPromiseExit(
          source.verify({
            method: "POST",
            url,
            headers: { "content-type": "application/json" },
            body: new TextEncoder().encode(JSON.stringify({ encrypt: sealed.encrypt })),
            receivedAt: now,
          }),
        )
        if (exit._tag === "Success") expect(exit.value.response?.status).toBe(200)
        expectWholeDeliveryOrRejection(exit, {
          types: [dingTalkApprovalEventType, dingTalkOtherEventType],
          rejection: "malformed",
        })
      }),
      runs,
    )
  })
})
