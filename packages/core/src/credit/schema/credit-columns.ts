import { Result } from "effect"
import { ValidationError, type ValidationIssue } from "../../errors/validation-error.ts"

/**
 * The credit facts of many customers as columns, for re-scoring a whole customer base in one
 * pass. Row `i` of every column is customer `i`. Amounts are integer minor units in Float64Arrays.
 */
export interface CreditColumns {
  readonly count: number
  /**
   * The scorecard answers row-major: `answers[row × leaves + leaf]` is a score 0–100 or 255 for
   * unanswered, leaves in the compiled scorecard's `leafIds` order.
   */
  readonly answers: Uint8Array
  readonly annualRevenue: Float64Array
  readonly openReceivables: Float64Array
  readonly openOrders: Float64Array
  /** An order to check per customer (0 for none: the current position is checked). */
  readonly orderAmount?: Float64Array
  readonly oldestOverdueDays: Int32Array
  readonly bouncedPayments: Uint32Array
  /** How many signs of bankruptcy staff recorded. */
  readonly bankruptcySigns: Uint8Array
  /** The grade in force (A 0 … D 3), or 255 where none was granted (the recommended one applies). */
  readonly grantedGrade?: Uint8Array
  /** The limit in force, or NaN where none was granted. */
  readonly grantedLimit?: Float64Array
}

const issueLimit = 100

/**
 * Checks credit columns: lengths, amounts whole and not negative,
 * day counts not negative, granted grades and limits well formed. Paths are `[column, row]`. The answers (0–100 or 255)
 * are checked while they are scored, so a million rows of answers are read once.
 */
export function validateCreditColumns(
  columns: CreditColumns,
  leaves: number,
): Result.Result<CreditColumns, ValidationError> {
  const issues: Array<ValidationIssue> = []
  const count = columns.count
  const fail = () => Result.fail(new ValidationError({ subject: "credit.columns", issues }))
  if (!Number.isSafeInteger(count) || count < 0) {
    issues.push({ path: ["count"], message: "must be a whole number of customers", code: "invalid" })
    return fail()
  }
  const lengths: ReadonlyArray<readonly [string, { readonly length: number } | undefined, number]> = [
    ["answers", columns.answers, count * leaves],
    ["annualRevenue", columns.annualRevenue, count],
    ["openReceivables", columns.openReceivables, count],
    ["openOrders", columns.openOrders, count],
    ["orderAmount", columns.orderAmount, count],
    ["oldestOverdueDays", columns.oldestOverdueDays, count],
    ["bouncedPayments", columns.bouncedPayments, count],
    ["bankruptcySigns", columns.bankruptcySigns, count],
    ["grantedGrade", columns.grantedGrade, count],
    ["grantedLimit", columns.grantedLimit, count],
  ]
  for (const [name, column, expected] of lengths) {
    if (column !== undefined && column.length !== expected) {
      issues.push({
        path: [name],
        message: `must have ${expected} entries, has ${column.length}`,
        code: "invalid",
      })
    }
  }
  if (issues.length > 0) return fail()
  const amounts: ReadonlyArray<readonly [string, Float64Array | undefined, boolean]> = [
    ["annualRevenue", columns.annualRevenue, false],
    ["openReceivables", columns.openReceivables, false],
    ["openOrders", columns.openOrders, false],
    ["orderAmount", columns.orderAmount, false],
    ["grantedLimit", columns.grantedLimit, true],
  ]
  for (const [name, column, unknownAllowed] of amounts) {
    if (column === undefined) continue
    for (let row = 0; row < count && issues.length < issueLimit; row++) {
      const value = column[row]!
      if (unknownAllowed && Number.isNaN(value)) continue
      if (!Number.isSafeInteger(value) || value < 0) {
        issues.push({
          path: [name, row],
          message: "must be whole, non-negative minor units",
          code: "invalid",
        })
      }
    }
  }
  for (let row = 0; row < count && issues.length < issueLimit; row++) {
    if (columns.oldestOverdueDays[row]! < 0) {
      issues.push({ path: ["oldestOverdueDays", row], message: "must not be negative", code: "invalid" })
    }
    const granted = columns.grantedGrade?.[row]
    if (granted !== undefined && granted > 3 && granted !== 255) {
      issues.push({
        path: ["grantedGrade", row],
        message: "must be 0–3 (A–D) or 255 (none)",
        code: "invalid",
      })
    }
  }
  if (issues.length > 0) return fail()
  return Result.succeed(columns)
}
