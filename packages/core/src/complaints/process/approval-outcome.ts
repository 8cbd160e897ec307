import type { ApprovalOutcomeEvent } from "../../ports/approvals.ts"
import type { DecideRemedyApproval } from "./commands.ts"

/**
 * The command that feeds an approvals host's decision back to the complaint waiting on it
 * (`ApprovalOutcomeEvent.businessKey` is the complaint id). Returns undefined for approvals of
 * other request types.
 */
export function remedyApprovalCommand(event: ApprovalOutcomeEvent): DecideRemedyApproval | undefined {
  if (event.requestType !== "complaint.remedy") return undefined
  return {
    type: "DecideRemedyApproval",
    at: event.at,
    approvalKey: event.key,
    outcome: event.outcome,
    ...(event.decidedBy !== undefined ? { decidedBy: event.decidedBy } : {}),
    ...(event.comment !== undefined && event.comment.trim().length > 0 ? { comment: event.comment } : {}),
  }
}
