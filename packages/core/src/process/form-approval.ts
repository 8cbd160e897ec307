import type { Label } from "../labels/label.ts"
import type { Role } from "../roles/role.ts"
import type { Assignee, SubmitApprovalRequest } from "./effect-request.ts"
import type { HostEffects } from "./host-effects.ts"

/** What a flow says of a handbook form it sends to one post for approval (审核, 审批, 经理批示). */
export interface FormApproval {
  /** The kind of request; selects the host's approval template (usually the process name). */
  readonly requestType: string
  /** The instance that waits on the decision. */
  readonly businessKey: string
  readonly title: Label
  readonly originator: Assignee
  /** The form the values fill (its `id` is all the host needs to render it). */
  readonly form: { readonly id: string }
  readonly values: Readonly<Record<string, unknown>>
  /** The post that decides: anyone holding it may approve. */
  readonly approver: Role
}

/**
 * Opens the approval (✓) of a filled handbook form by one post, under the key the flow decided
 * with the event (`decision.keyAt`): the one-step, any-holder route most charts draw as a single
 * 审核 or 审批 box, written once instead of in every flow.
 */
export const submitFormForApproval = (
  host: HostEffects,
  approvalKey: string,
  approval: FormApproval,
): SubmitApprovalRequest =>
  host.submitApproval(approvalKey, {
    requestType: approval.requestType,
    businessKey: approval.businessKey,
    title: approval.title,
    originator: approval.originator,
    formId: approval.form.id,
    values: approval.values,
    steps: [{ mode: "any", approvers: [{ role: approval.approver }] }],
  })
