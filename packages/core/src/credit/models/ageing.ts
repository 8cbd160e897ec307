import { type Label, label } from "../../labels/label.ts"
import { type Money, ofMinor } from "../../money/money.ts"
import { type CivilDate, dayNumber } from "../../time/civil-date.ts"
import type { CreditPolicy } from "../policy/credit-policy.ts"

/**
 * The bucket of an item `daysOverdue` days past due (≤ 0: not yet due): 0 for not due, then
 * 1 + the first bound the days do not exceed, or 1 + bounds.length beyond the last.
 */
export function ageingBucket(daysOverdue: number, bounds: ReadonlyArray<number>): number {
  if (daysOverdue <= 0) return 0
  for (let index = 0; index < bounds.length; index++) if (daysOverdue <= bounds[index]!) return index + 1
  return bounds.length + 1
}

/** The labels of the ageing buckets: 未到期, 逾期 1–30 天, …, 逾期 180 天以上. */
export function ageingBucketLabels(bounds: ReadonlyArray<number>): ReadonlyArray<Label> {
  const labels = [label("未到期", "Not yet due")]
  let from = 1
  for (const bound of bounds) {
    labels.push(label(`逾期 ${from}–${bound} 天`, `${from}–${bound} days overdue`))
    from = bound + 1
  }
  labels.push(label(`逾期 ${from - 1} 天以上`, `Over ${from - 1} days overdue`))
  return labels
}

/** One open receivable (应收账款): what is still owed and when it fell due. */
export interface OpenReceivable {
  readonly amount: Money
  readonly dueDate: CivilDate
}

/** A customer's receivables by age on a date. */
export interface ReceivablesAgeing {
  readonly asOf: CivilDate
  readonly buckets: ReadonlyArray<{ readonly label: Label; readonly amount: Money; readonly items: number }>
  readonly total: Money
  readonly overdue: Money
  /** Days the oldest overdue item is past due; 0 when nothing is overdue. */
  readonly oldestOverdueDays: number
}

/**
 * Ages one customer's open receivables on `asOf` into the policy's buckets (账龄分析), exactly in
 * integer money. Throws a CurrencyMismatch-style TypeError when an item is in another currency.
 */
export function ageReceivables(
  items: ReadonlyArray<OpenReceivable>,
  asOf: CivilDate,
  policy: CreditPolicy,
): ReceivablesAgeing {
  const bounds = policy.ageing.bucketBoundsDays
  const labels = ageingBucketLabels(bounds)
  const sums = new Array<number>(labels.length).fill(0)
  const counts = new Array<number>(labels.length).fill(0)
  const today = dayNumber(asOf)
  let oldest = 0
  let total = 0
  for (const item of items) {
    if (item.amount.currency !== policy.currency) {
      throw new TypeError(`receivable in ${item.amount.currency}, policy in ${policy.currency}`)
    }
    const days = today - dayNumber(item.dueDate)
    const bucket = ageingBucket(days, bounds)
    sums[bucket]! += item.amount.minor
    counts[bucket]! += 1
    total += item.amount.minor
    if (days > oldest) oldest = days
  }
  return {
    asOf,
    buckets: labels.map((bucketLabel, index) => ({
      label: bucketLabel,
      amount: ofMinor(sums[index]!, policy.currency),
      items: counts[index]!,
    })),
    total: ofMinor(total, policy.currency),
    overdue: ofMinor(total - sums[0]!, policy.currency),
    oldestOverdueDays: oldest,
  }
}

/** Open receivables of many customers as columns: item `i` belongs to customer row `customer[i]`. */
export interface ReceivableColumns {
  readonly customer: Uint32Array
  readonly amountMinor: Float64Array
  /** Due dates as day numbers (days since 1970-01-01, `dayNumber`). */
  readonly dueDay: Int32Array
}

/** The ageing of many customers: `bucketMinor[row × buckets + bucket]`, and each row's oldest overdue days. */
export interface AgeingColumns {
  readonly buckets: number
  readonly bucketMinor: Float64Array
  readonly oldestOverdueDays: Int32Array
}

/**
 * Ages the receivables of `customers` customers at once (the batch form of `ageReceivables`,
 * with the same bucket rule), e.g. to feed `oldestOverdueDays` into the credit columns.
 */
export function ageReceivableColumns(
  items: ReceivableColumns,
  asOf: CivilDate,
  customers: number,
  policy: CreditPolicy,
): AgeingColumns {
  const bounds = policy.ageing.bucketBoundsDays
  const buckets = bounds.length + 2
  const bucketMinor = new Float64Array(customers * buckets)
  const oldestOverdueDays = new Int32Array(customers)
  const today = dayNumber(asOf)
  for (let index = 0; index < items.customer.length; index++) {
    const row = items.customer[index]!
    const days = today - items.dueDay[index]!
    const slot = row * buckets + ageingBucket(days, bounds)
    const sum = bucketMinor[slot]! + items.amountMinor[index]!
    if (!Number.isSafeInteger(sum))
      throw new RangeError(`receivables of customer ${row} exceed the safe integers`)
    bucketMinor[slot] = sum
    if (days > oldestOverdueDays[row]!) oldestOverdueDays[row] = days
  }
  return { buckets, bucketMinor, oldestOverdueDays }
}
