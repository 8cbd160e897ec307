import { clientOfChangeOrigin, isOwnChange, type ReceivedChangeEvent } from "@tixi/adapter-salesforce"
import type { FakeSalesforce } from "@tixi/adapter-salesforce/fake"
import type { HostChange } from "@tixi/core"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { fakeOrgWithAdapter, suiteFields, useMsw } from "./support/fake-org-harness.ts"

useMsw()

const run = <A, E>(effect: Effect.Effect<A, E>) => Effect.runPromise(effect)

/** A controllable clock for the fake org, so SystemModstamps are predictable. */
const clock = () => {
  // Starts at the real time: the org checks JWT assertions against its own clock.
  let now = Math.floor(Date.now() / 1000) * 1000
  return { now: () => now, advance: (millis: number) => (now += millis) }
}

const events = (fake: FakeSalesforce, from = 0): Array<ReceivedChangeEvent> =>
  fake.org.changeEvents
    .slice(from)
    .map((event) => ({ replayId: String(event.replayId), header: event.header, fields: event.fields }))

describe("changes by polling SystemModstamp", () => {
  it("reports tixi's writes and staff's apart, oldest first, each once", async () => {
    const time = clock()
    const { fake, adapter } = await fakeOrgWithAdapter({ org: { now: time.now }, install: suiteFields })
    const draft = {
      externalKey: "TS-1",
      subject: "s",
      description: "d",
      status: "open" as const,
      stage: "registered",
      priority: "high" as const,
      fields: {},
    }
    await run(adapter.hostCrm.upsertCase(draft))
    time.advance(2_000)
    const staffCase = fake.staff.create("Case", { Subject: "客户来电" })
    time.advance(2_000)
    const first = await run(adapter.hostCrm.pollChanges(undefined, 100))
    const cases = first.changes.filter((change) => change.object === "case")
    expect(
      cases.map((change) => [change.externalKey ?? change.recordId, change.origin, change.changeType]),
    ).toEqual([
      ["TS-1", "tixi", "created"],
      [staffCase, "host", "created"],
    ])
    const again = await run(adapter.hostCrm.pollChanges(first.cursor, 100))
    expect(again.changes).toEqual([])
    time.advance(1_000)
    fake.staff.update("Case", staffCase, { Status: "Working" })
    const third = await run(adapter.hostCrm.pollChanges(again.cursor, 100))
    expect(third.changes.map((change) => [change.recordId, change.changeType, change.origin])).toEqual([
      [staffCase, "updated", "host"],
    ])
  })

  it("sees deletions in the recycle bin", async () => {
    const time = clock()
    const { fake, adapter } = await fakeOrgWithAdapter({ org: { now: time.now }, install: [] })
    const id = fake.staff.create("Account", { Name: "将删除" })
    const start = await run(adapter.hostCrm.pollChanges(undefined, 100))
    time.advance(5_000)
    fake.staff.remove("Account", id)
    const after = await run(adapter.hostCrm.pollChanges(start.cursor, 100))
    expect(after.changes).toMatchObject([{ recordId: id, changeType: "deleted", object: "customer" }])
  })

  it("pages through changes sharing one second without losing or repeating any", async () => {
    const time = clock()
    const { fake, adapter } = await fakeOrgWithAdapter({ org: { now: time.now }, install: [] })
    const ids = Array.from({ length: 25 }, (_, index) =>
      fake.staff.create("Account", { Name: `同一秒 ${index}` }),
    )
    const seen: Array<HostChange> = []
    let cursor: string | undefined
    for (let round = 0; round < 10; round++) {
      const page = await run(adapter.hostCrm.pollChanges(cursor, 7))
      seen.push(...page.changes)
      cursor = page.cursor
      if (page.changes.length === 0) break
    }
    const accountIds = seen.filter((change) => change.object === "customer").map((change) => change.recordId)
    expect([...accountIds].sort()).toEqual([...ids].sort())
    expect(new Set(accountIds).size).toBe(accountIds.length)
  })

  it("keeps the cursor small however long one object stays quiet", async () => {
    const time = clock()
    const { fake, adapter } = await fakeOrgWithAdapter({ org: { now: time.now }, install: [] })
    fake.staff.create("Account", { Name: "很久以前" })
    let cursor = (await run(adapter.hostCrm.pollChanges(undefined, 100))).cursor
    for (let round = 0; round < 12; round++) {
      time.advance(120_000)
      fake.staff.create("Case", { Subject: `第 ${round} 件` })
      const page = await run(adapter.hostCrm.pollChanges(cursor, 100))
      expect(page.changes).toHaveLength(1)
      cursor = page.cursor
    }
    const decoded = JSON.parse(Buffer.from(cursor ?? "", "base64url").toString("utf8")) as {
      recent: ReadonlyArray<string>
    }
    expect(decoded.recent.length).toBeLessThanOrEqual(2)
  })

  it("rejects a cursor it did not issue", async () => {
    const { adapter } = await fakeOrgWithAdapter({})
    const failure = await run(Effect.flip(adapter.hostCrm.pollChanges("not-a-cursor", 10)))
    expect(failure.reason._tag).toBe("InvalidRequest")
  })
})

describe("Change Data Capture intake", () => {
  it("reads the client from changeOrigin", () => {
    expect(clientOfChangeOrigin("com/salesforce/api/rest/66.0;client=tixi")).toBe("tixi")
    expect(clientOfChangeOrigin("com/salesforce/api/soap/66.0;client=DataLoader")).toBe("DataLoader")
    expect(clientOfChangeOrigin("")).toBeUndefined()
    expect(clientOfChangeOrigin("com/salesforce/api/rest/66.0")).toBeUndefined()
  })

  it("marks tixi's own writes by the client it sends, and drops redelivered events", async () => {
    const { fake, adapter } = await fakeOrgWithAdapter({ install: suiteFields })
    const before = fake.org.changeEvents.length
    await run(
      adapter.hostCrm.upsertCase({
        externalKey: "TS-9",
        subject: "s",
        description: "d",
        status: "open",
        stage: "registered",
        priority: "high",
        fields: { complaint_urgency: "urgent" },
      }),
    )
    const staffCase = fake.staff.create("Case", { Subject: "客户来电" })
    const delivered = events(fake, before)
    const result = await run(adapter.changeEvents.receive([...delivered, delivered[0]!]))
    expect(result.duplicates).toBe(1)
    expect(result.changes.map((change) => [change.externalKey ?? change.recordId, change.origin])).toEqual([
      ["TS-9", "tixi"],
      [staffCase, "host"],
    ])
    expect(result.changes[0]!.changedFields).toEqual([])
    expect(result.lastReplayId).toBe(delivered[0]!.replayId)
  })

  it("marks tixi's sObject Collections writes as its own by the commit user when changeOrigin names no client", async () => {
    const { fake, adapter } = await fakeOrgWithAdapter({ install: suiteFields })
    const accounts = ["甲", "乙"].map((name) => fake.staff.create("Account", { Name: name }))
    const before = fake.org.changeEvents.length
    await run(
      adapter.writeRecords(
        {
          object: "Account",
          operation: "update",
          records: accounts.map((Id) => ({ Id, Phone: "021-5555-0100" })),
        },
        { path: "collections" },
      ),
    )
    fake.staff.update("Account", accounts[0]!, { Name: "甲（改）" })
    const delivered = events(fake, before)
    // The undocumented case: the collection's events carry no client in changeOrigin.
    expect(delivered.slice(0, 2).map((event) => clientOfChangeOrigin(event.header.changeOrigin))).toEqual([
      undefined,
      undefined,
    ])
    expect(delivered[0]!.header.commitUser).toBe(fake.org.integrationUserId)
    const result = await run(adapter.changeEvents.receive(delivered))
    expect(result.changes.map((change) => [change.recordId, change.origin])).toEqual([
      [accounts[0], "tixi"],
      [accounts[1], "tixi"],
      [accounts[0], "host"],
    ])
    expect(
      isOwnChange(
        { changeOrigin: "", commitUser: fake.org.integrationUserId.slice(0, 15) },
        { client: "tixi", integrationUserId: fake.org.integrationUserId },
      ),
    ).toBe(true)
    expect(
      isOwnChange(
        { changeOrigin: "com/salesforce/api/rest/66.0;client=tixi", commitUser: "005000000000001AAA" },
        { client: "tixi", integrationUserId: fake.org.integrationUserId },
      ),
    ).toBe(true)
    expect(
      isOwnChange(
        { changeOrigin: "", commitUser: "" },
        { client: "tixi", integrationUserId: fake.org.integrationUserId },
      ),
    ).toBe(false)
  })

  it("reports changed fields of updates in tixi's names, as the complaint intake compares them", async () => {
    const { fake, adapter } = await fakeOrgWithAdapter({ install: suiteFields })
    const id = fake.staff.create("Case", { Subject: "客户来电" })
    const before = fake.org.changeEvents.length
    fake.staff.update("Case", id, { Status: "Escalated", IsEscalated: true })
    fake.staff.update("Case", id, {
      Subject: "客户再次来电",
      Priority: "High",
      Tixi_Complaint_Urgency__c: "critical",
    })
    const result = await run(adapter.changeEvents.receive(events(fake, before)))
    expect(result.changes[0]).toMatchObject({ changeType: "updated", origin: "host" })
    expect(result.changes[0]!.changedFields).toEqual(expect.arrayContaining(["stage", "IsEscalated"]))
    expect(result.changes[0]!.changedFields).not.toContain("Status")
    expect(result.changes[1]!.changedFields).toEqual(
      expect.arrayContaining(["subject", "priority", "complaint_urgency"]),
    )
  })

  it("re-reads the records a gap event names, and everything since an overflow", async () => {
    const { fake, adapter } = await fakeOrgWithAdapter({ install: [] })
    const first = fake.staff.create("Case", { Subject: "一" })
    const second = fake.staff.create("Account", { Name: "二" })
    const before = fake.org.changeEvents.length
    fake.org.publishGap("Case", [first])
    fake.org.publishGap("Account", ["001*"], "GAP_OVERFLOW")
    const result = await run(adapter.changeEvents.receive(events(fake, before)))
    expect(result.reread).toBe(2)
    expect(result.changes.map((change) => [change.recordId, change.object, change.origin])).toEqual([
      [first, "case", "host"],
      [second, "customer", "host"],
    ])
  })
})
