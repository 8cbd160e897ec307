import { type HostFields, type HostRecordId, hostRecordId } from "@tixi/core"
import { rateLimitBody } from "@tixi/testing/hubspot"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { customerRecordId, dayInTimeZone, make } from "../src/index.ts"
import { fakeOptions, testFields, useFakePortal } from "./support/fake-portal.ts"

const fake = useFakePortal()

/**
 * A fresh portal with tixi installed and `count` companies, created as staff would; then the
 * portal's limits and the adapter's settings under test apply.
 */
async function seeded(
  count: number,
  overrides: Parameters<typeof fakeOptions>[0] = {},
  limits: { readonly burst?: number; readonly dailyLeft?: number } = {},
) {
  fake.fresh()
  // Installed for the same audience: a field it may not read is not created.
  const audience = overrides.audience === undefined ? {} : { audience: overrides.audience }
  const installer = await Effect.runPromise(make(fakeOptions({ fields: testFields, ...audience })))
  await Effect.runPromise(installer.install({ dryRun: false }))
  fake.portal.limits.configure({
    ...(limits.burst === undefined ? {} : { burst: limits.burst }),
    ...(limits.dailyLeft === undefined ? {} : { daily: fake.portal.limits.today + limits.dailyLeft }),
  })
  const adapter = await Effect.runPromise(make(fakeOptions({ fields: testFields, ...overrides })))
  const ids = Array.from(
    { length: count },
    (_, index) => fake.portal.staff().create("companies", { name: `公司 ${index}` }).id,
  )
  fake.portal.requests.length = 0
  return { adapter, ids }
}

const grades = ["A", "B", "C"] as const

describe("write-back through batch/update", () => {
  it("writes 100 records a call and fails only the records HubSpot refused (207 and a rejected batch)", async () => {
    const { adapter, ids } = await seeded(250, { audience: { clearance: "secret", modules: ["credit"] } })
    const updates: Array<{ id: HostRecordId; fields: HostFields }> = [
      ...ids.map((id, index) => ({
        id: customerRecordId("companies", id),
        fields: { customer_grade: grades[index % 3]!, credit_limit: 1000 + index },
      })),
      { id: customerRecordId("companies", "999999991"), fields: { customer_grade: "A" } },
      { id: hostRecordId("not-a-customer"), fields: { customer_grade: "A" } },
    ]
    // One invalid option among the first hundred: HubSpot rejects that whole batch.
    updates[42] = { id: updates[42]!.id, fields: { customer_grade: "Z", credit_limit: 1 } }
    const outcome = await Effect.runPromise(adapter.writeBack(updates))
    expect(outcome.failed.map((entry) => [entry.index, entry.error.reason._tag])).toEqual([
      [42, "InvalidRequest"],
      [250, "NotFound"],
      [251, "NotFound"],
    ])
    expect(outcome.succeeded).toHaveLength(249)
    for (const [index, id] of ids.entries()) {
      if (index === 42) continue
      expect(fake.portal.read("companies", id)).toMatchObject({
        tixi_customer_grade: grades[index % 3],
        tixi_credit_limit: String(1000 + index),
      })
    }
    expect(fake.portal.read("companies", ids[42]!)?.tixi_customer_grade).toBeUndefined()
    const updateCalls = fake.portal.requests.filter((request) => request.path.endsWith("/batch/update"))
    expect(Math.max(...updateCalls.map((request) => request.inputs ?? 0))).toBe(100)
    // 3 batches, one of them split 100 → 50 → 25 → 13 → 7 → 4 → 2 → 1 around the bad record.
    expect(updateCalls.length).toBeLessThanOrEqual(3 + 2 * 7)
  })

  it("retries a TEN_SECONDLY_ROLLING 429 and stops at once on a DAILY 429", async () => {
    const { adapter, ids } = await seeded(10)
    fake.portal.failNext({ path: /batch\/update$/, status: 429, body: rateLimitBody("TEN_SECONDLY_ROLLING") })
    const first = await Effect.runPromise(
      adapter.writeBack([{ id: customerRecordId("companies", ids[0]!), fields: { customer_grade: "B" } }]),
    )
    expect(first.succeeded).toHaveLength(1)
    expect(adapter.metrics.rateLimited).toBe(1)
    expect(fake.portal.read("companies", ids[0]!)?.tixi_customer_grade).toBe("B")

    fake.portal.requests.length = 0
    fake.portal.failNext({ path: /batch\/update$/, status: 429, body: rateLimitBody("DAILY") })
    const second = await Effect.runPromise(
      adapter.writeBack([{ id: customerRecordId("companies", ids[1]!), fields: { customer_grade: "C" } }]),
    )
    expect(second.failed).toHaveLength(1)
    const error = second.failed[0]!.error
    expect(error.reason).toMatchObject({ _tag: "RateLimited", scope: "DAILY", recoverable: false })
    expect(error.isRetryable).toBe(false)
    expect(error.vendor?.payload).toMatchObject({ policyName: "DAILY", errorType: "RATE_LIMIT" })
    expect(fake.portal.requests.filter((request) => request.path.endsWith("/batch/update"))).toHaveLength(1)
  })

  it("retries a 502 and a dropped connection", async () => {
    const { adapter, ids } = await seeded(3)
    fake.portal.failNext({ path: /batch\/update$/, status: 502 })
    fake.portal.failNext({ path: /batch\/update$/, status: 0, networkError: true })
    const outcome = await Effect.runPromise(
      adapter.writeBack([{ id: customerRecordId("companies", ids[2]!), fields: { customer_grade: "A" } }]),
    )
    expect(outcome.succeeded).toHaveLength(1)
    expect(adapter.metrics.retries).toBe(2)
  })

  it("follows the portal's daily remaining: stops before HubSpot has to refuse", async () => {
    // Six requests are left today: two read the company and contact properties, four write.
    const { adapter, ids } = await seeded(700, { concurrency: 1 }, { dailyLeft: 6 })
    const outcome = await Effect.runPromise(
      adapter.writeBack(
        ids.map((id) => ({ id: customerRecordId("companies", id), fields: { customer_grade: "A" } })),
      ),
    )
    const written = fake.portal.requests.filter(
      (request) => request.path.endsWith("/batch/update") && request.status === 200,
    )
    // HubSpot's Daily-Remaining reaches 0 on the fourth write; the adapter stops there on its own.
    expect(written.length).toBe(4)
    expect(outcome.succeeded).toHaveLength(written.length * 100)
    expect(outcome.failed.every((entry) => entry.error.reason._tag === "RateLimited")).toBe(true)
    // No request was sent only to be refused with DAILY.
    expect(fake.portal.tally().byPolicy.get("DAILY") ?? 0).toBe(0)
  })

  it("paces batch calls to the tier's window: no 429 at the ceiling", async () => {
    const { adapter, ids } = await seeded(500, { burstPerTenSeconds: 4, concurrency: 4 }, { burst: 4 })
    const progress: Array<number> = []
    const started = Date.now()
    const outcome = await Effect.runPromise(
      adapter.writeBack(
        ids.map((id) => ({ id: customerRecordId("companies", id), fields: { customer_grade: "C" } })),
        { onProgress: (report) => Effect.sync(() => progress.push(report.done)) },
      ),
    )
    expect(outcome.succeeded).toHaveLength(500)
    expect(fake.portal.tally().byStatus.get(429) ?? 0).toBe(0)
    // Two property reads and two writes fill the first window; the other three writes wait for the next.
    expect(Date.now() - started).toBeGreaterThanOrEqual(10_000)
    expect(progress.at(-1)).toBe(500)
  }, 40_000)
})

describe("the daily reset", () => {
  it("rolls at midnight in the portal's time zone", () => {
    const dayOf = dayInTimeZone("Asia/Shanghai")
    // 2026-01-05 15:59:59 UTC is 23:59:59 in Shanghai; one second later is the next day there.
    expect(dayOf(Date.UTC(2026, 0, 5, 15, 59, 59))).toBe(20260105)
    expect(dayOf(Date.UTC(2026, 0, 5, 16, 0, 0))).toBe(20260106)
    expect(dayInTimeZone("UTC")(Date.UTC(2026, 0, 5, 16, 0, 0))).toBe(20260105)
  })
})
