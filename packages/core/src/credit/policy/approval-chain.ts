import { Result } from "effect"
import { NotWithinAuthority } from "../../errors/refusals.ts"
import type { Money } from "../../money/money.ts"
import type { ApprovalStepMode } from "../../ports/approvals.ts"
import { lowestAuthorisedRole } from "../../roles/authority.ts"
import { managementLadder, type Role, rankOf } from "../../roles/role.ts"
import type { CreditPolicy } from "./credit-policy.ts"

/** The credit decisions of the authority policy. */
export const creditDecisions = {
  /** Granting a customer a credit limit of the amount (evaluation, grade change). */
  limit: "credit.limit",
  /** Letting one order take exposure past the limit by the amount. */
  override: "credit.override",
} as const

/** One step of an approval chain: the posts that decide it and how. */
export interface CreditApprovalStep {
  readonly mode: ApprovalStepMode
  readonly roles: ReadonlyArray<Role>
}

/** Who approves a credit decision: the post whose decision counts and the steps up to it. */
export interface CreditApprovalRoute {
  readonly decidingRole: Role
  readonly steps: ReadonlyArray<CreditApprovalStep>
}

/**
 * Routes a credit decision of `amount` to its approvers: the lowest post whose authority
 * (`policy.authority`, decision `credit.limit` or `credit.override`) covers the amount, and never
 * below `minimumRole` (the post the flow chart names). With `chain: "ladder"` every post from
 * the minimum up to the deciding one signs in turn (逐级审批). Refuses when no post may decide
 * the amount. This is the one place credit approval chains are built, so a general approval-chain
 * policy can replace it without touching the processes.
 */
export function creditApprovalRoute(
  policy: CreditPolicy,
  decision: (typeof creditDecisions)[keyof typeof creditDecisions],
  amount: Money,
  minimumRole: Role,
): Result.Result<CreditApprovalRoute, NotWithinAuthority> {
  const authorised = lowestAuthorisedRole(policy.authority, decision, amount)
  if (authorised === undefined) {
    return Result.fail(
      new NotWithinAuthority({
        decision,
        role: managementLadder[managementLadder.length - 1]!,
        limitMinor: null,
        requestedMinor: amount.minor,
        currency: amount.currency,
      }),
    )
  }
  const minimumRank = Math.max(0, rankOf(minimumRole))
  const deciding = rankOf(authorised) >= minimumRank ? authorised : managementLadder[minimumRank]!
  const roles =
    policy.approval.chain === "ladder"
      ? managementLadder.filter((rung) => rankOf(rung) >= minimumRank && rankOf(rung) <= rankOf(deciding))
      : [deciding]
  return Result.succeed({
    decidingRole: deciding,
    steps: roles.map((role) => ({ mode: policy.approval.stepMode, roles: [role] })),
  })
}
