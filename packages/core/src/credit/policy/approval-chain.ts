import { Result } from "effect"
import { type PlanRefusal, planChain } from "../../approvals/chain/plan-chain.ts"
import type { ApprovalPolicy } from "../../approvals/policy/approval-policy.ts"
import { NotWithinAuthority } from "../../errors/refusals.ts"
import type { Money } from "../../money/money.ts"
import type { ApprovalStepMode } from "../../ports/approvals.ts"
import type { Assignee } from "../../process/effect-request.ts"
import { type AuthorityHolder, decidesAloneInPost, lowestAuthorisedRole } from "../../roles/authority.ts"
import { managementLadder, type Role, rankOf } from "../../roles/role.ts"
import type { CreditGrade } from "../labels/credit-grade.ts"
import { type CreditPolicy, termsOfGrade } from "./credit-policy.ts"

/** The credit decisions of the authority policy. */
export const creditDecisions = {
  /** Granting a customer a credit limit of the amount (evaluation, grade change). */
  limit: "credit.limit",
  /** Letting one order take exposure past the limit by the amount. */
  override: "credit.limitOverride",
} as const

/** One step of an approval chain: who decides it (posts or people) and how. */
export interface CreditApprovalStep {
  readonly mode: ApprovalStepMode
  readonly approvers: ReadonlyArray<Assignee>
}

/**
 * Who approves a credit decision: the post whose decision counts (undefined when a planned chain
 * names people or several posts), the steps, and the form the approvers see.
 */
export interface CreditApprovalRoute {
  readonly decidingRole: Role | undefined
  readonly steps: ReadonlyArray<CreditApprovalStep>
  /** The approval form: the credit module's own unless a company's chain names another. */
  readonly formId: string
}

/**
 * Routes a credit decision of `amount` to its approvers: the lowest post whose authority
 * (`policy.authority`, decision `credit.limit` or `credit.limitOverride`) covers the amount, and never
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
  formId: string,
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
    steps: roles.map((role) => ({ mode: policy.approval.stepMode, approvers: [{ role }] })),
    formId,
  })
}

/**
 * Whether an override requested by `requester` is released on the requester's own authority
 * (◇ 权责内): a post the authority policy names (the 客户信用主管) whose `credit.limitOverride`
 * limit covers the amount, and not below the grade's minimum approver. Every other requester
 * (sales, a supervisor by rank) goes to approval as before.
 */
export function overrideWithinOwnPost(
  policy: CreditPolicy,
  requester: AuthorityHolder,
  grade: CreditGrade,
  amount: Money,
): boolean {
  const floor = termsOfGrade(policy, grade).overLimit.minimumApprover
  return decidesAloneInPost(policy.authority, creditDecisions.override, requester, amount, floor)
}

/** The request types of the company-wide approval policy that credit flows can be routed by. */
export type CreditRequestType = "credit.limitOverride" | "credit.gradeChange" | "credit.standard"

/**
 * Routes a credit decision by the company-wide approval-chain policy instead (`Approval`:
 * `planChain` with the request type, the amount at stake and the form values): the chain's steps
 * that apply, their approvers, and its form. Use it when a company configures all its chains in
 * one place; the credit flows take the approval policy as an option and call this instead of
 * `creditApprovalRoute`.
 */
export function plannedCreditRoute(
  approvalPolicy: ApprovalPolicy,
  requestType: CreditRequestType,
  amount: Money,
  values: Readonly<Record<string, unknown>>,
): Result.Result<CreditApprovalRoute, PlanRefusal> {
  const planned = planChain(approvalPolicy, requestType, { amount, values })
  if (Result.isFailure(planned)) return Result.fail(planned.failure)
  const steps = planned.success.steps.map((step) => ({ mode: step.mode, approvers: step.approvers }))
  const last = steps[steps.length - 1]?.approvers
  const decidingRole = last?.length === 1 && "role" in last[0]! ? last[0].role : undefined
  return Result.succeed({ decidingRole, steps, formId: planned.success.formId })
}
