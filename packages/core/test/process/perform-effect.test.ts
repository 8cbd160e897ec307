import {
  departmentId,
  HostCrm,
  InMemoryApprovals,
  InMemoryHostCrm,
  InMemoryNotifier,
  inMemoryDirectoryLayer,
  type Person,
  performEffect,
  personId,
} from "@tixi/core"
import { Effect, Layer, Result } from "effect"
import { describe, expect, it } from "vitest"
import { toyProcess } from "./toy-process.ts"

const people: ReadonlyArray<Person> = [
  {
    id: personId("p-sup"),
    name: "主管甲",
    roles: ["supervisor"],
    posts: [],
    departmentId: departmentId("service"),
    managerId: undefined,
    locale: "zh-CN",
    active: true,
    accounts: {},
  },
  {
    id: personId("p-sup-2"),
    name: "主管乙",
    roles: ["supervisor"],
    posts: [],
    departmentId: departmentId("service"),
    managerId: undefined,
    locale: "en",
    active: false,
    accounts: {},
  },
]

const ports = Layer.mergeAll(
  InMemoryHostCrm.layer(),
  InMemoryApprovals.layer(),
  InMemoryNotifier.layer(),
  inMemoryDirectoryLayer({
    people,
    departments: [{ id: departmentId("service"), name: "客服部", parentId: undefined, headId: undefined }],
  }),
)

describe("performEffect", () => {
  it("performs each requested effect once, however often it is retried", async () => {
    const state = toyProcess.evolve(toyProcess.initialState, { type: "Opened", at: 0, id: "T-9" })
    const requests = toyProcess.effects(
      state,
      { type: "Opened", at: 0, id: "T-9" },
      { instanceId: "T-9", sequence: 0 },
    )
    const program = Effect.gen(function* () {
      for (let attempt = 0; attempt < 3; attempt++) {
        for (const request of requests) yield* performEffect(request)
      }
      const host = yield* InMemoryHostCrm
      const notifier = yield* InMemoryNotifier
      return { creations: host.creations("T-9"), delivered: notifier.delivered(), cases: host.cases() }
    })
    const outcome = await Effect.runPromise(Effect.provide(program, ports))
    expect(outcome.creations).toBe(1)
    expect(outcome.cases).toHaveLength(1)
    expect(outcome.delivered).toHaveLength(1)
    // Only active holders of the role are notified.
    expect(outcome.delivered[0]?.recipients).toEqual(["p-sup"])
  })

  it("fails with a non-retryable port failure when nobody holds the role", async () => {
    const program = performEffect({
      kind: "notify",
      key: "k" as never,
      draft: {
        recipients: [{ role: "director" }],
        severity: "urgent",
        title: { "zh-CN": "t", en: "t" },
        body: { "zh-CN": "b", en: "b" },
      },
    })
    const result = await Effect.runPromise(Effect.result(Effect.provide(program, ports)))
    expect(Result.isFailure(result)).toBe(true)
    if (Result.isFailure(result)) {
      expect(result.failure._tag).toBe("PortFailure")
      expect(result.failure.isRetryable).toBe(false)
    }
  })

  it("surfaces a host outage as a retryable failure", async () => {
    const program = Effect.gen(function* () {
      const control = yield* InMemoryHostCrm
      control.failNext("upsertCase", new (yield* Effect.promise(() => import("@tixi/core"))).Unavailable())
      const host = yield* HostCrm
      return yield* Effect.result(
        host.upsertCase({
          externalKey: "X",
          subject: "s",
          description: "",
          status: "open",
          stage: "new",
          priority: "low",
          fields: {},
        }),
      )
    })
    const result = await Effect.runPromise(Effect.provide(program, ports))
    expect(Result.isFailure(result) && result.failure.isRetryable).toBe(true)
  })
})

describe("host.customer.update", () => {
  it("writes fields on the customer with the externalKey, once however often it is retried", async () => {
    const program = Effect.gen(function* () {
      const host = yield* HostCrm
      yield* host.upsertCustomers([
        { externalKey: "C-1", kind: "organization", name: "甲公司", fields: { region: "华东" } },
      ])
      const request = {
        kind: "host.customer.update" as const,
        key: "credit.evaluation/EV-1/4/host.customer.update" as never,
        customerKey: "C-1",
        fields: { credit_grade: "B", credit_limit: "150000.00" },
      }
      yield* performEffect(request)
      yield* performEffect(request)
      const control = yield* InMemoryHostCrm
      const missing = yield* Effect.result(performEffect({ ...request, customerKey: "C-404" }))
      return { customer: control.customers()[0], log: control.writeLog(), missing }
    })
    const outcome = await Effect.runPromise(Effect.provide(program, ports))
    expect(outcome.customer?.fields).toEqual({ region: "华东", credit_grade: "B", credit_limit: "150000.00" })
    expect(outcome.log.filter((line) => line.startsWith("updateCustomerFields"))).toHaveLength(2)
    expect(Result.isFailure(outcome.missing) && outcome.missing.failure.reason._tag).toBe("NotFound")
  })
})

describe("decideApprovalCommand", () => {
  it("turns an approval outcome from the host into the command processes take", async () => {
    const { decideApprovalCommand, decideApprovalSchema } = await import("@tixi/core")
    const command = decideApprovalCommand({
      eventId: "e-1",
      approvalId: "a-1" as never,
      key: "credit.override/OV-1/0/approval.submit",
      businessKey: "OV-1",
      requestType: "credit.override",
      outcome: "approved",
      decidedBy: personId("p-sup"),
      comment: undefined,
      at: 1_000,
    })
    expect(command).toEqual({
      type: "DecideApproval",
      at: 1_000,
      approvalKey: "credit.override/OV-1/0/approval.submit",
      outcome: "approved",
      decidedBy: "p-sup",
    })
    expect(decideApprovalSchema.safeParse(command).success).toBe(true)
    expect(decideApprovalSchema.safeParse({ ...command, outcome: "maybe" }).success).toBe(false)
  })
})
