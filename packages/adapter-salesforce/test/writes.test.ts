import { chooseWritePath, estimateWrite, type WriteCostModel } from "@tixi/adapter-salesforce"
import { hostRecordId, label } from "@tixi/core"
import { Effect, Fiber } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { fakeOrgWithAdapter, useMsw } from "./support/fake-org-harness.ts"

useMsw()

const run = <A, E>(effect: Effect.Effect<A, E>) => Effect.runPromise(effect)
const model: WriteCostModel = {
  bulkRecordsPerSecond: 1_000,
  pollInitialMillis: 1_000,
  pollMaxMillis: 30_000,
  bulkThreshold: 2_000,
  bulkUploadMaxBytes: 100 * 1024 * 1024,
}
const gradeField = [
  {
    object: "customer" as const,
    name: "customer_grade",
    label: label("客户等级", "Customer grade"),
    type: "choice" as const,
    options: ["A", "B", "C"].map((grade) => ({ value: grade, label: label(grade, grade) })),
  },
]

describe("choosing the write path", () => {
  it("uses collections for small writes and Bulk for large ones", () => {
    expect(chooseWritePath(1, model).path).toBe("collections")
    expect(chooseWritePath(1_999, model).path).toBe("collections")
    expect(chooseWritePath(100_000, model)).toMatchObject({ path: "bulk" })
    expect(estimateWrite(100_000, model).map((estimate) => [estimate.path, estimate.calls])).toEqual([
      ["perRecord", 100_000],
      ["collections", 500],
      ["bulk", 12],
    ])
  })

  it("never picks a path that costs more calls than collections", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5_000_000 }),
        fc.integer({ min: 10, max: 100_000 }),
        (records, rate) => {
          const costs = { ...model, bulkRecordsPerSecond: rate }
          const chosen = chooseWritePath(records, costs)
          const collections = estimateWrite(records, costs)[1]!
          return chosen.calls <= collections.calls
        },
      ),
    )
  })
})

describe("writing records", () => {
  it("reports a collection's failures per record and writes the rest", async () => {
    const { fake, adapter } = await fakeOrgWithAdapter({ install: gradeField })
    const ids = [0, 1, 2].map((index) =>
      hostRecordId(fake.staff.create("Account", { Name: `客户 ${index}` })),
    )
    const outcome = await run(
      adapter.writeCustomerFields([
        { id: ids[0]!, fields: { customer_grade: "A" } },
        { id: ids[1]!, fields: { customer_grade: "Z" } },
        { id: ids[2]!, fields: { customer_grade: "C" } },
      ]),
    )
    expect(outcome.succeeded.map((entry) => entry.index)).toEqual([0, 2])
    expect(outcome.failed[0]).toMatchObject({ index: 1 })
    expect(outcome.failed[0]!.error.reason._tag).toBe("InvalidRequest")
    expect(outcome.failed[0]!.error.vendor?.code).toBe("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST")
    expect(fake.org.findById(ids[2]!)!.record.Tixi_Customer_Grade__c).toBe("C")
  })

  it("follows a Bulk job to the end and ties failed rows back to their records", async () => {
    const { fake, adapter } = await fakeOrgWithAdapter({
      install: gradeField,
      org: { latency: { bulkRecordsPerSecond: 2_000 } },
    })
    const ids = Array.from({ length: 300 }, (_, index) =>
      hostRecordId(fake.staff.create("Account", { Name: `客户 ${index}` })),
    )
    const updates = ids.map((id, index) => ({
      id,
      fields: { customer_grade: index % 100 === 7 ? "Z" : "B" },
    }))
    const outcome = await run(adapter.writeCustomerFields(updates, "bulk"))
    expect(outcome.succeeded).toHaveLength(297)
    expect(outcome.failed.map((entry) => entry.index)).toEqual([7, 107, 207])
    expect(outcome.failed[0]!.error.vendor?.code).toBe("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST")
    expect(fake.org.callsByKind.get("bulk")).toBeGreaterThanOrEqual(6)
    expect(fake.org.findById(ids[8]!)!.record.Tixi_Customer_Grade__c).toBe("B")
  })

  it("splits a Bulk write larger than one upload into several jobs, each upload within the org's limit", async () => {
    // The org's limit lowered from 150 MB to 6,000 base64 bytes (4,500 raw), tixi's to 4,000 raw.
    const { fake, adapter } = await fakeOrgWithAdapter({
      org: { bulkUploadLimitBase64Bytes: 6_000 },
      settings: { bulkUploadMaxBytes: 4_000 },
      install: gradeField,
    })
    const ids = Array.from({ length: 300 }, (_, index) =>
      hostRecordId(fake.staff.create("Account", { Name: `客户 ${index}` })),
    )
    const records: Array<Record<string, unknown>> = ids.map((Id, index) => ({
      Id,
      Tixi_Customer_Grade__c: index % 2 === 0 ? "A" : "B",
      BillingStreet: `上海市浦东新区 "世纪大道" ${index} 号, 二楼`,
    }))
    // One record too large for any upload: refused alone, naming it, while the rest are written.
    records[150] = { ...records[150], BillingStreet: "长".repeat(1_500) }
    const jobs: Array<{ jobId: string; start: number; count: number }> = []
    const report = await run(
      adapter.writeRecords(
        { object: "Account", operation: "update", records },
        {
          path: "bulk",
          onBulkJob: (jobId, slice) => Effect.sync(() => jobs.push({ jobId, ...slice })),
        },
      ),
    )
    expect(report.jobIds.length).toBeGreaterThanOrEqual(4)
    expect(jobs.map((job) => job.jobId)).toEqual(report.jobIds)
    expect(jobs.reduce((total, job) => total + job.count, 0)).toBe(299)
    for (const jobId of report.jobIds) {
      const data = fake.org.bulkJobs.get(jobId)!.data
      expect(Buffer.byteLength(data)).toBeLessThanOrEqual(4_000)
      expect(data.startsWith("Id,Tixi_Customer_Grade__c,BillingStreet\n")).toBe(true)
    }
    expect(report.outcomes.map((outcome) => outcome.index)).toEqual(records.map((_, index) => index))
    const failed = report.outcomes.filter((outcome) => !outcome.ok)
    expect(failed).toMatchObject([
      { index: 150, error: { reason: { _tag: "InvalidRequest", fields: [{ field: "records[150]" }] } } },
    ])
    expect(fake.org.findById(ids[299]!)!.record.Tixi_Customer_Grade__c).toBe("B")
    expect(fake.org.findById(ids[151]!)!.record.BillingStreet).toBe(`上海市浦东新区 "世纪大道" 151 号, 二楼`)
    expect(fake.org.findById(ids[150]!)!.record.Tixi_Customer_Grade__c ?? null).toBeNull()
  })

  it("reports rows a failed job never reached as unprocessed and retryable", async () => {
    const { fake, adapter } = await fakeOrgWithAdapter({ install: gradeField })
    fake.org.bulkFailAfterRecords = 40
    const ids = Array.from({ length: 100 }, (_, index) =>
      hostRecordId(fake.staff.create("Account", { Name: `客户 ${index}` })),
    )
    const outcome = await run(
      adapter.writeCustomerFields(
        ids.map((id) => ({ id, fields: { customer_grade: "A" } })),
        "bulk",
      ),
    )
    expect(outcome.succeeded).toHaveLength(40)
    expect(outcome.failed).toHaveLength(60)
    expect(
      outcome.failed.every((entry) => entry.error.reason._tag === "Unavailable" && entry.error.isRetryable),
    ).toBe(true)
    expect(outcome.failed[0]!.error.detail).toContain("Failed")
  })

  it("keeps tracking a job that outlives the caller and resumes it by id", async () => {
    const { fake, adapter } = await fakeOrgWithAdapter({ install: gradeField })
    const ids = Array.from({ length: 50 }, (_, index) =>
      fake.staff.create("Account", { Name: `客户 ${index}` }),
    )
    const write = {
      object: "Account",
      operation: "update" as const,
      records: ids.map((Id) => ({ Id, Tixi_Customer_Grade__c: "C" })),
    }
    fake.org.holdBulkJobs = true
    const jobs: Array<string> = []
    const fiber = Effect.runFork(
      adapter.writeRecords(write, {
        path: "bulk",
        onBulkJob: (jobId) => Effect.sync(() => jobs.push(jobId)),
      }),
    )
    await new Promise((resolve) => setTimeout(resolve, 300))
    await run(Fiber.interrupt(fiber))
    expect(jobs).toHaveLength(1)
    expect(fake.org.bulkJobs.get(jobs[0]!)!.state).toBe("InProgress")
    fake.org.holdBulkJobs = false
    const report = await run(adapter.resumeBulkJob(jobs[0]!, write))
    expect(report.outcomes.every((outcome) => outcome.ok)).toBe(true)
    expect(fake.org.bulkJobs.size).toBe(1)
  })

  it("upserts by tixi's key, so a retried write never creates a second record", async () => {
    const { fake, adapter } = await fakeOrgWithAdapter({ install: gradeField })
    const drafts = Array.from({ length: 450 }, (_, index) => ({
      externalKey: `C-${index}`,
      kind: "organization" as const,
      name: `客户 ${index}`,
      fields: { customer_grade: "A" },
    }))
    const first = await run(adapter.hostCrm.upsertCustomers(drafts))
    const again = await run(adapter.hostCrm.upsertCustomers(drafts))
    expect(first.succeeded).toHaveLength(450)
    expect(again.succeeded.map((entry) => entry.value.id)).toEqual(
      first.succeeded.map((entry) => entry.value.id),
    )
    expect(fake.org.records("Account")).toHaveLength(450)
    expect(fake.org.callsByKind.get("composite")).toBe(6)
  })

  it("writes natural persons as Contacts, or as Person Accounts where the org has them", async () => {
    const plain = await fakeOrgWithAdapter({ install: gradeField })
    const person = {
      externalKey: "P-1",
      kind: "person" as const,
      name: "张三",
      fields: { customer_grade: "B" },
    }
    const [contact] = (await run(plain.adapter.hostCrm.upsertCustomers([person]))).succeeded
    expect(contact!.value.id.startsWith("003")).toBe(true)
    expect((await run(plain.adapter.hostCrm.findCustomer("P-1")))?.kind).toBe("person")
    const personal = await fakeOrgWithAdapter({
      install: gradeField,
      org: { personAccounts: true },
      settings: { personAccounts: true },
    })
    const [account] = (await run(personal.adapter.hostCrm.upsertCustomers([person]))).succeeded
    expect(account!.value.id.startsWith("001")).toBe(true)
    const found = await run(personal.adapter.hostCrm.getCustomer(account!.value.id))
    expect(found).toMatchObject({ kind: "person", name: "张三", fields: { customer_grade: "B" } })
  })

  it("says how to reach a customer: an Account's phone and billing address, a Contact's e-mail", async () => {
    const { fake, adapter } = await fakeOrgWithAdapter({ install: gradeField })
    fake.staff.create("Account", {
      Name: "华东机电有限公司",
      Tixi_Key__c: "CUST-0001",
      Phone: "021-6288 1234",
      BillingStreet: "张江路 88 号",
      BillingCity: "上海",
    })
    fake.staff.create("Contact", { LastName: "李四", Tixi_Key__c: "P-2", Email: "li.si@example.com" })
    fake.staff.create("Account", { Name: "西南物流", Tixi_Key__c: "CUST-0002" })
    expect((await run(adapter.hostCrm.findCustomer("CUST-0001")))?.contactDetails).toEqual({
      phone: "021-6288 1234",
      address: "张江路 88 号, 上海",
    })
    expect((await run(adapter.hostCrm.findCustomer("P-2")))?.contactDetails).toEqual({
      email: "li.si@example.com",
    })
    expect(await run(adapter.hostCrm.findCustomer("CUST-0002"))).not.toHaveProperty("contactDetails")
  })

  it("refuses fields the org does not have, naming them, before any write", async () => {
    const { fake, adapter } = await fakeOrgWithAdapter({ install: gradeField })
    const id = hostRecordId(fake.staff.create("Account", { Name: "客户" }))
    const outcome = await run(
      adapter.hostCrm.updateCustomerFields([{ id, fields: { credit_payment_term_days: 30 } }]),
    )
    expect(outcome.failed[0]!.error.reason).toMatchObject({
      _tag: "InvalidRequest",
      fields: [{ field: "credit_payment_term_days" }],
    })
    expect(fake.org.callsByKind.get("composite")).toBeUndefined()
  })
})
