import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { customerRecordId, make, type PortalCompany } from "../src/index.ts"
import { fakeOptions, testFields, useFakePortal } from "./support/fake-portal.ts"

const fake = useFakePortal()

describe("reading the whole portal", () => {
  it("reads more than 10,000 companies with their deal facts, past search's 10,000-result cap", async () => {
    fake.fresh()
    const adapter = await Effect.runPromise(make(fakeOptions({ fields: testFields, safetyMarginMillis: 0 })))
    await Effect.runPromise(adapter.install({ dryRun: false }))
    const staff = fake.portal.staff()
    for (let index = 0; index < 10_250; index++) {
      staff.create("companies", {
        name: `公司 ${index}`,
        annualrevenue: String(1_000_000 + index),
        total_revenue: String(index * 10),
        num_associated_deals: String(index % 7),
      })
    }
    const seen: Array<PortalCompany> = []
    const pages: Array<number> = []
    const total = await Effect.runPromise(
      adapter.readCompanies({
        onPage: (companies) => Effect.sync(() => seen.push(...companies)),
        onProgress: (progress) => Effect.sync(() => pages.push(progress.read)),
      }),
    )
    expect(total).toBe(10_250)
    expect(new Set(seen.map((company) => company.id)).size).toBe(10_250)
    expect(seen[10_249]).toMatchObject({
      name: "公司 10249",
      annualRevenue: 1_010_249,
      totalRevenue: 102_490,
      dealCount: 10_249 % 7,
    })
    expect(pages.at(-1)).toBe(10_250)
    const searches = fake.portal.requests.filter((request) => request.path.endsWith("/search"))
    expect(searches.every((request) => request.status === 200)).toBe(true)
    expect(searches).toHaveLength(Math.ceil(10_250 / 200))
  }, 60_000)
})

/**
 * A fresh portal whose clock moves only when told, an installed adapter and a cursor at its
 * start, one second before the test's changes. The clock stands still between the steps, so the
 * portal's per-second search limit is off.
 */
const stoppedClockPortal = async () => {
  let now = 1_767_600_000_000
  fake.fresh({ now: () => now, enforceRateLimits: false })
  const adapter = await Effect.runPromise(make(fakeOptions({ fields: testFields })))
  await Effect.runPromise(adapter.install({ dryRun: false }))
  const start = await Effect.runPromise(adapter.hostCrm.pollChanges(undefined, 100))
  now += 1_000
  return {
    adapter,
    start,
    advance: (millis: number) => {
      now += millis
    },
  }
}

describe("pollChanges", () => {
  it("reports tixi's write as tixi's, a later staff edit as the host's, with the fields each changed", async () => {
    fake.fresh()
    const adapter = await Effect.runPromise(make(fakeOptions({ fields: testFields })))
    await Effect.runPromise(adapter.install({ dryRun: false }))
    const host = adapter.hostCrm
    const start = await Effect.runPromise(host.pollChanges(undefined, 100))
    const written = await Effect.runPromise(
      host.upsertCustomers([
        { externalKey: "C-1", kind: "organization", name: "华东机电", fields: { customer_grade: "B" } },
      ]),
    )
    const id = written.succeeded[0]!.value.id
    await new Promise((resolve) => setTimeout(resolve, 5))
    const first = await Effect.runPromise(host.pollChanges(start.cursor, 100))
    expect(first.changes).toMatchObject([
      { recordId: id, origin: "tixi", changeType: "created", externalKey: "C-1" },
    ])
    expect(first.changes[0]!.changedFields).toEqual(expect.arrayContaining(["name", "customer_grade"]))

    fake.portal.staff().update("companies", id.replace("company:", ""), { tixi_customer_grade: "A" })
    await new Promise((resolve) => setTimeout(resolve, 5))
    const second = await Effect.runPromise(host.pollChanges(first.cursor, 100))
    expect(second.changes).toMatchObject([
      { recordId: id, origin: "host", changeType: "updated", changedFields: ["customer_grade"] },
    ])

    // tixi writes again, then staff edit before the next poll: the host's change must be seen.
    await Effect.runPromise(host.updateCustomerFields([{ id, fields: { credit_limit: 50_000 } }]))
    await new Promise((resolve) => setTimeout(resolve, 2))
    fake.portal.staff().update("companies", id.replace("company:", ""), { name: "华东机电有限公司" })
    await new Promise((resolve) => setTimeout(resolve, 5))
    const third = await Effect.runPromise(host.pollChanges(second.cursor, 100))
    expect(third.changes.map((change) => change.origin)).toEqual(["host"])
    const after = await Effect.runPromise(host.pollChanges(third.cursor, 100))
    expect(after.changes).toEqual([])
    expect(customerRecordId("companies", "1")).toBe("company:1")
  })

  it("takes a poll of more than 50 changes in one stream, reading their histories 50 a call", async () => {
    const { adapter, start, advance } = await stoppedClockPortal()
    for (let index = 0; index < 80; index++)
      fake.portal.staff().create("companies", { name: `客户 ${index}` })
    advance(60_000)
    const page = await Effect.runPromise(adapter.hostCrm.pollChanges(start.cursor, 100))
    expect(page.changes).toHaveLength(80)
    expect(new Set(page.changes.map((change) => change.recordId)).size).toBe(80)
    const reads = fake.portal.requests.filter((request) => request.path.endsWith("/batch/read"))
    expect(reads.map((request) => request.status)).toEqual([200, 200])
    // The cursor moved past them: the next poll has nothing new.
    const after = await Effect.runPromise(adapter.hostCrm.pollChanges(page.cursor, 100))
    expect(after.changes).toEqual([])
  })

  it("pages through many changes made in the same millisecond without losing or repeating one", async () => {
    const { adapter, start, advance } = await stoppedClockPortal()
    const staff = fake.portal.staff()
    for (let index = 0; index < 450; index++)
      staff.create("companies", { name: `同刻 ${index}`, tixi_customer_grade: "C" })
    advance(1_000)
    for (let index = 0; index < 30; index++) staff.create("companies", { name: `后来 ${index}` })
    advance(1_000)
    const seen: Array<string> = []
    let cursor = start.cursor
    for (let round = 0; round < 40; round++) {
      const page = await Effect.runPromise(adapter.hostCrm.pollChanges(cursor, 100))
      seen.push(...page.changes.map((change) => change.recordId))
      cursor = page.cursor
      if (page.changes.length === 0) break
    }
    expect(seen).toHaveLength(480)
    expect(new Set(seen).size).toBe(480)
  }, 60_000)
})
