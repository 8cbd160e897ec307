import { scaleMinor } from "../../money/money.ts"
import type { CompiledGradingPolicy } from "./compiled-grading-policy.ts"

/** Band codes in the columns: the index in `SalesBand.values` (A 0 … E 4). */
export const salesBandCodes = { A: 0, B: 1, C: 2, D: 3, E: 4 } as const

/**
 * The percentile rank of a customer's sales in basis points: the share of all customers whose
 * sales are at most the customer's (SQL's CUME_DIST), rounded down. A customer with the highest
 * sales has 10 000; the sole customer of a one-customer company too.
 */
export function percentileBasisPoints(customersAtMost: number, customers: number): number {
  return Math.floor((customersAtMost * 10_000) / customers)
}

/**
 * The share of the customer's category purchases that it bought from the company, in basis
 * points rounded down and capped at 10 000; undefined when the purchases are unknown or zero.
 */
export function shareOfWalletBasisPoints(revenueMinor: number, purchasesMinor: number): number | undefined {
  if (!(purchasesMinor > 0)) return undefined
  return Math.min(10_000, scaleMinor(revenueMinor, 10_000, purchasesMinor, "down"))
}

/**
 * The band of 客户分级表 for a measure in basis points: the first band whose lower bound the
 * measure reaches; E when below D's bound or unknown.
 */
export function salesBandCode(
  measureBasisPoints: number | undefined,
  compiled: CompiledGradingPolicy,
): number {
  if (measureBasisPoints === undefined) return salesBandCodes.E
  const bounds = compiled.bandLowerBasisPoints
  if (measureBasisPoints >= bounds[0]) return salesBandCodes.A
  if (measureBasisPoints >= bounds[1]) return salesBandCodes.B
  if (measureBasisPoints >= bounds[2]) return salesBandCodes.C
  if (measureBasisPoints >= bounds[3]) return salesBandCodes.D
  return salesBandCodes.E
}
