import { Credit, NotWithinAuthority } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { staff } from "../support/ports.ts"
import { drive } from "../support/run-process.ts"
import { wholesalerPosition, yuan } from "./fixtures.ts"

const t0 = Date.UTC(2026, 5, 1, 3, 0)
const creditSupervisor = {
  personId: staff.supervisor.id,
  role: "supervisor" as const,
  post: "creditSupervisor" as const,
}
const plainSupervisor = { personId: staff.supervisor.id, role: "supervisor" as const }
type Requester = Extract<Credit.CreditOverrideCommand, { type: "RequestOverride" }>["requestedBy"]

/** Over a ¥200,000 limit with ¥190,000 taken: an order of ¥60,000 is ¥50,000 over, past grade A's 10 %. */
function request(requestedBy: Requester, order: string, grade = "A", policy = Credit.defaultCreditPolicy) {
  const instance = drive(Credit.creditOverrideProcess(policy), "OV-P")
  const position = { ...wholesalerPosition, grade, order: yuan(order) }
  const command = { type: "RequestOverride", at: t0, requestId: "OV-P", orderNumber: "SO-7" } as const
  const result = instance.send({ ...command, requestedBy, reason: "旺季备货", position })
  return { instance, result }
}

describe("credit-limit override: authority of the requester's post", () => {
  it("◇ 权责内: the credit supervisor releases ¥50,000 over the limit on its own authority", () => {
    const { instance } = request(creditSupervisor, "60000")
    expect(instance.state.status).toBe("released")
    expect(instance.state.check).toMatchObject({ status: "approval", excess: yuan("50000") })
    expect(instance.state.requestedBy).toEqual(creditSupervisor)
    expect(instance.effects).toEqual([])
  })

  it("权责外 → ✓: a plain supervisor, and the credit supervisor beyond its own limit, go to approval", () => {
    expect(request(plainSupervisor, "60000").instance.state.approval).toMatchObject({
      decidingRole: "manager",
    })
    const beyond = request(creditSupervisor, "60000.01").instance
    expect(beyond.state.status).toBe("awaitingApproval")
    expect(beyond.effects.map((effect) => effect.kind)).toEqual(["approval.submit"])
  })

  it("权责外 → ✓: a grade whose minimum approver is above the post still goes to approval", () => {
    // Grade B needs the manager whatever the amount; ¥20,000 over its 5 % tolerance.
    const { instance } = request(creditSupervisor, "30000", "B")
    expect(instance.state.status).toBe("awaitingApproval")
    expect(instance.state.approval?.decidingRole).toBe("manager")
  })

  it("no post may approve: the refusal names the requester's post", () => {
    const policy = {
      ...Credit.defaultCreditPolicy,
      authority: { ...Credit.defaultCreditPolicy.authority, limits: {}, posts: {} },
    }
    const officer = { personId: staff.officer.id, role: "officer" as const, post: "creditOfficer" as const }
    const { result } = request(officer, "60000", "A", policy)
    const excess = { limitMinor: null, requestedMinor: 50_000_00, currency: "CNY" }
    const refusal = { decision: "credit.limitOverride", role: "officer", post: "creditOfficer" }
    expect(Result.isFailure(result) && result.failure).toEqual(
      new NotWithinAuthority({ ...refusal, ...excess }),
    )
  })
})
