import { CreditGrade } from "../labels/credit-grade.ts"
import { DangerSignal } from "../labels/danger-signal.ts"
import type { AssessedCreditColumns } from "./assess-credit-columns.ts"
import { dangerBits, unpackControls } from "./exposure.ts"

/** The rows of a columnar assessment that are danger customers, with their signals (危险客户统计表). */
export function dangerCustomerRows(
  assessed: AssessedCreditColumns,
): ReadonlyArray<{ readonly row: number; readonly signals: ReadonlyArray<DangerSignal> }> {
  const rows: Array<{ row: number; signals: ReadonlyArray<DangerSignal> }> = []
  const bits = [dangerBits.longOverdue, dangerBits.bouncedPayments, dangerBits.bankruptcySigns]
  for (let row = 0; row < assessed.count; row++) {
    const mask = assessed.danger[row]!
    if (mask === 0) continue
    rows.push({ row, signals: DangerSignal.values.filter((_, index) => (mask & bits[index]!) !== 0) })
  }
  return rows
}

/**
 * The rows that are excellent customers (优秀客户统计表): credit grade A in force, no danger
 * signal, and no credit control met (nothing overdue past the grace, exposure within the limit).
 */
export function excellentCustomerRows(assessed: AssessedCreditColumns): ReadonlyArray<number> {
  const best = CreditGrade.values.indexOf("A")
  const rows: Array<number> = []
  for (let row = 0; row < assessed.count; row++) {
    if (
      assessed.grade[row] === best &&
      assessed.danger[row] === 0 &&
      unpackControls(assessed.check[row]!) === 0
    ) {
      rows.push(row)
    }
  }
  return rows
}

/** The rows whose exposure is over the limit in force, most over first. */
export function overLimitRows(assessed: AssessedCreditColumns): ReadonlyArray<number> {
  const rows: Array<number> = []
  for (let row = 0; row < assessed.count; row++) if (assessed.available[row]! < 0) rows.push(row)
  return rows.sort((left, right) => assessed.available[left]! - assessed.available[right]! || left - right)
}
