import { type AccessModule, ConfidentialityLevel, type FieldSpec, hostRecordId, label } from "@tixi/core"
import { Effect } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { make } from "../src/index.ts"
import { fakeOrgWithAdapter, settingsFor, useMsw } from "./support/fake-org-harness.ts"

useMsw()

const run = <A, E>(effect: Effect.Effect<A, E>) => Effect.runPromise(effect)

const creditAudience = { clearance: "secret", modules: ["credit"] } as const

const specs: ReadonlyArray<FieldSpec> = [
  { object: "customer", name: "customer_grade", label: label("客户等级", "Customer grade"), type: "text" },
  { object: "customer", name: "credit_limit", label: label("赊销限额", "Credit limit"), type: "money" },
]

describe("hosts receive only what their audience may read", () => {
  it("for any audience, path and values, no recorded write carries the credit limit (秘密, credit) unless the audience is cleared for it and works in credit", async () => {
    const { fake } = await fakeOrgWithAdapter({ settings: { audience: creditAudience }, install: specs })
    const id = hostRecordId(fake.staff.create("Account", { Name: "华东机电" }))
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ConfidentialityLevel.values),
        fc.subarray(["credit", "grading", "finance"] as Array<AccessModule>),
        fc.constantFrom("collections" as const, "bulk" as const, "perRecord" as const),
        fc.integer({ min: 1, max: 10_000_000 }),
        async (clearance, modules, path, limit) => {
          const adapter = await run(make(settingsFor(fake, { audience: { clearance, modules } })))
          fake.api.requests.length = 0
          const outcome = await run(
            adapter.writeCustomerFields([{ id, fields: { credit_limit: limit, customer_grade: "A" } }], path),
          )
          expect(outcome.failed).toEqual([])
          const sent = fake.api.requests
            .filter((request) => request.method !== "GET" && request.body !== undefined)
            .map((request) => request.body!)
            .join("\n")
          const secretCleared = clearance === "secret" || clearance === "confidential"
          expect(sent.includes("Tixi_Credit_Limit__c")).toBe(secretCleared && modules.includes("credit"))
          expect(sent.includes("Tixi_Customer_Grade__c")).toBe(clearance !== "public")
        },
      ),
      { numRuns: 10 },
    )
  })

  it("install does not create a field the audience may not read, and says so; raised, it does", async () => {
    const { fake, adapter } = await fakeOrgWithAdapter()
    const plan = await run(adapter.install(specs, { dryRun: false }))
    expect(plan.fields.find((step) => step.name === "credit_limit")).toMatchObject({
      action: "unchanged",
      detail: expect.stringContaining("audience (internal) may not read it"),
    })
    const raised = await run(make(settingsFor(fake, { audience: creditAudience })))
    const again = await run(raised.install(specs, { dryRun: false }))
    expect(again.fields.find((step) => step.name === "credit_limit")?.action).toBe("create")
  })
})
