import { make, type SalesforceAdapterService } from "@tixi/adapter-salesforce"
import type { FakeSalesforce } from "@tixi/adapter-salesforce/fake"
import { type CaseDraft, Complaints, hostRecordId } from "@tixi/core"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { fakeOrgWithAdapter, settingsFor, suiteFields, useMsw } from "./support/fake-org-harness.ts"

useMsw()

const run = <A, E>(effect: Effect.Effect<A, E>) => Effect.runPromise(effect)

const escalationFields = Complaints.complaintCaseFields.filter((spec) =>
  ["complaint_escalation_level", "complaint_first_response_breached"].includes(spec.name),
)

const draft = (fields: CaseDraft["fields"], extra: Partial<CaseDraft> = {}): CaseDraft => ({
  externalKey: "TS-1",
  subject: "包装破损",
  description: "到货 6 箱外包装破损",
  status: "open",
  stage: "registered",
  priority: "high",
  fields,
  ...extra,
})

const caseOf = (fake: FakeSalesforce, key: string) =>
  fake.org.records("Case").find((row) => row.Tixi_Key__c === key)!

/** Lookups of a Case by tixi's key that read the whole Case (`findCase`), not a task's `WhatId`. */
const keyLookups = (fake: FakeSalesforce, from: number, key: string) =>
  fake.api.requests
    .slice(from)
    .filter(
      (request) =>
        request.soql?.includes(`FROM Case WHERE Tixi_Key__c = '${key}'`) &&
        !request.soql.startsWith("SELECT Id FROM"),
    ).length

describe("Cases", () => {
  it("marks the Case escalated while the complaint's escalation level is above 0", async () => {
    const { fake, adapter } = await fakeOrgWithAdapter({ install: escalationFields })
    await run(adapter.hostCrm.upsertCase(draft({ complaint_escalation_level: 0 })))
    expect(caseOf(fake, "TS-1").IsEscalated).toBe(false)
    await run(adapter.hostCrm.upsertCase(draft({ complaint_escalation_level: 2 })))
    expect(caseOf(fake, "TS-1")).toMatchObject({ IsEscalated: true, Tixi_Complaint_Escalation_Level__c: 2 })
    // Reopened: the level starts again at 0.
    await run(adapter.hostCrm.upsertCase(draft({ complaint_escalation_level: 0 })))
    expect(caseOf(fake, "TS-1").IsEscalated).toBe(false)
    // A case without the field (not a complaint) leaves IsEscalated to staff and the org's rules.
    const staffEscalated = fake.staff.create("Case", {
      Subject: "其他",
      IsEscalated: true,
      Tixi_Key__c: "X-1",
    })
    await run(adapter.hostCrm.upsertCase(draft({}, { externalKey: "X-1" })))
    expect(fake.org.findById(staffEscalated)!.record.IsEscalated).toBe(true)
  })

  it("leaves IsEscalated to the org with escalatedBy null, and to a fieldMap entry naming it", async () => {
    const { fake, adapter } = await fakeOrgWithAdapter({
      install: escalationFields,
      settings: { escalatedBy: null },
    })
    await run(adapter.hostCrm.upsertCase(draft({ complaint_escalation_level: 1 })))
    expect(caseOf(fake, "TS-1").IsEscalated).toBe(false)

    const mapped = await fakeOrgWithAdapter({
      install: escalationFields,
      settings: { fieldMap: { case: { complaint_first_response_breached: "IsEscalated" } } },
    })
    await run(
      mapped.adapter.hostCrm.upsertCase(
        draft({ complaint_escalation_level: 1, complaint_first_response_breached: false }),
      ),
    )
    expect(caseOf(mapped.fake, "TS-1")).toMatchObject({
      IsEscalated: false,
      Tixi_Complaint_Escalation_Level__c: 1,
    })
  })

  it("writes a Case it took over by key, without looking the key up again; a restarted adapter checks once", async () => {
    const { fake, adapter } = await fakeOrgWithAdapter({ install: suiteFields })
    const opened = fake.staff.create("Case", { Subject: "客户来电" })
    const write = (on: SalesforceAdapterService, subject: string) =>
      run(on.hostCrm.upsertCase(draft({}, { subject, adoptRecordId: hostRecordId(opened) })))

    const before = fake.api.requests.length
    const adopted = await write(adapter, "第一次")
    expect(adopted).toMatchObject({ id: opened, externalKey: "TS-1", subject: "第一次" })
    expect(keyLookups(fake, before, "TS-1")).toBe(1)

    const later = fake.api.requests.length
    await write(adapter, "第二次")
    await write(adapter, "第三次")
    expect(keyLookups(fake, later, "TS-1")).toBe(0)
    expect(fake.api.requests.slice(later).map((request) => `${request.method} ${request.path}`)).toEqual([
      "PATCH /sobjects/Case/Tixi_Key__c/TS-1",
      `GET /sobjects/Case/${opened}`,
      "PATCH /sobjects/Case/Tixi_Key__c/TS-1",
      `GET /sobjects/Case/${opened}`,
    ])

    const restarted = await run(make(settingsFor(fake)))
    const afterRestart = fake.api.requests.length
    await write(restarted, "第四次")
    await write(restarted, "第五次")
    expect(keyLookups(fake, afterRestart, "TS-1")).toBe(1)
    expect(fake.org.records("Case")).toHaveLength(1)
    expect(caseOf(fake, "TS-1")).toMatchObject({ Id: opened, Subject: "第五次" })
  })
})
