import { fieldsOfBitmaps, type IntakeResult } from "@tixi/adapter-salesforce"
import type { FieldSpec } from "@tixi/core"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { suiteFields, until } from "./support/fake-org-harness.ts"
import { servedOrgWithPubSub } from "./support/scenes.ts"

const servedOrg = (install: ReadonlyArray<FieldSpec>) => servedOrgWithPubSub(install)

describe("Change Data Capture over the Pub/Sub API", () => {
  it("decodes field bitmaps against the event schema", () => {
    const fields = [
      { name: "ChangeEventHeader" },
      { name: "Subject" },
      { name: "Name", nested: ["FirstName", "LastName"] },
      { name: "Status" },
    ]
    expect(fieldsOfBitmaps(["0xA"], fields)).toEqual(["Subject", "Status"])
    expect(fieldsOfBitmaps(["2-0x2"], fields)).toEqual(["Name.LastName"])
    expect(fieldsOfBitmaps(["LastModifiedDate"], fields)).toEqual(["LastModifiedDate"])
  })

  it("streams events with Avro payloads, tells tixi's writes from staff's, and resumes from a replay id", async () => {
    const { fake, adapter, pubsub, close } = await servedOrg(suiteFields)
    const received: Array<IntakeResult> = []
    try {
      const subscription = await Effect.runPromise(
        adapter.subscribeChangeEvents({
          topic: "/data/CaseChangeEvent",
          endpoint: pubsub.endpoint,
          insecure: true,
          batchSize: 2,
          onChanges: (result) => {
            received.push(result)
          },
        }),
      )
      await new Promise((resolve) => setTimeout(resolve, 100))
      await Effect.runPromise(
        adapter.hostCrm.upsertCase({
          externalKey: "TS-7",
          subject: "包装破损",
          description: "d",
          status: "open",
          stage: "registered",
          priority: "high",
          fields: { complaint_urgency: "urgent" },
        }),
      )
      const staffCase = fake.staff.create("Case", { Subject: "客户来电" })
      fake.staff.update("Case", staffCase, { Status: "Escalated", IsEscalated: true })
      fake.staff.create("Account", { Name: "不在此主题" })
      await until(() => received.flatMap((result) => result.changes).length >= 3)
      const changes = received.flatMap((result) => result.changes)
      expect(
        changes.map((change) => [change.externalKey ?? change.recordId, change.changeType, change.origin]),
      ).toEqual([
        ["TS-7", "created", "tixi"],
        [staffCase, "created", "host"],
        [staffCase, "updated", "host"],
      ])
      expect(changes[2]!.changedFields).toEqual(expect.arrayContaining(["stage", "IsEscalated"]))
      const resumeFrom = received[0]!.lastReplayId!
      subscription.close()
      await subscription.done

      const again: Array<IntakeResult> = []
      const resumed = await Effect.runPromise(
        adapter.subscribeChangeEvents({
          topic: "/data/CaseChangeEvent",
          endpoint: pubsub.endpoint,
          insecure: true,
          replayId: resumeFrom,
          onChanges: (result) => {
            again.push(result)
          },
        }),
      )
      await until(
        () => again.reduce((count, result) => count + result.duplicates + result.changes.length, 0) >= 1,
      )
      expect(again.flatMap((result) => result.changes).every((change) => change.recordId === staffCase)).toBe(
        true,
      )
      resumed.close()
    } finally {
      await close()
    }
  })

  it("renews an expired session once and resubscribes", async () => {
    const { fake, adapter, pubsub, close } = await servedOrg([])
    try {
      const first = await Effect.runPromise(
        adapter.subscribeChangeEvents({
          topic: "/data/ChangeEvents",
          endpoint: pubsub.endpoint,
          insecure: true,
          onChanges: () => {},
        }),
      )
      first.close()
      fake.org.expireSessions()
      const received: Array<IntakeResult> = []
      const subscription = await Effect.runPromise(
        adapter.subscribeChangeEvents({
          topic: "/data/ChangeEvents",
          endpoint: pubsub.endpoint,
          insecure: true,
          onChanges: (result) => {
            received.push(result)
          },
        }),
      )
      await new Promise((resolve) => setTimeout(resolve, 300))
      fake.staff.create("Account", { Name: "新客户" })
      await until(() => received.length > 0)
      expect(received[0]!.changes[0]).toMatchObject({
        object: "customer",
        origin: "host",
        changeType: "created",
      })
      subscription.close()
    } finally {
      await close()
    }
  })

  it("sets aside an event whose payload declares more than it holds, with its reason, and reads on past it", async () => {
    let hostileReplay = 0
    const { fake, adapter, pubsub, close } = await servedOrgWithPubSub([], {
      // The second event's payload keeps its first bytes, then declares 2³¹ record ids in five bytes.
      rewritePayload: (replayId, payload) =>
        replayId === hostileReplay
          ? Buffer.concat([payload.subarray(0, 5), Buffer.from([0x80, 0x80, 0x80, 0x80, 0x10])])
          : payload,
    })
    try {
      const before = fake.org.changeEvents.length
      fake.staff.create("Case", { Subject: "一" })
      fake.staff.create("Case", { Subject: "二" })
      fake.staff.create("Case", { Subject: "三" })
      hostileReplay = fake.org.changeEvents[before + 1]!.replayId
      const received: Array<IntakeResult> = []
      const subscription = await Effect.runPromise(
        adapter.subscribeChangeEvents({
          topic: "/data/CaseChangeEvent",
          endpoint: pubsub.endpoint,
          insecure: true,
          startAt: "earliest",
          batchSize: 2,
          onChanges: (result) => {
            received.push(result)
          },
        }),
      )
      await until(() => received.flatMap((result) => result.changes).length === 2, 15_000)
      subscription.close()
      await subscription.done
      const undecodable = received.flatMap((result) => result.undecodable ?? [])
      expect(undecodable).toEqual([
        {
          replayId: expect.any(String),
          schemaId: expect.any(String),
          reason: expect.stringContaining("payload"),
        },
      ])
      // The batch holding it still moved the position past it, so a restart does not read it again.
      const holding = received.find((result) => (result.undecodable ?? []).length > 0)!
      expect(holding.lastReplayId).toBe(undecodable[0]!.replayId)
      const hostileRecordId = fake.org.changeEvents[before + 1]!.header.recordIds[0]
      expect(received.flatMap((result) => result.changes).map((change) => change.recordId)).not.toContain(
        hostileRecordId,
      )
    } finally {
      await close()
    }
  })
})
