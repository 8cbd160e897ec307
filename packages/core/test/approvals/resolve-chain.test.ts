import { Approval, departmentId, inMemoryDirectoryLayer, Money, personId } from "@tixi/core"
import { Effect, Result } from "effect"
import { describe, expect, it } from "vitest"

const person = (
  id: string,
  roles: Array<"officer" | "supervisor" | "manager" | "generalManager" | "finance">,
  department: string,
) => ({
  id: personId(id),
  name: id,
  roles,
  posts: [],
  departmentId: departmentId(department),
  managerId: undefined,
  locale: "zh-CN" as const,
  active: true,
  accounts: {},
})

const directory = inMemoryDirectoryLayer({
  departments: [
    { id: departmentId("hq"), name: "总部", parentId: undefined, headId: undefined },
    { id: departmentId("service"), name: "客服部", parentId: departmentId("hq"), headId: undefined },
  ],
  people: [
    person("qian", ["manager"], "service"),
    person("zhao", ["generalManager"], "hq"),
    person("zhou", ["finance"], "hq"),
    person("zhou2", ["finance"], "hq"),
  ],
})

describe("resolveChain", () => {
  it("names the people who decide each step", async () => {
    const planned = Result.getOrThrow(
      Approval.planChain(Approval.defaultApprovalPolicy, "hospitality.meal", {
        amount: Money.ofMinor(900_000, "CNY"),
      }),
    )
    const steps = await Effect.runPromise(Effect.provide(Approval.resolveChain(planned), directory))
    expect(steps.map((step) => [step.id, step.approvers])).toEqual([
      ["manager", ["qian"]],
      ["generalManager", ["zhao"]],
      ["finance", ["zhou", "zhou2"]],
    ])
  })

  it("fails when a role has no holder", async () => {
    const planned = Result.getOrThrow(
      Approval.planChain(Approval.defaultApprovalPolicy, "customer.deregistration", {}),
    )
    const failure = await Effect.runPromise(
      Effect.flip(Effect.provide(Approval.resolveChain(planned), directory)),
    )
    expect(failure.reason._tag).toBe("InvalidRequest")
  })
})
