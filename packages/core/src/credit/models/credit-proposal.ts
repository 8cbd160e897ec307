import { Result } from "effect"
import type { ValidationError } from "../../errors/validation-error.ts"
import { type Money, toMajorString } from "../../money/money.ts"
import { CreditGrade } from "../labels/credit-grade.ts"
import type { DangerSignal } from "../labels/danger-signal.ts"
import type { PaymentMethod } from "../labels/payment-method.ts"
import type { CreditPolicy } from "../policy/credit-policy.ts"
import type { CreditFindings } from "../schema/credit-findings.ts"
import { assessCredit } from "./assess-credit.ts"

/** The grade and terms proposed for approval (信用评定). */
export interface CreditProposal {
  readonly grade: CreditGrade
  readonly score: number | undefined
  readonly limit: Money
  readonly paymentTermDays: number
  readonly paymentMethod: PaymentMethod
  readonly guaranteeRequired: boolean
}

/** What an investigation's analysis concludes: the proposal, and whether credit is sound and why not. */
export interface CreditAnalysis {
  readonly proposal: CreditProposal
  /** ◇ 信用状况良好？ */
  readonly sound: boolean
  readonly danger: ReadonlyArray<DangerSignal>
}

/**
 * 004 ch.2 ⑤ 分析: the findings scored under the policy into the grade and terms to approve. The
 * limit is never above what the customer asked for (`requestedLimit`), and credit is not sound at
 * the lowest grade or with any danger signal, so the measures come before approval.
 */
export function proposeCredit(
  policy: CreditPolicy,
  customerId: string,
  requestedLimit: Money | undefined,
  findings: CreditFindings,
): Result.Result<CreditAnalysis, ValidationError> {
  const assessed = assessCredit({ customerId, ...findings }, policy)
  if (Result.isFailure(assessed)) return Result.fail(assessed.failure)
  const { recommended, score, danger } = assessed.success
  const proposal: CreditProposal = {
    grade: recommended.grade,
    score,
    limit:
      requestedLimit !== undefined && requestedLimit.minor < recommended.limit.minor
        ? requestedLimit
        : recommended.limit,
    paymentTermDays: recommended.paymentTermDays,
    paymentMethod: recommended.paymentMethod,
    guaranteeRequired: recommended.guaranteeRequired,
  }
  const sound = proposal.grade !== CreditGrade.values.at(-1) && danger.length === 0
  return Result.succeed({ proposal, sound, danger: danger.map((finding) => finding.signal) })
}

/** Approved terms in words, for the officer who tells the customer (⑦ 通知客户). */
export const creditTermsText = ({
  grade,
  limit,
  paymentTermDays,
  paymentMethod,
  guaranteeRequired,
}: CreditProposal) =>
  `Grade ${grade}, limit ${toMajorString(limit)} ${limit.currency}, ${paymentTermDays} days, ${paymentMethod}${guaranteeRequired ? ", guarantee required" : ""}.`
