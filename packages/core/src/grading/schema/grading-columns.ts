import { Result } from "effect"
import { ValidationError, type ValidationIssue } from "../../errors/validation-error.ts"

/**
 * The facts of many customers as columns, for grading a whole customer base in one pass (a
 * million customers in well under a second). Customer `i` is row `i` of every column. Amounts
 * are integer minor units held in Float64Arrays, which represent every safe integer exactly.
 */
export interface GradingColumns {
  readonly count: number
  /** Sales revenue in the period (≥ 0). */
  readonly revenue: Float64Array
  /** Sales revenue in the period before (≥ 0; 0 for a new customer). */
  readonly previousRevenue: Float64Array
  /** Gross margin in the period (may be negative). */
  readonly grossMargin: Float64Array
  /** Credit scores 0–100; NaN where the customer was never scored. */
  readonly creditScore: Float64Array
  /** Total category purchases of each customer (≥ 0), NaN where unknown; needed for share-of-wallet bands only. */
  readonly categoryPurchases?: Float64Array
}

/** At most this many problems are listed; a million bad rows make one error, not a million. */
const issueLimit = 100

/**
 * Checks columns before grading: every column as long as `count`, amounts whole and within the
 * safe integers, revenues not negative, scores within 0–100 or NaN. Paths are `[column, row]`.
 */
export function validateGradingColumns(
  columns: GradingColumns,
): Result.Result<GradingColumns, ValidationError> {
  const issues: Array<ValidationIssue> = []
  const count = columns.count
  if (!Number.isSafeInteger(count) || count < 0 || count > 0xffff_fffe) {
    issues.push({ path: ["count"], message: "must be a whole number of customers", code: "invalid" })
    return Result.fail(new ValidationError({ subject: "grading.columns", issues }))
  }
  const amountColumns: ReadonlyArray<readonly [string, Float64Array | undefined, boolean, boolean]> = [
    ["revenue", columns.revenue, false, false],
    ["previousRevenue", columns.previousRevenue, false, false],
    ["grossMargin", columns.grossMargin, true, false],
    ["categoryPurchases", columns.categoryPurchases, false, true],
  ]
  for (const [name, column, negativeAllowed, unknownAllowed] of amountColumns) {
    if (column === undefined) continue
    if (column.length !== count) {
      issues.push({ path: [name], message: `must have ${count} rows, has ${column.length}`, code: "invalid" })
      continue
    }
    for (let row = 0; row < count && issues.length < issueLimit; row++) {
      const value = column[row]!
      if (unknownAllowed && Number.isNaN(value)) continue
      if (!Number.isSafeInteger(value)) {
        issues.push({ path: [name, row], message: "must be whole minor units", code: "invalid" })
      } else if (!negativeAllowed && value < 0) {
        issues.push({ path: [name, row], message: "must not be negative", code: "invalid" })
      }
    }
  }
  if (columns.creditScore.length !== count) {
    issues.push({
      path: ["creditScore"],
      message: `must have ${count} rows, has ${columns.creditScore.length}`,
      code: "invalid",
    })
  } else {
    for (let row = 0; row < count && issues.length < issueLimit; row++) {
      const score = columns.creditScore[row]!
      if (!Number.isNaN(score) && !(score >= 0 && score <= 100)) {
        issues.push({ path: ["creditScore", row], message: "must be 0–100 or NaN", code: "invalid" })
      }
    }
  }
  if (issues.length > 0) return Result.fail(new ValidationError({ subject: "grading.columns", issues }))
  return Result.succeed(columns)
}
