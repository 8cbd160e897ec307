import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/** How the approvers of a step decide (the port's `ApprovalStepMode`), with the handbooks' names. */
export const StepMode = enumeration("approval.stepMode", {
  all: label("会签", "All must approve"),
  any: label("或签", "Any one approves"),
})

/** Who sequences a chain: the host (one instance with all steps) or tixi (one step at a time). */
export const ChainDriver = enumeration("approval.chainDriver", {
  host: label("审批平台按流程审批", "Host runs the whole chain"),
  tixi: label("tixi 逐级审批", "tixi drives step by step"),
})

/** A chain driver. */
export type ChainDriver = ValueOf<typeof ChainDriver>

/** What happens when a deadline passes without a decision. */
export const ExpiryAction = enumeration("approval.expiryAction", {
  remind: label("催办", "Remind the approvers"),
  escalate: label("上报上级", "Escalate"),
  autoApprove: label("超时自动同意", "Approve automatically"),
  autoReject: label("超时自动驳回", "Reject automatically"),
})

/** What happens when a deadline passes without a decision. */
export type ExpiryAction = ValueOf<typeof ExpiryAction>

/** Where an approval request stands in tixi. */
export const ApprovalStatus = enumeration("approval.status", {
  draft: label("未提交", "Not submitted"),
  pending: label("审批中", "Pending"),
  approved: label("已通过", "Approved"),
  rejected: label("已驳回", "Rejected"),
  withdrawn: label("已撤销", "Withdrawn"),
})

/** Where an approval request stands. */
export type ApprovalStatus = ValueOf<typeof ApprovalStatus>
