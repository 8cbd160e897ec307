import { scaleMinor } from "../../money/money.ts"
import type { CompiledGradingPolicy } from "./compiled-grading-policy.ts"
import { countAbove, sortedAscending } from "./sorted-values.ts"

/** Class codes in the columns: the index in `AbcClass.values`. */
export const abcCodes = { A: 0, B: 1, C: 2 } as const

/**
 * The ABC classes of a population, as columns. `rank` and `cumulative` say why: the customer's
 * place when sorted by value (largest first, ties in input order) and the value accumulated up to
 * and including it. Customers with nothing to accumulate (value ≤ 0) are C and carry the total.
 */
export interface AbcColumns {
  readonly classCode: Uint8Array
  /** 0-based rank by value, largest first; ties keep input order. */
  readonly rank: Uint32Array
  /** Cumulative value (minor units) up to and including the customer, in rank order. */
  readonly cumulative: Float64Array
  /** Sum of the positive values (minor units). */
  readonly total: number
  /** The cumulative value class A may reach (lower crossing) or must start below (upper crossing). */
  readonly thresholdA: number
  readonly thresholdB: number
}

/**
 * ABC (Pareto) analysis: rank customers by value, accumulate, and cut where the cumulative share
 * reaches the policy's percentages. Exact in integer money: with cut-off c (basis points) and
 * total T, a customer whose cumulative value is K lies within the cut-off when K × 10 000 ≤ T × c,
 * i.e. K ≤ ⌊T × c ÷ 10 000⌋, computed once per cut-off. With `upper` crossing the test is on the
 * value before the customer: K − v < ⌈T × c ÷ 10 000⌉.
 *
 * The ranking needs no comparator sort: the values are sorted natively, a customer's rank is the
 * number of larger values (binary search) plus the number of equal values met earlier in input
 * order, and its cumulative value is the prefix sum of the larger values plus its tie group's
 * share. O(n log n), no allocation per customer.
 *
 * Throws a RangeError when the total exceeds the safe integers (over 90 trillion yuan).
 */
export function classifyAbc(
  values: Float64Array,
  compiled: CompiledGradingPolicy,
  sorted: Float64Array = sortedAscending(values),
): AbcColumns {
  const count = values.length
  let positives = 0
  while (positives < count && sorted[count - 1 - positives]! > 0) positives++
  const prefix = new Float64Array(positives + 1)
  for (let index = 0; index < positives; index++)
    prefix[index + 1] = prefix[index]! + sorted[count - 1 - index]!
  const total = prefix[positives]!
  if (!Number.isSafeInteger(total))
    throw new RangeError(`total value ${total} exceeds the safe integer range`)
  const rounding = compiled.crossingUpper ? "up" : "down"
  const thresholdA = scaleMinor(total, compiled.classABasisPoints, 10_000, rounding)
  const thresholdB = scaleMinor(total, compiled.classBBasisPoints, 10_000, rounding)
  const classCode = new Uint8Array(count)
  const rank = new Uint32Array(count)
  const cumulative = new Float64Array(count)
  const tiesSeen = new Uint32Array(count + 1)
  const upper = compiled.crossingUpper
  for (let index = 0; index < count; index++) {
    const value = values[index]!
    const above = countAbove(sorted, value)
    const tie = tiesSeen[above]!
    tiesSeen[above] = tie + 1
    rank[index] = above + tie
    if (value <= 0) {
      cumulative[index] = total
      classCode[index] = abcCodes.C
      continue
    }
    const reached = prefix[above]! + value * (tie + 1)
    cumulative[index] = reached
    if (upper) {
      const before = reached - value
      classCode[index] = before < thresholdA ? abcCodes.A : before < thresholdB ? abcCodes.B : abcCodes.C
    } else {
      classCode[index] = reached <= thresholdA ? abcCodes.A : reached <= thresholdB ? abcCodes.B : abcCodes.C
    }
  }
  return { classCode, rank, cumulative, total, thresholdA, thresholdB }
}
