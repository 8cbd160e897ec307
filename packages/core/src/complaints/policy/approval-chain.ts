import { Result } from "effect"
import { planChain } from "../../approvals/chain/plan-chain.ts"
import type { ApprovalPolicy } from "../../approvals/policy/approval-policy.ts"
import type { NotWithinAuthority, PolicyRefusal } from "../../errors/refusals.ts"
import type { ValidationError } from "../../errors/validation-error.ts"
import type { Label } from "../../labels/label.ts"
import { label } from "../../labels/label.ts"
import type { Money } from "../../money/money.ts"
import type { ApprovalStepMode } from "../../ports/approvals.ts"
import type { Assignee } from "../../process/effect-request.ts"
import { type AuthorityHolder, checkAuthority, notWithinAuthority } from "../../roles/authority.ts"
import { managementLadder, type Role, rankOf } from "../../roles/role.ts"
import type { ComplaintPolicy } from "./complaint-policy.ts"

/** The decision kind of complaint remedies in the authority policy, and the approvals' request type. */
export const remedyDecision = "complaint.remedy"

/** The form a remedy approval carries when the complaints policy builds the chain: 客户投诉处理表. */
export const handlingFormId = "complaint.handling"

/** One step of an approval chain: who decides it (posts or people) and how. */
export interface ApprovalChainStep {
  readonly mode: ApprovalStepMode
  readonly approvers: ReadonlyArray<Assignee>
}

/** Whether a remedy needs approval, and if so by whom, on which form. */
export type RemedyApprovalRoute =
  | { readonly required: false }
  | {
      readonly required: true
      /** The lowest post whose limit covers the total: the one whose decision counts (客服经理 by default). */
      readonly decidingRole: Role
      readonly steps: ReadonlyArray<ApprovalChainStep>
      /** The form the approvers see: 客户投诉处理表, or the approval chain's own request form. */
      readonly formId: string
      readonly title: Label
    }

/** Why a remedy cannot be routed: no post may grant it, or the approval policy cannot serve it. */
export type RemedyRouteRefusal = NotWithinAuthority | PolicyRefusal | ValidationError

/**
 * Routes a remedy of `total` proposed by `actor` (客户投诉接待流程 ⑤ 权责内? / 客户投诉处理流程 ⑤
 * 审批). Within the actor's authority (the complaints policy's limits: its post's row when the
 * policy names the post, else its rank's) no approval is needed. Above
 * it, the chain comes from the company's approval policy when one is given (`Approval.planChain`
 * for `complaint.remedy`: its steps, people, posts and form), else from the complaints policy: the
 * lowest post that may grant it (and, with `chain: "ladder"`, every post in between), then finance
 * from the countersign threshold. Refuses when no post may grant the amount.
 *
 * This is the one place where complaint approval chains are built.
 */
export function remedyApprovalRoute(
  policy: ComplaintPolicy,
  actor: Role | AuthorityHolder,
  total: Money,
  approvalPolicy?: ApprovalPolicy,
): Result.Result<RemedyApprovalRoute, RemedyRouteRefusal> {
  const holder = typeof actor === "string" ? { role: actor } : actor
  const { role } = holder
  const check = checkAuthority(policy.authority, remedyDecision, holder, total)
  if (check.within) return Result.succeed({ required: false })
  const deciding = check.lowestAuthorised
  if (deciding === undefined)
    return Result.fail(notWithinAuthority(remedyDecision, holder, check.limitMinor, total))
  if (approvalPolicy !== undefined) {
    const planned = planChain(approvalPolicy, remedyDecision, { amount: total })
    if (Result.isFailure(planned)) return Result.fail(planned.failure)
    return Result.succeed({
      required: true,
      decidingRole: deciding,
      steps: planned.success.steps.map((step) => ({ mode: step.mode, approvers: step.approvers })),
      formId: planned.success.formId,
      title: planned.success.title,
    })
  }
  const mode = policy.approval.stepMode
  const roles =
    policy.approval.chain === "ladder"
      ? managementLadder.filter((rung) => rankOf(rung) > rankOf(role) && rankOf(rung) <= rankOf(deciding))
      : [deciding]
  const steps: Array<ApprovalChainStep> = roles.map((rung) => ({ mode, approvers: [{ role: rung }] }))
  const threshold = policy.approval.financeCountersignFromMinor
  if (threshold !== null && total.minor >= threshold) steps.push({ mode, approvers: [{ role: "finance" }] })
  return Result.succeed({
    required: true,
    decidingRole: deciding,
    steps,
    formId: handlingFormId,
    title: label("投诉处理方案审批", "Complaint remedy approval"),
  })
}
