import { scaleMinor } from "../../money/money.ts"
import type { CompiledGradingPolicy } from "./compiled-grading-policy.ts"
import { descendingSort } from "./sorted-values.ts"

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
 * The ranking is a stable radix sort (`descendingSort`), so ties keep input order and the pass
 * is linear after it; pass the sort when the caller already has it (the sales bands share it).
 *
 * Throws a RangeError when the total exceeds the safe integers (over 90 trillion yuan).
 */
export function classifyAbc(
  values: Float64Array,
  compiled: CompiledGradingPolicy,
  ranking: { readonly order: Uint32Array; readonly sorted: Float64Array } = descendingSort(values),
): AbcColumns {
  const { order, sorted } = ranking
  const count = values.length
  let total = 0
  for (let row = 0; row < count; row++) {
    const value = values[row]!
    if (value > 0) total += value
  }
  if (!Number.isSafeInteger(total))
    throw new RangeError(`total value ${total} exceeds the safe integer range`)
  const upper = compiled.crossingUpper
  const rounding = upper ? "up" : "down"
  const thresholdA = scaleMinor(total, compiled.classABasisPoints, 10_000, rounding)
  const thresholdB = scaleMinor(total, compiled.classBBasisPoints, 10_000, rounding)
  const classCode = new Uint8Array(count)
  const rank = new Uint32Array(count)
  const cumulative = new Float64Array(count)
  let reached = 0
  for (let position = 0; position < count; position++) {
    const row = order[position]!
    const value = sorted[position]!
    rank[row] = position
    if (!(value > 0)) {
      cumulative[row] = total
      classCode[row] = abcCodes.C
      continue
    }
    const before = reached
    reached += value
    cumulative[row] = reached
    if (upper) {
      classCode[row] = before < thresholdA ? abcCodes.A : before < thresholdB ? abcCodes.B : abcCodes.C
    } else {
      classCode[row] = reached <= thresholdA ? abcCodes.A : reached <= thresholdB ? abcCodes.B : abcCodes.C
    }
  }
  return { classCode, rank, cumulative, total, thresholdA, thresholdB }
}
