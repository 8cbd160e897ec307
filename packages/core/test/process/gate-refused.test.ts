import { checkApprovalDecision, type GatedState, gateRefused, gateReturned } from "@tixi/core"
import { describe, expect, it } from "vitest"

const at = Date.UTC(2026, 2, 2, 1, 0)
const waiting: GatedState & { readonly status: string } = {
  status: "awaitingApproval",
  approval: { key: "flow/OV-1/0/approval.submit" },
  decidedApprovals: [{ key: "flow/OV-1/earlier/approval.submit", approved: true }],
}
const decisionOf = (outcome: "approved" | "rejected" | "withdrawn") => ({
  type: "DecideApproval" as const,
  at,
  approvalKey: "flow/OV-1/0/approval.submit",
  outcome,
})

describe("gateRefused: a refusal that ends the flow", () => {
  it("records the decision as not approved and keeps the approval for the record, unlike gateReturned", () => {
    const refused = gateRefused(waiting)
    expect(refused.approval).toEqual({ key: "flow/OV-1/0/approval.submit" })
    expect(refused.decidedApprovals).toEqual([
      { key: "flow/OV-1/earlier/approval.submit", approved: true },
      { key: "flow/OV-1/0/approval.submit", approved: false },
    ])
    expect(refused.status).toBe("awaitingApproval")
    expect(gateReturned(waiting).approval).toBeUndefined()
  })

  it("lets the refusal delivered again be recognised and a contrary decision be refused, naming both", () => {
    const refused = gateRefused(waiting)
    expect(checkApprovalDecision(refused, false, decisionOf("withdrawn"))).toEqual({ verdict: "repeat" })
    expect(checkApprovalDecision(refused, false, decisionOf("approved"))).toEqual({
      verdict: "refuse",
      reason: "approval flow/OV-1/0/approval.submit was already rejected or withdrawn, not approved",
    })
  })

  it("records nothing when no approval was waited on", () => {
    const idle = { ...waiting, approval: undefined }
    expect(gateRefused(idle).decidedApprovals).toEqual(waiting.decidedApprovals)
  })
})
