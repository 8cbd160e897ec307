import type { ApprovalStepMode } from "../ports/approvals.ts"
import type { Role } from "../roles/role.ts"
import type { SubmitApprovalRequest } from "./effect-request.ts"

/** The approval chain a flow submits: its steps in order, each with its approvers. */
export type ApprovalSteps = SubmitApprovalRequest["submission"]["steps"]

/**
 * The approval chain of the posts a policy names (审核 → 审批), one step per post in order: a
 * flow whose policy says "the manager, then the general manager" submits exactly that, and the
 * host resolves each post to people through its directory.
 */
export const approvalStepsOf = (roles: ReadonlyArray<Role>, mode: ApprovalStepMode = "any"): ApprovalSteps =>
  roles.map((role) => ({ mode, approvers: [{ role }] }))
