import { Result } from "effect"
import { NotWithinAuthority } from "../../errors/refusals.ts"
import type { Money } from "../../money/money.ts"
import type { ApprovalStepMode } from "../../ports/approvals.ts"
import { checkAuthority } from "../../roles/authority.ts"
import { managementLadder, type Role, rankOf } from "../../roles/role.ts"
import type { ComplaintPolicy } from "./complaint-policy.ts"

/** The decision kind of complaint remedies in the authority policy. */
export const remedyDecision = "complaint.remedy"

/** One step of an approval chain: the posts that decide it and how. */
export interface ApprovalChainStep {
  readonly mode: ApprovalStepMode
  readonly roles: ReadonlyArray<Role>
}

/** Whether a remedy needs approval, and if so by whom. */
export type RemedyApprovalRoute =
  | { readonly required: false }
  | {
      readonly required: true
      /** The lowest post whose limit covers the total: the one whose decision counts (客服经理 by default). */
      readonly decidingRole: Role
      readonly steps: ReadonlyArray<ApprovalChainStep>
    }

/**
 * Routes a remedy of `total` proposed by `role` (客户投诉接待流程 ⑤ 权责内? / 客户投诉处理流程 ⑤
 * 审批): within the role's authority no approval is needed; above it the chain names the lowest
 * post that may grant it (and, with `chain: "ladder"`, every post in between), then finance when
 * the total reaches the countersign threshold. Refuses when no post may grant the amount.
 *
 * This is the one place where complaint approval chains are built, so configurable chains for
 * every request type can replace it without touching the process.
 */
export function remedyApprovalRoute(
  policy: ComplaintPolicy,
  role: Role,
  total: Money,
): Result.Result<RemedyApprovalRoute, NotWithinAuthority> {
  const check = checkAuthority(policy.authority, remedyDecision, role, total)
  if (check.within) return Result.succeed({ required: false })
  const deciding = check.lowestAuthorised
  if (deciding === undefined) {
    return Result.fail(
      new NotWithinAuthority({
        decision: remedyDecision,
        role,
        limitMinor: check.limitMinor,
        requestedMinor: total.minor,
        currency: total.currency,
      }),
    )
  }
  const mode = policy.approval.stepMode
  const roles =
    policy.approval.chain === "ladder"
      ? managementLadder.filter((rung) => rankOf(rung) > rankOf(role) && rankOf(rung) <= rankOf(deciding))
      : [deciding]
  const steps: Array<ApprovalChainStep> = roles.map((rung) => ({ mode, roles: [rung] }))
  const threshold = policy.approval.financeCountersignFromMinor
  if (threshold !== null && total.minor >= threshold) steps.push({ mode, roles: ["finance"] })
  return Result.succeed({ required: true, decidingRole: deciding, steps })
}
