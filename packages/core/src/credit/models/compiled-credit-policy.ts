import { CreditGrade } from "../labels/credit-grade.ts"
import type { OverLimitAction } from "../labels/over-limit-action.ts"
import { activeScorecard, type CreditPolicy } from "../policy/credit-policy.ts"
import { type CompiledScorecard, compileScorecard } from "./scorecard.ts"

/** Action codes: the index in `OverLimitAction.values` (allow 0, approval 1, block 2). */
export const actionCodes: { readonly [A in OverLimitAction]: number } = { allow: 0, approval: 1, block: 2 }

/**
 * A credit policy reduced to the numbers its rules compare with (percentages as basis points,
 * months as hundredths, grades and actions as codes), compiled once per run and read by every
 * rule whether it assesses one customer or a million.
 */
export interface CompiledCreditPolicy {
  readonly policy: CreditPolicy
  readonly scorecard: CompiledScorecard
  /** Per grade code (A 0 … D 3). */
  readonly minimumScore: Float64Array
  readonly limitMonthsHundredths: Int32Array
  readonly limitMinimumMinor: Float64Array
  readonly limitMaximumMinor: Float64Array
  readonly toleranceBasisPoints: Int32Array
  readonly overLimitAction: Uint8Array
  readonly overdueGraceDays: number
  readonly overdueAction: number
  readonly dangerOverdueDays: number
  readonly dangerBouncedPayments: number
  readonly dangerBankruptcySigns: number
  readonly dangerAction: number
  readonly lowestGrade: number
}

/** Compiles a (validated) credit policy. */
export function compileCreditPolicy(policy: CreditPolicy): CompiledCreditPolicy {
  const grades = CreditGrade.values.map((grade) => policy.grades.find((terms) => terms.grade === grade)!)
  return {
    policy,
    scorecard: compileScorecard(activeScorecard(policy)),
    minimumScore: Float64Array.from(grades, (terms) => terms.minimumScore),
    limitMonthsHundredths: Int32Array.from(grades, (terms) => Math.round(terms.limit.monthsOfRevenue * 100)),
    limitMinimumMinor: Float64Array.from(grades, (terms) => terms.limit.minimumMinor),
    limitMaximumMinor: Float64Array.from(grades, (terms) => terms.limit.maximumMinor),
    toleranceBasisPoints: Int32Array.from(grades, (terms) =>
      Math.round(terms.overLimit.tolerancePercent * 100),
    ),
    overLimitAction: Uint8Array.from(grades, (terms) => actionCodes[terms.overLimit.action]),
    overdueGraceDays: policy.overdue.graceDays,
    overdueAction: actionCodes[policy.overdue.action],
    dangerOverdueDays: policy.danger.overdueDaysAtLeast,
    dangerBouncedPayments: policy.danger.bouncedPaymentsAtLeast,
    dangerBankruptcySigns: policy.danger.bankruptcySignsAtLeast,
    dangerAction: actionCodes[policy.danger.action],
    lowestGrade: CreditGrade.values.length - 1,
  }
}
