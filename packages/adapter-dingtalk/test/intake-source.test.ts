import {
  approvalOutcomeEventType,
  decryptMessage,
  encryptMessage,
  IntakeRejected,
  type IntakeRequest,
} from "@tixi/adapter-kit"
import { type ApprovalOutcomeEvent, approvalId } from "@tixi/core"
import { Effect, Result } from "effect"
import { describe, expect, it } from "vitest"
import {
  dingTalkApprovalEventType,
  dingTalkIntakeSource,
  dingTalkOtherEventType,
  isDingTalkDirectoryChange,
} from "../src/index.ts"
import { intakeKeys as keys, intakeSealing as sealing } from "./support.ts"

const at = Date.UTC(2026, 3, 7, 2, 0)

/** A push as DingTalk sends it: the encrypted body, the signature in the query. */
function push(
  plaintext: unknown,
  tamper: (url: URL) => void = () => {},
  timestamp = String(at / 1000),
): IntakeRequest {
  const sealed = encryptMessage(sealing, JSON.stringify(plaintext), { timestamp })
  const url = new URL("https://tixi.example.com/hooks/dingtalk")
  url.searchParams.set("msg_signature", sealed.signature)
  url.searchParams.set("timestamp", sealed.timestamp)
  url.searchParams.set("nonce", sealed.nonce)
  tamper(url)
  return {
    method: "POST",
    url,
    headers: { "content-type": "application/json" },
    body: new TextEncoder().encode(JSON.stringify({ encrypt: sealed.encrypt })),
    receivedAt: at,
  }
}

const finish = {
  EventType: "bpms_instance_change",
  eventId: "evt-finish-1",
  processInstanceId: "PI-1",
  processCode: "PROC-REMEDY",
  type: "finish",
  result: "agree",
  staffId: "manager-qian",
  createTime: at - 3_600_000,
  finishTime: at,
}

describe("dingTalkIntakeSource", () => {
  const source = dingTalkIntakeSource({ keys })

  it("turns an approval push into one event keyed by DingTalk's id, answered with the encrypted success", async () => {
    expect(source).toMatchObject({
      name: "dingtalk",
      path: "/hooks/dingtalk",
      acknowledgeWithinMillis: 1_500,
    })
    const delivery = await Effect.runPromise(source.verify(push(finish)))
    expect(delivery.events).toEqual([
      {
        id: "evt-finish-1",
        type: dingTalkApprovalEventType,
        payload: expect.objectContaining({ processInstanceId: "PI-1", type: "finish", result: "agree" }),
      },
    ])
    const reply = JSON.parse(delivery.response!.body) as Record<string, string>
    const plain = decryptMessage(sealing, {
      signature: reply.msg_signature!,
      timestamp: reply.timeStamp!,
      nonce: reply.nonce!,
      encrypt: reply.encrypt!,
    })
    expect(Result.getOrThrow(plain)).toBe("success")
    // A retry of the same push is verified again; the intake, not the source, drops the duplicate.
    const retry = await Effect.runPromise(source.verify(push(finish)))
    expect(retry.events.map((event) => event.id)).toEqual(["evt-finish-1"])
  })

  it("answers the check_url handshake without events, and passes other subscribed events on", async () => {
    const handshake = await Effect.runPromise(source.verify(push({ EventType: "check_url" })))
    expect(handshake.events).toEqual([])
    expect(handshake.response?.status).toBe(200)
    const userChange = await Effect.runPromise(
      source.verify(push({ EventType: "user_modify_org", eventId: "evt-user-9", UserId: ["u1"] })),
    )
    expect(userChange.events).toMatchObject([{ id: "evt-user-9", type: dingTalkOtherEventType }])
    // An address-book change empties the runtime's person cache; the URL check does not.
    expect(isDingTalkDirectoryChange(userChange.events[0]!)).toBe(true)
    expect(
      isDingTalkDirectoryChange({ type: dingTalkOtherEventType, payload: { eventType: "check_url" } }),
    ).toBe(false)
  })

  it("an event pushed without an eventId is stored under an id derived from its content; its retry keeps the id", async () => {
    const added = (userId: string) => ({ EventType: "user_add_org", UserId: [userId], CorpId: "ding-corp" })
    const first = await Effect.runPromise(source.verify(push(added("u1"))))
    const second = await Effect.runPromise(source.verify(push(added("u2"))))
    const retry = await Effect.runPromise(source.verify(push(added("u1"))))
    expect(first.events).toMatchObject([
      { type: dingTalkOtherEventType, payload: { eventType: "user_add_org" } },
    ])
    expect(first.events[0]!.id).toMatch(/^user_add_org:[0-9a-f]{32}$/)
    expect(second.events[0]!.id).not.toBe(first.events[0]!.id)
    expect(retry.events.map((event) => event.id)).toEqual([first.events[0]!.id])
  })

  it("refuses a genuine push signed more than 5 minutes before it arrived as replayed", async () => {
    const late = { ...push(finish), receivedAt: at + 5 * 60_000 + 1_000 }
    const rejected = await Effect.runPromise(Effect.flip(source.verify(late)))
    expect(rejected.reason).toBe("replayed")
    expect(rejected.detail).toMatch(/301 s old, outside the 300 s tolerance/)
    const ahead = { ...push(finish), receivedAt: at - 6 * 60_000 }
    expect((await Effect.runPromise(Effect.flip(source.verify(ahead)))).reason).toBe("replayed")
    const patient = dingTalkIntakeSource({ keys, toleranceMillis: 3_600_000 })
    expect((await Effect.runPromise(patient.verify(late))).events).toHaveLength(1)
    // A timestamp in milliseconds, as some DingTalk pushes carry, is read as such.
    const inMillis = await Effect.runPromise(source.verify(push(finish, undefined, String(at))))
    expect(inMillis.events).toHaveLength(1)
  })

  it("refuses a forged signature as forged and a body it cannot read as malformed", async () => {
    const forged = await Effect.runPromise(
      Effect.flip(
        source.verify(push(finish, (url) => url.searchParams.set("msg_signature", "0".repeat(40)))),
      ),
    )
    expect(forged).toBeInstanceOf(IntakeRejected)
    expect(forged.reason).toBe("forged")
    const otherApp = dingTalkIntakeSource({
      keys: { ...keys, ownerKey: { kind: "appKey", value: "dingother" } },
    })
    expect((await Effect.runPromise(Effect.flip(otherApp.verify(push(finish))))).reason).toBe("forged")
    const noQuery = await Effect.runPromise(
      Effect.flip(source.verify(push(finish, (url) => url.searchParams.delete("nonce")))),
    )
    expect(noQuery.reason).toBe("malformed")
  })

  it("translates a stored approval event into tixi's outcome when given the adapter's toOutcome", async () => {
    const outcome: ApprovalOutcomeEvent = {
      eventId: "dingtalk:PI-1:agree",
      approvalId: approvalId("PI-1"),
      key: "complaint:TS-1:4:approval.submit",
      businessKey: "TS-1",
      requestType: "complaint.remedy",
      outcome: "approved",
      decidedBy: undefined,
      comment: undefined,
      at,
    }
    const translating = dingTalkIntakeSource({
      keys,
      toOutcome: (event) => Effect.succeed(event.type === "finish" ? outcome : undefined),
    })
    const [stored] = (await Effect.runPromise(translating.verify(push(finish)))).events
    expect(await Effect.runPromise(translating.translate!(stored!))).toEqual([
      { id: "dingtalk:PI-1:agree", type: approvalOutcomeEventType, payload: outcome },
    ])
    // A start decides nothing; an event of another kind passes unchanged.
    const [started] = (
      await Effect.runPromise(translating.verify(push({ ...finish, eventId: "e2", type: "start" })))
    ).events
    expect(await Effect.runPromise(translating.translate!(started!))).toEqual([])
    const other = { id: "evt-user-9", type: dingTalkOtherEventType, payload: {} }
    expect(await Effect.runPromise(translating.translate!(other))).toEqual([other])
    expect(source.translate).toBeUndefined()
  })

  it("fails loudly, not as a forgery, when tixi's own AES key is wrong", async () => {
    const misconfigured = dingTalkIntakeSource({ keys: { ...keys, aesKey: "too-short" } })
    const exit = await Effect.runPromiseExit(misconfigured.verify(push(finish)))
    expect(exit._tag).toBe("Failure")
    expect(String(exit)).toContain("callback settings are wrong")
  })
})
