import { type ApprovalOutcomeEvent, approvalId, Complaints, personId } from "@tixi/core"
import { describe, expect, it } from "vitest"
import { routeApprovalOutcomes } from "../../src/hosting/approval-outcome-route.ts"

const outcome = (requestType: string): ApprovalOutcomeEvent => ({
  eventId: "evt-1",
  approvalId: approvalId("ap-1"),
  key: "complaint/TS-20261122-0001/3/approval.submit",
  businessKey: "TS-20261122-0001",
  requestType,
  outcome: "approved",
  decidedBy: personId("manager-qian"),
  comment: undefined,
  at: 1_000,
})

describe("routeApprovalOutcomes", () => {
  const route = routeApprovalOutcomes(Complaints.remedyApprovalCommand)
  const event = (payload: ApprovalOutcomeEvent, type = "approval.outcome") => ({
    source: "dingtalk",
    id: payload.eventId,
    type,
    payload,
    receivedAt: 2_000,
  })

  it("sends a decision to the instance its business key names, as the process's command", () => {
    const remedy = outcome("complaint.remedy")
    expect(route(event(remedy))).toEqual({
      instanceId: "TS-20261122-0001",
      command: Complaints.remedyApprovalCommand(remedy),
    })
  })

  it("leaves other processes' approvals and other events alone", () => {
    expect(route(event(outcome("credit.limitOverride")))).toBeUndefined()
    expect(route(event(outcome("complaint.remedy"), "host.change"))).toBeUndefined()
  })
})
