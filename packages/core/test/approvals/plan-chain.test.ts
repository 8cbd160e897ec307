import { Approval, departmentId, Money } from "@tixi/core"
import { Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"

const { defaultApprovalPolicy: policy, planChain } = Approval
const cny = (yuan: number) => Money.ofMinor(yuan * 100, "CNY")

const stepIds = (result: ReturnType<typeof planChain>) =>
  Result.isSuccess(result) ? result.success.steps.map((step) => step.id) : result.failure._tag

describe("planChain", () => {
  it("招待用餐: within the manager's authority → the manager alone", () => {
    expect(stepIds(planChain(policy, "hospitality.meal", { amount: cny(3_000) }))).toEqual(["manager"])
  })

  it("招待用餐: above the manager's authority → general manager and finance too", () => {
    const planned = planChain(policy, "hospitality.meal", { amount: cny(8_000) })
    expect(stepIds(planned)).toEqual(["manager", "generalManager", "finance"])
    const chain = Result.getOrThrow(planned)
    expect(chain.steps[1]!.approvers).toEqual([{ role: "generalManager" }])
    expect(chain.driver).toBe("host")
    expect(chain.formId).toBe("approval.hospitalityMeal")
    expect(chain.policyVersion).toBe(policy.version)
  })

  it("the manager's limit is the boundary, for any amount", () => {
    const limit = 5_000_00
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_00 }), (minor) => {
        const steps = stepIds(planChain(policy, "hospitality.meal", { amount: Money.ofMinor(minor, "CNY") }))
        expect(steps).toEqual(minor <= limit ? ["manager"] : ["manager", "generalManager", "finance"])
      }),
    )
  })

  it("投诉补偿: the lowest post whose authority covers the amount approves", () => {
    const approverOf = (yuan: number) =>
      Result.getOrThrow(planChain(policy, "complaint.remedy", { amount: cny(yuan) })).steps[0]!.approvers
    expect(approverOf(1_500)).toEqual([{ role: "supervisor" }])
    expect(approverOf(8_000)).toEqual([{ role: "manager" }])
    expect(approverOf(30_000)).toEqual([{ role: "director" }])
    expect(approverOf(900_000)).toEqual([{ role: "generalManager" }])
  })

  it("礼品馈赠: department head of the requester → gift keeper → office director → deputy manager", () => {
    const chain = Result.getOrThrow(
      planChain(policy, "relationship.gift", { requesterDepartmentId: departmentId("complaints-desk") }),
    )
    expect(chain.steps.map((step) => step.approvers)).toEqual([
      [{ role: "supervisor", departmentId: "complaints-desk" }],
      [{ role: "finance" }],
      [{ role: "manager" }],
      [{ role: "director" }],
    ])
    const named = {
      ...policy,
      posts: { ...policy.posts, giftKeeper: { ...policy.posts.giftKeeper!, holders: ["keeper-he"] } },
    }
    const withKeeper = Result.getOrThrow(
      planChain(named, "relationship.gift", { requesterDepartmentId: departmentId("complaints-desk") }),
    )
    expect(withKeeper.steps[1]!.approvers).toEqual([{ person: "keeper-he" }])
  })

  it("档案借阅: a secret archive also needs the general manager", () => {
    expect(
      stepIds(planChain(policy, "archives.lending", { values: { confidentiality: "internal" } })),
    ).toEqual(["manager"])
    expect(stepIds(planChain(policy, "archives.lending", { values: { confidentiality: "secret" } }))).toEqual(
      ["manager", "generalManager"],
    )
  })

  it("超信用额度: deadlines and escalation are planned with the chain", () => {
    const chain = Result.getOrThrow(planChain(policy, "credit.limitOverride", { amount: cny(20_000) }))
    expect(chain.driver).toBe("tixi")
    expect(chain.steps.map((step) => step.id)).toEqual(["manager", "finance"])
    expect(chain.steps[0]!.deadline).toEqual({
      hours: 4,
      onExpiry: "escalate",
      escalateTo: [{ role: "director" }],
    })
  })

  it("refuses with the field when the context lacks what the chain needs", () => {
    const noAmount = planChain(policy, "hospitality.meal", {})
    expect(
      Result.isFailure(noAmount) &&
        noAmount.failure._tag === "ValidationError" &&
        noAmount.failure.issues[0]!.path,
    ).toEqual(["amount"])
    const wrongCurrency = planChain(policy, "hospitality.meal", { amount: Money.ofMinor(100, "USD") })
    expect(Result.isFailure(wrongCurrency) && wrongCurrency.failure._tag).toBe("ValidationError")
    const noDepartment = planChain(policy, "relationship.gift", {})
    expect(
      Result.isFailure(noDepartment) &&
        noDepartment.failure._tag === "ValidationError" &&
        noDepartment.failure.issues[0]!.path,
    ).toEqual(["requesterDepartmentId"])
  })

  it("refuses when no step applies", () => {
    const meal = policy.chains["hospitality.meal"]
    const onlyLarge = {
      ...policy,
      chains: { ...policy.chains, "hospitality.meal": { ...meal, steps: [meal.steps[1]!] } },
    }
    const planned = planChain(onlyLarge, "hospitality.meal", { amount: cny(100) })
    expect(Result.isFailure(planned) && planned.failure._tag).toBe("PolicyRefusal")
  })
})
