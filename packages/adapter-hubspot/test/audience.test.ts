import { type AccessModule, ConfidentialityLevel, hostRecordId } from "@tixi/core"
import { Effect } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { make } from "../src/index.ts"
import { fakeOptions, testFields, useFakePortal } from "./support/fake-portal.ts"

const fake = useFakePortal()

const creditAudience = { clearance: "secret", modules: ["credit"] } as const

/** The text of every write the adapter sent the fake portal (searches and reads name properties to return). */
const sentBodies = () =>
  fake.portal.requests
    .filter(
      (request) =>
        request.method !== "GET" &&
        request.body !== undefined &&
        !request.path.endsWith("/search") &&
        !request.path.endsWith("/batch/read"),
    )
    .map((request) => request.body!)

/** A portal with tixi installed for the credit posts, so every property exists, and one company. */
async function installedPortal() {
  fake.fresh()
  const installer = await Effect.runPromise(
    make(fakeOptions({ fields: testFields, audience: creditAudience })),
  )
  await Effect.runPromise(installer.install({ dryRun: false }))
  return fake.portal.staff().create("companies", { name: "华东机电" }).id
}

describe("hosts receive only what their audience may read", () => {
  it("for any audience and values, no recorded write carries the credit limit (秘密, credit) unless the audience is cleared for it and works in credit", async () => {
    const company = await installedPortal()
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ConfidentialityLevel.values),
        fc.subarray(["credit", "grading", "finance"] as Array<AccessModule>),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.constantFrom("A", "B", "C"),
        async (clearance, modules, limit, grade) => {
          const adapter = await Effect.runPromise(
            make(fakeOptions({ fields: testFields, audience: { clearance, modules } })),
          )
          fake.portal.requests.length = 0
          const outcome = await Effect.runPromise(
            adapter.hostCrm.updateCustomerFields([
              {
                id: hostRecordId(`company:${company}`),
                fields: { credit_limit: limit, customer_grade: grade },
              },
            ]),
          )
          expect(outcome.failed).toEqual([])
          const sent = sentBodies().join("\n")
          const secretCleared = clearance === "secret" || clearance === "confidential"
          expect(sent.includes("tixi_credit_limit")).toBe(secretCleared && modules.includes("credit"))
          expect(sent.includes("tixi_customer_grade")).toBe(clearance !== "public")
        },
      ),
      { numRuns: 12 },
    )
  })

  it("the default audience (内部) gets the grade and never the credit limit, on upsert and write-back alike", async () => {
    await installedPortal()
    const adapter = await Effect.runPromise(make(fakeOptions({ fields: testFields })))
    fake.portal.requests.length = 0
    const upserted = await Effect.runPromise(
      adapter.hostCrm.upsertCustomers([
        {
          externalKey: "C-1",
          kind: "organization",
          name: "华东机电",
          fields: { customer_grade: "A", credit_limit: 7_654_321 },
        },
      ]),
    )
    expect(upserted.failed).toEqual([])
    const id = upserted.succeeded[0]!.value.id
    const written = await Effect.runPromise(
      adapter.writeBack([{ id, fields: { customer_grade: "B", credit_limit: 90_000 } }]),
    )
    expect(written.failed).toEqual([])
    const sent = sentBodies().join("\n")
    expect(sent).toContain("tixi_customer_grade")
    expect(sent).not.toContain("tixi_credit_limit")
    expect(sent).not.toContain("7654321")
    expect(fake.portal.read("companies", id.replace("company:", ""))).toMatchObject({
      tixi_customer_grade: "B",
    })
    expect(fake.portal.read("companies", id.replace("company:", ""))?.tixi_credit_limit).toBeUndefined()
  })

  it("install does not create a property the audience may not read; raised, it does", async () => {
    fake.fresh()
    const internal = await Effect.runPromise(make(fakeOptions({ fields: testFields })))
    await Effect.runPromise(internal.install({ dryRun: false }))
    expect(fake.portal.store.definitionsOf("companies").has("tixi_credit_limit")).toBe(false)
    expect(fake.portal.store.definitionsOf("companies").has("tixi_customer_grade")).toBe(true)
    const credit = await Effect.runPromise(
      make(fakeOptions({ fields: testFields, audience: creditAudience })),
    )
    await Effect.runPromise(credit.install({ dryRun: false }))
    expect(fake.portal.store.definitionsOf("companies").has("tixi_credit_limit")).toBe(true)
  })

  it("refuses an audience whose level is misspelt, naming the setting", async () => {
    const failure = await Effect.runPromise(
      Effect.flip(make(fakeOptions({ audience: { clearance: "topsecret" as ConfidentialityLevel } }))),
    )
    expect(failure.reason).toMatchObject({
      _tag: "InvalidRequest",
      fields: [{ field: "audience.clearance" }],
    })
  })
})
