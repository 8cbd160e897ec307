import { Result } from "effect"
import { invalid, ValidationError, type ValidationIssue } from "../../errors/validation-error.ts"
import type { CreditPolicy } from "../policy/credit-policy.ts"
import { type CreditColumns, validateCreditColumns } from "../schema/credit-columns.ts"
import { type CompiledCreditPolicy, compileCreditPolicy } from "./compiled-credit-policy.ts"
import { creditGradeCode, creditLimitMinor } from "./credit-terms.ts"
import { creditCheckCode, dangerMask, exposureMinor } from "./exposure.ts"
import { invalidAnswer, scoreAnswerRows } from "./scorecard.ts"

/**
 * The credit assessment of every customer, as columns (row `i` is customer `i`). Grades are codes
 * into `CreditGrade.values`; `check` packs the status and the controls met (`unpackStatus`,
 * `unpackControls`); `danger` holds `dangerBits`.
 */
export interface AssessedCreditColumns {
  readonly count: number
  readonly policy: CompiledCreditPolicy
  /** The score 0–100 (one decimal); NaN where the answers were insufficient. */
  readonly score: Float64Array
  /** The grade and limit the score calls for. */
  readonly recommendedGrade: Uint8Array
  readonly recommendedLimit: Float64Array
  /** The grade and limit in force: the granted ones where granted, else the recommended. */
  readonly grade: Uint8Array
  readonly limit: Float64Array
  /** Exposure with the order checked (receivables + open orders + order), minor units. */
  readonly exposure: Float64Array
  /** limit − exposure; negative when over the limit. */
  readonly available: Float64Array
  readonly check: Uint8Array
  readonly danger: Uint8Array
}

/**
 * Re-scores and checks a whole customer base in one pass (the batch entry point): scorecard →
 * score → grade → limit, exposure against the limit in force, the overdue and danger controls.
 * `assessCredit` (one customer, with explanations) runs this same function, so both agree.
 * Allocates nothing per customer.
 */
export function assessCreditColumns(
  columns: CreditColumns,
  policy: CreditPolicy,
): Result.Result<AssessedCreditColumns, ValidationError> {
  const compiled = compileCreditPolicy(policy)
  const leaves = compiled.scorecard.leafIds.length
  const validated = validateCreditColumns(columns, leaves)
  if (Result.isFailure(validated)) return Result.fail(validated.failure)
  const count = columns.count
  const score = new Float64Array(count)
  const recommendedGrade = new Uint8Array(count)
  const recommendedLimit = new Float64Array(count)
  const grade = new Uint8Array(count)
  const limit = new Float64Array(count)
  const exposure = new Float64Array(count)
  const available = new Float64Array(count)
  const check = new Uint8Array(count)
  const danger = new Uint8Array(count)
  const scratch = new Float64Array(compiled.scorecard.nodeIds.length)
  const { answers, annualRevenue, openReceivables, openOrders, orderAmount, grantedGrade, grantedLimit } =
    columns
  const { oldestOverdueDays, bouncedPayments, bankruptcySigns } = columns
  const badAnswers: Array<ValidationIssue> = []
  scoreAnswerRows(compiled.scorecard, answers, 0, leaves, count, score, scratch)
  for (let row = 0; row < count; row++) {
    let rowScore = score[row]!
    if (rowScore === invalidAnswer) {
      if (badAnswers.length < 100) {
        for (let leaf = 0; leaf < leaves; leaf++) {
          const answer = answers[row * leaves + leaf]!
          if (answer > 100 && answer !== 255) {
            badAnswers.push({
              path: ["answers", row * leaves + leaf],
              message: "must be 0–100 or 255 (unanswered)",
              code: "invalid",
            })
          }
        }
      }
      rowScore = Number.NaN
    }
    score[row] = rowScore
    const recommended = creditGradeCode(rowScore, compiled)
    recommendedGrade[row] = recommended
    const recommendedMinor = creditLimitMinor(annualRevenue[row]!, recommended, compiled)
    recommendedLimit[row] = recommendedMinor
    const granted = grantedGrade === undefined ? 255 : grantedGrade[row]!
    const inForce = granted === 255 ? recommended : granted
    grade[row] = inForce
    const grantedMinor = grantedLimit === undefined ? Number.NaN : grantedLimit[row]!
    const limitMinor = Number.isNaN(grantedMinor)
      ? granted === 255
        ? recommendedMinor
        : creditLimitMinor(annualRevenue[row]!, inForce, compiled)
      : grantedMinor
    limit[row] = limitMinor
    let after: number
    try {
      after = exposureMinor(
        openReceivables[row]!,
        openOrders[row]!,
        orderAmount === undefined ? 0 : orderAmount[row]!,
      )
    } catch (error) {
      return Result.fail(invalid("credit.columns", ["openReceivables", row], String(error)))
    }
    exposure[row] = after
    available[row] = limitMinor - after
    const overdue = oldestOverdueDays[row]!
    const mask = dangerMask(overdue, bouncedPayments[row]!, bankruptcySigns[row]!, compiled)
    danger[row] = mask
    check[row] = creditCheckCode(after, limitMinor, inForce, overdue, mask, compiled)
  }
  if (badAnswers.length > 0)
    return Result.fail(new ValidationError({ subject: "credit.columns", issues: badAnswers }))
  return Result.succeed({
    count,
    policy: compiled,
    score,
    recommendedGrade,
    recommendedLimit,
    grade,
    limit,
    exposure,
    available,
    check,
    danger,
  })
}
